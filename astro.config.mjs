// @ts-check
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { DEFAULT_SITE, isUsableSlug } from './src/model/urls.ts';

/**
 * Where the site is deployed (README "Deploy", docs/site.md):
 *
 * - PLAN_KB_SITE: the address, scheme and host (`https://plans.example.gov.cn`); citations,
 *   canonical links, Open Graph tags and the sitemap carry it. Default: DEFAULT_SITE
 *   (`http://localhost:4321`, where `npm start` serves).
 * - PLAN_KB_BASE: the path the site is served under (`/plans/licang/`, a GitHub Pages project's
 *   `/<repo>/`). Default `/`. Every link and file of the site goes through it
 *   (src/model/urls.ts withBase).
 */
const site = process.env.PLAN_KB_SITE || DEFAULT_SITE;
const base = process.env.PLAN_KB_BASE || '/';
if (!/^https?:\/\/[^/]+\/?$/.test(site))
  throw new Error(
    `PLAN_KB_SITE must be a scheme and host like https://plans.example.org (got ${site}); put a path in PLAN_KB_BASE`,
  );
if (!base.startsWith('/')) throw new Error(`PLAN_KB_BASE must start with / (got ${base})`);

/**
 * Pages the sitemap lists: the corpus home, the search and compare pages, and every page of a
 * plan. Not the 404 page nor the old URLs at the root, which redirect (src/pages/[...legacy].astro).
 * @param {string} page the page's absolute URL
 */
function listed(page) {
  const path = new URL(page).pathname;
  const baseLength = base.replace(/\/?$/, '/').length;
  const first = path.slice(baseLength).split('/')[0] ?? '';
  return first === '' || first === 'search' || first === 'compare' || isUsableSlug(first);
}

/**
 * @astrojs/sitemap writes sitemap-index.xml (and sitemap-0.xml…); the same index is also
 * sitemap.xml, the name crawlers and people try first.
 * @type {import('astro').AstroIntegration}
 */
const sitemapAlias = {
  name: 'sitemap-alias',
  hooks: {
    'astro:build:done': ({ dir }) => {
      const out = fileURLToPath(dir);
      copyFileSync(`${out}/sitemap-index.xml`, `${out}/sitemap.xml`);
    },
  },
};

// A fully static site: every page, the data downloads and the search index are files in dist/.
export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // No inline <style>: the Content-Security-Policy allows stylesheets from the site only
    // (src/site/security.ts). Every stylesheet is a file in dist/_astro/.
    inlineStylesheets: 'never',
  },
  integrations: [sitemap({ filter: listed }), sitemapAlias],
  vite: {
    build: {
      // Scripts are never inlined either: every bundled script is a file in dist/_astro/.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
  // No telemetry, no remote fonts or images: the site must work with no outside requests.
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
