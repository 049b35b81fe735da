import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, PLAN_PAGES, targetUrl } from '../../src/model/urls.ts';
import { ACCESS_DATE } from '../../src/site/citations.ts';
import { loadSitePlan } from '../../src/site/site-plan.ts';
import { openPage, useSiteBrowser } from '../support/browser.ts';

/**
 * The citation tools in Chromium (issue 8 §2): 复制引用 copies the clause's GB/T 7714 reference
 * with the reader's date and the deploy URL, through the real clipboard; the panel copies the
 * in-text form and downloads BibTeX, RIS and CSL-JSON that citation-js parses back; /cite/
 * copies and downloads the document's reference; every anchored kind has the tools, each
 * target at least 24×24 px; without JavaScript /cite/ shows the build date.
 */
const site = useSiteBrowser();
const TITLE = '青岛市李沧区国民经济和社会发展第十四个五年规划和2035年远景目标纲要';
const licang = loadSitePlan('licang-14');

/** The reader's today, in the page's own time zone. */
const today = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });

async function withClipboard(): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await openPage(site.browser, site.server.origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: site.server.origin,
  });
  return { context, page };
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Click, take the download, and parse it back as a reference manager would. */
async function downloaded(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  const [item] = (new Cite(text) as unknown as { data: Record<string, unknown>[] }).data;
  return { name: download.suggestedFilename(), text, item: item! };
}

describe('a clause: 7.1.1 推进“山水园圈”工程', () => {
  it('复制引用 copies its GB/T 7714 reference with today as the access date', async () => {
    const { context, page } = await withClipboard();
    await page.goto(`${site.server.origin}/licang-14/7/1/`);
    const day = await today(page);
    await page.locator('[id="7.1.1"] .tools').getByRole('button', { name: '复制引用' }).click();
    await expect
      .poll(() => clipboard(page))
      .toBe(
        `李沧区人民政府. 第七章第一节第1条 7.1.1 推进“山水园圈”工程[Z/OL]//李沧区人民政府. ${TITLE}: 青李沧政发〔2021〕12号. (2021-03-31)[${day}]. ${DEFAULT_SITE}/licang-14/7/1/#7.1.1.`,
      );
    expect(await page.locator('#copy-status').innerText()).toContain('已复制引用');
    await context.close();
  });

  it('引用格式 shows the reference and copies the in-text form; Escape closes it', async () => {
    const { context, page } = await withClipboard();
    await page.goto(`${site.server.origin}/licang-14/7/1/`);
    const opener = page.locator('[id="7.1.1"] .tools button[data-copy="formats"]');
    await opener.click();
    const panel = page.getByRole('dialog', { name: '引用 7.1.1' });
    await panel.waitFor();
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    expect(await panel.locator('.cite-panel-text').first().innerText()).toContain(
      `(2021-03-31)[${await today(page)}]`,
    );
    await panel.getByRole('button', { name: '复制文中标注' }).click();
    await expect.poll(() => clipboard(page)).toBe('《李沧区“十四五”规划纲要》第七章第一节第1条');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(await opener.getAttribute('aria-expanded')).toBe('false');
    expect(await opener.evaluate((b) => b === document.activeElement)).toBe(true);
    await context.close();
  });

  it('exports BibTeX, RIS and CSL-JSON that parse back, dated today', async () => {
    const { context, page } = await withClipboard();
    await page.goto(`${site.server.origin}/licang-14/7/1/`);
    const day = (await today(page)).split('-').map(Number);
    await page.locator('[id="7.1.1"] .tools button[data-copy="formats"]').click();
    for (const [format, name] of [
      ['bibtex', 'licang-14-7.1.1.bib'],
      ['ris', 'licang-14-7.1.1.ris'],
      ['csl', 'licang-14-7.1.1.json'],
    ] as const) {
      const got = await downloaded(page, () =>
        page.locator(`#cite-panel button[data-export="${format}"]`).click(),
      );
      expect(got.name).toBe(name);
      expect(got.item.title, format).toBe('第七章第一节第1条 7.1.1 推进“山水园圈”工程');
      expect(got.item.URL, format).toBe(`${DEFAULT_SITE}/licang-14/7/1/#7.1.1`);
      expect(got.item['container-title'], format).toBe(TITLE);
      expect(got.item.accessed, format).toEqual({ 'date-parts': [day] });
    }
    await context.close();
  });
});

describe('the document on /cite/', () => {
  it('shows and copies the reference with today’s date, and downloads its three exports', async () => {
    const { context, page } = await withClipboard();
    await page.goto(`${site.server.origin}${licang.href(PLAN_PAGES.cite)}`);
    const day = await today(page);
    const reference = `李沧区人民政府. ${TITLE}: 青李沧政发〔2021〕12号[Z/OL]. (2021-03-31)[${day}]. ${DEFAULT_SITE}/licang-14/.`;
    expect(await page.locator('#reference').innerText()).toBe(reference);
    await page.locator('.tools[data-id="plan"]').getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => clipboard(page)).toBe(reference);
    for (const [format, name] of [
      ['BibTeX', 'licang-14.bib'],
      ['RIS', 'licang-14.ris'],
      ['CSL-JSON', 'licang-14.json'],
    ]) {
      const got = await downloaded(page, () =>
        page.locator('.cite-downloads').getByRole('link', { name: format, exact: true }).click(),
      );
      expect(got.name).toBe(name);
      expect(got.item.title, format).toBe(TITLE);
      expect(got.item.URL, format).toBe(`${DEFAULT_SITE}/licang-14/`);
      expect(got.item.accessed, format).toEqual({ 'date-parts': [day.split('-').map(Number)] });
      if (format !== 'BibTeX') expect(got.text, format).toContain('青李沧政发〔2021〕12号');
    }
    await context.close();
  });

  it('without JavaScript shows the reference dated the day the site was built', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    await page.goto(`${site.server.origin}${licang.href(PLAN_PAGES.cite)}`);
    expect(await page.locator('#reference').innerText()).toContain(`(2021-03-31)[${ACCESS_DATE}]`);
    expect(await page.locator('.tools button').count()).toBe(0);
    await context.close();
  });
});

describe('every anchored thing', () => {
  const guangzhou = loadSitePlan('guangzhou-15');
  const CASES: [string, string][] = [
    [licang.href('/9/4/'), '9.4.p1'],
    [licang.href('/4/2/'), 'B5.2'],
    [licang.href(PLAN_PAGES.indicators), 'T2.21'],
    [licang.href(PLAN_PAGES.targets), '7.1.1.t1'],
    [guangzhou.href('/glossary/'), 'G54'],
  ];

  it.each(CASES)('%s #%s has the tools, each target at least 24×24 px', async (path, id) => {
    for (const width of [390, 1280]) {
      const { context, page } = await openPage(site.browser, site.server.origin, { width });
      await page.goto(`${site.server.origin}${path}`);
      const tools = page.locator(`.tools[data-id="${id}"]`);
      expect(await tools.locator('button').count()).toBe(3);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('.tools button, .tools .clause-id')]
          .map((el) => {
            const box = el.getBoundingClientRect();
            return { text: el.textContent, w: box.width, h: box.height };
          })
          .filter((b) => b.w > 0 && (b.w < 24 || b.h < 24)),
      );
      expect(small.slice(0, 5), `${width}px`).toEqual([]);
      await context.close();
    }
  });

  it('a target row cites its row on /targets/', async () => {
    const { context, page } = await withClipboard();
    await page.goto(`${site.server.origin}${licang.href(PLAN_PAGES.targets)}`);
    await page.locator('.tools[data-id="7.1.1.t1"] button[data-copy="link"]').click();
    await expect
      .poll(() => clipboard(page))
      .toBe(`${DEFAULT_SITE}${licang.href(targetUrl('7.1.1.t1'))}`);
    await context.close();
  });
});
