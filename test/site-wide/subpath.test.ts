import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, formatProblems } from '../../scripts/tools/check-links.ts';
import { openPage, useSiteBrowser } from '../support/browser.ts';

/**
 * The site deployed under a sub-path (issue 8 §5: a GitHub Pages project site, an intranet
 * /plans/licang/): `npm run build:subpath` builds it a second time with PLAN_KB_BASE and
 * PLAN_KB_SITE into test-results/dist-subpath/. The link checker runs on it with the base (every
 * internal link and file starts with it), and Chromium reads it served at that base only, as a
 * host would: every page type, the search worker, the clause tools and their exports, the old
 * URLs' redirects and the 404 page load nothing outside the base and nothing that fails.
 */
const ROOT = 'test-results/dist-subpath';
const BASE = '/plans/kb/';
const SITE = 'https://plans.example.org';

if (!existsSync(join(ROOT, 'index.html')))
  throw new Error(`${ROOT}/index.html is missing: run \`npm run build:subpath\` first`);

describe('the sub-path build', () => {
  it('has no broken link, and every internal link and file is under the base', () => {
    const report = checkLinks(ROOT, { base: BASE, site: SITE });
    expect(report.pages).toBeGreaterThanOrEqual(846);
    expect(formatProblems(report.problems)).toBe('');
  });

  it('names its pages at the deploy address with the base: canonical, sitemap, robots.txt', () => {
    const page = readFileSync(join(ROOT, 'licang-14/7/1/index.html'), 'utf8');
    expect(page).toContain(`<link rel="canonical" href="${SITE}${BASE}licang-14/7/1/">`);
    expect(page).toContain(`data-url="${SITE}${BASE}licang-14/7/1/#7.1.1"`);
    expect(page).toContain(`data-export="${BASE}licang-14/cite/pages/7.1.json"`);
    const sitemap = readFileSync(join(ROOT, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(locs).toContain(`${SITE}${BASE}licang-14/7/1/`);
    expect(locs.every((u) => u.startsWith(`${SITE}${BASE}`))).toBe(true);
    expect(locs).not.toContain(`${SITE}${BASE}7/1/`);
    expect(readFileSync(join(ROOT, 'robots.txt'), 'utf8')).toContain(
      `Sitemap: ${SITE}${BASE}sitemap-index.xml`,
    );
  });
});

describe('the link checker with a base', () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-base-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const page = (path: string, html: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  };

  it('reports a link that leaves the base, and checks absolute links at the deploy address', () => {
    page('index.html', '<p id="top"></p><a href="/plans/kb/a/">ok</a>');
    page(
      'a/index.html',
      [
        '<link rel="canonical" href="https://plans.example.org/plans/kb/a/">',
        '<link rel="canonical" href="https://plans.example.org/plans/kb/gone/">',
        '<a href="/a/">1</a>',
        '<script src="/_astro/x.js"></script>',
        '<a href="../#top">ok</a>',
      ].join(''),
    );
    const { problems } = checkLinks(dir, { base: BASE, site: SITE });
    expect(problems.map((p) => `${p.href} ${p.problem.split(' ')[0]}`)).toEqual([
      'https://plans.example.org/plans/kb/gone/ no',
      '/a/ outside',
      '/_astro/x.js outside',
    ]);
  });
});

describe('served under the base, in Chromium', () => {
  const site = useSiteBrowser({ root: ROOT, base: BASE });
  const at = (path: string) => `${site.server.origin}${BASE}${path}`;

  /** Open a page and record every response that failed and every request outside the base. */
  async function visit(page: Page, path: string, expectStatus = 200) {
    const failed: string[] = [];
    const outsideBase: string[] = [];
    const blocked: string[] = [];
    page.on('response', (r: Response) => {
      const url = new URL(r.url());
      if (url.origin !== site.server.origin) return;
      if (!url.pathname.startsWith(BASE)) outsideBase.push(url.pathname);
      else if (r.status() >= 400 && r.url() !== at(path)) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') blocked.push(m.text());
    });
    const response = await page.goto(at(path));
    expect(response?.status(), path).toBe(expectStatus);
    await page.waitForLoadState('load');
    // The stylesheets loaded: the header is laid out as the site's CSS says, not as bare HTML.
    expect(
      await page.evaluate(() => [...document.styleSheets].every((s) => s.cssRules.length > 0)),
    ).toBe(true);
    return { failed, outsideBase, blocked };
  }

  it.each([
    ['corpus home', ''],
    ['plan home', 'licang-14/'],
    ['reading page', 'licang-14/7/1/'],
    ['indicators', 'licang-14/indicators/'],
    ['targets', 'licang-14/targets/'],
    ['entities', 'licang-14/entities/'],
    ['cite', 'licang-14/cite/'],
    ['downloads', 'licang-14/downloads/'],
    ['compare indicators', 'compare/indicators/'],
    ['glossary', 'guangzhou-15/glossary/'],
  ])('%s loads everything from under the base', async (_, path) => {
    const { context, page, outside } = await openPage(site.browser, site.server.origin);
    const seen = await visit(page, path);
    expect(seen).toEqual({ failed: [], outsideBase: [], blocked: [] });
    expect(outside).toEqual([]);
    await context.close();
  });

  it('search: the worker fetches the index under the base, and a hit opens under it', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    const seen = await visit(page, 'search/?q=垃圾分类');
    const first = page.locator('#search-page-results > li a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^${BASE}[a-z]`));
    await first.click();
    await page.waitForURL(new RegExp(`${BASE}[a-z0-9-]+/`));
    expect(seen).toEqual({ failed: [], outsideBase: [], blocked: [] });
    await context.close();
  });

  it('the clause tools copy the deploy URL and export from under the base', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.origin,
    });
    const seen = await visit(page, 'licang-14/7/1/');
    await page.locator('[id="7.1.1"] .tools button[data-copy="link"]').click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${SITE}${BASE}licang-14/7/1/#7.1.1`);
    await page.locator('[id="7.1.1"] .tools button[data-copy="formats"]').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#cite-panel button[data-export="ris"]').click(),
    ]);
    const ris = readFileSync((await download.path())!, 'utf8');
    expect(ris).toContain(`UR  - ${SITE}${BASE}licang-14/7/1/#7.1.1`);
    expect(seen).toEqual({ failed: [], outsideBase: [], blocked: [] });
    await context.close();
  });

  it('an old URL under the base redirects to its clause under the base', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    await page.goto(at('7/1/#7.1.1'));
    await page.waitForURL(at('licang-14/7/1/#7.1.1'));
    await context.close();
  });

  it('a miss under the base gets the 404 page, whose links and search stay under it', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    const seen = await visit(page, 'licang-14/no-such-page/', 404);
    expect(await page.locator('h1').innerText()).toBe('页面不存在');
    const hrefs = await page
      .locator('main a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !h.startsWith(BASE) && !/^https?:/.test(h))).toEqual([]);
    expect(await page.locator('form.search-404').getAttribute('action')).toBe(`${BASE}search/`);
    expect(seen.failed).toEqual([]);
    expect(seen.outsideBase).toEqual([]);
    await context.close();
  });
});
