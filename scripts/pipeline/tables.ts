import type {
  BoxItemNode,
  IndicatorCell,
  IndicatorNode,
  NoteNode,
  Repair,
  TableNode,
  TableRowNode,
} from '../../src/model/types.ts';
import { quoteTitle } from '../../src/model/text.ts';
import type { IssueCollector } from './errors.ts';

/**
 * Tables: 表N and the tables of 专栏, in the four forms real plans print them
 * (docs/pipeline.md, “Tables”). The structure stage finds a table's region (its
 * caption or 专栏 title and the raw lines after it) and calls `tableKind`, then
 * `parseTable` or `parseItemTable`.
 *
 * - An indicator table (the header names 指标 and one of 属性, 单位, a year or
 *   目标) gives one IndicatorNode per row: name, unit, attribute, category and a
 *   parsed cell per value column; a two-level indicator gives a row and its
 *   sub-rows (`parent`).
 * - A two-column table whose first column is an item number (01, 1, 1．) is a
 *   list: `parseItemTable` gives BoxItemNodes.
 * - Any other table gives TableRowNodes, cells as printed.
 *
 * Every character of the table lands in exactly one node (caption, header,
 * repeated headers, rows, 注); every repair is recorded; a row that cannot be read
 * is an issue. One pass over the lines: linear in the size of the table.
 *
 * One module because every step below (splitting cells, finding the header and
 * its columns, joining wrapped rows, reading cells and 注) branches on the same
 * four cell forms over one `Prepared` body, and every character lands in
 * exactly one node only while those steps agree; the sections follow that order.
 */

/** How a source separates the cells of a row. */
export type CellForm =
  | 'tab' // tab-separated (Markdown converted from PDF: 李沧)
  | 'pipe' // | a | b | (Markdown converted from HTML: 广州)
  | 'spaces' // runs of two or more spaces, a run per empty cell (plain text: 南京)
  | 'pdf'; // single spaces that also occur inside cells (PDF text: 苏州)

export interface SourceLine {
  text: string;
  line: number;
}

export interface TableInput {
  /** The table's node ID: 'T1' for 表1, 'B1.table' for the table of 专栏1. */
  id: string;
  /** Row IDs are `${rowPrefix}.${n}`: 'T1' → T1.3, 'B1' → B1.3. */
  rowPrefix: string;
  /** 表 number or 专栏 number. */
  number: number;
  /** As printed: 表1 / 专栏1. */
  label: string;
  /** The caption's title. */
  title: string;
  /** The caption or 专栏 title line as printed (for 'pipe', the `| 专栏1 title | | |` row). */
  caption: SourceLine;
  /** The raw source lines after the caption: header row(s), rows, repeated headers, 注 lines. */
  lines: SourceLine[];
  cells: CellForm;
  /** For citations: 《planTitle》… */
  planTitle: string;
  /** The plan's period: year columns are read against it (columnRole). */
  period: { start: number; end: number };
  /**
   * The table's citation when the caller knows a better one than
   * 《planTitle》label“title” (a 专栏's, with its chapter and section): rows and
   * box items cite through it.
   */
  citation?: string;
}

export type TableKind = 'indicator' | 'items' | 'rows';

/** Which of the three readings a table gets: what `parseTable` will make of it, or a list for `parseItemTable`. */
export function tableKind(input: TableInput): TableKind {
  const prepared = prepare(input);
  if (isItemTable(prepared)) return 'items';
  return isIndicatorHeader(headerRowsOf(prepared)) ? 'indicator' : 'rows';
}

/** A table as its node: indicator rows, or rows as printed; its 注 as the last child. */
export function parseTable(
  input: TableInput,
  issues: IssueCollector,
  repairs: Repair[],
): TableNode {
  const p = prepare(input);
  const table = emptyTable(p);
  const note = readNote(p);
  const header = headerRowsOf(p);
  if (p.body.length === 0) {
    issues.add(
      input.caption.line,
      'table-empty',
      `${input.label} has no rows; expected a header and rows after its caption`,
    );
  } else if (isIndicatorHeader(header)) {
    const layout = readLayout(p, header);
    if (typeof layout === 'string') asRows(p, table, repairs, layout);
    else readIndicators(p, layout, table, issues, repairs);
  } else {
    readRows(p, table, repairs);
  }
  if (note) {
    table.children.push(note);
    linkNote(table, note);
  }
  return table;
}

/** The rows of an item table (`| 01 | 汽车 重点发展… |`) as box items. */
export function parseItemTable(
  input: TableInput,
  issues: IssueCollector,
  repairs: Repair[],
): BoxItemNode[] {
  const p = prepare(input);
  const base = tableCitation(input);
  const items: BoxItemNode[] = [];
  let current: BoxItemNode | undefined;
  let last = 0;
  for (const row of p.body) {
    const number = itemNumber(row.cells[0]);
    if (number !== null && row.cells.length === 2) {
      if (number !== last + 1) {
        issues.add(
          row.line,
          'table-row-number',
          `${input.label} item number is "${row.cells[0]}", expected ${last + 1}`,
        );
        // Number on from the item as printed, so that one gap is one problem.
        last = number;
        current = undefined;
        continue;
      }
      last = number;
      const text = row.cells[1]!;
      const title = itemTitle(text);
      current = {
        id: `${input.rowPrefix}.${number}`,
        kind: 'boxItem',
        number,
        title,
        text,
        citation: `${base}之${quoteTitle(title)}`,
        source: { start: row.line, end: row.line },
        children: [],
      };
      items.push(current);
    } else if (current && isItemContinuation(p.input.cells, row)) {
      const piece = row.cells.filter((c) => c !== '').join('');
      current.text = joinWrapped(current.text, piece);
      current.source.end = row.line;
      repairs.push({
        kind: 'wrapped-cell',
        line: row.line,
        before: piece,
        after: `${current.id}: ${current.text}`,
      });
    } else {
      issues.add(
        row.line,
        'table-row-cells',
        `${input.label} row "${row.text.trim()}" is not an item; expected an item number and its text in two cells`,
      );
    }
  }
  if (items.length === 0)
    issues.add(input.caption.line, 'table-empty', `${input.label} has no items`);
  const [note] = p.notes;
  if (note)
    issues.add(
      note.line,
      'table-note',
      `${input.label} is a list of items and takes no 注 ("${note.text}"); expected the 注 to be read with its 专栏`,
    );
  return items;
}

/* ------------------------------------------------------------------------ */
/* Lines → rows of cells                                                     */
/* ------------------------------------------------------------------------ */

/** A physical line of the table's body, split into cells as printed. */
interface Row {
  line: number;
  text: string;
  /** Cells as printed ('spaces': a leading run of spaces gives leading empty cells; 'pdf': the whole line). */
  cells: string[];
  /** 'spaces': the line starts with empty cells (its first printed cell is not in the first column). */
  indented: boolean;
}

interface Prepared {
  input: TableInput;
  /** The caption as printed, without pipe-table syntax. */
  caption: string;
  body: Row[];
  notes: SourceLine[];
}

const NOTE = /^注[：:]/;
const PIPE_SEPARATOR = /^\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/;

/** Blank lines dropped, the `|---|` row dropped, 注 lines (and all after the first) set apart, cells split. */
function prepare(input: TableInput): Prepared {
  const form = input.cells;
  const unit = form === 'spaces' ? spaceUnit(input.lines) : 4;
  const body: Row[] = [];
  const notes: SourceLine[] = [];
  for (const l of input.lines) {
    const trimmed = l.text.trim();
    if (trimmed === '') continue;
    if (form === 'pipe' && PIPE_SEPARATOR.test(trimmed)) continue;
    const cells = splitCells(form, l.text, unit);
    const filled = cells.filter((c) => c.trim() !== '');
    const noteText = form === 'pipe' && filled.length === 1 ? filled[0]!.trim() : trimmed;
    if (notes.length > 0 || NOTE.test(noteText)) {
      notes.push({ line: l.line, text: noteText });
      continue;
    }
    body.push({
      line: l.line,
      text: l.text,
      cells,
      indented: form === 'spaces' && /^ /.test(l.text),
    });
  }
  const caption =
    form === 'pipe' && input.caption.text.trim().startsWith('|')
      ? splitPipe(input.caption.text)
          .filter((c) => c !== '')
          .join(' ')
      : input.caption.text;
  return { input, caption: normalizeSpaces(caption), body, notes };
}

function splitCells(form: CellForm, text: string, unit: number): string[] {
  switch (form) {
    case 'tab':
      return text.replace(/\s+$/, '').split('\t');
    case 'pipe':
      return text.trim().startsWith('|') ? splitPipe(text) : [text.trim()];
    case 'spaces':
      return splitSpaces(text, unit);
    case 'pdf':
      return [text.trim()];
  }
}

function splitPipe(text: string): string[] {
  let t = text.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').map((c) => c.trim());
}

/**
 * Cells separated by runs of two or more spaces. The separator is the table's
 * most common run (4 in 南京); a run n separators long holds n - 1 empty cells,
 * and a leading run of n separators n empty cells. Trailing spaces are dropped.
 */
function splitSpaces(text: string, unit: number): string[] {
  const indent = /^ */.exec(text)![0].length;
  const cells: string[] = new Array<string>(Math.round(indent / unit)).fill('');
  const rest = text.slice(indent).replace(/\s+$/, '');
  if (rest === '') return cells;
  const parts = rest.split(/( {2,}|\t+)/);
  parts.forEach((part, i) => {
    if (i % 2 === 0) cells.push(part);
    else {
      const gaps = part.startsWith('\t')
        ? part.length
        : Math.max(1, Math.round(part.length / unit));
      for (let k = 1; k < gaps; k++) cells.push('');
    }
  });
  return cells;
}

/** The most common run of 2+ spaces between two printed characters: the width of one separator. */
function spaceUnit(lines: SourceLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines)
    for (const m of l.text.matchAll(/(?<=\S)( {2,})(?=\S)/g))
      counts.set(m[1]!.length, (counts.get(m[1]!.length) ?? 0) + 1);
  let best = 4;
  let bestCount = 0;
  for (const [width, count] of counts)
    if (count > bestCount || (count === bestCount && width < best))
      [best, bestCount] = [width, count];
  return best;
}

/* ------------------------------------------------------------------------ */
/* What kind of table                                                        */
/* ------------------------------------------------------------------------ */

const ITEM_NUMBER = /^0?(\d{1,2})[.．]?$/;

function itemNumber(cell: string | undefined): number | null {
  const m = ITEM_NUMBER.exec(cell?.trim() ?? '');
  return m ? Number(m[1]) : null;
}

/** Two cells, the first an item number, on every row that is not the continuation of one. */
function isItemTable(p: Prepared): boolean {
  const [first] = p.body;
  if (!first || p.input.cells === 'pdf') return false;
  if (itemNumber(first.cells[0]) === null || first.cells.length !== 2) return false;
  return p.body.every(
    (row) =>
      (itemNumber(row.cells[0]) !== null && row.cells.length === 2) ||
      isItemContinuation(p.input.cells, row),
  );
}

/** A line that carries on the item above: 'spaces' one unindented cell; 'pipe' an empty number cell. */
function isItemContinuation(form: CellForm, row: Row): boolean {
  if (form === 'spaces') return !row.indented && row.cells.length === 1;
  if (form === 'pipe') return row.cells.length === 2 && row.cells[0] === '' && row.cells[1] !== '';
  return false;
}

/**
 * The name of an item whose name and description share a cell (广州: `汽车 重点发展…`,
 * one space between them): the text before the first space when it is a short name;
 * else the text before the first ：or 。 when that is short; else the whole text.
 */
function itemTitle(text: string): string {
  const space = text.search(/\s/);
  if (space > 0) {
    const head = text.slice(0, space);
    if (head.length <= 60 && !/[。；：:，！？]/.test(head)) return head;
  }
  const m = /^(.{1,30}?)[：:。]/.exec(text);
  return m ? m[1]! : text;
}

/** 一、经济强（12 项）: a category row of an indicator table, with the number of rows it announces. */
const CATEGORY_ROW = /^[一二三四五六七八九十]+、(.+?)(?:（(\d+)项）)?$/;

function categoryRow(row: Row): { name: string; count: number | null } | null {
  const filled = row.cells.filter((c) => c.trim() !== '');
  if (filled.length !== 1) return null;
  const m = CATEGORY_ROW.exec(squash(filled[0]!));
  return m ? { name: m[1]!, count: m[2] ? Number(m[2]) : null } : null;
}

/** A row that is data, not header: a category row, or a row number among its first cells. */
function isDataRow(p: Prepared, row: Row): boolean {
  if (categoryRow(row)) return true;
  if (p.input.cells === 'pdf') return /^\d+\s|(预期性|约束性)$/.test(row.text.trim());
  return row.cells
    .slice(0, 3)
    .some((c) => /^\d+[.．]?$/.test(c.trim()) || /^\d+[.．]\s*\S/.test(c.trim()));
}

/** The header: the rows before the first data row (at least the first row). */
function headerRowsOf(p: Prepared): Row[] {
  const end = p.body.findIndex((row) => isDataRow(p, row));
  return p.body.slice(0, Math.max(1, end === -1 ? 1 : end));
}

function isIndicatorHeader(header: Row[]): boolean {
  const text = header
    .map((r) => r.text)
    .join('')
    .replace(/[\s|]/g, '');
  return /指标/.test(text) && /属性|单位|\d{4}|目标/.test(text);
}

/* ------------------------------------------------------------------------ */
/* Indicator tables                                                          */
/* ------------------------------------------------------------------------ */

interface ValueColumn {
  index: number;
  name: string;
  role: IndicatorCell['role'];
  year: number | null;
}

interface Layout {
  header: Row[];
  /** Logical column names, cleaned. */
  columns: string[];
  /** The header lines as printed, when there are several. */
  headerLines?: { line: number; cells: string[] }[];
  category: number;
  seq: number;
  name: number;
  /** An unnamed column right after 指标 that only two-level indicators use (广州), or -1. */
  sub: number;
  unit: number;
  attribute: number;
  values: ValueColumn[];
  /** The header's wrapped cells, joined (recorded once the layout is read). */
  joins: Repair[];
}

/** The header read into columns, or why it cannot be read (the table is then kept as rows). */
function readLayout(p: Prepared, header: Row[]): Layout | string {
  const form = p.input.cells;
  let columns: string[];
  let headerLines: Layout['headerLines'];
  const joins: Repair[] = [];
  if (form === 'pdf') {
    const read = segmentPdfHeader(header.map((r) => r.text.trim()).join(' '));
    columns = read.map((s) => s.clean);
    if (header.length > 1)
      headerLines = header.map((r) => ({ line: r.line, cells: [r.text.trim()] }));
  } else if (form === 'spaces') {
    const levels = spacesHeader(header, rowWidth(p.body.slice(header.length)), joins);
    if (typeof levels === 'string') return levels;
    columns = levels.map((c) => squash(c));
  } else {
    const width = Math.max(...header.map((r) => r.cells.length));
    columns = Array.from({ length: width }, (_, i) =>
      header
        .map((r) => clean(form, r.cells[i] ?? ''))
        .filter((c) => c !== '')
        .join(''),
    );
  }
  if (header.length > 1 && !headerLines)
    headerLines = header.map((r) => ({ line: r.line, cells: r.cells }));

  const find = (re: RegExp, skip = -1) => columns.findIndex((c, i) => i !== skip && re.test(c));
  const attribute = find(/^(指标)?属性$/);
  const name = find(/^指标/, attribute);
  if (name === -1) return `no 指标 column in ${columns.join(' | ')}`;
  const sub = columns[name + 1] === '' ? name + 1 : -1;
  const layout: Layout = {
    header,
    columns,
    headerLines,
    category: find(/^(类别|分类|类型|领域)$/),
    seq: find(/^(序号|编号)$/),
    name,
    sub,
    unit: find(/^(计量)?单位$/),
    attribute,
    values: [],
    joins,
  };
  const named = new Set([layout.category, layout.seq, name, sub, layout.unit, attribute]);
  layout.values = columns
    .map((column, index) => ({ column, index }))
    .filter(({ index }) => !named.has(index))
    .map(({ column, index }) => ({
      index,
      name: column,
      ...columnRole(column, p.input.period),
    }));
  if (form === 'pdf') {
    // From the ends: 序号 first, 属性 last, the name up to its unit's ）, the values between.
    const order = [layout.seq, name, layout.unit, ...layout.values.map((v) => v.index), attribute]
      .filter((i) => i !== -1)
      .join(',');
    const expected = columns.map((_, i) => i).join(',');
    if (layout.category !== -1 || order !== expected || layout.values.length === 0)
      return `PDF text table with columns ${columns.join(' | ')}: the rules read 序号 指标 (单位) values (属性) only`;
  }
  return layout;
}

/** The most common number of cells of the rows that start with a number: how wide the table is. */
function rowWidth(rows: Row[]): number | undefined {
  const counts = new Map<number, number>();
  for (const row of rows)
    if (row.cells.slice(0, 3).some((c) => /^\d+$/.test(c)))
      counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1);
  let best: number | undefined;
  for (const [width, count] of counts)
    if (best === undefined || count > counts.get(best)!) best = width;
  return best;
}

/**
 * A header printed over several lines ('spaces', 南京 专栏1): a line that starts in
 * the first column either opens the header or continues the cell it wraps (its
 * first piece joins the last cell above); an indented line opens a lower level
 * whose cells sit under one or more cells of the level above (as many as make the
 * header as wide as its rows) and replace them.
 */
function spacesHeader(
  header: Row[],
  rowWidth: number | undefined,
  joins: Repair[],
): string[] | string {
  const levels: Map<number, string>[] = [];
  let last = -1;
  for (const row of header) {
    const firstFilled = row.cells.findIndex((c) => c !== '');
    if (firstFilled === -1) continue;
    let level = levels.at(-1);
    let position: number;
    if (!level || row.indented) {
      level = new Map();
      levels.push(level);
      position = firstFilled;
    } else {
      const joined = joinWrapped(level.get(last)!, row.cells[0]!);
      level.set(last, joined);
      joins.push({
        kind: 'wrapped-cell',
        line: row.line,
        before: row.cells[0]!,
        after: `header: ${joined}`,
      });
      position = last + 1;
      row.cells.slice(1).forEach((cell) => {
        if (cell !== '') level!.set(position, cell);
        position++;
      });
      last = position - 1;
      continue;
    }
    row.cells.slice(firstFilled).forEach((cell) => {
      if (cell !== '') level.set(position, cell);
      position++;
    });
    last = position - 1;
  }
  const [top, ...lower] = levels;
  if (!top) return 'an empty header';
  let columns = [...top.keys()].sort((a, b) => a - b).map((k) => top.get(k)!);
  if (columns.length !== Math.max(...top.keys()) + 1) return 'a header with gaps in its first line';
  for (const level of lower) {
    const keys = [...level.keys()].sort((a, b) => a - b);
    const at = keys[0]!;
    const names = keys.map((k) => level.get(k)!);
    // How many columns above the level spans: as many as make the header as wide as the rows.
    const parents = lower.length === 1 && rowWidth ? columns.length + names.length - rowWidth : 1;
    if (
      keys.some((k, i) => k !== at + i) ||
      parents < 1 ||
      at + parents > columns.length ||
      names.length % parents !== 0 ||
      names.length / parents < 2
    )
      return `a lower header level (${names.join(' | ')}) that does not divide the columns above it (${columns.join(' | ')}) into rows of ${rowWidth ?? '?'} cells`;
    // One parent: the names say enough (规划目标（2025年）, 年均增速〔累计〕). Several: each
    // sub-column is named after its parent too (2025年 › 目标 → 2025年目标).
    const each = names.length / parents;
    const spanned = names.map((name, i) =>
      parents === 1 ? name : `${columns[at + Math.floor(i / each)]}${name}`,
    );
    columns = [...columns.slice(0, at), ...spanned, ...columns.slice(at + parents)];
  }
  return columns;
}

const HEADER_WORDS = [
  '指标名称',
  '指标属性',
  '计量单位',
  '序号',
  '编号',
  '类别',
  '分类',
  '类型',
  '领域',
  '指标',
  '单位',
  '属性',
  '备注',
];

/**
 * A PDF text header (`序号 指 标 2030 年目标 属性`): its spaces say nothing, so the
 * text without them is cut at the words headers use; what lies between them is a
 * value column (two adjacent ones split before a year). Each segment keeps its
 * printed text.
 */
function segmentPdfHeader(text: string): { clean: string; printed: string }[] {
  const positions: number[] = [];
  let squashed = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    positions.push(i);
    squashed += text[i];
  }
  const cuts: number[] = [0];
  for (let i = 0; i < squashed.length;) {
    const word = HEADER_WORDS.find((w) => squashed.startsWith(w, i));
    if (word) {
      cuts.push(i, i + word.length);
      i += word.length;
      continue;
    }
    if (i > 0 && /\d{4}/.test(squashed.slice(i, i + 4)) && !/\d/.test(squashed[i - 1]!))
      cuts.push(i);
    i++;
  }
  cuts.push(squashed.length);
  const unique = [...new Set(cuts)].sort((a, b) => a - b);
  const segments: { clean: string; printed: string }[] = [];
  for (let k = 0; k + 1 < unique.length; k++) {
    const [a, b] = [unique[k]!, unique[k + 1]!];
    if (a === b) continue;
    segments.push({
      clean: squashed.slice(a, b),
      printed: text.slice(positions[a], positions[b - 1]! + 1),
    });
  }
  return segments;
}

/** A row after wrapped lines were joined: its cells in column order, as printed. */
interface Assembled {
  line: number;
  end: number;
  cells: string[];
}

type Item =
  | { kind: 'repeat'; line: number; cells: string[] }
  | { kind: 'category'; row: Row; name: string; count: number | null }
  | { kind: 'unread'; number: number } // a row already reported as an issue
  | ({ kind: 'row' } & Assembled);

/** The body rows in order, repeated headers and category rows set apart, wrapped lines joined. */
function assemble(p: Prepared, layout: Layout, issues: IssueCollector, repairs: Repair[]): Item[] {
  const form = p.input.cells;
  const { label } = p.input;
  const headerKeys = layout.header.map((r) => keyOf(r.text));
  const items: Item[] = [];
  let current: (Assembled & { text: string }) | undefined;
  let expected = 1;
  let repeatAt = 0;
  // The ID of the row being assembled, for the repair record.
  let rowId = '';
  let subs = 0;
  const flush = () => {
    if (!current) return;
    if (form === 'pdf') {
      const cells = splitPdfRow(current.text, layout);
      if (typeof cells === 'string') {
        issues.add(current.line, 'table-row-cells', `${label} row "${current.text}": ${cells}`);
        items.push({ kind: 'unread', number: expected - 1 });
      } else items.push({ kind: 'row', line: current.line, end: current.end, cells });
    } else items.push({ kind: 'row', line: current.line, end: current.end, cells: current.cells });
    current = undefined;
  };
  const numberOf = (row: Row): number | null => {
    if (form === 'pdf') {
      const m = /^(\d+)\s/.exec(row.text.trim());
      return m ? Number(m[1]) : null;
    }
    if (layout.seq !== -1) {
      const cell = row.cells[layout.seq]?.trim() ?? '';
      return /^\d+$/.test(cell) ? Number(cell) : null;
    }
    const m = /^(\d+)[.．]/.exec(row.cells[layout.name]?.trim() ?? '');
    return m ? Number(m[1]) : null;
  };
  const complete = (c: Assembled & { text: string }) =>
    form === 'pdf'
      ? layout.attribute !== layout.columns.length - 1 || /(预期性|约束性)$/.test(c.text)
      : c.cells.length >= layout.columns.length;

  for (const row of p.body.slice(layout.header.length)) {
    const key = keyOf(row.text);
    if (repeatAt > 0 && repeatAt < headerKeys.length && key === headerKeys[repeatAt]) {
      items.push({ kind: 'repeat', line: row.line, cells: row.cells });
      repeatAt++;
      continue;
    }
    repeatAt = 0;
    if (key === headerKeys[0]) {
      flush();
      items.push({ kind: 'repeat', line: row.line, cells: printedHeaderCells(p, row) });
      repeatAt = 1;
      continue;
    }
    const category = categoryRow(row);
    if (category) {
      flush();
      items.push({ kind: 'category', row, ...category });
      continue;
    }
    if (form === 'tab' || form === 'pipe') {
      // Cells are explicit: one line, one row.
      items.push({ kind: 'row', line: row.line, end: row.line, cells: row.cells });
      continue;
    }
    const number = numberOf(row);
    if (form === 'pdf') {
      const text = row.text.trim();
      const startsRow = number !== null && (number === expected || !current || complete(current));
      if (current && !complete(current) && !(startsRow && number === expected)) {
        current.text = joinWrapped(current.text, text);
        current.end = row.line;
        repairs.push({
          kind: 'wrapped-cell',
          line: row.line,
          before: text,
          after: `${rowId}: ${current.text}`,
        });
      } else if (startsRow) {
        flush();
        current = { line: row.line, end: row.line, cells: [], text };
        expected = number + 1;
        rowId = `${p.input.rowPrefix}.${number}`;
      } else {
        flush();
        issues.add(
          row.line,
          'table-row-number',
          `${label} line "${text}" does not start row ${expected} and continues no row`,
        );
      }
      continue;
    }
    // 'spaces'
    const startsRow = number !== null && (!current || number === expected || complete(current));
    const isSub =
      row.cells.length > layout.name + 1 &&
      row.cells.slice(0, layout.name + 1).every((c) => c === '');
    if (startsRow) {
      flush();
      current = { line: row.line, end: row.line, cells: [...row.cells], text: row.text };
      expected = number + 1;
      rowId = `${p.input.rowPrefix}.${number}`;
      subs = 0;
    } else if (isSub && current) {
      flush();
      current = { line: row.line, end: row.line, cells: [...row.cells], text: row.text };
      subs++;
      rowId = `${p.input.rowPrefix}.${expected - 1}.${subs + 1}`;
    } else if (current && !row.indented) {
      const [piece = '', ...rest] = row.cells;
      const last = current.cells.length - 1;
      current.cells[last] = joinWrapped(current.cells[last] ?? '', piece);
      current.cells.push(...rest);
      current.end = row.line;
      repairs.push({
        kind: 'wrapped-cell',
        line: row.line,
        before: piece,
        after: `${rowId} ${layout.columns[Math.min(last, layout.columns.length - 1)] ?? ''}: ${current.cells[last]}`,
      });
    } else {
      flush();
      issues.add(
        row.line,
        'table-row-number',
        `${label} line "${row.text.trim()}" is neither row ${expected}, a sub-row, nor the continuation of a row`,
      );
    }
  }
  flush();
  return items;
}

/** A repeated header's cells as printed: split like the header ('pdf': at the header's words). */
function printedHeaderCells(p: Prepared, row: Row): string[] {
  if (p.input.cells !== 'pdf') return row.cells;
  return segmentPdfHeader(row.text.trim()).map((s) => s.printed);
}

/** What a line says, without its spaces and pipe syntax: to recognise a repeated header. */
function keyOf(text: string): string {
  return text.replace(/[\s|]/g, '');
}

/**
 * A PDF text row (`5 规上工业增加值率（%） 提高 1 个百分点以上 预期性`), its cells
 * assigned from the ends: 序号 the first token, 属性 the last, the name up to the
 * ）of its unit, then 单位 (one token) and the values.
 */
function splitPdfRow(text: string, layout: Layout): string[] | string {
  let rest = text;
  const cells: string[] = new Array<string>(layout.columns.length).fill('');
  if (layout.seq !== -1) {
    const m = /^(\d+)\s+/.exec(rest);
    if (!m) return 'no 序号 at its start';
    cells[layout.seq] = m[1]!;
    rest = rest.slice(m[0].length);
  }
  if (layout.attribute !== -1) {
    const m = /\s*(预期性|约束性)$/.exec(rest);
    if (!m) return 'no 属性 (预期性/约束性) at its end';
    cells[layout.attribute] = m[1]!;
    rest = rest.slice(0, m.index);
  }
  let end = -1;
  let lastCandidate = -1;
  for (const m of rest.matchAll(/（([^（）]*)）(?=\s)/g)) {
    lastCandidate = m.index + m[0].length;
    if (end === -1 && isUnit(m[1]!)) end = lastCandidate;
  }
  if (end === -1) end = lastCandidate;
  if (end === -1)
    return 'cannot tell where the name ends: expected the name to end in its unit, （%）';
  cells[layout.name] = rest.slice(0, end);
  let after = rest.slice(end).trim();
  if (layout.unit !== -1) {
    const m = /^(\S+)\s*/.exec(after);
    cells[layout.unit] = m?.[1] ?? '';
    after = after.slice(m?.[0].length ?? 0);
  }
  const groups = layout.values.length === 1 ? [after] : valueGroups(after);
  if (groups.length !== layout.values.length)
    return `${groups.length} values (${groups.join(' / ')}), expected ${layout.values.length}`;
  layout.values.forEach((v, i) => (cells[v.index] = groups[i]!));
  return cells;
}

/** Values side by side in PDF text: a new value starts at a number, a comparator or a bracket, once the one before has its number. */
function valueGroups(text: string): string[] {
  const groups: string[] = [];
  for (const token of text.split(/\s+/).filter((t) => t !== '')) {
    const previous = groups.at(-1);
    if (previous !== undefined && !(/^[-\d＞≥<＜≤>〔[—]/.test(token) && /\d|—/.test(previous)))
      groups[groups.length - 1] = `${previous} ${token}`;
    else groups.push(token);
  }
  return groups;
}

/** （%） （亿元） （微克/立方米）: a unit, not a remark like （含…）. */
function isUnit(text: string): boolean {
  const t = squash(text);
  return t.length > 0 && t.length <= 10 && !/[含指即包括其中、，]/.test(t);
}

/** The indicator nodes of a table whose layout was read. */
function readIndicators(
  p: Prepared,
  layout: Layout,
  table: TableNode,
  issues: IssueCollector,
  repairs: Repair[],
): void {
  const { input } = p;
  const form = input.cells;
  const { label, rowPrefix, id: tableId, planTitle } = input;
  table.indicators = true;
  table.columns = layout.columns;
  if (layout.headerLines) table.headerLines = layout.headerLines;
  repairs.push(...layout.joins);
  const width = layout.columns.length;

  let category = '';
  let categoryRows = 0;
  let openCategory: { row: TableRowNode; count: number | null; rows: number } | undefined;
  const closeCategory = () => {
    if (openCategory && openCategory.count !== null && openCategory.count !== openCategory.rows)
      issues.add(
        openCategory.row.source.start,
        'table-category-count',
        `${label} category row "${openCategory.row.cells[0]}" announces ${openCategory.count} rows; ${openCategory.rows} follow it`,
      );
    openCategory = undefined;
  };
  let previous: IndicatorNode | undefined; // the last row with figures (a merged cell comes from it)
  let lastNumber = 0;
  let group: { node: IndicatorNode; subs: IndicatorNode[] } | undefined;
  const closeGroup = () => {
    if (!group) return;
    const attributes = new Set(group.subs.map((s) => s.attribute));
    const units = new Set(group.subs.map((s) => s.unit));
    if (attributes.size === 1) group.node.attribute = group.subs[0]!.attribute;
    if (units.size === 1) group.node.unit = group.subs[0]!.unit;
    group = undefined;
  };

  const valueCells = (cells: string[], rowId: string, line: number): IndicatorCell[] =>
    layout.values.map(({ name: column, index, role, year }) => {
      const raw = cells[index] ?? '';
      const text = clean(form, raw);
      if (text !== '' || form !== 'tab') return parseCell(column, raw, text, { role, year });
      // 'tab' (李沧): the PDF printed a cell merged vertically once; it is the cell above.
      const above = previous?.cells.find((c) => c.column === column);
      if (!previous || !above || above.text === '') {
        issues.add(
          line,
          'table-cell-empty',
          `${label} row ${rowId.slice(rowPrefix.length + 1)} has an empty ${column} cell and no cell above to merge with`,
        );
        return parseCell(column, '', '', { role, year });
      }
      repairs.push({
        kind: 'merged-cell',
        line,
        before: `${rowId} ${column}: (empty)`,
        after: `${above.text} (from ${previous.id})`,
      });
      return {
        ...parseCell(column, '', above.text, { role, year }),
        mergedFrom: previous.id,
      };
    });

  const nameAndUnit = (nameCell: string, unitCell: string | undefined) => {
    let text = clean(form, nameCell);
    const star = /[*＊]+$/.exec(text);
    if (star) text = text.slice(0, star.index);
    const unit = unitCell === undefined ? undefined : clean(form, unitCell).replace(/^[—–-]+$/, '');
    return splitNameAndUnit(text, unit);
  };

  const attributeOf = (cell: string, line: number, what: string, inherit?: IndicatorNode) => {
    if (layout.attribute === -1) return '';
    const text = clean(form, cell);
    if (text === '预期性' || text === '约束性') return text;
    if (text === '' && inherit) {
      repairs.push({
        kind: 'merged-cell',
        line,
        before: `${what} 属性: (empty)`,
        after: `${inherit.attribute} (from ${inherit.id})`,
      });
      return inherit.attribute;
    }
    issues.add(
      line,
      'table-attribute',
      `${label} ${what} 属性 is "${text}", expected 预期性 or 约束性`,
    );
    return null;
  };

  for (const item of assemble(p, layout, issues, repairs)) {
    if (item.kind === 'repeat') {
      repeatedHeader(p, table, repairs, item.line, item.cells);
      continue;
    }
    if (item.kind === 'unread') {
      // Reported already; the rows after it are numbered on from it.
      closeGroup();
      lastNumber = Math.max(lastNumber, item.number);
      continue;
    }
    if (item.kind === 'category') {
      closeGroup();
      closeCategory();
      categoryRows++;
      const text = item.row.cells.filter((c) => c.trim() !== '').join('');
      const row: TableRowNode = {
        id: `${rowPrefix}.c${categoryRows}`,
        kind: 'row',
        number: categoryRows,
        title: item.name,
        cells: [text],
        category: item.name,
        citation: `${tableCitation(input)}之${quoteTitle(item.name)}`,
        source: { start: item.row.line, end: item.row.line },
        children: [],
      };
      table.children.push(row);
      openCategory = { row, count: item.count, rows: 0 };
      category = item.name;
      continue;
    }

    const { line, end } = item;
    // A sub-name sits right after 指标: in a column the header leaves unnamed (广州), or
    // in one cell more than the header has (南京 专栏2).
    const subAt = layout.name + 1;
    const hasSub = layout.sub !== -1 || item.cells.length === width + 1;
    const cols =
      layout.sub === -1 && hasSub
        ? [...item.cells.slice(0, subAt), ...item.cells.slice(subAt + 1)]
        : item.cells;
    const subCell = hasSub ? (item.cells[subAt] ?? '').trim() : '';
    if (
      ((form === 'tab' || form === 'pipe') && item.cells.length !== width) ||
      item.cells.length > width + (layout.sub === -1 ? 1 : 0)
    ) {
      issues.add(
        line,
        'table-row-cells',
        `${label} row has ${item.cells.length} cells, expected ${width} (${layout.columns.join(', ')})`,
      );
      // The row is reported; the rows after it are numbered on from it.
      closeGroup();
      lastNumber++;
      continue;
    }
    const at = (index: number) => (index === -1 ? '' : (cols[index] ?? ''));
    const seqText = clean(form, at(layout.seq));
    const nameCell = at(layout.name);
    const unitCell = layout.unit === -1 ? undefined : at(layout.unit);

    // A further sub-row of a two-level indicator: no 序号, no name, a sub-name.
    if (seqText === '' && clean(form, nameCell) === '' && subCell !== '') {
      if (!group) {
        issues.add(
          line,
          'table-row-cells',
          `${label} row "${subCell}" has a sub-name but no indicator above it to belong to`,
        );
        continue;
      }
      const k = group.subs.length + 1;
      const subId = `${group.node.id}.${k}`;
      const attribute = attributeOf(at(layout.attribute), line, `row ${subId}`, group.subs.at(-1));
      if (attribute === null) continue;
      const sub = subRow(
        group.node,
        k,
        subCell,
        unitCell,
        cols,
        item.cells.slice(subAt),
        attribute,
        line,
        end,
      );
      group.subs.push(sub);
      previous = sub;
      table.children.push(sub);
      continue;
    }

    closeGroup();
    const printedNumber =
      layout.seq !== -1
        ? seqText
        : (/^(\d+)[.．]/.exec(clean(form, nameCell))?.[1] ?? String(lastNumber + 1));
    const number = Number(printedNumber);
    if (!/^\d+$/.test(printedNumber) || number !== lastNumber + 1) {
      issues.add(
        line,
        'table-row-number',
        `${label} row 序号 is "${printedNumber}", expected ${lastNumber + 1}`,
      );
      // Number on from the row as printed, so that one gap is one problem.
      lastNumber = /^\d+$/.test(printedNumber) ? number : lastNumber + 1;
      continue;
    }
    lastNumber = number;
    if (openCategory) openCategory.rows++;
    const categoryCell = clean(form, at(layout.category));
    if (categoryCell) category = categoryCell;
    if (!category && (layout.category !== -1 || categoryRows > 0)) {
      issues.add(
        line,
        'table-category',
        `${label} row ${number} has no 类别 and no row above gives one`,
      );
      continue;
    }
    const rowId = `${rowPrefix}.${number}`;
    const named = nameAndUnit(
      layout.seq === -1 ? nameCell.replace(/^\s*\d+[.．]\s*/, '') : nameCell,
      subCell === '' ? unitCell : undefined,
    );
    const attribute =
      subCell === '' ? attributeOf(at(layout.attribute), line, `row ${number}`) : '';
    if (attribute === null) continue;
    const firstSubAttribute =
      subCell === '' ? '' : attributeOf(at(layout.attribute), line, `row ${rowId}.1`);
    if (firstSubAttribute === null) continue;
    const node: IndicatorNode = {
      id: rowId,
      kind: 'indicator',
      table: input.number,
      tableId,
      number,
      category,
      name: named.name,
      title: named.name,
      unit: named.unit,
      attribute,
      cells: [],
      raw: subCell === '' ? item.cells : item.cells.slice(0, subAt),
      citation: `《${planTitle}》${label}第${number}项${quoteTitle(named.name)}`,
      source: { start: line, end },
      children: [],
    };
    table.children.push(node);
    if (subCell === '') {
      node.cells = valueCells(cols, rowId, line);
      previous = node;
      continue;
    }
    // A two-level indicator: this row names it; its first sub-row is on the same line.
    const sub = subRow(
      node,
      1,
      subCell,
      unitCell,
      cols,
      item.cells.slice(subAt),
      firstSubAttribute,
      line,
      end,
    );
    group = { node, subs: [sub] };
    previous = sub;
    table.children.push(sub);
  }
  closeGroup();
  closeCategory();
  if (lastNumber === 0)
    issues.add(layout.header[0]!.line, 'table-empty', `${label} has a header but no rows`);

  function subRow(
    parent: IndicatorNode,
    k: number,
    subCell: string,
    unitCell: string | undefined,
    cols: string[],
    raw: string[],
    attribute: IndicatorNode['attribute'],
    line: number,
    end: number,
  ): IndicatorNode {
    const id = `${parent.id}.${k}`;
    const named = nameAndUnit(subCell, unitCell);
    return {
      id,
      kind: 'indicator',
      table: input.number,
      tableId,
      number: k,
      category: parent.category,
      name: named.name,
      title: named.name,
      unit: named.unit,
      attribute,
      cells: valueCells(cols, id, line),
      raw,
      citation: `${parent.citation}之${quoteTitle(named.name)}`,
      source: { start: line, end },
      children: [],
      parent: parent.id,
    };
  }
}

/* ------------------------------------------------------------------------ */
/* Other tables, notes, the table node                                       */
/* ------------------------------------------------------------------------ */

function emptyTable(p: Prepared): TableNode {
  const { input } = p;
  return {
    id: input.id,
    kind: 'table',
    number: input.number,
    label: input.label,
    indicators: false,
    title: input.title,
    caption: p.caption,
    citation: tableCitation(input),
    source: {
      start: input.caption.line,
      end: [...p.body, ...p.notes].reduce((end, l) => Math.max(end, l.line), input.caption.line),
    },
    columns: [],
    repeatedHeaders: [],
    children: [],
  };
}

function tableCitation(input: TableInput): string {
  return input.citation ?? `《${input.planTitle}》${input.label}${quoteTitle(input.title)}`;
}

/** A table that is not an indicator table: its header and one node per row, cells as printed. */
function readRows(p: Prepared, table: TableNode, repairs: Repair[]): void {
  const form = p.input.cells;
  const [header, ...rest] = p.body;
  if (!header) return;
  table.columns = header.cells.map((c) => clean(form, c));
  const width = header.cells.length;
  const headerKey = keyOf(header.text);
  const rows: Assembled[] = [];
  let current: Assembled | undefined;
  for (const row of rest) {
    if (keyOf(row.text) === headerKey) {
      current = undefined;
      repeatedHeader(p, table, repairs, row.line, row.cells);
      continue;
    }
    if (form === 'spaces' && current && current.cells.length < width && !row.indented) {
      // 南京 专栏5: 江北新区 ⏎ （浦口区）    绿色石化…: the first cell wrapped.
      const [piece = '', ...more] = row.cells;
      const last = current.cells.length - 1;
      current.cells[last] = joinWrapped(current.cells[last]!, piece);
      current.cells.push(...more);
      current.end = row.line;
      repairs.push({
        kind: 'wrapped-cell',
        line: row.line,
        before: piece,
        after: `${p.input.rowPrefix}.${rows.length} ${table.columns[last] ?? ''}: ${current.cells[last]}`,
      });
      continue;
    }
    current = { line: row.line, end: row.line, cells: [...row.cells] };
    rows.push(current);
  }
  let above: string[] | undefined;
  rows.forEach((row, i) => {
    const node = rowNode(p, i + 1, row.cells, row.line, row.end);
    if (row.cells[0]?.trim() === '' && above?.[0]) {
      // A group printed once (南京 专栏3 产业集群, 专栏21 类型): the rows below it belong to it.
      node.resolved = [above[0], ...row.cells.slice(1)];
    }
    above = node.resolved ?? row.cells;
    table.children.push(node);
  });
}

/** An indicator table whose layout the rules do not cover: kept as printed, one row a line. */
function asRows(p: Prepared, table: TableNode, repairs: Repair[], reason: string): void {
  const [header, ...rest] = p.body;
  if (!header) return;
  table.columns = header.cells.map((c) => c.trim());
  rest.forEach((row, i) => table.children.push(rowNode(p, i + 1, row.cells, row.line, row.line)));
  repairs.push({
    kind: 'table-as-rows',
    line: header.line,
    before: reason,
    after: `${p.input.label}: ${rest.length} lines kept as rows, cells as printed, not read as indicators`,
  });
}

function rowNode(
  p: Prepared,
  n: number,
  cells: string[],
  start: number,
  end: number,
): TableRowNode {
  const title = rowTitle(p.input.cells, cells);
  return {
    id: `${p.input.rowPrefix}.${n}`,
    kind: 'row',
    number: n,
    title,
    cells,
    citation: `${tableCitation(p.input)}第${n}行${title ? quoteTitle(title) : ''}`,
    source: { start, end },
    children: [],
  };
}

function rowTitle(form: CellForm, cells: string[]): string {
  return clean(form, cells.find((c) => c.trim() !== '') ?? '');
}

function repeatedHeader(
  p: Prepared,
  table: TableNode,
  repairs: Repair[],
  line: number,
  cells: string[],
): void {
  table.repeatedHeaders.push({ line, cells });
  repairs.push({
    kind: 'repeated-table-header',
    line,
    before: cells.join(' | '),
    after: `(kept on ${p.input.label.replace(/\s*\d+$/, '')}, not a row)`,
  });
}

/** The table's 注: one note node, its numbered items read when it has two or more. */
function readNote(p: Prepared): NoteNode | undefined {
  const [first] = p.notes;
  if (!first) return undefined;
  const { input } = p;
  const lines = p.notes.map((l) => ({ line: l.line, text: normalizeSpaces(l.text.trim()) }));
  const node: NoteNode = {
    id: `${input.id}.note`,
    kind: 'note',
    title: `${input.label}注`,
    text: lines.map((l) => l.text).join('\n'),
    citation: `《${input.planTitle}》${input.label}注`,
    source: { start: first.line, end: p.notes.at(-1)!.line },
    children: [],
  };
  const items = noteItems(lines);
  if (items.length >= 2) node.items = items;
  return node;
}

/**
 * What a table's 注 says about its rows. Its numbered items (`注：1.… 2.…`, `①…②…`)
 * become `note.items` when there are two or more; a `*` on an indicator's name points to
 * the item that says what `*` means, or else the k-th `*` to the k-th item
 * (`IndicatorNode.note`, 广州 专栏1); a `*` on a figure marks a city-level figure
 * (`cityLevel`) unless the 注 says it means something else (南京 专栏1: 尚未公布).
 *
 * `parseTable` calls it when the 注 lines come with the table; a caller that reads the
 * 注 itself calls it with that note, after the table.
 */
export function linkNote(table: TableNode, note: NoteNode): void {
  if (!note.items) {
    const lines = note.text.split('\n');
    // Item lines are consecutive, or (HTML paragraphs) a blank line apart.
    const gap = (note.source.end - note.source.start) / Math.max(1, lines.length - 1);
    const step = Number.isInteger(gap) && gap >= 1 ? gap : 1;
    const items = noteItems(
      lines.map((text, i) => ({
        text,
        line: Math.min(note.source.start + i * step, note.source.end),
      })),
    );
    if (items.length >= 2) note.items = items;
  }
  const items = note.items ?? [];
  const explaining = (items.length > 0 ? items : [{ number: 0, text: note.text }]).find((i) =>
    /[*＊]/.test(i.text),
  );
  const starCityLevel = explaining ? /市/.test(explaining.text) : true;
  const starred: IndicatorNode[] = [];
  for (const row of table.children) {
    if (row.kind !== 'indicator') continue;
    for (const cell of row.cells) if (/[*＊]/.test(cell.text)) cell.cityLevel = starCityLevel;
    if (row.raw.some((cell) => isStarredName(cell, row.name))) starred.push(row);
  }
  if (explaining && items.length > 0) for (const row of starred) row.note = explaining.number;
  else if (items.length >= 2 && items.length === starred.length)
    starred.forEach((row, i) => (row.note = items[i]!.number));
}

/** `4. “15+8”产业增加值占地区生产总值比重*`: the printed name cell of `name`, with a `*` after it. */
function isStarredName(cell: string, name: string): boolean {
  const text = squash(cell).replace(/^\d+[.．]/, '');
  return name !== '' && /[*＊]$/.test(text) && text.replace(/[*＊]+$/, '').startsWith(name);
}

const CIRCLED = /[①-⑳]/;

/** 注：1.… ⏎ 2.…, or 注：①… ②…: the items, numbered as printed. */
function noteItems(lines: SourceLine[]): NonNullable<NoteNode['items']> {
  const items: NonNullable<NoteNode['items']> = [];
  const carry = (text: string) => {
    const last = items.at(-1);
    if (last) last.text += text;
  };
  for (const l of lines) {
    const text = l.text.replace(/^注[：:]\s*/, '');
    if (CIRCLED.test(text)) {
      for (const part of text.split(/(?=[①-⑳])/)) {
        const t = part.trim();
        if (CIRCLED.test(t[0] ?? ''))
          items.push({
            number: t.charCodeAt(0) - 0x2460 + 1,
            text: t.slice(1).trim(),
            line: l.line,
          });
        else carry(t);
      }
      continue;
    }
    const m = /^(\d+)[.．、]\s*(.*)$/.exec(text);
    if (m) items.push({ number: Number(m[1]), text: m[2]!, line: l.line });
    else carry(text);
  }
  return items;
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */
/* ------------------------------------------------------------------------ */

/** A cell's text: 'tab' as 李沧 always read it; the other forms without the spaces line breaks and PDF text put in. */
function clean(form: CellForm, cell: string): string {
  return form === 'tab' ? cleanCell(cell) : squash(cell);
}

/** Cell text without the spaces the conversion put inside Chinese ("完成市 下达任务"). */
function cleanCell(cell: string): string {
  return normalizeSpaces(cell.trim().replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, ''));
}

/** Every space dropped but one between two Latin letters or digits (GB/T 20794). */
function squash(text: string): string {
  return text
    .replace(/\s+/g, (space, at: number, whole: string) =>
      /[0-9A-Za-z]/.test(whole[at - 1] ?? '') && /[0-9A-Za-z]/.test(whole[at + space.length] ?? '')
        ? ' '
        : '',
    )
    .trim();
}

/** Drop the spaces a PDF conversion puts between Han characters and digits or Latin letters. */
function normalizeSpaces(text: string): string {
  return text
    .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”])[ \t]+(?=[0-9A-Za-z〔])/gu, '')
    .replace(/(?<=[0-9A-Za-z%〕])[ \t]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”])/gu, '')
    .trim();
}

/** A cell wrapped onto the next line, joined: no space, unless two Latin letters or digits meet. */
function joinWrapped(before: string, after: string): string {
  if (before === '') return after;
  return /[0-9A-Za-z]$/.test(before) && /^[0-9A-Za-z]/.test(after)
    ? `${before} ${after}`
    : before + after;
}

/** 表2 writes the unit in parentheses after the name: 全员劳动生产率（万元/人）. */
function splitNameAndUnit(
  nameCell: string,
  unitCell: string | undefined,
): { name: string; unit: string } {
  if (unitCell !== undefined) return { name: nameCell, unit: unitCell };
  const m = /^(.*)（([^（）]+)）$/.exec(nameCell);
  return m && isUnit(m[2]!) ? { name: m[1]!, unit: m[2]! } : { name: nameCell, unit: '' };
}

/** 十三五 → 13: the number of a five-year plan written in Chinese. */
const FIVE_YEAR = /十([一二三四五六七八九])五/;

/** `“十四五”年均增长`, `"十五五"累计新增`: a five-year period and a basis in words, before a figure. */
const WORDED_BASIS =
  /^[“"'‘]?十([一二三四五六七八九])五[”"'’]?(?:时期|期间)?(年均增长|年均增速|年均|累计新增|累计降低|累计增长|累计)(?=[-\d.＞>≥<＜≤])/;

/**
 * What a value column holds, from its header and the plan's period: a target
 * (…目标, or a year at the end of the period or later), an actual figure
 * (…完成, 实际, or a year before the period ends), a growth rate (年均, 增长,
 * 累计), or something else. 十三五 stands for its last year, 2020.
 */
export function columnRole(
  header: string,
  period: { start: number; end: number },
): { role: IndicatorCell['role']; year: number | null } {
  const squashed = header.replace(/\s+/g, '');
  const digits = /(\d{4})/.exec(squashed)?.[1];
  const fiveYear = FIVE_YEAR.exec(squashed);
  const year = digits
    ? Number(digits)
    : fiveYear
      ? 2010 + 5 * '一二三四五六七八九'.indexOf(fiveYear[1]!)
      : null;
  if (/年均|增长|增速|累计/.test(squashed) && !/目标|完成/.test(squashed))
    return { role: 'growth', year };
  if (/目标|规划/.test(squashed)) return { role: 'target', year };
  if (/完成|实际|现状|基期|基数/.test(squashed)) return { role: 'actual', year };
  if (year !== null) return { role: year >= period.end ? 'target' : 'actual', year };
  return { role: 'other', year: null };
}

/**
 * One value cell: `raw` as printed, `text` normalized, and what it states: a
 * number, `[ ]`/〔 〕 five-year cumulative, 左右 approximate, a comparator
 * (＞ ≥ ≤ ＜, 以上 ≥, 以内/以下 ≤), `*` city-level (`linkNote` corrects it when the
 * table's 注 says `*` means something else).
 *
 * A cell may name its own basis in words rather than by the column or a bracket:
 * `“十四五”年均增长4.0`, `“十五五”累计新增160` (a five-year period, then 年均增长/年均增速/
 * 年均 or 累计/累计新增/累计降低, then the figure). Its figure is the value, 累计 marks it
 * cumulative, and the words stay in `text`. Only when the period named is the one whose last
 * year is the column's: `2021-2024年累计降低8.2` in a 2025 column states another period and
 * keeps no value.
 */
export function parseCell(
  column: string,
  raw: string,
  text: string,
  role: Pick<IndicatorCell, 'role' | 'year'> = { role: 'other', year: null },
): IndicatorCell {
  // A basis in words (“十四五”年均增长4.0) for the column's own period: read the figure after it.
  const basis = WORDED_BASIS.exec(text.replace(/\s+/g, ''));
  const worded =
    basis &&
    (role.year === null || 2010 + 5 * '一二三四五六七八九'.indexOf(basis[1]!) === role.year)
      ? basis
      : null;
  const figure = worded ? text.replace(/\s+/g, '').slice(worded[0].length) : text;
  const cumulative = /[[〔][^\]〕]*[\]〕]/.test(text) || (worded?.[2]?.startsWith('累计') ?? false);
  const cityLevel = /[*＊]/.test(text);
  const approximate = text.includes('左右');
  const comparatorMatch = /[>＞≥<＜≤]/.exec(figure)?.[0];
  const comparator = comparatorMatch
    ? (({ '＞': '>', '＜': '<' } as Record<string, string>)[comparatorMatch] ?? comparatorMatch)
    : /(以上|不低于|不少于)$/.test(figure)
      ? '≥'
      : /(以内|以下|不超过|不高于)$/.test(figure)
        ? '≤'
        : null;
  const bare = figure
    .replace(/[[\]〔〕*＊>＞≥<＜≤\s%]/g, '')
    .replace(/(左右|以上|以下|以内|不低于|不少于|不超过|不高于)$/, '');
  const value = /^-?\d+(\.\d+)?$/.test(bare) ? Number(bare) : null;
  return {
    column,
    raw,
    text,
    value,
    cityLevel,
    cumulative,
    approximate,
    comparator: comparator as IndicatorCell['comparator'],
    ...role,
  };
}
