import type { Repair, RepairKind } from '../../src/model/types.ts';
import type { IssueCollector } from './errors.ts';

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
const BLOCK_START = /^(#|- |\* |——|◆|\*\*|表\s*\d|图\s*\d|\**专栏\s*\d|注：|<)/;

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

  // 1–3: per source line.
  let lines: NormalizedLine[] = [];
  source.forEach(({ text: original, line }, index) => {
    const raw = dropInvisible(original, line, record);
    let text = raw.trimEnd();
    if (text !== raw) record('whitespace', line, JSON.stringify(raw.slice(text.length)), '');
    if (text.trim() === '') {
      lines.push({ text: '', line, endLine: line });
      return;
    }
    if (/^◆\t/.test(text)) {
      record('whitespace', line, '◆\\t', '◆ ');
      text = text.replace(/^◆\t/, '◆ ');
    }
    text = repairHtml(text, line, record, issues);
    for (const piece of text.split('\n')) lines.push({ text: piece, line, endLine: line });
    if (/^\**专栏\s*\d+/.test(text) && (source[index + 1]?.text ?? '').trim() !== '') {
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
 * Characters that print nothing: zero-width spaces and joiners (U+200B–U+200D,
 * U+2060, U+FEFF) and control characters other than tab. A conversion leaves
 * them; each one dropped is recorded.
 */
const INVISIBLE = '[\\u0000-\\u0008\\u000b-\\u001f\\u007f\\u200b-\\u200d\\u2060\\ufeff]';
const HAS_INVISIBLE = new RegExp(INVISIBLE);
const EVERY_INVISIBLE = new RegExp(INVISIBLE, 'g');

export function dropInvisible(text: string, line: number, record: RecordRepair): string {
  if (!HAS_INVISIBLE.test(text)) return text;
  const codes = [...new Set(text.match(EVERY_INVISIBLE))].map(
    (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  record('invisible-character', line, codes.join(' '), '');
  return text.replace(EVERY_INVISIBLE, '');
}

function repairHtml(text: string, line: number, record: Record_, issues: IssueCollector): string {
  if (!text.includes('<')) return text;
  let out = text;
  // A run of <div>…</div> or <p>…</p> blocks: one paragraph each.
  if (/^\s*<(div|p)>/.test(out)) {
    const items = [...out.matchAll(/<(div|p)>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!.trim());
    const rest = out.replace(/<(div|p)>[\s\S]*?<\/\1>/g, '').trim();
    if (rest !== '')
      issues.add(line, 'html-unexpected', `text outside <div>/<p> blocks: "${rest}"`);
    const after = items.join('\n\n');
    record('html-tag', line, out, after);
    out = after;
  }
  out = out.replace(/<b>([\s\S]*?)<\/b>/g, (whole, inner: string) => {
    record('html-tag', line, whole, `**${inner}**`);
    return `**${inner}**`;
  });
  out = out.replace(/<sub>([\s\S]*?)<\/sub>/g, (whole, inner: string) => {
    record('html-tag', line, whole, inner);
    return inner;
  });
  const left = /<\/?[a-zA-Z][^>]*>/.exec(out);
  if (left)
    issues.add(
      line,
      'html-unexpected',
      `HTML tag ${left[0]} that no repair knows; expected plain text or <b>, <sub>, <div>, <p>`,
    );
  return out;
}

function joinPageBreaks(lines: NormalizedLine[], record: Record_): NormalizedLine[] {
  const out: NormalizedLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const entry = lines[i]!;
    out.push({ ...entry });
  }
  // Walk blocks: a block's last line, blank lines, the next block's first line.
  let i = 0;
  while (i < out.length) {
    const a = out[i]!;
    if (a.text === '') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < out.length && out[j]!.text === '') j++;
    const b = out[j];
    const nextIsBlockStart = j === i + 1; // same block: lines of one paragraph
    if (!b || nextIsBlockStart || !continuesAfter(a.text) || !canContinue(b.text)) {
      i++;
      continue;
    }
    record(
      'page-break-join',
      b.line,
      `${tail(a.text)}⏎${head(b.text)}`,
      `${tail(a.text)}${head(b.text)}`,
    );
    a.text = a.text + b.text;
    a.endLine = b.endLine;
    out.splice(i + 1, j - i); // drop the blank lines and b
  }
  return out;
}

/** Does this paragraph line stop mid-sentence (so a page break cut it)? */
function continuesAfter(text: string): boolean {
  if (
    /^#/.test(text) ||
    isTableLine(text) ||
    /^\**专栏\s*\d/.test(text) ||
    /^(表|图)\s*\d/.test(text)
  )
    return false;
  if (/^\*\*[^*]+\*\*$/.test(text)) return false;
  return !TERMINAL.test(text.replace(/\*+$/, ''));
}

function canContinue(text: string): boolean {
  return !BLOCK_START.test(text) && !isTableLine(text);
}

const tail = (s: string) => s.slice(-8);
const head = (s: string) => s.slice(0, 8);

const CJK = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’`;

export function repairInline(text: string, line: number, record: Record_): string {
  let out = text;
  out = out.replace(
    /\s*\$\s*([A-Za-z]+)_\{([^}]*)\}\s*\$\s*/g,
    (whole, base: string, sub: string) => {
      record('latex', line, whole.trim(), `${base}${sub}`);
      return ` ${base}${sub} `;
    },
  );
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
