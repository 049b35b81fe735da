import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/tools/static-server.ts';
import type { Target, TargetFile } from '../../src/model/types.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, usePagePerTest, useSiteBrowser } from '../support/browser.ts';

/**
 * The targets pages in Chromium, over the built dist/ (run `npm run build`
 * first): the table without JavaScript, its links, sorting and filtering in place (checked
 * against the plan's targets.json), the filters in the URL, and the cards on a phone, with
 * screenshots in test-results/screenshots/ for a person to look at.
 */
const OUT = 'test-results/screenshots';
const LICANG = 'licang-14';
/** A plan with parts 篇 and many targets. */
const NANJING = 'nanjing-15';

const targetsOf = (slug: string): Target[] =>
  (JSON.parse(readFileSync(join(DIST, slug, 'data/targets.json'), 'utf8')) as TargetFile).targets;
const targets = (): TargetFile => ({ schema: 2, targets: targetsOf(LICANG) });

/** The deadline filter's value of a target: its year, `other` (a deadline without one) or `none`. */
const deadlineKey = (t: Target): string =>
  t.year !== null ? String(t.year) : t.deadline !== null ? 'other' : 'none';

/** Targets in deadline order: by year, a deadline without a year next, none last; then document order. */
const byDeadline = (ts: Target[]): Target[] => {
  const rank = (t: Target) =>
    t.year ?? (t.deadline !== null ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER);
  return [...ts].sort((a, b) => rank(a) - rank(b) || a.order - b.order);
};

const site = useSiteBrowser();
const current = usePagePerTest(site);

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

const go = (path: string) => current.page.goto(`${site.server.origin}${path}`);

/** The ids of the rows shown, in order. */
const shown = (page: Page) =>
  page.$$eval('table.targets-table tbody tr', (rows) =>
    rows
      .filter((r) => !(r as HTMLElement).hidden && r.getClientRects().length > 0)
      .map((r) => r.id),
  );

const countText = (page: Page) => page.textContent('.targets-filter [data-count]');

/** The options of a filter's select, without “全部”. */
const optionsOf = (page: Page, name: string) =>
  page.$$eval(`select[name="${name}"] option`, (os) =>
    os
      .filter((o) => (o as HTMLOptionElement).value)
      .map((o) => ({
        value: (o as HTMLOptionElement).value,
        label: o.textContent!.trim(),
        group: o.parentElement instanceof HTMLOptGroupElement ? o.parentElement.label : null,
      })),
  );

/** Open a clause URL and return the text of the element its anchor names (or the page's h1). */
async function clauseText(href: string): Promise<string> {
  await go(href);
  const id = new URL(href, site.server.origin).hash.slice(1);
  return current.page.evaluate((anchor) => {
    const el = anchor
      ? document.getElementById(decodeURIComponent(anchor))
      : document.querySelector('h1');
    return el?.textContent ?? '';
  }, id);
}

describe('/targets/', () => {
  it('lists every target in a table that works without JavaScript, with no filter form', async () => {
    const { context, page: plain } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    await plain.goto(`${site.server.origin}/licang-14/targets/?deadline=2025&chapter=7`);
    const ids = await plain.$$eval('table.targets-table tbody tr', (rows) => rows.map((r) => r.id));
    expect(ids).toEqual(targets().targets.map((t) => t.id));
    expect(await shown(plain)).toEqual(ids);
    expect(await plain.$$('table.targets-table button')).toHaveLength(0);
    expect(await plain.isVisible('form.targets-filter')).toBe(false);
    expect(await plain.isVisible('.sort-links')).toBe(true);
    await plain.click('a:text-is("按事项")');
    await plain.waitForURL('**/targets/by-metric/');
    const byMetric = await plain.$$eval('table.targets-table tbody th.metric', (ths) =>
      ths.map((t) => t.textContent!.trim()),
    );
    const collator = new Intl.Collator('zh-Hans-CN');
    expect(byMetric).toEqual([...byMetric].sort((a, b) => collator.compare(a, b)));
    await context.close();
  });

  it('links each target to its clause and to its 表2 indicator', async () => {
    await go('/licang-14/targets/');
    const row = await current.page.$eval('tr[id="7.1.1.t1"]', (tr) => ({
      clause: tr.querySelector('a.clause')!.getAttribute('href'),
      indicator: tr.querySelector('a.indicator-link')?.getAttribute('href'),
      metric: tr.querySelector('th.metric')!.textContent!.trim(),
      figure: tr.querySelector('.figure')!.textContent!.trim(),
      deadline: tr.querySelector('.deadline')!.textContent!.trim(),
    }));
    expect(row).toEqual({
      clause: '/licang-14/7/1/#7.1.1',
      indicator: '/licang-14/indicators/#T2.21',
      metric: '森林覆盖率',
      figure: '达到16.5%',
      deadline: '到2025年',
    });
    expect(await clauseText(row.clause!)).toContain('森林覆盖率达到16.5%');
    expect(await clauseText(row.indicator!)).toContain('全区森林覆盖率');
  });

  it('sorts by 章节 and by 事项 in place when JavaScript runs', async () => {
    await go('/licang-14/targets/');
    const order = () =>
      current.page.$$eval('table.targets-table tbody tr', (rows) => rows.map((r) => r.id));
    const documentOrder = await order();
    await current.page.click('th[data-sort="metric"] button');
    const byMetric = await order();
    expect(byMetric).not.toEqual(documentOrder);
    expect(await current.page.getAttribute('th[data-sort="metric"]', 'aria-sort')).toBe(
      'ascending',
    );
    expect(await current.page.getAttribute('th[data-sort="chapter"]', 'aria-sort')).toBeNull();
    await go('/licang-14/targets/by-metric/');
    expect(await order()).toEqual(byMetric);
    await go('/licang-14/targets/');
    await current.page.click('th[data-sort="metric"] button');
    await current.page.click('th[data-sort="chapter"] button');
    expect(await order()).toEqual(documentOrder);
  });
});

describe.each([LICANG, NANJING])('filters and sorting of %s/targets/', (slug) => {
  const all = () => targetsOf(slug);
  const page = () => current.page;

  it('shows the form instead of the order links, with every target counted', async () => {
    await go(`/${slug}/targets/`);
    expect(await page().isVisible('form.targets-filter')).toBe(true);
    expect(await page().isVisible('.sort-links')).toBe(false);
    expect(await page().getAttribute('[data-count]', 'aria-live')).toBe('polite');
    expect(await countText(page())).toBe(`显示 ${all().length} / ${all().length} 项`);
    expect(await shown(page())).toEqual(all().map((t) => t.id));
  });

  it('filters by deadline: each year stated, then none, exactly the rows whose data match', async () => {
    await go(`/${slug}/targets/`);
    const options = await optionsOf(page(), 'deadline');
    const keys = [...new Set(all().map(deadlineKey))];
    expect(options.map((o) => o.value).sort()).toEqual(keys.sort());
    const years = options.map((o) => o.value).filter((v) => /^\d{4}$/.test(v));
    expect(years).toEqual([...years].sort());
    for (const { value, label } of options) {
      const expected = all().filter((t) => deadlineKey(t) === value);
      expect(label).toContain(`（${expected.length} 项）`);
      if (value === 'none') expect(label).toContain('未写明期限');
      else if (value !== 'other') expect(label.startsWith(`${value}年`)).toBe(true);
      await page().selectOption('select[name="deadline"]', value);
      expect(await shown(page()), value).toEqual(expected.map((t) => t.id));
      expect(await countText(page())).toBe(`显示 ${expected.length} / ${all().length} 项`);
      expect(new URL(page().url()).searchParams.get('deadline')).toBe(value);
    }
    await page().click('button:text-is("清除筛选")');
    expect(await shown(page())).toHaveLength(all().length);
    expect(new URL(page().url()).search).toBe('');
  });

  it('filters by chapter, under the plan’s own chapter (and part) labels', async () => {
    await go(`/${slug}/targets/`);
    const options = await optionsOf(page(), 'chapter');
    const chapters = [...new Set(all().flatMap((t) => (t.chapterId ? [t.chapterId] : [])))];
    expect(options.map((o) => o.value).filter((v) => chapters.includes(v))).toEqual(chapters);
    for (const { value, label, group } of options) {
      const inChapter = all().filter((t) => t.chapterId === value);
      // A part's own text (南京 P5.p1): the targets outside any chapter of that part.
      const expected = inChapter.length
        ? inChapter
        : all().filter((t) => t.chapterId === null && t.node.startsWith(`${value}.`));
      expect(expected.length, value).toBeGreaterThan(0);
      const first = expected[0]!;
      expect(label).toMatch(first.chapterLabel ? first.chapterLabel : /^第.+篇/);
      expect(label).toContain(`（${expected.length} 项）`);
      if (slug === NANJING) expect(group).toMatch(/^第.+篇 /);
      await page().selectOption('select[name="chapter"]', value);
      expect(await shown(page()), value).toEqual(expected.map((t) => t.id));
      expect(await countText(page())).toBe(`显示 ${expected.length} / ${all().length} 项`);
    }
  });

  it('combines both filters, and sorts by deadline: by year, no deadline last', async () => {
    await go(`/${slug}/targets/`);
    await page().selectOption('select[name="sort"]', 'deadline');
    const expected = byDeadline(all());
    expect(await shown(page())).toEqual(expected.map((t) => t.id));
    expect(await page().getAttribute('th[data-sort="deadline"]', 'aria-sort')).toBe('ascending');
    const years = await page().$$eval('table.targets-table tbody tr', (rows) =>
      rows.map((r) => (r as HTMLElement).dataset.year ?? null),
    );
    const stated = years.filter((y) => y !== null).map(Number);
    expect(stated).toEqual([...stated].sort((a, b) => a - b));
    expect(years.slice(stated.length).every((y) => y === null)).toBe(true);
    // The header sorts the same way, and back.
    await page().click('th[data-sort="chapter"] button');
    expect(await shown(page())).toEqual(all().map((t) => t.id));
    await page().click('th[data-sort="deadline"] button');
    expect(await page().inputValue('select[name="sort"]')).toBe('deadline');
    // Both filters at once.
    const t = all().find((x) => x.chapterId && x.year !== null)!;
    await page().selectOption('select[name="chapter"]', t.chapterId!);
    await page().selectOption('select[name="deadline"]', String(t.year));
    const both = expected.filter((x) => x.chapterId === t.chapterId && x.year === t.year);
    expect(await shown(page())).toEqual(both.map((x) => x.id));
    const query = new URL(page().url()).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      deadline: String(t.year),
      chapter: t.chapterId,
      sort: 'deadline',
    });
  });

  it('restores the filters and the order from the URL’s query', async () => {
    const t = all().find((x) => x.chapterId && x.year !== null)!;
    await go(`/${slug}/targets/?deadline=${t.year}&chapter=${t.chapterId}&sort=deadline`);
    expect(await page().inputValue('select[name="deadline"]')).toBe(String(t.year));
    expect(await page().inputValue('select[name="chapter"]')).toBe(t.chapterId);
    expect(await page().inputValue('select[name="sort"]')).toBe('deadline');
    const expected = byDeadline(all()).filter(
      (x) => x.chapterId === t.chapterId && x.year === t.year,
    );
    expect(await shown(page())).toEqual(expected.map((x) => x.id));
    // A value the page does not offer is ignored.
    await go(`/${slug}/targets/?deadline=1999&chapter=nope`);
    expect(await shown(page())).toHaveLength(all().length);
    expect(await page().inputValue('select[name="deadline"]')).toBe('');
  });

  it('at 390×844: cards, the first target on the first screen, no sideways scroll', async () => {
    const { context, page: phone } = await openPage(site.browser, site.server.origin, {
      width: 390,
      height: 844,
    });
    await phone.goto(`${site.server.origin}/${slug}/targets/`);
    await phone.waitForSelector('table.targets-table .tools button');
    const first = await phone.$eval('table.targets-table tbody tr', (tr) => {
      const box = tr.getBoundingClientRect();
      return { top: box.top, display: getComputedStyle(tr).display };
    });
    expect(first.display).toBe('grid');
    // The headers' sort buttons give way to the form's 排序.
    expect(await phone.isVisible('th[data-sort="deadline"] button')).toBe(false);
    expect(await phone.isVisible('select[name="sort"]')).toBe(true);
    expect(first.top).toBeLessThan(844 - 100);
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(
      await phone.$eval('.table-scroll', (el) => el.scrollWidth - el.clientWidth),
    ).toBeLessThanOrEqual(0);
    // Each cell says what it is; the copy buttons stay at least 24×24 px.
    const label = await phone.$eval(
      'table.targets-table tbody tr .deadline',
      (td) => getComputedStyle(td, '::before').content,
    );
    expect(label).toBe('"期限"');
    const small = await phone.$$eval('table.targets-table .tools :is(a, button)', (els) =>
      els
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width < 24 || r.height < 24)
        .map((r) => `${r.width}×${r.height}`),
    );
    expect(small).toEqual([]);
    const name = slug === LICANG ? 'targets' : `targets-${slug}`;
    await phone.screenshot({ path: join(OUT, `${name}-390.png`) });
    await phone.screenshot({ path: join(OUT, `${name}-390-full.png`), fullPage: true });
    await context.close();
    const { context: wide, page: laptop } = await openPage(site.browser, site.server.origin, {
      width: 1280,
      height: 800,
    });
    await laptop.goto(`${site.server.origin}/${slug}/targets/`);
    await laptop.waitForSelector('table.targets-table .tools button');
    expect(
      await laptop.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await laptop.screenshot({ path: join(OUT, `${name}-1280.png`) });
    await laptop.screenshot({ path: join(OUT, `${name}-1280-full.png`), fullPage: true });
    await wide.close();
  });
});

describe('accessibility (axe-core): no serious or critical violation', () => {
  for (const width of [1280, 390]) {
    for (const path of [
      '/licang-14/targets/',
      '/licang-14/targets/by-metric/',
      `/${NANJING}/targets/?deadline=2030&sort=deadline`,
    ]) {
      it(`${path} at ${width} px`, async () => {
        const { context, page } = await openPage(site.browser, site.server.origin, {
          width,
          height: 800,
        });
        await page.goto(site.server.origin + path);
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});
