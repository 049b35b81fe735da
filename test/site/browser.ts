import type { Browser, BrowserContext, Page } from 'playwright-core';

export { launch } from '../../scripts/chromium.ts';

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
