/**
 * Small text helpers shared by the pipeline, the site and the search code.
 */

/** One Han character (includes 〇). */
export const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;

/** The Han characters of a string, in order: the unit of the fidelity check. */
export function hanOnly(text: string): string {
  return (text.match(HAN_GLOBAL) ?? []).join('');
}

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 11 → 十一, 21 → 二十一 (1–99, enough for chapters, sections and items). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`cannot write ${n} in Chinese`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 一 → 1, 十一 → 11, 二十一 → 21; null when the string is not a Chinese number. */
export function parseChineseNumber(text: string): number | null {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return null;
  const digit = (ch: string | undefined) => (ch ? DIGITS.indexOf(ch) : 0);
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? digit(text) : null;
  const tens = ten === 0 ? 1 : digit(text[ten - 1]);
  const rest = text.slice(ten + 1);
  if (rest.length > 1 || ten > 1) return null;
  return tens * 10 + digit(rest[0]);
}

/** Quotes inside a quoted citation title become single quotes: “推进“山水园圈”工程” → “推进‘山水园圈’工程”. */
export function quoteTitle(title: string): string {
  return `“${title.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}
