import type {
  HeadingNode,
  IndicatorCell,
  IndicatorNode,
  NoteNode,
  PlanNode,
  TableNode,
  TableRowNode,
} from '../model/types.ts';
import { quoteTitle } from '../model/text.ts';
import type { ClauseLink } from './annotations.ts';
import { walk } from '../model/tree.ts';
import { PAGE_KINDS } from '../model/urls.ts';
import { rowRelationsOf, type RowRelations } from './row-relations.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * View models for the plan's tables. An indicator table (表1, 表2, a 专栏 of 主要指标) has its
 * rows grouped by 类别 (one `<tbody>` per category), its columns in the order the plan prints
 * them, and each flag the plan marks (* [ ] 左右) spelled out for readers and screen readers;
 * sub-rows of a two-level indicator sit under their row. Any other table is shown as printed:
 * its header and its rows of cells.
 */

export interface FlagMeaning {
  mark: string;
  meaning: string;
}

/** What the marks in indicator cells mean, as plans' table notes say. */
export const FLAG_LEGEND: FlagMeaning[] = [
  { mark: '*', meaning: '市级指标数据（见表注）' },
  { mark: '[ ]', meaning: '五年累计数（见表注）' },
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
  /** Indicator name as printed in the name column (with its unit when the table has no 单位 column). */
  name: string;
  /** A sub-row of a two-level indicator (注册护士数 under 每千人口拥有医护人员数): its row's ID. */
  parent?: string;
  /** Values of every column after the name, in printed order: 单位/属性/years… as the table has them. */
  cells: CellView[];
  citation: string;
  url: string;
  /** On /indicators/: the measures that pursue the row, explicit first (empty when none). */
  measures?: ClauseLink[];
  /** On /indicators/: everything beside the row (相关措施, 目标表述, 回顾, the other table's row). */
  relations?: RowRelations;
}

export interface RowGroup {
  category: string;
  /**
   * A row the table prints across its width to open the group (苏州 表1: 一、经济强（12 项）),
   * when it has one: a `row` node among the indicators.
   */
  heading?: { id: string; text: string };
  rows: RowView[];
}

export interface TableCaption {
  id: string;
  number: number;
  /** 表1, or 专栏1 for a 专栏's table */
  label: string;
  title: string;
  citation: string;
  url: string;
  note?: { id: string; text: string; citation: string; url: string };
  /** An indicator table's period: `previous` (上期完成情况) or `current` (本期目标), when known. */
  period?: 'previous' | 'current';
}

export interface IndicatorTableView extends TableCaption {
  kind: 'indicators';
  /** Headers of the columns before the values, as printed (类别, 序号, 指标; '' when absent). */
  fixed: { category: string; number: string; name: string };
  /** Headers of the columns after the name, as printed. */
  valueColumns: string[];
  groups: RowGroup[];
  rowCount: number;
  /** Rows carry `relations`: the table shows a 相关条文 column (/indicators/). */
  measureColumn: boolean;
}

export interface RowsTableView extends TableCaption {
  kind: 'rows';
  columns: string[];
  rows: { id: string; number: number; cells: string[]; citation: string; url: string }[];
}

export type TableView = IndicatorTableView | RowsTableView;

const CATEGORY = /^(类别|分类|领域|类型)$/;
const NUMBER = /^(序号|编号)$/;
const NAME = /指标|名称|项目/;

/** Which printed columns hold the category, the number and the name; the rest are values. */
export function columnRoles(columns: string[]): {
  category: string;
  number: string;
  name: string;
  values: string[];
} {
  const category = columns.find((c) => CATEGORY.test(c)) ?? '';
  const number = columns.find((c) => NUMBER.test(c)) ?? '';
  const rest = columns.filter((c) => c !== category && c !== number);
  const name = rest.find((c) => NAME.test(c)) ?? rest[0] ?? '指标';
  const at = columns.indexOf(name);
  return {
    category,
    number,
    name,
    values: columns.filter((c, i) => i > at && c !== category && c !== number),
  };
}

/**
 * A table as printed. With `relationsOf` (on /indicators/), each indicator row also lists its
 * clauses and the other table's row, in a 相关条文 column (row-relations.ts).
 */
export function tableView(
  table: TableNode,
  plan: SitePlan,
  relationsOf?: (row: IndicatorNode) => RowRelations,
): TableView {
  const caption = captionOf(table, plan);
  if (!table.indicators) {
    const rows = table.children.filter((c): c is TableRowNode => c.kind === 'row');
    return {
      kind: 'rows',
      ...caption,
      columns: table.columns,
      rows: rows.map((r) => ({
        id: r.id,
        number: r.number,
        cells: r.cells,
        citation: r.citation,
        url: mustUrl(plan, r.id),
      })),
    };
  }
  const roles = columnRoles(table.columns);
  const hasUnitColumn = table.columns.includes('单位');
  const rows = table.children.filter((c): c is IndicatorNode => c.kind === 'indicator');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const groups: RowGroup[] = [];
  for (const child of table.children) {
    if (child.kind === 'row') {
      // A heading row across the table opens a group.
      groups.push({
        category: child.cells.join(' ').trim(),
        heading: { id: child.id, text: child.cells.filter(Boolean).join(' ') },
        rows: [],
      });
      continue;
    }
    if (child.kind !== 'indicator') continue;
    const row = child;
    const view: RowView = {
      id: row.id,
      number: row.number,
      name: hasUnitColumn || !row.unit ? row.name : `${row.name}（${row.unit}）`,
      cells: roles.values.map((column) => cellView(row, column, byId)),
      citation: row.citation,
      url: mustUrl(plan, row.id),
    };
    if (row.parent) view.parent = row.parent;
    if (relationsOf) {
      view.relations = relationsOf(row);
      view.measures = view.relations.measures ?? [];
    }
    const last = groups.at(-1);
    // With a 类别 column, a new category opens a group; without one, the rows follow their heading.
    if (last && (roles.category ? last.category === row.category : true)) last.rows.push(view);
    else if (last?.heading && last.rows.length === 0) last.rows.push(view);
    else groups.push({ category: row.category, rows: [view] });
  }
  return {
    kind: 'indicators',
    ...caption,
    fixed: { category: roles.category, number: roles.number, name: roles.name },
    valueColumns: roles.values,
    groups,
    rowCount: rows.length,
    measureColumn: Boolean(relationsOf),
  };
}

function captionOf(table: TableNode, plan: SitePlan): TableCaption {
  const note = table.children.find((c): c is NoteNode => c.kind === 'note');
  const caption: TableCaption = {
    id: table.id,
    number: table.number,
    label: table.label,
    title: table.title,
    citation: table.citation,
    url: mustUrl(plan, table.id),
  };
  if (table.period) caption.period = table.period;
  if (note)
    caption.note = {
      id: note.id,
      text: note.text,
      citation: note.citation,
      url: mustUrl(plan, note.id),
    };
  return caption;
}

function cellView(row: IndicatorNode, column: string, rows: Map<string, IndicatorNode>): CellView {
  if (column === '单位') return { text: row.unit, notes: [] };
  if (column === '属性') return { text: row.attribute, notes: [] };
  const cell = row.cells.find((c) => c.column === column);
  if (!cell) return { text: '', notes: [] }; // a sub-row or a short row leaves the column blank
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

function mustUrl(plan: SitePlan, id: string): string {
  const url = plan.urls.get(id);
  if (!url) throw new Error(`${plan.slug}: no URL for ${id}`);
  return url;
}

/** The plan's indicator tables (表1, 表2, 专栏 tables of indicators), in document order. */
export function indicatorTables(plan: SitePlan): TableNode[] {
  const found: TableNode[] = [];
  for (const { node } of walk(plan.document))
    if (node.kind === 'table' && node.indicators) found.push(node);
  return found;
}

export interface IndicatorsModel {
  title: string;
  tables: IndicatorTableView[];
  /** The marks the plan's tables use, spelled out. */
  legend: FlagMeaning[];
  /** Some cell was merged with its neighbour in the printed table (the legend explains the shading). */
  merged: boolean;
  /** Where each table sits in the plan's text. */
  context: { table: string; href: string; label: string }[];
}

/** Which marks of FLAG_LEGEND a row's cells use. */
function marksUsed(tables: TableNode[]): Set<string> {
  const used = new Set<string>();
  for (const table of tables)
    for (const row of table.children)
      if (row.kind === 'indicator')
        for (const cell of row.cells) {
          if (cell.cityLevel) used.add('*');
          if (cell.cumulative) used.add('[ ]');
          if (cell.approximate) used.add('左右');
          if (cell.comparator === '>') used.add('>');
        }
  return used;
}

export function indicatorsModel(plan: SitePlan): IndicatorsModel {
  const relationsOf = rowRelationsOf(plan);
  const tables = indicatorTables(plan);
  const context: IndicatorsModel['context'] = [];
  for (const { node, parents } of walk(plan.document)) {
    if (node.kind !== 'table' || !node.indicators) continue;
    // The reading page the table is printed on: its nearest ancestor with a page.
    const holder = parents.findLast((p) => PAGE_KINDS.has(p.kind));
    if (!holder) continue;
    const chapter = parents.find((p): p is HeadingNode => p.kind === 'chapter');
    const labelled = (n: PlanNode) => ('label' in n && typeof n.label === 'string' ? n.label : '');
    const label =
      holder.kind === 'section' && chapter
        ? `${chapter.label}${labelled(holder)}${quoteTitle(holder.title)}`
        : labelled(holder)
          ? `${labelled(holder)}${quoteTitle(holder.title)}`
          : holder.title;
    context.push({ table: node.label, href: mustUrl(plan, holder.id), label });
  }
  const used = marksUsed(tables);
  const views = tables.map((t) => tableView(t, plan, relationsOf) as IndicatorTableView);
  return {
    title: '主要指标',
    tables: views,
    legend: FLAG_LEGEND.filter((f) => used.has(f.mark)),
    merged: views.some((t) =>
      t.groups.some((g) => g.rows.some((r) => r.cells.some((c) => c.mergedWith))),
    ),
    context,
  };
}
