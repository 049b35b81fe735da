import { describe, expect, it } from 'vitest';
import { readingPages } from '../../src/site/navigation.ts';
import { loadSitePlan } from '../../src/site/site-plan.ts';
import { walk } from '../../src/model/tree.ts';
import { openPage, useSiteBrowser } from '../support/browser.ts';
import { LICANG } from '../support/real-plan.ts';

/**
 * The built reading pages with JavaScript off: entity links and the links
 * under clauses are plain HTML, and the plan text reads character for
 * character as plan.json holds it (run `npm run build` first).
 */
const plan = loadSitePlan(LICANG);
const document = plan.document;
/** A Licang site URL: /7/1/ → /licang-14/7/1/. */
const u = (path: string) => `/${LICANG}${path}`;

/** The text each clause element shows, by ID, as plan.json has it. */
const expected = new Map<string, { text: string; lead?: string }>();
for (const { node, parents } of walk(document)) {
  // 表 notes are the table's (IndicatorTable), not running text.
  if (parents.some((p) => p.kind === 'table')) continue;
  if (node.kind === 'measure')
    expected.set(node.id, { text: node.lead + node.text, lead: node.lead });
  else if (node.kind === 'boxItem') {
    const lead = node.lead && node.text.startsWith(node.lead) ? node.lead : undefined;
    expected.set(node.id, lead ? { text: node.text, lead } : { text: node.text });
  } else if (node.kind === 'paragraph' || node.kind === 'note' || node.kind === 'figure')
    expected.set(node.id, { text: node.text });
}

const site = useSiteBrowser();

interface Seen {
  id: string;
  text: string;
  strong: string[];
  mentions: string[];
  /** Links inside the clause's text element that are not entity links. */
  other: string[];
}

describe('reading pages without JavaScript', () => {
  it('show the plan text unchanged, with each entity linked once per clause', async () => {
    const { context, page, outside } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    const seen = new Map<string, Seen>();
    let mentions = 0;
    for (const reading of readingPages(plan)) {
      await page.goto(site.server.origin + reading.path);
      const clauses = await page.$$eval(
        'main .measure, main .box-items > li, main p[id], main figure[id]',
        (els) =>
          els.map((el) => {
            // A measure's or box item's text is its first <p>, a figure's its caption.
            const p =
              el.tagName === 'P'
                ? el
                : el.querySelector(el.tagName === 'FIGURE' ? 'figcaption' : ':scope > p')!;
            return {
              id: el.id,
              text: p.textContent ?? '',
              strong: [...p.querySelectorAll('strong')].map((s) => s.textContent ?? ''),
              mentions: [...p.querySelectorAll('a.mention')].map((a) => a.getAttribute('href')!),
              other: [...p.querySelectorAll('a:not(.mention)')].map((a) => a.getAttribute('href')!),
            };
          }),
      );
      for (const c of clauses) seen.set(c.id, c);
      mentions += clauses.reduce((n, c) => n + c.mentions.length, 0);
    }
    for (const [id, want] of expected) {
      const got = seen.get(id);
      expect(got, id).toBeDefined();
      expect(got!.text, id).toBe(want.text);
      // The bold lead is one <strong>, whole, links inside it.
      expect(got!.strong, id).toEqual(want.lead ? [want.lead] : []);
      expect(new Set(got!.mentions).size, id).toBe(got!.mentions.length);
      expect(
        got!.mentions.every((h) => /^\/licang-14\/entities\/[^/]+\/$/.test(h)),
        id,
      ).toBe(true);
      expect(got!.other, id).toEqual([]);
    }
    expect(mentions).toBeGreaterThan(500);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('list a measure’s 表 rows and targets under it, and a 表 row’s measures on /indicators/', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    await page.goto(`${site.server.origin}${u('/9/1/')}`);
    const groups = await page.$$eval('[id="9.1.2"] .clause-links .cl-group', (els) =>
      els.map((g) => ({
        kind: g.querySelector('.cl-kind')!.textContent!.trim(),
        links: [...g.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      })),
    );
    // T2.11 城镇新增就业人数 is pursued through its field, 就业.
    expect(groups.map((g) => g.kind)).toEqual(['明确对应', '领域相关']);
    expect(groups[0]!.links).toEqual([u('/indicators/#T2.12')]);
    expect(groups[1]!.links).toEqual([u('/indicators/#T2.11')]);
    await page.goto(`${site.server.origin}${u('/indicators/')}`);
    const cell = await page.$$eval('tr[id="T2.10"] [data-rel="measures"] li', (lis) =>
      lis.map((li) => [
        li.querySelector('a')!.getAttribute('href'),
        li.querySelector('.cl-kind')!.textContent!.trim(),
      ]),
    );
    expect(cell).toEqual([[u('/9/1/#9.1.1'), '明确对应']]);
    expect(await page.$$eval('thead th.col-measures', (ths) => ths.length)).toBe(2);
    await context.close();
  });

  it('say on /indicators/ what pursues, states and reports a row, and its figures across both tables', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    await page.goto(`${site.server.origin}${u('/indicators/')}`);
    const text = (selector: string) =>
      page.$eval(selector, (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
    expect(await text('tr[id="T2.2"] [data-rel="measures"]')).toBe('相关措施 规划正文未见专门措施');
    expect(await text('tr[id="T2.1"] [data-rel="stated"]')).toContain('经济高质量发展取得新突破');
    // The review reports T1.1: shown as 回顾, never as a measure.
    expect(await text('tr[id="T1.1"] [data-rel="reported"]')).toMatch(/^回顾（上期完成情况）/);
    expect(await page.$$eval('tr[id="T1.1"] [data-rel="measures"]', (els) => els.length)).toBe(0);
    // 2015 → 2020 → 2025 in one place, from the row of each table.
    expect(await text('tr[id="T2.4"] [data-rel="previous"]')).toBe(
      '上期指标 表1第6项 海洋经济增加值占生产总值比重 2015年 17.3 → 2020年目标 22 → 2020年 20左右 → 2025年目标 25左右 单位：%',
    );
    expect(await text('tr[id="T2.19"] [data-rel="previous"]')).toContain(
      '相关指标，口径或单位可能不同',
    );
    expect(await text('tr[id="T2.19"] [data-rel="previous"] .series')).toContain('304 天');
    expect(await text('tr[id="T1.6"] [data-rel="next"]')).toContain('表2第4项');
    await context.close();
  });

  it('label the review 回顾 on its page and under its clauses', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    await page.goto(`${site.server.origin}${u('/1/1/')}`);
    expect(await page.textContent('.page-head .scope-note')).toContain(
      '回顾本节回顾上一规划期的发展成就与完成情况，不是本规划的措施。',
    );
    const rows = await page.$$eval('[id="1.1.1"] .clause-links .cl-row', (els) =>
      els.map((el) => [el.getAttribute('data-rel'), el.querySelector('dt')!.textContent!.trim()]),
    );
    expect(rows).toEqual([['reports', '回顾']]);
    await page.goto(`${site.server.origin}${u('/7/1/')}`);
    expect(await page.$$eval('.page-head .scope-note', (els) => els.length)).toBe(0);
    expect(await page.textContent('.page-head .clause-links')).toContain('章节主题');
    // A block whose scope differs from its page's is labelled: 南京's vision among its goals.
    await page.goto(`${site.server.origin}/nanjing-15/3/3/`);
    expect(await page.textContent('.page-head .scope-note')).toContain('目标');
    const tags = await page.$$eval(
      'main .reading > .scope-note, main p + .scope-note, main .scope-note',
      (els) => els.map((el) => el.textContent!.trim()),
    );
    expect(tags).toContain('远景');
    await context.close();
  });

  it('lead from the header to the targets and entities pages', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    await page.goto(`${site.server.origin}${u('/7/1/')}`);
    const nav = await page.$$eval('.site-nav a', (as) =>
      as.map((a) => [a.textContent, a.getAttribute('href')]),
    );
    expect(nav).toEqual([
      ['指标', u('/indicators/')],
      ['目标', u('/targets/')],
      ['实体', u('/entities/')],
      ['下载', u('/downloads/')],
      ['引用', u('/cite/')],
    ]);
    await page.goto(`${site.server.origin}${u('/entities/qing-dao-guo-ji-yuan-shi-gang/')}`);
    expect(await page.getAttribute(`.site-nav a[href="${u('/entities/')}"]`, 'aria-current')).toBe(
      'true',
    );
    await page.goto(`${site.server.origin}${u('/downloads/')}`);
    const files = await page.$$eval('ul.downloads a', (as) =>
      as.map((a) => a.getAttribute('href')),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        u('/data/entities.json'),
        u('/data/targets.json'),
        u('/data/targets.csv'),
      ]),
    );
    await context.close();
  });
});
