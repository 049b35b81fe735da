import { beforeEach, describe, expect, it } from 'vitest';
import { usePagePerTest, useSiteBrowser } from '../support/browser.ts';

/** The indicators page in a browser: real tables, every row anchored, merged cells resolved. */
const site = useSiteBrowser();
const current = usePagePerTest(site);

beforeEach(async () => {
  await current.page.goto(`${site.server.origin}/licang-14/indicators/`);
});

/** The text of a row's cell under the column headed `column`, row-group header accounted for. */
function cellText(id: string, column: string): Promise<string> {
  return current.page.evaluate(
    ([rowId, header]) => {
      const row = document.getElementById(rowId!) as HTMLTableRowElement;
      const table = row.closest('table')!;
      const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      // Rows after the first of their group lack the rowspan'd 类别 cell.
      const cells = [...row.cells];
      const offset = headers.length - 1 - cells.length + 1;
      const cell = cells[headers.indexOf(header!) - offset]!;
      const visible = cell.cloneNode(true) as HTMLElement;
      visible.querySelectorAll('.sr-only').forEach((s) => s.remove());
      return visible.textContent!.trim();
    },
    [id, column],
  );
}

describe('indicators page', () => {
  it('shows 表1 with 22 rows and 表2 with 21 rows, each row anchored by its ID', async () => {
    const tables = await current.page.evaluate(() =>
      [...document.querySelectorAll<HTMLTableElement>('table.indicators')].map((t) => ({
        caption: t.caption?.textContent?.replace(/\s+/g, ''),
        rows: [...t.tBodies].flatMap((b) => [...b.rows].map((r) => r.id)),
      })),
    );
    // Each caption says which period its table is: the previous one's results, or the targets.
    expect(tables.map((t) => t.caption)).toEqual([
      '表1李沧区“十三五”时期经济社会发展完成指标（上期完成情况）',
      '表2李沧区“十四五”时期经济社会发展主要指标（本期目标）',
    ]);
    expect(tables[0]?.rows).toEqual(Array.from({ length: 22 }, (_, i) => `T1.${i + 1}`));
    expect(tables[1]?.rows).toEqual(Array.from({ length: 21 }, (_, i) => `T2.${i + 1}`));
  });

  it('uses header cells with scope: columns, one group per category, the indicator as row header', async () => {
    const scopes = await current.page.evaluate(() => {
      const t = document.querySelectorAll('table')[1]!;
      return {
        cols: [...t.querySelectorAll('thead th')].map((th) => th.getAttribute('scope')),
        groups: [...t.querySelectorAll('th[scope="rowgroup"]')].map((th) => th.textContent!.trim()),
        rowHeaders: t.querySelectorAll('tbody th[scope="row"]').length,
      };
    });
    expect(new Set(scopes.cols)).toEqual(new Set(['col']));
    expect(scopes.groups).toEqual(['经济发展', '创新驱动', '民生福祉', '绿色生态']);
    expect(scopes.rowHeaders).toBe(21);
  });

  it('shows 完成市下达任务 in both cells of each merged pair', async () => {
    for (const id of ['T2.17', 'T2.18']) expect(await cellText(id, '年均')).toBe('完成市下达任务');
    for (const id of ['T2.19', 'T2.20'])
      expect(await cellText(id, '2025年')).toBe('完成市下达任务');
    expect(await cellText('T2.21', '2025年')).toBe('16.5');
    expect(await cellText('T2.2', '2025年')).toBe('25左右*');
  });

  it('explains the flags', async () => {
    const legend = await current.page.locator('.legend').innerText();
    for (const phrase of ['市级指标', '累计', '约数']) expect(legend).toContain(phrase);
    expect(await current.page.locator('[id="T2.2"]').innerText()).toContain('市级指标数据');
  });

  it('opens a row at its anchor', async () => {
    await current.page.goto(`${site.server.origin}/licang-14/indicators/#T2.21`);
    const box = await current.page.locator('[id="T2.21"]').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(800);
  });
});
