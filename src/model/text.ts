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

/** 1 → 一, 11 → 十一, 21 → 二十一, 105 → 一百零五, 120 → 一百二十 (1–999). */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999)
    throw new RangeError(`cannot write ${n} in Chinese`);
  if (n < 10) return DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return `${DIGITS[hundreds]}百`;
  // 一百零五, but 一百一十二: below a hundred the tens are written out in full.
  const tail =
    rest < 10
      ? `零${DIGITS[rest]}`
      : rest < 20
        ? `一${toChineseNumber(rest)}`
        : toChineseNumber(rest);
  return `${DIGITS[hundreds]}百${tail}`;
}

const CN_VALUES: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** The characters Chinese numerals are written with (for patterns: `[${CN_NUMERAL_CHARS}]+`). */
export const CN_NUMERAL_CHARS = '一二三四五六七八九十百零〇两';

/**
 * 一 → 1, 十一 → 11, 二十一 → 21, 一百零五 → 105; null when the string is not a
 * Chinese number (一二, 十十, an empty string).
 */
export function parseChineseNumber(text: string): number | null {
  if (!new RegExp(`^[${CN_NUMERAL_CHARS}]+$`).test(text)) return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = 1000;
  for (const ch of text) {
    if (ch === '百' || ch === '十') {
      const unit = ch === '百' ? 100 : 10;
      if (unit >= lastUnit) return null;
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else {
      // Two digits in a row are only allowed as 零 + digit (一百零五).
      if (digit !== null && digit !== 0) return null;
      digit = CN_VALUES[ch]!;
    }
  }
  if (digit !== null) total += digit;
  return total > 0 ? total : null;
}

/** Quotes inside a quoted citation title become single quotes: “推进“山水园圈”工程” → “推进‘山水园圈’工程”. */
export function quoteTitle(title: string): string {
  return `“${title.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}
