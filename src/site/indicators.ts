import type {
  DocumentNode,
  HeadingNode,
  IndicatorCell,
  IndicatorNode,
  NoteNode,
  TableNode,
} from '../model/types.ts';
import { quoteTitle } from '../model/text.ts';
import { rowMeasureLinker, type ClauseLink } from './annotations.ts';
import { walk } from '../model/tree.ts';
import { urlMap } from '../model/urls.ts';

/**
 * View models for 表1 and 表2: rows grouped by 类别 (one `<tbody>` per
 * category), columns in the order the plan prints them, and each flag the
 * plan marks (* [ ] 左右) spelled out for readers and screen readers.
 */

export interface FlagMeaning {
  mark: string;
  meaning: string;
}

/** What the plan's marks mean, as its table notes say. */
export const FLAG_LEGEND: FlagMeaning[] = [
  { mark: '*', meaning: '市级指标数据（表2注①：带*数据为市指标数据）' },
  { mark: '[ ]', meaning: '五年累计数（表1注、表2注②）' },
  { mark: '左右', meaning: '约数，目标值为大致水平' },
  { mark: '>', meaning: '下限：大于所列数值' },
];

export interface CellView {
  /** The value as the plan prints it (merged cells resolved). */
  text: string;
  /** Plain-words meaning of each mark in the cell, for screen readers and tooltips. */
  notes: string[];
  /** Set when the printed table merged this cell with the same column of another row. */
  mergedWith?: { id: string; number: number };
}

export interface RowView {
  id: string;
  number: number;
  /** Indicator name as printed in the 指标 column (T2 carries the unit there, 表2 has no 单位 column). */
  name: string;
  /** Values of every column after 指标, in printed order: 单位/属性/years… as the table has them. */
  cells: CellView[];
  citation: string;
  url: string;
  /** On /indicators/: the measures that pursue the row, explicit first (empty when none). */
  measures?: ClauseLink[];
}

export interface RowGroup {
  category: string;
  rows: RowView[];
}

export interface TableView {
  id: string;
  number: number;
  /** 表1 */
  label: string;
  title: string;
  citation: string;
  url: string;
  /** Headers of the columns after 类别, 序号 and 指标, as printed. */
  valueColumns: string[];
  groups: RowGroup[];
  note?: { id: string; text: string; citation: string; url: string };
  rowCount: number;
  /** Rows carry `measures`: the table shows a 相关措施 column. */
  measureColumn: boolean;
}

const FIXED = ['类别', '序号', '指标'];

/**
 * A table as printed. With `measuresOf` (on /indicators/), each row also
 * lists the measures that pursue it, in a 相关措施 column.
 */
export function tableView(
  table: TableNode,
  urls: Map<string, string>,
  measuresOf?: (row: IndicatorNode) => ClauseLink[],
): TableView {
  if (FIXED.some((c, i) => table.columns[i] !== c)) {
    throw new Error(
      `${table.id}: expected columns to start with ${FIXED.join(' ')}, got ${table.columns.join(' ')}`,
    );
  }
  const hasUnitColumn = table.columns.includes('单位');
  const valueColumns = table.columns.slice(FIXED.length);
  const rows = table.children.filter((c): c is IndicatorNode => c.kind === 'indicator');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const groups: RowGroup[] = [];
  for (const row of rows) {
    const view: RowView = {
      id: row.id,
      number: row.number,
      name: hasUnitColumn || !row.unit ? row.name : `${row.name}（${row.unit}）`,
      cells: valueColumns.map((column) => cellView(row, column, byId)),
      citation: row.citation,
      url: mustUrl(urls, row.id),
    };
    if (measuresOf) view.measures = measuresOf(row);
    const last = groups.at(-1);
    if (last && last.category === row.category) last.rows.push(view);
    else groups.push({ category: row.category, rows: [view] });
  }
  const note = table.children.find((c): c is NoteNode => c.kind === 'note');
  const view: TableView = {
    id: table.id,
    number: table.number,
    label: `表${table.number}`,
    title: table.title,
    citation: table.citation,
    url: mustUrl(urls, table.id),
    valueColumns,
    groups,
    rowCount: rows.length,
    measureColumn: Boolean(measuresOf),
  };
  if (note)
    view.note = {
      id: note.id,
      text: note.text,
      citation: note.citation,
      url: mustUrl(urls, note.id),
    };
  return view;
}

function cellView(row: IndicatorNode, column: string, rows: Map<string, IndicatorNode>): CellView {
  if (column === '单位') return { text: row.unit, notes: [] };
  if (column === '属性') return { text: row.attribute, notes: [] };
  const cell = row.cells.find((c) => c.column === column);
  if (!cell) throw new Error(`${row.id}: no cell for column ${column}`);
  const view: CellView = { text: cell.text, notes: flagNotes(cell) };
  // The merge goes both ways: the row that holds the printed text and the row that borrowed it.
  const partner =
    cell.mergedFrom ??
    [...rows.values()].find((r) =>
      r.cells.some((c) => c.column === column && c.mergedFrom === row.id),
    )?.id;
  const partnerRow = partner ? rows.get(partner) : undefined;
  if (partnerRow) view.mergedWith = { id: partnerRow.id, number: partnerRow.number };
  return view;
}

export function flagNotes(cell: IndicatorCell): string[] {
  const notes: string[] = [];
  if (cell.cityLevel) notes.push('市级指标数据');
  if (cell.cumulative) notes.push('五年累计数');
  if (cell.approximate) notes.push('约数');
  if (cell.comparator === '>') notes.push('大于');
  else if (cell.comparator === '<') notes.push('小于');
  else if (cell.comparator === '≥') notes.push('不低于');
  else if (cell.comparator === '≤') notes.push('不高于');
  return notes;
}

function mustUrl(urls: Map<string, string>, id: string): string {
  const url = urls.get(id);
  if (!url) throw new Error(`no URL for ${id}`);
  return url;
}

export function tables(document: DocumentNode): TableNode[] {
  const found: TableNode[] = [];
  for (const { node } of walk(document)) if (node.kind === 'table') found.push(node);
  return found;
}

export interface IndicatorsModel {
  title: string;
  tables: TableView[];
  legend: FlagMeaning[];
  /** Where each table sits in the plan's text. */
  context: { table: string; href: string; label: string }[];
}

export function indicatorsModel(document: DocumentNode): IndicatorsModel {
  const urls = urlMap(document);
  const measuresOf = rowMeasureLinker(document);
  const context: IndicatorsModel['context'] = [];
  for (const { node, parents } of walk(document)) {
    if (node.kind !== 'table') continue;
    const section = parents.find((p): p is HeadingNode => p.kind === 'section');
    const chapter = parents.find((p): p is HeadingNode => p.kind === 'chapter');
    if (section && chapter) {
      context.push({
        table: `表${node.number}`,
        href: mustUrl(urls, section.id),
        label: `${chapter.label}${section.label}${quoteTitle(section.title)}`,
      });
    }
  }
  return {
    title: '主要指标',
    tables: tables(document).map((t) => tableView(t, urls, measuresOf)),
    legend: FLAG_LEGEND,
    context,
  };
}
