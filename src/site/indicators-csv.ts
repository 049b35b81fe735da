import { toCsv, type CsvValue } from '../model/csv.ts';
import type { IndicatorNode } from '../model/types.ts';
import { walk } from '../model/tree.ts';
import { absoluteUrl } from '../model/urls.ts';
import type { SitePlan } from './site-plan.ts';
import { planStamp, STAMP_COLUMNS, stampValues } from './stamp.ts';

/**
 * The plan's indicator tables (表1 and 表2, a 专栏's table of indicators) as one CSV, one line per
 * value cell ("long" form, so all tables share one header although their columns differ), written
 * by the one CSV writer (src/model/csv.ts): UTF-8 with a BOM and CRLF line ends so that Excel
 * opens the Chinese text correctly.
 *
 * The header follows the site's one convention for CSV (docs/site.md, as targets.csv): snake_case
 * ASCII keys named after the JSON fields of plan.json (an IndicatorNode's `tableId`, `cityLevel`
 * of its cells → `table_id`, `city_level`), values as in the JSON (numbers as numbers, booleans
 * `true`/`false`, null empty), the row's URL, and the data stamp closing every row.
 */

export const CSV_HEADER = [
  'table_id',
  'table_label',
  'id',
  'number',
  'parent',
  'category',
  'name',
  'unit',
  'attribute',
  'column',
  'role',
  'year',
  'text',
  'value',
  'city_level',
  'cumulative',
  'approximate',
  'comparator',
  'merged_from',
  'raw',
  'url',
  ...STAMP_COLUMNS,
] as const;

export function indicatorRows(plan: SitePlan): CsvValue[][] {
  const rows: CsvValue[][] = [];
  const stamp = stampValues(planStamp(plan));
  for (const { node, parents } of walk(plan.document)) {
    if (node.kind !== 'indicator') continue;
    const row: IndicatorNode = node;
    const table = parents.findLast((p) => p.kind === 'table');
    const label = table?.kind === 'table' ? table.label : `表${row.table}`;
    const url = plan.urls.get(row.id);
    for (const cell of row.cells) {
      rows.push([
        row.tableId,
        label,
        row.id,
        row.number,
        row.parent ?? null,
        row.category,
        row.name,
        row.unit,
        row.attribute,
        cell.column,
        cell.role,
        cell.year,
        cell.text,
        cell.value,
        cell.cityLevel,
        cell.cumulative,
        cell.approximate,
        cell.comparator,
        cell.mergedFrom ?? null,
        cell.raw,
        url ? absoluteUrl(url) : null,
        ...stamp,
      ]);
    }
  }
  return rows;
}

export function indicatorsCsv(plan: SitePlan): string {
  const header = planStamp(plan) ? CSV_HEADER : CSV_HEADER.slice(0, -STAMP_COLUMNS.length);
  return toCsv(header, indicatorRows(plan));
}
