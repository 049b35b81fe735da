/**
 * The plan's own 目录, in any of the forms plans print it: `第一章 标题……5`,
 * `第一节  标题    9`, tab-separated page columns, dot leaders, bold or
 * indented entries without page numbers, the Roman page numbers of the 目录's
 * own pages in between, entries printed as links to their headings. The 目录
 * ends at the first line that is not an entry,
 * or at the entry that repeats the first one: the body's first heading.
 */
import type { TocEntry } from '../../src/model/types.ts';
import { classify } from './classify.ts';
import { headingRoles } from './numbering.ts';
import { normalizeSpaces } from './repair.ts';

export interface TocRegion {
  /** Index of the 目录 heading line (0-based), or -1 when the text has none. */
  heading: number;
  entries: TocEntry[];
  /** Index of the first line after the 目录. */
  end: number;
}

/** A line without the markup and layout a conversion leaves: indentation, #, bold, tags. */
export function plainLine(raw: string): string {
  return raw
    .replace(/<\/?(?:b|strong|p|div|span)>/g, '')
    .replace(/^\s*#+\s*/, '')
    .replace(/\*\*/g, '')
    .trim();
}

const TOC_HEADING = /^目[\s\u3000]*录$/;

/**
 * An entry a word processor's conversion printed as a link to its heading (`[第一章 标题\t5](#_Toc1)`,
 * `<a href="#_Toc1">第一章 标题</a>`): the link's text is the entry.
 */
const ENTRY_LINK = /^\[(.+)\]\([^()\s]*(?:\s+"[^"]*")?\)$|^<a\b[^>]*>(.+)<\/a>$/;

function entryLine(raw: string): string {
  const text = plainLine(raw);
  const link = ENTRY_LINK.exec(text);
  return link ? (link[1] ?? link[2]!).trim() : text;
}
/** The 目录's own page numbers: I, II, … XII (ASCII or Ⅰ–Ⅻ). */
const ROMAN = /^[IVXLCⅠ-Ⅻ]+$/;
/** Leader characters between an entry's title and its page: `……`, `.....`, `···`. */
const LEADERS = '.…·．';
const BLANKS = ' \t\u3000';

/**
 * An entry's title and page, read from the end of the line: the page (1–4
 * digits) after blanks or leaders, and any columns after it that hold only a
 * dash (`\t5\t-`); then the leaders. By hand, one pass from the end: the
 * patterns this replaces backtracked exponentially on a long run of blanks.
 */
export function splitPage(text: string): { body: string; page: number | null } {
  const blankAt = (i: number) => i >= 0 && BLANKS.includes(text[i]!);
  let end = text.length;
  while (end > 0 && blankAt(end - 1)) end--;
  const beforeDashes = end;
  // Trailing dash columns after the page: blanks, then one dash.
  while (end > 1 && '-—–'.includes(text[end - 1]!) && blankAt(end - 2)) {
    end--;
    while (end > 0 && blankAt(end - 1)) end--;
  }
  let digits = end;
  while (digits > 0 && /[0-9]/.test(text[digits - 1]!)) digits--;
  let page: number | null = null;
  let bodyEnd = end;
  if (end - digits >= 1 && end - digits <= 4 && digits > 0) {
    // Before the page: blanks, or leaders (with blanks around them).
    let k = digits;
    while (k > 0 && blankAt(k - 1)) k--;
    let leaders = k;
    while (leaders > 0 && LEADERS.includes(text[leaders - 1]!)) leaders--;
    if (k - leaders >= 2 || k < digits) {
      page = Number(text.slice(digits, end));
      bodyEnd = k - leaders >= 2 ? leaders : k;
    }
  }
  // Dash columns count only after a page.
  if (page === null) bodyEnd = beforeDashes;
  // Leaders with no page after them.
  let body = bodyEnd;
  while (body > 0 && blankAt(body - 1)) body--;
  let leaders = body;
  while (leaders > 0 && LEADERS.includes(text[leaders - 1]!)) leaders--;
  if (body - leaders >= 2) body = leaders;
  return { body: text.slice(0, body).trim(), page };
}

/** Entries that are not numbered headings. */
const OTHER_ENTRY =
  /^(序[\s\u3000]*言|前[\s\u3000]*言|名[\s\u3000]*词[\s\u3000]*(?:解[\s\u3000]*释|注[\s\u3000]*释)|附[\s\u3000]*[录件表图].*|后[\s\u3000]*记|结[\s\u3000]*束[\s\u3000]*语|结[\s\u3000]*语)$/;

type Entry = Omit<TocEntry, 'kind'>;

function entryOf(text: string, line: number): Entry | null {
  const { body, page } = splitPage(text);
  if (OTHER_ENTRY.test(body)) {
    const title = body.replace(/[\s\u3000]+/g, '');
    return { numbering: null, number: 0, title, page, line };
  }
  const c = classify(body);
  if (c.kind !== 'heading') return null;
  return {
    numbering: c.style,
    number: c.number,
    title: normalizeSpaces(c.title).replace(/[\s\u3000]+/g, ' '),
    page,
    line,
  };
}

export function readToc(lines: string[]): TocRegion {
  const heading = lines.findIndex((l) => TOC_HEADING.test(plainLine(l)));
  if (heading === -1) return { heading: -1, entries: [], end: 0 };
  const entries: Entry[] = [];
  let end = lines.length;
  for (let i = heading + 1; i < lines.length; i++) {
    const text = entryLine(lines[i]!);
    if (text === '' || ROMAN.test(text)) continue;
    const entry = entryOf(text, i + 1);
    const first = entries[0];
    if (
      !entry ||
      (first &&
        first.numbering !== null &&
        entry.numbering === first.numbering &&
        entry.number === first.number)
    ) {
      end = i;
      break;
    }
    entries.push(entry);
  }
  const roles = headingRoles(entries.flatMap((e) => (e.numbering ? [e.numbering] : [])));
  return {
    heading,
    end,
    entries: entries.map((e) => ({ kind: e.numbering ? roles.get(e.numbering)! : 'other', ...e })),
  };
}
