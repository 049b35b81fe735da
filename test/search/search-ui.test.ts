import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/tools/static-server.ts';
import { openPage, useSiteBrowser } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { LICANG } from '../support/real-plan.ts';

/**
 * The search page and the header box as a reader meets them (issue 8 §3, issue 10): results
 * past the first 50, a phone's first screen, one search box on /search/, no keyboard hint on a
 * touch screen, what the page offers without JavaScript, and a clear message when the index is
 * missing, not JSON or of another version (run `npm run build` first).
 */
const site = useSiteBrowser();
const OUT = 'test-results/screenshots';

/** A phone: 390 × 844, touch, no hover. */
const PHONE = { width: 390, height: 844 };

async function phonePage(javaScriptEnabled = true) {
  const context = await site.browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    javaScriptEnabled,
    // axe-core is injected as a script of its own; the site's CSP is tested elsewhere.
    bypassCSP: true,
  });
  const page = await context.newPage();
  return { context, page };
}

/** Uncaught errors and console errors on a page (a failed fetch's network line aside). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  return errors;
}

describe('search page', () => {
  it('shows 50 results, then 50 more with 显示更多, and says how many are left', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    const errors = watchErrors(page);
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('发展')}&plan=all`);
    await page.waitForSelector('#search-page-results li');
    expect(await page.locator('#search-page-results > li').count()).toBe(50);
    const status = await page.textContent('#search-page-status');
    const total = Number(/找到 (\d+) 条结果/.exec(status ?? '')?.[1]);
    expect(total).toBeGreaterThan(100);
    expect(status).toContain('显示前 50 条');
    const first = await page.$$eval('#search-page-results a.sr-hit', (as) =>
      as.map((a) => a.getAttribute('href')),
    );
    const more = page.locator('#search-page-more');
    expect(await more.textContent()).toBe(`显示更多（还有 ${total - 50} 条）`);
    await more.click();
    await expect
      .poll(() => page.locator('#search-page-results > li').count(), { timeout: 20_000 })
      .toBe(100);
    const all = await page.$$eval('#search-page-results a.sr-hit', (as) =>
      as.map((a) => a.getAttribute('href')),
    );
    // The first page is kept as it was, the next one follows, and no hit comes twice.
    expect(all.slice(0, 50)).toEqual(first);
    expect(new Set(all).size).toBe(100);
    expect(await page.textContent('#search-page-status')).toContain('显示前 100 条');
    // Focus moves to the first new hit, so a keyboard or screen reader user reads on from there.
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('#search-page-results > li:nth-child(51)') ? 1 : 0,
      ),
    ).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hides 显示更多 when every hit is shown', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('看病难')}`);
    await page.waitForSelector('#search-page-results li');
    const count = await page.locator('#search-page-results > li').count();
    expect(count).toBeLessThan(50);
    expect(await page.textContent('#search-page-status')).toBe(`找到 ${count} 条结果`);
    expect(await page.isHidden('#search-page-more')).toBe(true);
    await context.close();
  });

  it('has one search box, and its filters open on a wide screen', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('看病')}`);
    await page.waitForSelector('#search-page-results li');
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    expect(await page.locator('form.search').count()).toBe(0);
    expect(await page.getAttribute('#search-page-filters', 'open')).not.toBeNull();
    expect(await page.isVisible('#search-page-chapter')).toBe(true);
    // The old anchor of the header's box on this page leads to the page's own box.
    expect(await page.locator('[id="site-search-q"] #search-page-q').count()).toBe(1);
    await context.close();
  });
});

describe('on a 390 px phone', () => {
  it('shows the results on the first screen, the filters behind 筛选', async () => {
    const { context, page } = await phonePage();
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('看病难')}`);
    await page.waitForSelector('#search-page-results li');
    // The first results are on the first screen; the 15 filters are not.
    const hits = await page.$$eval('#search-page-results > li', (lis) =>
      lis.slice(0, 2).map((li) => li.getBoundingClientRect().bottom),
    );
    expect(hits.length).toBe(2);
    for (const bottom of hits) expect(bottom).toBeLessThan(PHONE.height);
    expect(await page.getAttribute('#search-page-filters', 'open')).toBeNull();
    expect(await page.isVisible('#search-page-chapter')).toBe(false);
    expect(await page.isVisible('input[name="kind"]')).toBe(false);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'search-kanbingnan-390.png') });
    // 筛选 opens them, and says how many are on.
    await page.click('#search-page-filters summary');
    expect(await page.isVisible('#search-page-chapter')).toBe(true);
    await page.check('input[name="kind"][value="measure"]');
    await expect
      .poll(() => page.textContent('#search-page-filter-count'), { timeout: 10_000 })
      .toBe('（1）');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows no “按 / 键” hint on a touch screen, and shows it with a keyboard and mouse', async () => {
    const { context, page } = await phonePage();
    await page.goto(`${site.server.origin}/${LICANG}/7/1/`);
    await page.waitForFunction(() =>
      document.querySelector('#site-search-q')?.hasAttribute('aria-keyshortcuts'),
    );
    expect(await page.getAttribute('#site-search-q', 'placeholder')).toBe('搜索本规划');
    await context.close();
    const desktop = await openPage(site.browser, site.server.origin);
    await desktop.page.goto(`${site.server.origin}/${LICANG}/7/1/`);
    await desktop.page.waitForFunction(() =>
      document.querySelector('#site-search-q')?.hasAttribute('aria-keyshortcuts'),
    );
    expect(await desktop.page.getAttribute('#site-search-q', 'placeholder')).toBe(
      '搜索本规划（按 / 键）',
    );
    await desktop.context.close();
  });
});

describe('without JavaScript', () => {
  it('offers the static topic pages, each plan’s 目录 and its 名称索引', async () => {
    const { context, page } = await phonePage(false);
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('看病')}`);
    expect(await page.isVisible('.search-nojs')).toBe(true);
    expect(await page.isHidden('#search-page-empty')).toBe(true);
    const links = await page.$$eval('.search-nojs a', (as) =>
      as.map((a): [string, string] => [a.textContent!.trim(), a.getAttribute('href')!]),
    );
    const topics = links.filter(([, href]) => href.startsWith('/compare/topics/'));
    // Every entry of the topic map has its static page, and each link is a file in dist/.
    expect(topics).toContainEqual(['看病', '/compare/topics/kan-bing/']);
    expect(topics.length).toBeGreaterThan(50);
    for (const [, href] of links)
      expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
    expect(links).toContainEqual(['名称索引', `/${LICANG}/entities/`]);
    expect(links).toContainEqual(['目录', `/${LICANG}/`]);
    await context.close();
  });
});

describe('when the search index cannot be loaded', () => {
  /** The manifest, broken three ways: missing, not JSON, another version. */
  const broken: [string, { status: number; body: string }][] = [
    ['missing', { status: 404, body: 'not found' }],
    ['not JSON', { status: 200, body: '{"version": 3, "plans": [' }],
    ['another version', { status: 200, body: JSON.stringify({ version: 999, plans: [] }) }],
  ];

  for (const [name, response] of broken) {
    it(`says search is unavailable on /search/ and in the header box (${name}), with nothing uncaught`, async () => {
      const { context, page } = await openPage(site.browser, site.server.origin);
      await context.route('**/search/manifest.json', (route) =>
        route.fulfill({ ...response, contentType: 'application/json' }),
      );
      const errors = watchErrors(page);
      await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('看病')}`);
      await page.waitForSelector('#search-page-unavailable:not([hidden])');
      expect(await page.textContent('#search-page-status')).toBe('搜索暂时不可用。');
      const ways = await page.$$eval('#search-page-unavailable a', (as) =>
        as.map((a) => a.getAttribute('href')),
      );
      expect(ways).toContain(`/${LICANG}/`);
      expect(ways).toContain('/compare/topics/');
      expect(await page.locator('#search-page-results > li').count()).toBe(0);
      // Typing again keeps the message, and never throws.
      await page.fill('#search-page-q', '养老');
      await page.waitForTimeout(300);
      expect(await page.isVisible('#search-page-unavailable')).toBe(true);

      await page.goto(`${site.server.origin}/${LICANG}/7/1/`);
      await page.fill('#site-search-q', '看病');
      const message = page.locator('form.search .sbox-unavailable');
      await message.waitFor();
      expect(await message.textContent()).toBe(
        '搜索暂时不可用。可以从目录、名称索引、主题页继续查找。',
      );
      expect(
        await message.evaluate((p) =>
          [...p.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        ),
      ).toEqual([`/${LICANG}/`, `/${LICANG}/entities/`, '/compare/topics/']);
      await page.waitForTimeout(300);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
