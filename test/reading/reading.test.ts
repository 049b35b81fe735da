import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_SITE } from '../../src/model/urls.ts';
import { openPage, useSiteBrowser } from '../support/browser.ts';

/**
 * Reading the plan in a real browser: reaching a section through the table
 * of contents, landing on a measure's anchor, the clause tools, reading
 * without JavaScript and with the keyboard only.
 */
const TITLE = '青岛市李沧区国民经济和社会发展第十四个五年规划和2035年远景目标纲要';

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

describe('reaching 第七章第一节 through the table of contents', () => {
  it('on a laptop: home 目录 → /7/1/ → the measure 推进“山水园圈”工程 at its anchor', async () => {
    const { context, page, outside } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/licang-14/`);
    const chapter = page.locator('nav.overview li', {
      has: page.locator('a[href="/licang-14/7/"]'),
    });
    await chapter.getByRole('link', { name: /第一节\s*加快推动绿色低碳发展/ }).click();
    await page.waitForURL(`${site.server.origin}/licang-14/7/1/`);
    expect(await page.locator('h1').innerText()).toMatch(/第一节\s*加快推动绿色低碳发展/);
    // Where the reader is: the sidebar marks this section, the breadcrumbs name it.
    const current = page.locator('.sidebar [aria-current="page"]');
    await expect.poll(() => current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe('/licang-14/7/1/');
    expect((await page.locator('nav.crumbs li').allInnerTexts()).map((t) => t.trim())).toEqual([
      '李沧区“十四五”规划纲要',
      '第七章',
      '第一节 加快推动绿色低碳发展',
    ]);
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe('/licang-14/7/');
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe('/licang-14/7/2/');

    await page.locator('a.clause-id[href="#7.1.1"]').click();
    await page.waitForURL(`${site.server.origin}/licang-14/7/1/#7.1.1`);
    const measure = page.locator('[id="7.1.1"]');
    expect(await measure.locator('strong').innerText()).toBe('推进“山水园圈”工程。');
    expect(await inView(page, '7.1.1')).toBe(true);
    expect(await measure.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('on a phone: the 目录 drawer → 第七章第一节; a clause URL opens at its anchor', async () => {
    const { context, page, outside } = await openPage(site.browser, site.server.origin, {
      width: 390,
      height: 844,
    });
    await page.goto(`${site.server.origin}/licang-14/7/`);
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    await page.locator('.toc-drawer summary').click();
    await page.locator('.toc-drawer a[href="/licang-14/7/1/"]').click();
    await page.waitForURL(`${site.server.origin}/licang-14/7/1/`);
    expect(await page.locator('.toc-drawer summary').innerText()).toContain('第七章 第一节');
    await page.goto(`${site.server.origin}/licang-14/7/1/#7.1.1`);
    expect(await inView(page, '7.1.1')).toBe(true);
    expect(outside).toEqual([]);
    await context.close();
  });
});

describe('clause tools', () => {
  // The citation formats and the panel: test/citations/.
  const reference = (day: string, where: string, url: string) =>
    `李沧区人民政府. ${where}[Z/OL]//李沧区人民政府. ${TITLE}: 青李沧政发〔2021〕12号. (2021-03-31)[${day}]. ${DEFAULT_SITE}${url}.`;
  const today = (page: Page) =>
    page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });

  it('copy the clause’s reference with the deploy URL, and the link', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.origin,
    });
    await page.goto(`${site.server.origin}/licang-14/7/1/`);
    const tools = page.locator('[id="7.1.1"] .tools');
    await tools.getByRole('button', { name: '复制引用' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(
        reference(
          await today(page),
          '第七章第一节第1条 7.1.1 推进“山水园圈”工程',
          '/licang-14/7/1/#7.1.1',
        ),
      );
    expect(await page.locator('#copy-status').innerText()).toContain('已复制引用');
    await tools.getByRole('button', { name: '复制链接' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${DEFAULT_SITE}/licang-14/7/1/#7.1.1`);
    await context.close();
  });

  it('are on every measure, box item and indicator, and cite indicators at /indicators/', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.server.origin,
    });
    await page.goto(`${site.server.origin}/licang-14/4/2/`);
    const missing = await page.evaluate(() =>
      [...document.querySelectorAll('.measure, .box-items > li')]
        .filter((el) => el.querySelectorAll(':scope > .tools button').length !== 3)
        .map((el) => el.id),
    );
    expect(missing).toEqual([]);
    await page.goto(`${site.server.origin}/licang-14/1/1/`);
    await page.locator('[id="T1.6"] button[data-copy="citation"]').click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(
        reference(
          await today(page),
          '表1第6项 T1.6 海洋经济增加值占生产总值比重',
          '/licang-14/indicators/#T1.6',
        ),
      );
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('reads the whole section, with anchors as plain links and the 目录 drawer working', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      width: 390,
      height: 844,
      javaScriptEnabled: false,
    });
    await page.goto(`${site.server.origin}/licang-14/7/1/`);
    expect(await page.locator('.measure').count()).toBe(4);
    expect(await page.locator('.tools button').count()).toBe(0);
    expect(await page.locator('a.clause-id[href="#7.1.1"]').count()).toBe(1);
    await page.locator('.toc-drawer summary').click();
    expect(await page.locator('.toc-drawer a[href="/licang-14/7/2/"]').isVisible()).toBe(true);
    await page.locator('.toc-drawer a[href="/licang-14/7/2/"]').click();
    await page.waitForURL(`${site.server.origin}/licang-14/7/2/`);
    await context.close();
  });
});

describe('print', () => {
  it('prints the section with its citation and URL, without the site’s navigation', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/licang-14/7/1/`);
    await page.emulateMedia({ media: 'print' });
    const citation = page.locator('.print-citation');
    expect(await citation.isVisible()).toBe(true);
    const day = await page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    expect((await citation.innerText()).replace(/\s+/g, ' ')).toBe(
      `引用本页：李沧区人民政府. 第七章第一节 7.1 加快推动绿色低碳发展[Z/OL]//李沧区人民政府. ${TITLE}: 青李沧政发〔2021〕12号. (2021-03-31)[${day}]. ${DEFAULT_SITE}/licang-14/7/1/.`,
    );
    for (const selector of ['.site-header', '.sidebar', '.toc-drawer', '.pager', '.tools button']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    await context.close();
  });
});

describe('keyboard', () => {
  it('skips to the text first and shows where the focus is', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.origin}/licang-14/7/1/`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        text: el.textContent,
        outline: style.outlineStyle,
        visible: box.top >= 0 && box.height > 0,
      };
    });
    expect(skip).toEqual({ text: '跳到正文', outline: 'solid', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    // The next stops are in the text: the breadcrumbs, then the page's own tools.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { inMain: !!el.closest('main'), outline: getComputedStyle(el).outlineStyle };
    });
    expect(next).toEqual({ inMain: true, outline: 'solid' });
    await context.close();
  });
});
