// @ts-check
import { defineConfig } from 'astro/config';

// A fully static site: every page, the data downloads and the search index are files in dist/.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  vite: {
    build: {
      // Scripts are never inlined (a Content-Security-Policy without 'unsafe-inline' is coming):
      // every bundled script is a file in dist/_astro/. Other assets (small stylesheets) keep
      // Vite's default of inlining under 4 KB.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
  // No telemetry, no remote fonts or images: the site must work with no outside requests.
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
