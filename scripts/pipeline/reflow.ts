/**
 * PDF text → paragraphs. Text extracted from a PDF keeps the page's line
 * breaks (about 26–30 Chinese characters a line), page footers (`— 14 —`)
 * wherever the page ended, and none of the first-line indents. This stage
 * drops the footers and joins the wrapped lines into the paragraphs the
 * page printed: a paragraph ends on a line that ends a sentence and stops
 * short of the full line width; structural lines (headings, 专栏, 表, 注,
 * numbered items) always start a block of their own; a table's rows are
 * kept as lines for the table stage.
 */

import type { Repair } from '../../src/model/types.ts';
import { classify } from './classify.ts';
import type { SourceLine } from './repair.ts';

/** A paragraph (or heading) of PDF text, or a table's rows. */
export interface PdfBlock {
  text: string;
  line: number;
  endLine: number;
  /** Table rows (raw lines) rather than running text. */
  table?: SourceLine[];
  /** Widest line of the block, in Chinese character widths. */
  width: number;
}

/**
 * A page number printed at the foot of a page: `— 14 —`, `- 14 -`, `—14—`, `·14·`, `第 14 页`,
 * `第14页 共80页`, `14 / 80`. A bare number is not one: a PDF table prints those too.
 */
export const PAGE_FOOTER =
  /^[\s\u3000]*(?:[—–－-]{1,2}[\s\u3000]*\d{1,4}[\s\u3000]*[—–－-]{1,2}|[·•][\s\u3000]*\d{1,4}[\s\u3000]*[·•]|第[\s\u3000]*\d{1,4}[\s\u3000]*页(?:[\s\u3000]*[,，/／]?[\s\u3000]*共[\s\u3000]*\d{1,4}[\s\u3000]*页)?|\d{1,4}[\s\u3000]*[/／][\s\u3000]*\d{1,4})[\s\u3000]*$/;

/** Width in Chinese characters: Han, full-width forms and CJK punctuation count 1, the rest ½. */
export function lineWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 || c === 0x2014 || c === 0x2026 || (c >= 0x2018 && c <= 0x201d) ? 1 : 0.5;
  }
  return w;
}

/** Lines that always start a block of their own. */
const BLOCK_START =
  /^((序|前)[\s\u3000]*言$|第[\s\u3000]*[一二三四五六七八九十百零〇两](?:[\s\u3000]*[一二三四五六七八九十百零〇两])*[\s\u3000]*(?:[篇章节]|部分)|专栏(?:[\s\u3000]*(?:\d|[一二三四五六七八九十]+(?:[\s\u3000：:]|$))|[\s\u3000：:]+[^\s\u3000：:])|(附)?表[\s\u3000]*\d+[\s\u3000]|(附)?图[\s\u3000]*\d|注[\s\u3000]*\d*[：:]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,3}[.．](?!\d)|\d{1,2}[.．]\d{1,2}(?![0-9.．%％])[\s\u3000]*[\p{Script=Han}“《（(]|[（(]\d{1,3}[）)]|[①-⑳]|——|[◆◇●○■□▲△★☆•▪]|“[^”]{1,12}”：|名[\s\u3000]*词[\s\u3000]*解[\s\u3000]*释$|附[\s\u3000]*[录件])/u;

/** A line that a table may follow: a 表 caption or a 专栏 title. */
const TABLE_TITLE =
  /^((附)?表[\s\u3000]*\d+[\s\u3000]|专栏(?:[\s\u3000]*(?:\d|[一二三四五六七八九十]+(?:[\s\u3000：:]|$))|[\s\u3000：:]+[^\s\u3000：:]))/;

/** A heading line: a whole block on its own line. */
const HEADING_LINE =
  /^((序|前)[\s\u3000]*言$|第[\s\u3000]*[一二三四五六七八九十百零〇两](?:[\s\u3000]*[一二三四五六七八九十百零〇两])*[\s\u3000]*(?:[篇章节]|部分)|专栏(?:[\s\u3000]*(?:\d|[一二三四五六七八九十]+(?:[\s\u3000：:]|$))|[\s\u3000：:]+[^\s\u3000：:])|(附)?表[\s\u3000]*\d+[\s\u3000]|(附)?图[\s\u3000]*\d)/;

/** Narrower lines are the short tails of paragraphs, not the page's measure. */
const MIN_FULL = 20;

const SENTENCE_END = /[。：；！？…]$|[。！？]”$/;

/** Words a table header is made of. */
const HEADER_WORDS =
  /序[\s\u3000]*号|指[\s\u3000]*标|属[\s\u3000]*性|单[\s\u3000]*位|类[\s\u3000]*别|目标|[0-9]{4}[\s\u3000]*年/g;

/**
 * A table's header line: two of the words headers use (序号, 指标, 属性…), or
 * three or more short column names between spaces with no sentence
 * punctuation (工程 建设内容 投资（亿元）).
 */
function isHeaderLike(text: string): boolean {
  if (/[，。；]/.test(text)) return false;
  const words = new Set((text.match(HEADER_WORDS) ?? []).map((w) => w.replace(/[\s\u3000]/g, '')));
  if (words.size >= 2) return true;
  const names = text.trim().split(/[\s\u3000]+/);
  return names.length >= 3 && names.every((n) => [...n].length <= 12) && !/[、：:！？]/.test(text);
}

/** A table row line: starts with a row number, a category row, or continues one without sentence punctuation. */
function looksLikeProse(text: string, full: number): boolean {
  return lineWidth(text) >= full - 3 && /[，。；]/.test(text) && !/(预期性|约束性)$/.test(text);
}

export function reflowPdfText(source: SourceLine[], repairs: Repair[]): PdfBlock[] {
  // 1. Page footers: dropped wherever they fall, with a repair each.
  const lines: SourceLine[] = [];
  for (const l of source) {
    const text = l.text.trimEnd();
    if (PAGE_FOOTER.test(text)) {
      repairs.push({ kind: 'page-footer', line: l.line, before: text.trim(), after: '' });
      continue;
    }
    if (text.trim() === '') continue;
    lines.push({ text: text.trimStart(), line: l.line });
  }
  const widths = lines.map((l) => lineWidth(l.text));
  // The full line width around a line: the median of its neighbours that are not short
  // tails (boxes print in a smaller font, so their lines hold more characters), nor
  // headings, nor table rows (found first, with the rows' own neighbours).
  const inTable = new Uint8Array(lines.length);
  const fullAround = (i: number, skipTables: boolean): number => {
    const around: number[] = [];
    for (let k = Math.max(0, i - 6); k <= Math.min(lines.length - 1, i + 6); k++)
      if (
        widths[k]! >= MIN_FULL &&
        !(skipTables && inTable[k]) &&
        !HEADING_LINE.test(lines[k]!.text)
      )
        around.push(widths[k]!);
    around.sort((a, b) => a - b);
    // No full line near it: nothing here is wrapped, so every line is as short as a last line.
    return around[Math.floor(around.length / 2)] ?? Math.max(MIN_FULL, widths[i]! + 4);
  };
  // 2. Tables: a caption (表 N …) or a 专栏 title whose next line is a header; rows until
  // prose or a heading returns.
  const tableEnd = new Map<number, number>();
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!TABLE_TITLE.test(lines[i]!.text) || !isHeaderLike(lines[i + 1]!.text)) continue;
    const full = fullAround(i, false);
    let k = i + 1;
    for (; k < lines.length; k++) {
      const row = lines[k]!;
      const next = lines[k + 1]?.text ?? '';
      if (
        k > i + 2 &&
        (HEADING_LINE.test(row.text) ||
          looksLikeProse(row.text, full) ||
          // A numbered heading (四、保障措施) with prose under it, not a category row
          // (一、经济强（12 项）) with rows under it.
          (classify(row.text).kind === 'heading' &&
            (looksLikeProse(next, full) || HEADING_LINE.test(next))))
      )
        break;
      inTable[k] = 1;
    }
    tableEnd.set(i, k);
    i = k - 1;
  }
  const fullAt = (i: number): number => fullAround(i, true);

  const blocks: PdfBlock[] = [];
  let current: (PdfBlock & { parts: number; headingWrap?: boolean }) | undefined;
  const close = () => {
    if (!current) return;
    if (current.parts > 1)
      repairs.push({
        kind: current.headingWrap ? 'heading-join' : 'line-join',
        line: current.line,
        before: `${current.parts} lines`,
        after: current.headingWrap ? 'one heading' : '1 paragraph',
      });
    blocks.push({
      text: current.text,
      line: current.line,
      endLine: current.endLine,
      width: current.width,
    });
    current = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const { text, line } = lines[i]!;
    const full = fullAt(i);
    const width = widths[i]!;

    const end = tableEnd.get(i);
    if (end !== undefined) {
      close();
      blocks.push({ text, line, endLine: line, width });
      const rows = lines.slice(i + 1, end);
      blocks.push({
        text: '',
        line: rows[0]!.line,
        endLine: rows.at(-1)!.line,
        table: rows,
        width: 0,
      });
      i = end - 1;
      continue;
    }

    let block = current;
    if (!block || BLOCK_START.test(text)) {
      close();
      block = current = { text, line, endLine: line, width, parts: 1 };
    } else {
      block.text += text;
      block.endLine = line;
      block.width = Math.max(block.width, width);
      block.parts++;
    }
    // A paragraph's first line is indented by two characters, so it is short only below that.
    const short = width <= full - (block.parts === 1 ? 3.5 : 1.5);
    // (parts first: testing a long joined paragraph on every line would rescan it)
    const heading =
      block.parts === 1 &&
      (HEADING_LINE.test(block.text) ||
        // A numbered heading (一、 （一） 1. 1.1) on a line of its own: short, no sentence.
        (short && BLOCK_START.test(text) && classify(text).kind === 'heading'));
    const next = lines[i + 1]?.text ?? '';
    // A heading as wide as the text wrapped: its short second line (no sentence, no number of
    // its own) is the rest of it, and the heading ends there.
    if (block.headingWrap) {
      close();
      continue;
    }
    if (
      block.parts === 1 &&
      width >= full - 4 &&
      (HEADING_LINE.test(text) || (BLOCK_START.test(text) && classify(text).kind === 'heading')) &&
      i + 1 < lines.length &&
      !BLOCK_START.test(next) &&
      !/[。！？；：]/.test(next) &&
      widths[i + 1]! <= full - 4
    ) {
      block.headingWrap = true;
      continue;
    }
    // A full line that ends a sentence, before an indented line: the next paragraph's first line.
    const nextIndented =
      i + 2 < lines.length &&
      !BLOCK_START.test(next) &&
      widths[i + 1]! <= fullAt(i + 1) - 1.5 &&
      widths[i + 1]! >= fullAt(i + 1) - 3 &&
      widths[i + 2]! > fullAt(i + 2) - 1.5;
    // The print size changes (a box's small type ends, body type resumes): the next two lines are
    // both much narrower than this full one.
    const fontChange =
      i + 2 < lines.length &&
      widths[i + 1]! <= 0.8 * width &&
      widths[i + 2]! <= 0.8 * width &&
      widths[i + 2]! >= MIN_FULL;
    if (
      (SENTENCE_END.test(text) && (short || nextIndented || fontChange)) ||
      (heading && !/[，、]$/.test(text)) ||
      HEADING_LINE.test(next)
    )
      close();
  }
  close();
  return blocks;
}
