import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/tools/static-server.ts';
import type { TargetFile } from '../../src/model/types.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, usePagePerTest, useSiteBrowser } from '../support/browser.ts';

/**
 * The targets pages in Chromium, over the built dist/ (run `npm run build`
 * first): the table without JavaScript, its links, and sorting in place.
 */
const targets = (): TargetFile =>
  JSON.parse(readFileSync(join(DIST, 'licang-14/data/targets.json'), 'utf8')) as TargetFile;

const site = useSiteBrowser();
const current = usePagePerTest(site);

const go = (path: string) => current.page.goto(`${site.server.origin}${path}`);

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
  it('lists every target in a table that works without JavaScript', async () => {
    const { context, page: plain } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    await plain.goto(`${site.server.origin}/licang-14/targets/`);
    const ids = await plain.$$eval('table.targets-table tbody tr', (rows) => rows.map((r) => r.id));
    expect(ids).toEqual(targets().targets.map((t) => t.id));
    expect(await plain.$$('table.targets-table button')).toHaveLength(0);
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

describe('accessibility (axe-core): no serious or critical violation', () => {
  for (const width of [1280, 390]) {
    for (const path of ['/licang-14/targets/', '/licang-14/targets/by-metric/']) {
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
