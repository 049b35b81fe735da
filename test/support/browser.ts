import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launch } from '../../scripts/tools/chromium.ts';
import { DIST, serveStatic, type StaticServer } from '../../scripts/tools/static-server.ts';

/**
 * Serve dist/ and launch Chromium once for a test file, and close both after
 * it. The returned object is filled in by the time the tests run. A site built
 * for a sub-path is served from its folder under its base (test/site-wide/subpath.test.ts).
 */
export function useSiteBrowser(options: { root?: string; base?: string } = {}): {
  server: StaticServer;
  browser: Browser;
} {
  const site = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    site.server = await serveStatic(
      options.root ?? DIST,
      options.base ? { base: options.base } : {},
    );
    site.browser = await launch();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * A page that records every request that is not to `origin`, so a test can
 * assert that no request leaves the site.
 */
export async function openPage(
  browser: Browser,
  origin: string,
  options: { width?: number; height?: number; javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; outside: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: 'zh-CN',
  });
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  return { context, page, outside };
}

/**
 * A fresh page (1280×800) for each test of the file, closed after it; the
 * test fails if its page requested anything outside the site. Tests do not
 * share a page, so each one stands alone, in any order.
 */
export function usePagePerTest(site: { server: StaticServer; browser: Browser }): {
  page: Page;
} {
  const current = {} as { page: Page; context: BrowserContext; outside: string[] };
  beforeEach(async () => {
    Object.assign(current, await openPage(site.browser, site.server.origin));
  });
  afterEach(async () => {
    await current.context.close();
    expect(current.outside, 'requests that left the site').toEqual([]);
  });
  return current;
}
