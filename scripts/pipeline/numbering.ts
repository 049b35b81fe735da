/**
 * The plan's own numbering: the styles Chinese plans number their levels in
 * (第三篇, 第十二章, 第一节, 三、, （三）, 3., （3）, 3.2, ③), in the order
 * they nest, and one helper that checks that a level's numbers run 1, 2, 3…
 * without gap or duplicate. Every numbering check of the pipeline goes
 * through NumberingSequence.
 */
import { CN_NUMERAL_CHARS, toChineseNumber } from '../../src/model/text.ts';
import type { NumberingStyle } from '../../src/model/types.ts';

/** The numbering styles, outermost first: their order is the nesting order. */
export const NUMBERING_STYLES: readonly NumberingStyle[] = [
  '篇',
  '章',
  '节',
  '一、',
  '（一）',
  '1.',
  '（1）',
  '1.1',
  '①',
];

/** Rank of a style in the nesting order: 篇 0, 章 1 … ① 8. */
export function styleRank(style: NumberingStyle): number {
  return NUMBERING_STYLES.indexOf(style);
}

/** A Chinese numeral, for patterns: 一 … 九十九, 一百零五. */
export const CN_NUMERAL = `[${CN_NUMERAL_CHARS}]+`;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Arabic digits, full-width digits and circled numbers: ３ → 3, ⑤ → 5, 01 → 1. */
export function parseArabic(text: string): number | null {
  if (text.length === 1 && CIRCLED.includes(text)) return CIRCLED.indexOf(text) + 1;
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^\d{1,4}$/.test(ascii) ? Number(ascii) : null;
}

/**
 * Checks that each level's numbers run 1, 2, 3… `next(key, n)` records the
 * number printed at a level (key: the level's parent and style) and returns
 * the number that was expected when n is not the next one, else null.
 */
export class NumberingSequence {
  private readonly last = new Map<string, number>();

  /** The number this level should print next. */
  expected(key: string): number {
    return (this.last.get(key) ?? 0) + 1;
  }

  /** Record `number` for `key`; returns the expected number when it was not that one. */
  next(key: string, number: number): number | null {
    const expected = this.expected(key);
    this.last.set(key, number);
    return number === expected ? null : expected;
  }
}

/** A heading's role in the tree (the node kind), whatever numbering it prints. */
export type HeadingRole = 'part' | 'chapter' | 'section' | 'subpart';

/**
 * The role of each numbering style a plan uses for its headings: 篇 is the
 * part; the outermost other style is the chapter (第X章, or 一、 in a plan
 * without 章), the next the section, any deeper style a sub-part. So 第一章
 * is a chapter in Licang and 一、 a chapter in a plan numbered 一、 > 1. > 1.1.
 */
export function headingRoles(styles: Iterable<NumberingStyle>): Map<NumberingStyle, HeadingRole> {
  const present = [...new Set(styles)].sort((a, b) => styleRank(a) - styleRank(b));
  const roles = new Map<NumberingStyle, HeadingRole>();
  let level = 0;
  for (const style of present) {
    if (style === '篇') roles.set(style, 'part');
    else roles.set(style, (['chapter', 'section'] as const)[level++] ?? 'subpart');
  }
  return roles;
}

/**
 * A number as a style prints it: 第七章, 三、, （三）, 3., （3）, ③ (any
 * number: past 999, where Chinese numerals stop here, in digits).
 */
export function printedNumber(style: NumberingStyle, n: number): string {
  const cn = n >= 1 && n <= 999 ? toChineseNumber(n) : String(n);
  switch (style) {
    case '篇':
    case '章':
    case '节':
      return `第${cn}${style}`;
    case '一、':
      return `${cn}、`;
    case '（一）':
      return `（${cn}）`;
    case '1.':
      return `${n}.`;
    case '（1）':
      return `（${n}）`;
    case '1.1':
      return `x.${n}`;
    case '①':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
  }
}
