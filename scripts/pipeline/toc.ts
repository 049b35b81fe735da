/**
 * The plan's own 目录, in any of the forms plans print it: `第一章 标题……5`,
 * `第一节  标题    9`, tab-separated page columns, dot leaders, bold or
 * indented entries without page numbers, the Roman page numbers of the 目录's
 * own pages in between. The 目录 ends at the first line that is not an entry,
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

/** A line without the markup and layout a conversion leaves: indentation, #, bold, tags, ZWNJ. */
export function plainLine(raw: string): string {
  return raw
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/<\/?(?:b|strong|p|div|span)>/g, '')
    .replace(/^[\s\u3000]*#+[\s\u3000]*/, '')
    .replace(/\*\*/g, '')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

const TOC_HEADING = /^目[\s\u3000]*录$/;
/** The 目录's own page numbers: I, II, … XII (ASCII or Ⅰ–Ⅻ). */
const ROMAN = /^[IVXLCⅠ-Ⅻ]+$/;
/** A page reference at the end of an entry: leaders or blanks, the page, any trailing columns. */
const PAGE_TAIL =
  /(?:[\s\u3000]*[.…·．]{2,}[\s\u3000]*|[\t \u3000]+)(\d{1,4})(?:[\t \u3000]+[-—–]?)*$/;
/** Entries that are not numbered headings. */
const OTHER_ENTRY =
  /^(序[\s\u3000]*言|前[\s\u3000]*言|名[\s\u3000]*词[\s\u3000]*(?:解[\s\u3000]*释|注[\s\u3000]*释)|附[\s\u3000]*[录件表图].*|后[\s\u3000]*记|结[\s\u3000]*束[\s\u3000]*语|结[\s\u3000]*语)$/;

type Entry = Omit<TocEntry, 'kind'>;

function entryOf(text: string, line: number): Entry | null {
  let page: number | null = null;
  let body = text;
  const tail = PAGE_TAIL.exec(body);
  if (tail) {
    page = Number(tail[1]);
    body = body.slice(0, tail.index);
  }
  body = body.replace(/[\s\u3000]*[.…·．]{2,}$/, '').trim();
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
    const text = plainLine(lines[i]!);
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
