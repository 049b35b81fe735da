/**
 * Layout: the body's source lines → blocks (one paragraph, heading or table
 * each), by the form the plan was published in. Each form has its own
 * damage, repaired and recorded here:
 *
 * - markdown-from-pdf: paragraphs a page break cut, HTML and LaTeX fragments
 *   (repair.ts, as for Licang); a block is a run of lines, as in Markdown.
 * - markdown-from-html: the same without page breaks; pipe tables, whose
 *   first row may hold a 专栏's title.
 * - plain-text: one paragraph a line; tables with cells between runs of
 *   spaces, ending at a blank line.
 * - pdf-text: hard-wrapped lines and page footers (reflow.ts).
 *
 * Then, in every form: headings printed over two lines are joined, and the
 * inline repairs (widths, spaces around numbers, stray words) run on text
 * blocks of the text forms (the Markdown forms had them line by line).
 * Pure: lines in, blocks out, repairs recorded.
 */
import type { SourceForm } from '../../src/model/plan-meta.ts';
import type { Repair, TocEntry } from '../../src/model/types.ts';
import { classify } from './classify.ts';
import type { IssueCollector } from './errors.ts';
import type { Region } from './front-matter.ts';
import { lineWidth, reflowPdfText } from './reflow.ts';
import { plainLine } from './toc.ts';
import { isTableLine, repair, repairInline, type RecordRepair, type SourceLine } from './repair.ts';

/** How a table's cells are separated in the source. */
export type CellForm = 'tab' | 'pipe' | 'spaces' | 'pdf';

export interface Block {
  /** The block's text: Markdown in the Markdown forms (inline.ts reads it), plain text otherwise. */
  text: string;
  line: number;
  endLine: number;
  /** A blank line (or the start of a region) comes before it. */
  gapBefore: boolean;
  /** The widest line of the block, in Chinese characters (PDF text only: boxes print wider). */
  width?: number;
  /** A table: its raw lines and how their cells are separated. `text` is ''. */
  table?: { lines: SourceLine[]; cells: CellForm };
}

/** Longest paragraph (block), in UTF-16 code units, after its lines are joined. */
export const MAX_BLOCK_CHARS = 20_000;

export function layoutBlocks(
  lines: string[],
  body: Region[],
  form: SourceForm,
  issues: IssueCollector,
  repairs: Repair[],
  toc: TocEntry[] = [],
): Block[] {
  const record: RecordRepair = (kind, line, before, after) =>
    repairs.push({ kind, line, before, after });
  const blocks: Block[] = [];
  for (const region of body) {
    const source = lines
      .slice(region.start, region.end)
      .map((text, i) => ({ text, line: region.start + 1 + i }));
    const read =
      form === 'markdown-from-pdf' || form === 'markdown-from-html'
        ? markdownBlocks(source, form === 'markdown-from-pdf', issues, repairs)
        : form === 'plain-text'
          ? plainBlocks(source)
          : pdfBlocks(source, repairs);
    // (a loop, not push(...read): spreading 100,000 blocks overflows the call stack)
    for (const block of read) blocks.push(block);
  }
  const joined = joinSplitHeadings(blocks, toc, record);
  for (const block of joined)
    if (block.text.length > MAX_BLOCK_CHARS) {
      issues.add(
        block.line,
        'block-too-long',
        `the paragraph starting here runs to line ${block.endLine} and has ${block.text.length} characters; the build reads paragraphs of at most ${MAX_BLOCK_CHARS} (a real plan's longest is under 3,000); expected paragraphs that end (。) and headings on lines of their own`,
      );
      // Read cut at the limit: later stages stay bounded while they look for more problems.
      block.text = block.text.slice(0, MAX_BLOCK_CHARS);
    }
  if (form === 'plain-text' || form === 'pdf-text')
    for (const block of joined)
      if (!block.table) block.text = repairInline(block.text, block.line, record);
  return joined;
}

/** A pipe-table row: `| a | b |`. */
const PIPE_ROW = /^[\s\u3000]*\|.*\|[\s\u3000]*$/;
/** A 专栏's title in a pipe table's first row: `| 专栏5 关键核心技术攻关行动 |  |`. */
const PIPE_BOX_TITLE =
  /^[\s\u3000]*\|\s*(专栏(?:\s*(?:\d{1,4}|[一二三四五六七八九十]+(?=[\s\u3000：:|]))|[\s\u3000：:]+(?=[^\s\u3000：:|]))[^|]*)\|(\s*\|)*[\s\u3000]*$/;
/** Lines that start a Markdown block of their own (list items, headings, bullets, tables). */
const MARKDOWN_BLOCK_START = /^[\s\u3000]*(#{1,6}\s|[-*+]\s|\d+[.)]\s|[◆●■▲★•]|<(div|p)>|\|)/;

function markdownBlocks(
  source: SourceLine[],
  pageBreaks: boolean,
  issues: IssueCollector,
  repairs: Repair[],
): Block[] {
  const { lines } = repair(source, { pageBreaks }, issues, repairs);
  const blocks: Block[] = [];
  let gap = true;
  let table: Block | undefined;
  for (const entry of lines) {
    const { text } = entry;
    if (text.trim() === '') {
      // A table goes on after blank lines (a page break inside it): only text ends it.
      gap = true;
      continue;
    }
    const cells: CellForm | null = isTableLine(text) ? 'tab' : PIPE_ROW.test(text) ? 'pipe' : null;
    if (cells) {
      const title = cells === 'pipe' && !table ? PIPE_BOX_TITLE.exec(text) : null;
      if (title) {
        // The 专栏's title row: a block of its own, the rows after it the table.
        blocks.push({
          text: title[1]!.trim(),
          line: entry.line,
          endLine: entry.line,
          gapBefore: gap,
        });
        gap = false;
        continue;
      }
      if (table && table.table!.cells === cells) {
        table.table!.lines.push({ text, line: entry.line });
        table.endLine = entry.endLine;
      } else {
        table = {
          text: '',
          line: entry.line,
          endLine: entry.endLine,
          gapBefore: gap,
          table: { lines: [{ text, line: entry.line }], cells },
        };
        blocks.push(table);
      }
      gap = false;
      continue;
    }
    table = undefined;
    const previous = blocks.at(-1);
    if (
      !gap &&
      previous &&
      !previous.table &&
      !MARKDOWN_BLOCK_START.test(text) &&
      !opensStructure(text)
    ) {
      // A paragraph's next line (Markdown's soft break): Chinese joins without a space.
      previous.text += text.replace(/^[\s\u3000]+/, '');
      previous.endLine = entry.endLine;
      continue;
    }
    blocks.push({ text, line: entry.line, endLine: entry.endLine, gapBefore: gap });
    gap = false;
  }
  return blocks;
}

/**
 * A line that starts something of its own even without a blank line before
 * it: a bold lead (`**标题。**正文`), a —— lead, or anything the plan numbers
 * or names (第X章, 一、, 1., 专栏, 表, 注…). A measure printed right under a ◆
 * item is a new measure, never part of the item.
 */
function opensStructure(text: string): boolean {
  const plain = text.trimStart();
  if (plain.startsWith('**') || plain.startsWith('__') || plain.startsWith('——')) return true;
  return classify(plainLine(plain)).kind !== 'paragraph';
}

/** A run of two or more spaces (ASCII or ideographic) between two cells. */
const CELL_GAP = /\S(?: {2,}|\u3000{2,}|\t)\S/;

function plainBlocks(source: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let gap = true;
  let table: Block | undefined;
  for (const { text: original, line } of source) {
    const raw = original.trimEnd();
    if (raw === '') {
      gap = true;
      table = undefined;
      continue;
    }
    const text = raw.trimStart();
    if (table) {
      // Rows until a blank line, wrapped cells included (the tables stage joins them).
      table.table!.lines.push({ text: raw, line });
      table.endLine = line;
      continue;
    }
    const previous = blocks.at(-1);
    const afterTitle = previous && !previous.table && opensTable(previous.text);
    if (afterTitle && CELL_GAP.test(raw)) {
      table = {
        text: '',
        line,
        endLine: line,
        gapBefore: gap,
        table: { lines: [{ text: raw, line }], cells: 'spaces' },
      };
      blocks.push(table);
      gap = false;
      continue;
    }
    blocks.push({ text, line, endLine: line, gapBefore: gap });
    gap = false;
  }
  return blocks;
}

/** A block after which a table may follow: a 专栏 title or a 表 caption. */
function opensTable(text: string): boolean {
  const kind = classify(text).kind;
  return kind === 'box' || kind === 'caption';
}

function pdfBlocks(source: SourceLine[], repairs: Repair[]): Block[] {
  return reflowPdfText(source, repairs).map((b, i) => ({
    text: b.text,
    line: b.line,
    endLine: b.endLine,
    // PDF text has no blank lines: nothing marks a gap.
    gapBefore: i === 0,
    width: b.width,
    ...(b.table ? { table: { lines: b.table, cells: 'pdf' as const } } : {}),
  }));
}

/**
 * A heading printed over two lines is one heading. The second line is a
 * short line that ends no sentence and is no heading of its own, and one of
 * these says it belongs to the heading:
 *
 * - the plan's 目录 lists the heading with both lines' words as its title;
 * - the heading stops short (ends in ，、：) and the next line follows with no
 *   blank line, or is marked the same way (both `#` headings, both bold: the
 *   converter made each printed line a paragraph of its own);
 * - (篇, 章, 节) the line follows the heading with no blank line and is
 *   followed by a gap or a heading (南京: `第一篇  聚焦走在前做示范，` /
 *   `推进中国式现代化…开局`), and the heading stands after a gap.
 */
function joinSplitHeadings(blocks: Block[], toc: TocEntry[], record: RecordRepair): Block[] {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const listed = new Set(toc.map((e) => `${e.numbering}|${e.number}|${squash(e.title)}`));
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const c = block.table ? null : classify(plainBlock(block));
    if (c?.kind !== 'heading' || !next || next.table) {
      out.push(block);
      continue;
    }
    const second = plainBlock(next);
    const shortLine =
      classify(second).kind === 'paragraph' &&
      !/[。！？；：]/.test(second) &&
      lineWidth(second) <= 40;
    const after = blocks[i + 2];
    const inToc = listed.has(`${c.style}|${c.number}|${squash(c.title + second)}`);
    const unfinished = /[，、：]$/.test(c.title);
    const textShape =
      ['篇', '章', '节'].includes(c.style) &&
      !next.gapBefore &&
      (after === undefined || after.gapBefore || classify(plainBlock(after)).kind === 'heading') &&
      (unfinished || block.gapBefore);
    const joins =
      shortLine &&
      (inToc || (unfinished && (!next.gapBefore || sameMark(block, next))) || textShape);
    if (!joins) {
      out.push(block);
      continue;
    }
    record('heading-join', next.line, `${c.title.slice(-6)}⏎${second.slice(0, 6)}`, 'one heading');
    // Two bold lines make one bold heading: **A** + **B** → **AB**.
    const text =
      /\*\*\s*$/.test(block.text) && /^\s*\*\*/.test(next.text.replace(/^[\s#]+/, ''))
        ? `${block.text.replace(/\*\*\s*$/, '')}${second}**`
        : `${block.text}${second}`;
    out.push({ ...block, text, endLine: next.endLine });
    i++;
  }
  return out;
}

/** A block's text without the markup that marks it: #, bold, indentation. */
function plainBlock(b: Block): string {
  return b.text
    .replace(/\*\*/g, '')
    .replace(/^[\s#]+/, '')
    .trim();
}

/** Whether two Markdown blocks are marked alike: both `#` headings, or both wholly bold. */
function sameMark(a: Block, b: Block): boolean {
  const mark = (t: string) => {
    const s = t.trim();
    if (s.startsWith('#')) return 'heading';
    return s.startsWith('**') && s.endsWith('**') && s.indexOf('**', 2) === s.length - 2
      ? 'bold'
      : null;
  };
  const m = mark(a.text);
  return m !== null && m === mark(b.text);
}
