import type { Repair, RepairKind } from '../../src/model/types.ts';
import { classify } from './classify.ts';
import type { IssueCollector } from './errors.ts';
import { plainLine } from './toc.ts';

/**
 * Repair the damage of the PDF-to-markdown conversion, line by line and
 * paragraph by paragraph, and record every repair with its kind and source
 * line. Pure: lines in, lines and repairs out.
 *
 * Repairs, in order:
 * 1. whitespace: trailing tabs and whitespace-only lines; a tab after ◆.
 * 2. html-tag: <b>…</b> becomes **…**, <sub>…</sub> its text, <div>/<p> runs one paragraph each.
 * 3. block-split: a 专栏 title run into its first item on the next line.
 * 4. page-break-join: a paragraph the PDF split at a page boundary is joined again.
 * 5. latex: $PM_{2.5}$ becomes PM2.5.
 * 6. stray-word: " and " / " etc " between Han characters become 和 / 等.
 * 7. punctuation-width: half-width , : ( ) in Chinese text become full width.
 * 8. han-latin-space: spaces between Han and digits or Latin letters are dropped (2035 年 → 2035年).
 *
 * Table lines (tab-separated cells) are left as written: the tables stage reads them.
 * Every step is one pass over its text (no pattern rescans a run it failed
 * on), so time grows linearly with the input, whatever it holds.
 */
export interface NormalizedLine {
  text: string;
  /** First and last source line (1-based) the text came from. */
  line: number;
  endLine: number;
}

export interface Repaired {
  lines: NormalizedLine[];
  repairs: Repair[];
}

/** Words the conversion put in place of Han characters, and what the plan says there. */
export const STRAY_WORDS: Readonly<Record<string, string>> = { and: '和', etc: '等' };

/**
 * A paragraph ending in one of these is complete. ；and ） are not: the PDF
 * cut "…38.5%；" / "土壤污染防治…" and "中国（山东）" / "自由贸易试验区…" at page ends.
 */
const TERMINAL = /(?:[。！？：…]|[。！？]”)$/;

/** Lines that start a block of their own and never continue a paragraph. */
const BLOCK_START =
  /^(#|- |\* |——|◆|\*\*|表\s*\d|图\s*\d|\**专栏(?:\s*(?:\d|[一二三四五六七八九十]+[\s\u3000：:*])|[\s\u3000：:]+[^\s\u3000：:])|注：|<)/;

export interface RepairOptions {
  /**
   * Join paragraphs a page break cut (Markdown converted from a PDF). A
   * conversion from HTML has no page breaks: each paragraph is whole.
   */
  pageBreaks: boolean;
}

/** A source line and its 1-based number. */
export interface SourceLine {
  text: string;
  line: number;
}

export function repair(
  source: SourceLine[],
  options: RepairOptions,
  issues: IssueCollector,
  repairs: Repair[] = [],
): Repaired {
  const record = (kind: RepairKind, line: number, before: string, after: string) => {
    repairs.push({ kind, line, before, after });
  };

  // 1–3: per source line (invisible characters are gone already: read.ts).
  let lines: NormalizedLine[] = [];
  source.forEach(({ text: raw, line }, index) => {
    let text = raw.trimEnd();
    if (text !== raw) record('whitespace', line, JSON.stringify(raw.slice(text.length)), '');
    if (text.trim() === '') {
      lines.push({ text: '', line, endLine: line });
      return;
    }
    if (text.startsWith('◆\t')) {
      record('whitespace', line, '◆\\t', '◆ ');
      text = `◆ ${text.slice(2)}`;
    }
    text = repairHtml(text, line, record, issues);
    for (const piece of text.split('\n')) lines.push({ text: piece, line, endLine: line });
    if (
      /^\**专栏(?:\s*(?:\d|[一二三四五六七八九十]+[\s\u3000：:*])|[\s\u3000：:]+[^\s\u3000：:])/.test(
        text,
      ) &&
      (source[index + 1]?.text ?? '').trim() !== ''
    ) {
      record('block-split', line, text, `${text}⏎`);
      lines.push({ text: '', line, endLine: line });
    }
  });

  // 4: join paragraphs split at page boundaries.
  if (options.pageBreaks) lines = joinPageBreaks(lines, record);

  // 5–8: within each (joined) line, except table lines.
  for (const entry of lines) {
    if (entry.text === '' || isTableLine(entry.text)) continue;
    entry.text = repairInline(entry.text, entry.line, record);
  }
  return { lines, repairs };
}

/** A tab-separated table row (tabs inside, not just a trailing one). */
export function isTableLine(text: string): boolean {
  return /\S\t|\t\S/.test(text) && !/^◆ /.test(text);
}

export type RecordRepair = (kind: RepairKind, line: number, before: string, after: string) => void;
type Record_ = RecordRepair;

/**
 * Pairs `<tag>…</tag>` in one pass: each open tag is paired with the first
 * close tag after it (what `<tag>([\s\S]*?)<\/tag>` does, without its
 * quadratic rescans when a close tag is missing). `replace` gives the text
 * that stands for a pair; the text between pairs is kept.
 */
function replacePairs(
  text: string,
  tags: readonly string[],
  replace: (tag: string, inner: string, whole: string) => string,
): { text: string; pairs: number; between: string } {
  let out = '';
  let between = '';
  let pairs = 0;
  let at = 0;
  const exhausted = new Set<string>();
  for (;;) {
    // The earliest open tag of any kind still pairable.
    let open = -1;
    let tag = '';
    for (const t of tags) {
      if (exhausted.has(t)) continue;
      const i = text.indexOf(`<${t}>`, at);
      if (i !== -1 && (open === -1 || i < open)) [open, tag] = [i, t];
    }
    if (open === -1) break;
    const innerStart = open + tag.length + 2;
    const close = text.indexOf(`</${tag}>`, innerStart);
    if (close === -1) {
      // No close after this one, so none after any later one either.
      exhausted.add(tag);
      continue;
    }
    const end = close + tag.length + 3;
    out += text.slice(at, open);
    between += text.slice(at, open);
    out += replace(tag, text.slice(innerStart, close), text.slice(open, end));
    pairs++;
    at = end;
  }
  return { text: out + text.slice(at), pairs, between: between + text.slice(at) };
}

function repairHtml(text: string, line: number, record: Record_, issues: IssueCollector): string {
  if (!text.includes('<')) return text;
  let out = text;
  // A run of <div>…</div> or <p>…</p> blocks: one paragraph each.
  if (/^\s*<(div|p)>/.test(out)) {
    const items: string[] = [];
    const { between } = replacePairs(out, ['div', 'p'], (_tag, inner) => {
      items.push(inner.trim());
      return '';
    });
    const rest = between.trim();
    if (rest !== '')
      issues.add(
        line,
        'html-unexpected',
        `text outside <div>/<p> blocks: "${rest.slice(0, 40)}"; expected one block per item`,
      );
    const after = items.join('\n\n');
    record('html-tag', line, out, after);
    out = after;
  }
  out = replacePairs(out, ['b'], (_tag, inner, whole) => {
    record('html-tag', line, whole, `**${inner}**`);
    return `**${inner}**`;
  }).text;
  out = replacePairs(out, ['sub'], (_tag, inner, whole) => {
    record('html-tag', line, whole, inner);
    return inner;
  }).text;
  // Any other tag is reported on the decoded block text (structure.ts), where a tag
  // split over lines or written with entities shows too.
  return out;
}

/**
 * Join the paragraphs a page break cut: a paragraph that stops mid-sentence,
 * blank lines, and a next line that can continue it. One pass: a joined
 * paragraph is only ever checked at its newest end, never rescanned.
 */
function joinPageBreaks(lines: NormalizedLine[], record: Record_): NormalizedLine[] {
  const out: NormalizedLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const a = { ...lines[i]! };
    out.push(a);
    i++;
    if (a.text === '' || !canBeCut(a.text)) continue;
    // Only the newest end of the joined text is looked at (a long joined string is never
    // rescanned: even slicing its end would flatten it each time).
    const startsBold = a.text.startsWith('**');
    let stars = countStars(a.text);
    let end = a.text;
    let last8 = tail(a.text);
    for (;;) {
      // A paragraph wholly in bold is a heading; one that ends a sentence is whole.
      const wholeBold = stars === 4 && startsBold && end.endsWith('**');
      if (wholeBold || endsSentence(end)) break;
      let j = i;
      while (j < lines.length && lines[j]!.text === '') j++;
      const b = lines[j];
      // The next line of the same block (no blank line between) is not a page break.
      if (!b || j === i || !canContinue(b.text)) break;
      record('page-break-join', b.line, `${last8}⏎${head(b.text)}`, `${last8}${head(b.text)}`);
      a.text = a.text + b.text;
      a.endLine = b.endLine;
      stars += countStars(b.text);
      end = b.text;
      last8 = tail(`${last8}${b.text}`);
      i = j + 1;
    }
  }
  return out;
}

/** Can a page break cut this block (a paragraph or an item), as opposed to a heading, table or caption? */
function canBeCut(text: string): boolean {
  if (
    /^#/.test(text) ||
    isTableLine(text) ||
    /^\**专栏(?:\s*(?:\d|[一二三四五六七八九十]+[\s\u3000：:*])|[\s\u3000：:]+[^\s\u3000：:])/.test(
      text,
    ) ||
    /^(表|图)\s*\d/.test(text)
  )
    return false;
  return !STANDS_ALONE.has(classify(plainLine(text)).kind);
}

/** Classes that are never the first half of a paragraph cut by a page break, nor its second half. */
const STANDS_ALONE = new Set([
  'heading',
  'box',
  'caption',
  'figure',
  'image',
  'note',
  'glossary',
  'appendix',
]);

/** Does this (last) piece end a sentence, bold markers aside? */
function endsSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && text[end - 1] === '*') end--;
  return TERMINAL.test(text.slice(Math.max(0, end - 2), end));
}

function countStars(text: string): number {
  let n = 0;
  for (let k = text.indexOf('*'); k !== -1; k = text.indexOf('*', k + 1)) n++;
  return n;
}

function canContinue(text: string): boolean {
  if (BLOCK_START.test(text) || isTableLine(text)) return false;
  const kind = classify(plainLine(text)).kind;
  return !STANDS_ALONE.has(kind) && kind !== 'item' && kind !== 'bullet' && kind !== 'dash';
}

const tail = (s: string) => s.slice(-8);
const head = (s: string) => s.slice(0, 8);

const CJK = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’`;

export function repairInline(text: string, line: number, record: Record_): string {
  let out = text;
  out = repairLatex(out, line, record);
  out = out.replace(
    /(?<=\p{Script=Han})\s*\b(and|etc)\b\s*(?=\p{Script=Han})/gu,
    (whole, word: string) => {
      const han = STRAY_WORDS[word]!;
      record('stray-word', line, whole, han);
      return han;
    },
  );
  const widened = widenPunctuation(out);
  if (widened !== out) {
    record('punctuation-width', line, diffSnippet(out, widened), diffSnippet(widened, out));
    out = widened;
  }
  const spaced = normalizeSpaces(out);
  if (spaced !== out.trim()) {
    const count = out.length - spaced.length;
    record('han-latin-space', line, `${count} space(s)`, '');
  }
  return spaced;
}

/** `$PM_{2.5}$` → ` PM2.5 ` (the spaces around it go: normalizeSpaces). One pass over the `$`s. */
function repairLatex(text: string, line: number, record: Record_): string {
  let p = text.indexOf('$');
  if (p === -1) return text;
  // `[^}$]`: an attempt stops at the next `$`, so no character is scanned twice over.
  const latex = /\$\s*([A-Za-z]+)_\{([^}$]*)\}\s*\$/y;
  let out = '';
  let at = 0;
  while (p !== -1) {
    latex.lastIndex = p;
    const m = latex.exec(text);
    if (!m) {
      p = text.indexOf('$', p + 1);
      continue;
    }
    let end = p + m[0].length;
    while (end < text.length && /\s/.test(text[end]!)) end++;
    record('latex', line, m[0], `${m[1]}${m[2]}`);
    out += `${text.slice(at, p).trimEnd()} ${m[1]}${m[2]} `;
    at = end;
    p = text.indexOf('$', end);
  }
  return out + text.slice(at);
}

function widenPunctuation(text: string): string {
  const commas = text
    .replace(new RegExp(`(?<=[${CJK}]),|,(?=[${CJK}])`, 'gu'), '，')
    .replace(/(?<=\p{Script=Han}):(?=\p{Script=Han})/gu, '：');
  return commas.replace(/\(([^()]*)\)/g, (whole, inner: string, offset: number) => {
    const before = commas[offset - 1] ?? '';
    return /\p{Script=Han}/u.test(before) || /\p{Script=Han}/u.test(inner) ? `（${inner}）` : whole;
  });
}

/** The first stretch where two strings differ, with a little context. */
function diffSnippet(a: string, b: string): string {
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  return a.slice(Math.max(0, start - 4), start + 6);
}

/** Drop the spaces a PDF conversion puts between Han characters and digits or Latin letters. */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”])[ \t]+(?=[0-9A-Za-z〔])/gu, '')
    .replace(/(?<=[0-9A-Za-z%〕])[ \t]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”])/gu, '')
    .trim();
}
