import type {
  IndicatorCell,
  IndicatorNode,
  NoteNode,
  Repair,
  TableNode,
} from '../../src/model/types.ts';
import type { IssueCollector } from './errors.ts';
import type { NormalizedLine } from './repair.ts';
import { normalizeSpaces } from './preamble.ts';
import { citeIndicator, citeNote, citeTable } from './citation.ts';

/**
 * Indicator tables 表1 / 表2: tab-separated rows, one indicator node per row.
 *
 * - The header row repeated after a page break is kept on the table for
 *   fidelity and is never a row.
 * - A blank 类别 cell continues the category above (the PDF prints it once per group).
 * - A blank value cell is a cell the PDF merged vertically with the row above:
 *   it is resolved from that row and marked `mergedFrom`, and a repair is recorded.
 * - Values are kept as written (`raw`) and, where they state a number, parsed,
 *   with the table's notes turned into flags: `*` city-level, `[ ]` five-year
 *   cumulative, 左右 approximate, `>` comparator.
 */
export interface TableInput {
  number: number;
  caption: NormalizedLine;
  /** The table's lines: header, rows, repeated headers, and its 注 line. */
  lines: NormalizedLine[];
  planTitle: string;
  /** The plan's period: a year column at its end or later is a target. */
  period: { start: number; end: number };
}

const REQUIRED_COLUMNS = ['类别', '序号', '指标', '属性'] as const;

export function parseTable(
  input: TableInput,
  issues: IssueCollector,
  repairs: Repair[],
): TableNode {
  const { number, caption, planTitle } = input;
  const captionText = normalizeSpaces(caption.text);
  const title = captionText.replace(/^表\s*\d+\s*/, '');
  const id = `T${number}`;
  const [headerLine, ...rest] = input.lines;
  if (!headerLine)
    issues.fail(
      caption.line,
      'table-empty',
      `表${number} has no rows; expected a tab-separated header after its caption`,
    );

  const columns = splitCells(headerLine.text).map(cleanCell);
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.includes(name))
      issues.add(
        headerLine.line,
        'table-header',
        `表${number} header has no ${name} column; found: ${columns.join(' | ')}`,
      );
  }
  issues.throwIfAny();
  const col = (name: string) => columns.indexOf(name);
  const valueColumns = columns
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !['类别', '序号', '指标', '单位', '属性'].includes(name))
    .map((c) => ({ ...c, ...columnRole(c.name, input.period) }));

  const table: TableNode = {
    id,
    kind: 'table',
    number,
    label: `表${number}`,
    indicators: true,
    title,
    caption: captionText,
    citation: citeTable(planTitle, number, title),
    source: { start: caption.line, end: caption.endLine },
    columns,
    repeatedHeaders: [],
    children: [],
  };

  let category = '';
  let previous: IndicatorNode | undefined;
  for (const line of rest) {
    table.source.end = Math.max(table.source.end, line.endLine);
    const trimmed = line.text.trim();
    if (/^注[：:]/.test(trimmed)) {
      const note: NoteNode = {
        id: `${id}.note`,
        kind: 'note',
        title: `表${number}注`,
        text: normalizeSpaces(trimmed),
        citation: citeNote(planTitle, number),
        source: { start: line.line, end: line.endLine },
        children: [],
      };
      table.children.push(note);
      continue;
    }
    const raw = splitCells(line.text);
    const cells = raw.map(cleanCell);
    if (cells.join('|') === columns.join('|')) {
      table.repeatedHeaders.push({ line: line.line, cells: raw });
      repairs.push({
        kind: 'repeated-table-header',
        line: line.line,
        before: raw.join(' | '),
        after: '(kept on 表, not a row)',
      });
      continue;
    }
    if (raw.length !== columns.length) {
      issues.add(
        line.line,
        'table-row-cells',
        `表${number} row has ${raw.length} cells, expected ${columns.length} (${columns.join(', ')})`,
      );
      continue;
    }
    const rowNumber = Number(cells[col('序号')]);
    const expectedNumber = (previous?.number ?? 0) + 1;
    if (rowNumber !== expectedNumber) {
      issues.add(
        line.line,
        'table-row-number',
        `表${number} row 序号 is "${cells[col('序号')]}", expected ${expectedNumber}`,
      );
      continue;
    }
    if (cells[col('类别')]) category = cells[col('类别')]!;
    if (!category) {
      issues.add(
        line.line,
        'table-category',
        `表${number} row ${rowNumber} has no 类别 and no row above gives one`,
      );
      continue;
    }
    const attribute = cells[col('属性')];
    if (attribute !== '预期性' && attribute !== '约束性') {
      issues.add(
        line.line,
        'table-attribute',
        `表${number} row ${rowNumber} 属性 is "${attribute}", expected 预期性 or 约束性`,
      );
      continue;
    }
    const { name, unit } = splitNameAndUnit(
      cells[col('指标')]!,
      col('单位') >= 0 ? cells[col('单位')]! : undefined,
    );
    const rowId = `${id}.${rowNumber}`;

    const valueCells: IndicatorCell[] = valueColumns.map(({ name: column, index, role, year }) => {
      const text = cells[index]!;
      if (text !== '') return parseCell(column, raw[index]!, text, { role, year });
      const above = previous?.cells.find((c) => c.column === column);
      if (!previous || !above || above.text === '') {
        issues.add(
          line.line,
          'table-cell-empty',
          `表${number} row ${rowNumber} has an empty ${column} cell and no cell above to merge with`,
        );
        return parseCell(column, '', '', { role, year });
      }
      repairs.push({
        kind: 'merged-cell',
        line: line.line,
        before: `${rowId} ${column}: (empty)`,
        after: `${above.text} (from ${previous.id})`,
      });
      return { ...parseCell(column, '', above.text, { role, year }), mergedFrom: previous.id };
    });

    const indicator: IndicatorNode = {
      id: rowId,
      kind: 'indicator',
      table: number,
      tableId: id,
      number: rowNumber,
      category,
      name,
      title: name,
      unit,
      attribute,
      cells: valueCells,
      raw,
      citation: citeIndicator(planTitle, number, rowNumber, name),
      source: { start: line.line, end: line.endLine },
      children: [],
    };
    // Notes come last in the source; rows go before them.
    const noteIndex = table.children.findIndex((c) => c.kind === 'note');
    if (noteIndex === -1) table.children.push(indicator);
    else table.children.splice(noteIndex, 0, indicator);
    previous = indicator;
  }
  if (!previous) issues.add(headerLine.line, 'table-empty', `表${number} has a header but no rows`);
  return table;
}

function splitCells(line: string): string[] {
  return line.replace(/\s+$/, '').split('\t');
}

/** Cell text without the spaces the conversion put inside Chinese ("完成市 下达任务"). */
function cleanCell(cell: string): string {
  return normalizeSpaces(cell.trim().replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, ''));
}

/** 表2 writes the unit in parentheses after the name: 全员劳动生产率（万元/人）. */
function splitNameAndUnit(
  nameCell: string,
  unitCell: string | undefined,
): { name: string; unit: string } {
  if (unitCell !== undefined) return { name: nameCell, unit: unitCell };
  const m = /^(.*)（([^（）]+)）$/.exec(nameCell);
  return m ? { name: m[1]!, unit: m[2]! } : { name: nameCell, unit: '' };
}

/** 十三五 → 13: the number of a five-year plan written in Chinese. */
const FIVE_YEAR = /十([一二三四五六七八九])五/;

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

export function parseCell(
  column: string,
  raw: string,
  text: string,
  role: Pick<IndicatorCell, 'role' | 'year'> = { role: 'other', year: null },
): IndicatorCell {
  const cumulative = /^\[.*\]$/.test(text);
  const cityLevel = text.includes('*');
  const approximate = text.includes('左右');
  const comparatorMatch = /[>＞≥<＜≤]/.exec(text)?.[0];
  const comparator = comparatorMatch
    ? (({ '＞': '>', '＜': '<' } as Record<string, string>)[comparatorMatch] ?? comparatorMatch)
    : null;
  const bare = text.replace(/[[\]*＊>＞≥<＜≤\s]/g, '').replace(/左右$/, '');
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
