/**
 * Query and text folding, shared by the index builder (Node), the CLI and the
 * browser worker. Both sides of a search go through the same functions, so a
 * query matches the plan whatever form the user typed it in:
 *
 * - NFKC folds full-width letters, digits and punctuation (ＰＭ２．５ → PM2.5,
 *   ％ → %), the ideographic space and CJK compatibility ideographs;
 * - a small traditional → simplified character map (generated at build time
 *   from OpenCC data, restricted to characters the plan uses) folds 養老服務
 *   into 养老服务 without shipping OpenCC's megabyte of phrase tables;
 * - Latin is lower-cased (PM2.5 = pm2.5, GDP = gdp);
 * - the "compact" form keeps letters and numbers only, so spaces and
 *   punctuation never decide a match (2035 年 = 2035年, “山水园圈”工程 =
 *   山水园圈工程).
 *
 * Normalization works one code point at a time so that every character of a
 * compact string can be traced back to the original text (for highlighting).
 */

/** Traditional (or variant) character → simplified character. */
export type CharMap = ReadonlyMap<string, string>;

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const DIGIT = /[0-9]/;

const NO_MAP: CharMap = new Map();
/** Folded form of each code point seen so far, per character map: the plan has a few thousand. */
const FOLD_CACHE = new WeakMap<CharMap, Map<string, string>>();

/** NFKC + traditional → simplified + lower case, for one code point. */
export function foldChar(ch: string, t2s: CharMap = NO_MAP): string {
  let cache = FOLD_CACHE.get(t2s);
  if (!cache) FOLD_CACHE.set(t2s, (cache = new Map()));
  let out = cache.get(ch);
  if (out === undefined) {
    out = '';
    for (const c of ch.normalize('NFKC')) out += t2s.get(c) ?? c;
    out = out.toLowerCase();
    cache.set(ch, out);
  }
  return out;
}

/**
 * Fold free text: fold every character, then drop whitespace unless it
 * separates two Latin letters or digits ("new energy" keeps its space,
 * "2035 年" loses it).
 */
export function fold(text: string, t2s?: CharMap): string {
  let folded = '';
  for (const ch of text) folded += foldChar(ch, t2s);
  return folded.replace(/\s+/gu, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + space.length] ?? '';
    return /[a-z0-9]/.test(before) && /[a-z0-9]/.test(after) ? ' ' : '';
  });
}

/** A compact string with, for each of its characters, where it came from. */
export interface Compacted {
  /** Letters and numbers only (plus a decimal point between two digits). */
  text: string;
  /** For each character of `text`: its start offset (UTF-16) in the original string. */
  start: number[];
  /** For each character of `text`: the end offset (exclusive) in the original string. */
  end: number[];
}

/**
 * The compact form of a text, with a map back to the original offsets. A
 * decimal point survives only between two digits, so 16.5% stays 16.5 and
 * never merges with its neighbours into a different number.
 */
export function compactWithMap(text: string, t2s?: CharMap): Compacted {
  // First fold every code point, remembering where each folded character came from.
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const cp of text) {
    for (const c of foldChar(cp, t2s)) {
      chars.push(c);
      from.push(offset);
      to.push(offset + cp.length);
    }
    offset += cp.length;
  }
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const keep =
      LETTER_OR_NUMBER.test(c) ||
      (c === '.' && DIGIT.test(out[out.length - 1] ?? '') && DIGIT.test(chars[i + 1] ?? ''));
    if (!keep) continue;
    out += c;
    start.push(from[i]!);
    end.push(to[i]!);
  }
  return { text: out, start, end };
}

/** The compact form alone (see {@link compactWithMap}), without building the offset map. */
export function compact(text: string, t2s?: CharMap): string {
  let folded = '';
  for (const cp of text) folded += foldChar(cp, t2s);
  let out = '';
  let previous = '';
  const chars = [...folded];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    // One code point at a time: a character outside the BMP stays whole, a lone surrogate goes.
    if (
      LETTER_OR_NUMBER.test(c) ||
      (c === '.' && DIGIT.test(previous) && DIGIT.test(chars[i + 1] ?? ''))
    ) {
      out += c;
      previous = c;
    }
  }
  return out;
}

/** One Han character. */
export const HAN_CHAR = /\p{Script=Han}/u;

/** Latin/number tokens of a normalized text: pm2.5, 5g, gdp, 2025, 16.5. */
export function alnumTokens(normalized: string): string[] {
  return normalized.match(/[a-z0-9]+(?:\.[0-9]+)*/g) ?? [];
}

/** Parse the shipped character map: a string of (from, to) character pairs. */
export function parseCharMap(pairs: string): Map<string, string> {
  const map = new Map<string, string>();
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}
