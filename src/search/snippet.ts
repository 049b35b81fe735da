/**
 * Snippets: a window of a unit's text around its matches, with the matched
 * words marked. Matching happens on the compact form; the map from compact
 * to original offsets turns each match back into a range of the text as
 * printed, punctuation included.
 */
import { type Compacted, HAN_CHAR } from './fold.ts';

export interface Snippet {
  text: string;
  /** [start, end) ranges of `text` to highlight, sorted and disjoint. */
  marks: [number, number][];
}

/** Ranges of the original text where any of the (compact) terms occurs. */
export function findRanges(compacted: Compacted, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (
      let at = compacted.text.indexOf(term);
      at !== -1;
      at = compacted.text.indexOf(term, at + 1)
    ) {
      ranges.push([compacted.start[at]!, compacted.end[at + term.length - 1]!]);
    }
  }
  return mergeRanges(ranges);
}

export function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/**
 * The window of about `length` characters holding the most matched text,
 * starting a little before its first match; "…" where the text was cut.
 */
export function makeSnippet(text: string, ranges: [number, number][], length = 96): Snippet {
  if (text.length <= length) return { text, marks: ranges };
  let bestStart = 0;
  let bestCover = -1;
  for (const [s] of ranges) {
    const from = Math.max(0, s - 16);
    let cover = 0;
    for (const [rs, re] of ranges) if (rs >= from && re <= from + length) cover += re - rs;
    if (cover > bestCover) {
      bestCover = cover;
      bestStart = from;
    }
  }
  // Start just after a clause boundary when one is close, so the snippet reads as a sentence.
  for (let i = bestStart; i > Math.max(0, bestStart - 12); i--) {
    if (/[。；，、：]/.test(text[i - 1] ?? '')) {
      bestStart = i;
      break;
    }
  }
  const end = Math.min(text.length, bestStart + length);
  const prefix = bestStart > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const marks: [number, number][] = [];
  for (const [s, e] of ranges) {
    if (e <= bestStart || s >= end) continue;
    marks.push([
      Math.max(s, bestStart) - bestStart + prefix.length,
      Math.min(e, end) - bestStart + prefix.length,
    ]);
  }
  return { text: prefix + text.slice(bestStart, end) + suffix, marks };
}

/** Render a snippet with its marks wrapped, e.g. in ** for text output. */
export function renderSnippet(snippet: Snippet, open = '**', close = open): string {
  let out = '';
  let at = 0;
  for (const [s, e] of snippet.marks) {
    out += snippet.text.slice(at, s) + open + snippet.text.slice(s, e) + close;
    at = e;
  }
  return out + snippet.text.slice(at);
}

/**
 * Ranges of the text to mark: every occurrence of a term of two or more characters, and of a
 * single-character term only where it stands as a word: next to another marked term (停车|难) or
 * between characters that are not Han (“难”), never inside a longer word (困难). What the reading
 * page highlights (src/client/search-highlight.ts).
 */
export function wholeWordRanges(compacted: Compacted, terms: string[]): [number, number][] {
  const long = terms.filter((t) => [...t].length > 1);
  const single = terms.filter((t) => [...t].length === 1);
  const ranges = findRanges(compacted, long);
  const { text } = compacted;
  const covered = (at: number) => ranges.some(([s, e]) => s <= at && at < e);
  const kept: [number, number][] = [];
  for (const term of single) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
      const before = text[at - 1] ?? '';
      const after = text[at + term.length] ?? '';
      // In the original text: is the character next to it another marked term, or no Han at all?
      const start = compacted.start[at]!;
      const end = compacted.end[at + term.length - 1]!;
      const touchesMark =
        (at > 0 && covered(compacted.end[at - 1]! - 1) && compacted.end[at - 1] === start) ||
        (at + term.length < text.length &&
          covered(compacted.start[at + term.length]!) &&
          compacted.start[at + term.length] === end);
      const alone =
        (!HAN_CHAR.test(before) || compacted.end[at - 1] !== start) &&
        (!HAN_CHAR.test(after) || compacted.start[at + term.length] !== end);
      if (!HAN_CHAR.test(term) || touchesMark || alone) kept.push([start, end]);
    }
  }
  return mergeRanges([...ranges, ...kept]);
}
