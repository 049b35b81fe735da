import { mkdirSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_CSV_HEADER } from '../../src/site/compare.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, useSiteBrowser, usePagePerTest } from '../support/browser.ts';

/**
 * The compare pages in Chromium, on the built site (dist/): the table of shared metrics leads
 * from a value to its row in the plan and on to a measure; sorting and the category filter work
 * with JavaScript and the table reads without it; the chart pages pass axe and are screenshot at
 * 390 and 1280 px (test-results/screenshots/, for a person to look at) with their labels apart;
 * the downloads open as a spreadsheet would read them.
 */
const OUT = 'test-results/screenshots';
const site = useSiteBrowser();
const current = usePagePerTest(site);

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

describe('/compare/indicators/', () => {
  it('leads from a value to its row in the plan, and on to a measure that pursues it', async () => {
    const { page } = current;
    await page.goto(`${site.server.origin}/compare/indicators/`);
    await expect.poll(() => page.locator('#compare-table tbody tr').count()).toBe(27);
    // 李沧's 2025 target for forest cover: 16.5 in 表2.
    const row = page.locator('#compare-table tr#forest-cover');
    const cells = row.locator('td.cv');
    const licang = cells.nth(3);
    const target = licang.locator('.cv-line', { hasText: '目标' }).locator('a');
    await expect.poll(() => target.textContent()).toBe('16.5');
    await target.click();
    await page.waitForURL(/\/licang-14\/indicators\/#T2\.21$/);
    const tableRow = page.locator('[id="T2.21"]');
    expect(await tableRow.isVisible()).toBe(true);
    expect(await tableRow.textContent()).toContain('森林覆盖率');
    // On to a measure that pursues it, from the row's 相关措施.
    const measure = tableRow
      .locator('a[href*="#"]')
      .filter({ hasNotText: /T2\.21/ })
      .first();
    const href = (await measure.getAttribute('href'))!;
    const id = decodeURIComponent(href.split('#')[1]!);
    expect(id).toMatch(/^\d/);
    await measure.click();
    await page.waitForURL(
      (url) => url.hash === `#${id}` || url.hash === `#${encodeURIComponent(id)}`,
    );
    expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
  });

  it('links each value and each measure of the compare table to the plan', async () => {
    const { page } = current;
    await page.goto(`${site.server.origin}/compare/indicators/`);
    const links = await page.$$eval('#compare-table td.cv a', (as) =>
      as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!),
    );
    expect(links.length).toBeGreaterThan(100);
    for (const href of links)
      expect(href).toMatch(/^\/[a-z0-9-]+\/(indicators\/#|.*#|[a-z0-9/]+\/$)/);
    // The measures of 李沧 人均预期寿命 (表2 T2.16) include 9.4.1.
    const life = page.locator('tr#life-expectancy td.cv').nth(3);
    expect(await life.locator('.cv-measures a').allTextContents()).toContain('9.4.1');
  });

  it('sorts by a column and filters by category, keeping the category in the URL', async () => {
    const { page } = current;
    await page.goto(`${site.server.origin}/compare/indicators/`);
    const names = () =>
      page.locator('#compare-table tbody tr:not([hidden]) th a').allTextContents();
    await page.getByRole('button', { name: '按“规划数”排序' }).click();
    const counts = await page.locator('#compare-table tbody tr td.col-count').allTextContents();
    expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((a, b) => a - b));
    await page.getByRole('button', { name: '按“规划数”排序' }).click();
    expect(await page.locator('#compare-table thead th[aria-sort]').getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(
      (await page.locator('#compare-table tbody tr td.col-count').first().textContent())!,
    ).toBe('4');
    await page.locator('#compare-category').selectOption('绿色生态');
    const shown = await names();
    expect(shown).toContain('森林覆盖率');
    expect(shown).not.toContain('人均预期寿命');
    expect(page.url()).toContain(`category=${encodeURIComponent('绿色生态')}`);
    expect(await page.locator('#compare-status').textContent()).toBe(
      `绿色生态：${shown.length} 项指标`,
    );
    // A plan's column sorts by its target figure, the metrics it does not set last.
    await page.getByRole('button', { name: '按“李沧”排序' }).click();
    await page.locator('#compare-category').selectOption('');
    const first = await page.locator('#compare-table tbody tr').first().getAttribute('id');
    expect(first).toBe('high-value-patents'); // 2 件, the smallest 李沧 target figure
  });

  it('reads as a plain table without JavaScript', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    await page.goto(`${site.server.origin}/compare/indicators/`);
    expect(await page.locator('#compare-table tbody tr').count()).toBe(27);
    expect(await page.locator('#compare-controls').isVisible()).toBe(false);
    expect(await page.locator('.sort-button').count()).toBe(0);
    await context.close();
  });
});

describe('chart pages', () => {
  const PAGES = [
    { name: 'compare-indicators', path: '/compare/indicators/' },
    { name: 'compare-life-expectancy', path: '/compare/indicators/life-expectancy/' },
    { name: 'compare-forest-cover', path: '/compare/indicators/forest-cover/' },
    { name: 'compare-gdp-growth', path: '/compare/indicators/gdp-growth/' },
    { name: 'licang-14-indicator-charts', path: '/licang-14/indicators/#indicator-charts-title' },
  ];
  for (const width of [390, 1280])
    for (const target of PAGES)
      it(`${target.name} at ${width} px: axe, screenshot, nothing sideways, labels apart`, async () => {
        const { context, page, outside } = await openPage(site.browser, site.server.origin, {
          width,
          height: width === 390 ? 844 : 800,
        });
        await page.goto(site.server.origin + target.path);
        await page.screenshot({ path: `${OUT}/${target.name}-${width}.png` });
        await page.screenshot({ path: `${OUT}/${target.name}-${width}-full.png`, fullPage: true });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        // No two value labels of a chart overlap (their glyph boxes, with a pixel's slack).
        const overlaps = await page.$$eval('figure.mc', (figures) =>
          figures.flatMap((figure) => {
            const boxes = [...figure.querySelectorAll('.mc-label text')].map((t) => ({
              text: t.textContent,
              r: t.getBoundingClientRect(),
            }));
            const found: string[] = [];
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i]!.r;
                const b = boxes[j]!.r;
                const h = Math.min(a.height, b.height) * 0.3; // the font's line gap above and below
                if (
                  a.left < b.right - 1 &&
                  b.left < a.right - 1 &&
                  a.top + h < b.bottom - h &&
                  b.top + h < a.bottom - h
                )
                  found.push(`${figure.id}: ${boxes[i]!.text} / ${boxes[j]!.text}`);
              }
            return found;
          }),
        );
        expect(overlaps).toEqual([]);
        expect(await seriousViolations(page)).toEqual([]);
        expect(outside).toEqual([]);
        await context.close();
      });

  it('put the chart and its numbers side by side on a laptop, one above the other on a phone', async () => {
    for (const width of [1280, 390]) {
      const { context, page } = await openPage(site.browser, site.server.origin, { width });
      await page.goto(`${site.server.origin}/compare/indicators/life-expectancy/`);
      const chart = (await page.locator('figure.mc').boundingBox())!;
      const table = (await page.locator('table.mn').boundingBox())!;
      if (width === 1280) expect(table.x).toBeGreaterThan(chart.x + chart.width - 1);
      else expect(table.y).toBeGreaterThan(chart.y + chart.height - 1);
      // The chart is an image named by its title and described by every value.
      const svg = page.locator('figure.mc svg[role="img"]');
      expect(await svg.getAttribute('aria-labelledby')).toBe('chart-life-expectancy-t');
      expect(await page.locator('#chart-life-expectancy-d').textContent()).toContain('不低于85岁');
      await context.close();
    }
  });
});

describe('/compare/topics/', () => {
  const columns = (page: import('playwright-core').Page, root: string) =>
    page.$$eval(`${root} .topic-column`, (items) =>
      items.map((li) => ({
        plan: li.querySelector('.topic-plan')!.textContent!.trim(),
        best: li.querySelector('.topic-best a')?.textContent?.trim() ?? null,
        missing: li.classList.contains('topic-none'),
        citation: li.querySelector('.topic-citation')?.textContent ?? '',
      })),
    );

  it('builds a page per topic with each plan’s best clause side by side, 未涉及 where none', async () => {
    const { page } = current;
    await page.goto(`${site.server.origin}/compare/topics/hai-yang-jing-ji/`);
    const found = await columns(page, '.topic-columns');
    expect(found.map((c) => c.plan)).toEqual([
      '广州“十五五”规划纲要',
      '南京“十五五”规划纲要',
      '苏州“十五五”规划纲要',
      '李沧区“十四五”规划纲要',
    ]);
    // 南京's only hits hold 经济 alone (宠物经济): not an answer on 海洋经济.
    expect(found[1]).toMatchObject({ missing: true, best: null });
    expect(found[3]!.best).toMatch(/^T2\.4 海洋经济增加值/);
    expect(found[3]!.citation).toContain(
      '《青岛市李沧区国民经济和社会发展第十四个五年规划和2035年远景目标纲要》',
    );
    expect(await page.locator('.topic-snippet mark').first().textContent()).toBe('海洋经济');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('answers any ?topic= live through the search worker', async () => {
    const { page } = current;
    await page.goto(
      `${site.server.origin}/compare/topics/?topic=${encodeURIComponent('低空经济')}`,
    );
    await page.waitForSelector('#topic-live .topic-columns', { timeout: 30_000 });
    const found = await columns(page, '#topic-live');
    expect(found).toHaveLength(4);
    expect(found.slice(0, 3).every((c) => c.best && !c.missing)).toBe(true);
    expect(found[3]).toMatchObject({ missing: true });
    expect(await page.locator('#topic-q').inputValue()).toBe('低空经济');
    // The static page of the same topic is offered.
    expect(await page.locator('#topic-live .topic-note a').getAttribute('href')).toBe(
      '/compare/topics/di-kong-jing-ji/',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists the static topics and says what needs JavaScript when it is off', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
      width: 390,
    });
    await page.goto(`${site.server.origin}/compare/topics/?topic=${encodeURIComponent('养老')}`);
    expect(await page.locator('noscript').count()).toBe(1);
    const links = await page.locator('.topic-list a').allTextContents();
    expect(links.slice(0, 5)).toEqual(['人工智能', '养老', '低空经济', '城市更新', '海洋经济']);
    expect(links).toContain('看病');
    await page.getByRole('link', { name: '养老', exact: true }).click();
    await page.waitForURL(/\/compare\/topics\/yang-lao\/$/);
    expect(await page.locator('.topic-column').count()).toBe(4);
    await page.screenshot({ path: `${OUT}/compare-topic-yang-lao-390.png`, fullPage: true });
    await context.close();
  });
});

describe('the compare downloads', () => {
  it('CSV: UTF-8 with a BOM, CRLF, Chinese headers and values a spreadsheet reads', async () => {
    const response = await fetch(`${site.server.origin}/compare/indicators.csv`);
    expect(response.ok).toBe(true);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(text.split('\r\n').length).toBeGreaterThan(60);
    expect(text).not.toMatch(/(?<!\r)\n/); // every line ends in CRLF
    const records = parse(text, { bom: true, columns: true, relax_quotes: false }) as Record<
      string,
      string
    >[];
    expect(Object.keys(records[0]!)).toEqual([...COMPARE_CSV_HEADER]);
    const forest = records.filter((r) => r['指标编号'] === 'forest-cover');
    expect(forest.map((r) => r['规划简称'])).toEqual(['广州', '南京', '苏州', '李沧']);
    expect(forest.find((r) => r['规划简称'] === '李沧')).toMatchObject({
      指标: '森林覆盖率',
      单位: '%',
      目标值: '16.5',
      目标年份: '2025',
      属性: '约束性',
      表中行: '表2 T2.21',
    });
    expect(forest.find((r) => r['规划简称'] === '广州')!['目标值']).toBe('完成省下达目标');
  });

  it('JSON: the same table, every metric with its plans, figures and links', async () => {
    const response = await fetch(`${site.server.origin}/compare/indicators.json`);
    const json = (await response.json()) as {
      metrics: {
        id: string;
        plans: Record<string, { target: { text: string; url: string } | null }>;
      }[];
    };
    expect(json.metrics).toHaveLength(27);
    const forest = json.metrics.find((m) => m.id === 'forest-cover')!;
    expect(forest.plans['licang-14']!.target).toMatchObject({
      text: '16.5',
      url: '/licang-14/indicators/#T2.21',
    });
  });
});
