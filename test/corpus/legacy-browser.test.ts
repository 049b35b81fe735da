import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useSiteBrowser } from '../support/browser.ts';
import { LICANG } from '../support/real-plan.ts';

/**
 * Old links in a real browser: a clause URL of the site before the corpus lands on the same
 * clause under /licang-14/, in view; without JavaScript the meta refresh still leads to the page.
 */
const site = useSiteBrowser();

/** The element is inside the viewport (at least its top part). */
async function inView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((target) => {
    const el = document.getElementById(target);
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.top >= -1 && box.top < window.innerHeight && box.bottom > 0;
  }, id);
}

describe('old clause URLs', () => {
  for (const [old, id] of [
    ['/7/1/#7.1.1', '7.1.1'],
    ['/indicators/#T2.21', 'T2.21'],
    ['/4/2/#B5.2', 'B5.2'],
  ] as const) {
    it(`${old} lands on /${LICANG}${old} with the clause in view`, async () => {
      const { context, page, outside } = await openPage(site.browser, site.server.origin, {
        width: 390,
        height: 844,
      });
      await page.goto(site.server.origin + old);
      await page.waitForURL(`${site.server.origin}/${LICANG}${old}`);
      await page.waitForLoadState('load');
      expect(await page.evaluate((target) => location.hash === `#${target}`, id)).toBe(true);
      expect(await inView(page, id)).toBe(true);
      expect(await page.locator(`[id="${id}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
      expect(outside).toEqual([]);
      await context.close();
    });
  }

  it('keeps the query too (an old search result link with its highlights)', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/7/1/?hl=${encodeURIComponent('垃圾分类')}#7.1.3`);
    await page.waitForURL(`${site.server.origin}/${LICANG}/7/1/?hl=*#7.1.3`);
    await page.waitForSelector('[id="7.1.3"] mark.search-hit');
    await context.close();
  });

  it('without JavaScript, the refresh leads to the new page', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    await page.goto(`${site.server.origin}/entities/`);
    await page.waitForURL(`${site.server.origin}/${LICANG}/entities/`);
    expect(await page.locator('h1').innerText()).toBe('名称索引');
    await context.close();
  });
});
