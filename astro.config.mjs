// @ts-check
import { defineConfig } from 'astro/config';

// A fully static site: every page, the data downloads and the search index are files in dist/.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No telemetry, no remote fonts or images: the site must work with no outside requests.
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
