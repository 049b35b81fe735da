import { toCsv, type CsvValue } from '../model/csv.ts';
import type { IndicatorNode } from '../model/types.ts';
import { walk } from '../model/tree.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * The plan's indicator tables (表1 and 表2, a 专栏's table of indicators) as one CSV, one line per
 * value cell ("long" form, so all tables share one header although their columns differ; 表 is
 * the table's label), written by the
 * one CSV writer (src/model/csv.ts): UTF-8 with a BOM and CRLF line ends so
 * that Excel opens the Chinese text correctly.
 */

export const CSV_HEADER = [
  '表',
  '编号',
  '序号',
  '类别',
  '指标',
  '单位',
  '属性',
  '列',
  '数据',
  '数值',
  '市级指标',
  '五年累计',
  '约数',
  '比较',
  '合并自',
  '原文',
];

export function indicatorRows(plan: SitePlan): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const { node, parents } of walk(plan.document)) {
    if (node.kind !== 'indicator') continue;
    const row: IndicatorNode = node;
    const table = parents.at(-1);
    const label = table?.kind === 'table' ? table.label : `表${row.table}`;
    for (const cell of row.cells) {
      rows.push([
        label,
        row.id,
        row.number,
        row.category,
        row.name,
        row.unit,
        row.attribute,
        cell.column,
        cell.text,
        cell.value,
        cell.cityLevel ? '是' : '',
        cell.cumulative ? '是' : '',
        cell.approximate ? '是' : '',
        cell.comparator ?? '',
        cell.mergedFrom ?? '',
        cell.raw,
      ]);
    }
  }
  return rows;
}

export function indicatorsCsv(plan: SitePlan): string {
  return toCsv(CSV_HEADER, indicatorRows(plan));
}
