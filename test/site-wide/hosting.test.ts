import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { htmlFiles, pageUrl } from '../../scripts/tools/check-links.ts';
import { DEFAULT_SITE, PLAN_PAGES } from '../../src/model/urls.ts';
import { homeModel } from '../../src/site/pages.ts';
import { corpusPlans } from '../../src/site/site-plan.ts';
import { openPage, useSiteBrowser } from '../support/browser.ts';

/**
 * Sharing and hosting (issue 8 §5): the sitemap (@astrojs/sitemap) and robots.txt at the deploy
 * address, a canonical link and Open Graph tags on every page (the redirects and the 404 page
 * name none of their own), the apple-touch-icon, and a 404 page that offers search and every
 * plan's 目录. dist/ is built for the default address (DEFAULT_SITE); the sub-path build is
 * test/site-wide/subpath.test.ts.
 */
const DIST = 'dist';
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const plans = corpusPlans();

describe('sitemap and robots.txt', () => {
  it('list every page of every plan at the deploy address, not the redirects nor the 404', () => {
    expect(read('sitemap-index.xml')).toContain(`<loc>${DEFAULT_SITE}/sitemap-0.xml</loc>`);
    const urls = [...read('sitemap-0.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    const listed = new Set(urls);
    for (const plan of plans) {
      for (const page of Object.values(PLAN_PAGES))
        expect(listed.has(`${DEFAULT_SITE}${plan.href(page)}`), plan.href(page)).toBe(true);
      for (const e of homeModel(plan).contents)
        expect(listed.has(`${DEFAULT_SITE}${e.href}`), e.href).toBe(true);
    }
    expect(listed.has(`${DEFAULT_SITE}/`)).toBe(true);
    expect(listed.has(`${DEFAULT_SITE}/compare/indicators/`)).toBe(true);
    // The old root URLs redirect: not pages of their own.
    expect(listed.has(`${DEFAULT_SITE}/7/1/`)).toBe(false);
    expect(listed.has(`${DEFAULT_SITE}/indicators/`)).toBe(false);
    expect(urls.some((u) => u.includes('404'))).toBe(false);
    expect(urls.every((u) => u.startsWith(`${DEFAULT_SITE}/`))).toBe(true);
  });

  it('robots.txt allows everything and names the sitemap', () => {
    expect(read('robots.txt')).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${DEFAULT_SITE}/sitemap-index.xml\n`,
    );
  });
});

describe('the head of every page', () => {
  it('has a canonical link and og:url to itself at the deploy address, and Open Graph tags', () => {
    const wrong: string[] = [];
    for (const file of htmlFiles(DIST)) {
      const html = readFileSync(file, 'utf8');
      const path = pageUrl(DIST, file);
      if (/<meta name="robots" content="noindex"/.test(html) || path === '/404.html') continue;
      const self = `${DEFAULT_SITE}${path}`;
      const canonical = /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
      const og = (p: string) =>
        new RegExp(`<meta property="og:${p}" content="([^"]*)"`).exec(html)?.[1];
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
      if (canonical !== self || og('url') !== self) wrong.push(`${path}: canonical ${canonical}`);
      if (og('title') !== title || !og('description') || og('site_name') !== '规划纲要知识库')
        wrong.push(`${path}: og tags`);
      if (/<meta property="og:image"/.test(html)) wrong.push(`${path}: og:image`);
      if (!html.includes('<link rel="apple-touch-icon" href="/apple-touch-icon.png">'))
        wrong.push(`${path}: apple-touch-icon`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('the 404 page names no canonical URL (it is served at any address)', () => {
    expect(read('404.html')).not.toMatch(/rel="canonical"|og:url/);
  });
});

describe('the apple-touch-icon', () => {
  it('is a 180×180 PNG of the site’s red with the white lines of the favicon', () => {
    const png = readFileSync(join(DIST, 'apple-touch-icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([
      180, 180, 8, 2,
    ]);
    const idat = png.indexOf('IDAT');
    const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
    const pixel = (x: number, y: number) =>
      [...rows.subarray(y * 541 + 1 + x * 3, y * 541 + 4 + x * 3)].join(',');
    expect(pixel(5, 5)).toBe('163,29,29');
    expect(pixel(90, 50)).toBe('255,255,255'); // the first line, y = 9 of 32
    expect(pixel(90, 70)).toBe('163,29,29');
  });
});

describe('the 404 page', () => {
  const site = useSiteBrowser();

  it('is served for a miss, and offers search over every plan and each plan’s 目录', async () => {
    const { context, page, outside } = await openPage(site.browser, site.server.origin, {
      width: 390,
      height: 844,
    });
    const response = await page.goto(`${site.server.origin}/licang-14/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('页面不存在');
    for (const plan of plans) {
      const contents = page.locator('details.plan-contents', { hasText: plan.meta.shortName });
      await contents.locator('summary').click();
      const first = homeModel(plan).contents.find(
        (e) => e.kind === 'chapter' || e.kind === 'part',
      )!;
      expect(await contents.locator(`a[href="${first.href}"]`).count()).toBe(1);
    }
    await page.locator('#q-404').fill('垃圾分类');
    await page.locator('form.search-404 button').click();
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('垃圾分类');
    expect(new URL(page.url()).searchParams.get('plan')).toBe('all');
    expect(outside).toEqual([]);
    await context.close();
  });

  it('exists as 404.html for the host to serve', () => {
    expect(existsSync(join(DIST, '404.html'))).toBe(true);
  });
});
