/**
 * Block classification: what one block of the body is, read from the
 * numbering and words Chinese plans share, not from markup. A small ordered
 * table of rules; the first that matches wins. Pure: text in, class out.
 */
import { parseChineseNumber } from '../../src/model/text.ts';
import type { NumberingStyle } from '../../src/model/types.ts';
import { CN_NUMERAL, parseArabic } from './numbering.ts';
import { CN_NUMERAL_CHARS } from '../../src/model/text.ts';

export type BlockClass =
  | {
      kind: 'heading';
      style: NumberingStyle;
      number: number;
      label: string;
      title: string;
      /** 1.1 style: the number before the dot, which names the 1. heading it belongs to. */
      outer?: number;
    }
  | { kind: 'item'; style: NumberingStyle; number: number; label: string; text: string }
  | { kind: 'box'; number: string; label: string; title: string }
  | { kind: 'caption'; number: number; label: string; title: string; appendix: boolean }
  | { kind: 'figure'; number: number; label: string; title: string; appendix: boolean }
  | { kind: 'note'; text: string }
  | { kind: 'glossary'; title: string }
  | { kind: 'appendix'; label: string; title: string }
  | { kind: 'bullet'; marker: string; text: string }
  | { kind: 'dash'; text: string }
  | { kind: 'image'; alt: string; src: string }
  | { kind: 'paragraph'; text: string };

/** Longest title a heading can have; a longer "第三章…" line is a sentence that starts so. */
export const MAX_HEADING = 80;

const SENTENCE_END = /[。！？；]/;
const SPACE = '[\\s\\u3000]';

interface Rule {
  name: string;
  pattern: RegExp;
  make: (m: RegExpExecArray, text: string) => BlockClass | null;
}

const numeral = (s: string) => parseChineseNumber(s);

/** A heading when the rest is a title (short, no sentence); an item with its own text otherwise. */
function numbered(
  style: NumberingStyle,
  number: number | null,
  label: string,
  rest: string,
  headingOnly = false,
): BlockClass | null {
  if (number === null) return null;
  const title = rest.trim();
  const isTitle = title !== '' && !SENTENCE_END.test(title) && [...title].length <= MAX_HEADING;
  if (isTitle) return { kind: 'heading', style, number, label, title };
  if (headingOnly) return null;
  if (title === '') return null;
  return { kind: 'item', style, number, label, text: title };
}

export const RULES: readonly Rule[] = [
  {
    name: 'part',
    pattern: new RegExp(`^第(${CN_NUMERAL})篇${SPACE}*(.*)$`),
    make: (m) => numbered('篇', numeral(m[1]!), `第${m[1]}篇`, m[2]!, true),
  },
  {
    // 第一部分 is the 篇 of plans that name their top level so; the label keeps their word.
    name: 'part-named-部分',
    pattern: new RegExp(`^第(${CN_NUMERAL})部分${SPACE}*(.*)$`),
    make: (m) => numbered('篇', numeral(m[1]!), `第${m[1]}部分`, m[2]!, true),
  },
  {
    name: 'chapter',
    pattern: new RegExp(`^第(${CN_NUMERAL})章${SPACE}*(.*)$`),
    make: (m) => numbered('章', numeral(m[1]!), `第${m[1]}章`, m[2]!, true),
  },
  {
    name: 'section',
    pattern: new RegExp(`^第(${CN_NUMERAL})节${SPACE}*(.*)$`),
    make: (m) => numbered('节', numeral(m[1]!), `第${m[1]}节`, m[2]!, true),
  },
  {
    name: 'glossary',
    pattern: /^(名\s*词\s*(?:解\s*释|注\s*释|说\s*明)|术\s*语\s*(?:解\s*释|表)?)$/,
    make: (m) => ({ kind: 'glossary', title: m[1]!.replace(/\s+/g, '') }),
  },
  {
    name: 'appendix',
    pattern: /^(附\s*[录件](?:\s*[0-9０-９一二三四五六七八九十]+)?)[\s\u3000：:]*(.{0,80})$/,
    make: (m) =>
      SENTENCE_END.test(m[2]!)
        ? null
        : { kind: 'appendix', label: m[1]!.replace(/\s+/g, ''), title: m[2]!.trim() },
  },
  {
    name: 'box',
    // 专栏1, 专栏 3-2, 专栏一 (a Chinese numeral then a space or colon: 专栏十大工程 is no box),
    // and 专栏 with no number before its title (专栏：重大项目; 专栏 2035年… is such a title, also
    // when the repairs have taken the space out: 专栏2035年…).
    pattern: new RegExp(
      `^专栏\\s*([0-9０-９]+(?:[-－—–][0-9０-９]+)?(?![0-9０-９年])|${CN_NUMERAL}(?=[\\s\\u3000：:]|$)|(?=[\\s\\u3000：:]|[0-9０-９]+年))[\\s\\u3000：:]*(.*)$`,
    ),
    make: (m) =>
      SENTENCE_END.test(m[2]!) || [...m[2]!].length > MAX_HEADING || (m[1] === '' && !m[2]!.trim())
        ? null
        : {
            kind: 'box',
            // '' for a 专栏 the plan does not number: the structure stage numbers it in order.
            number:
              m[1] === ''
                ? ''
                : /^[0-9０-９]/.test(m[1]!)
                  ? m[1]!
                      .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
                      .replace(/[－—–]/, '-')
                  : String(numeral(m[1]!) ?? m[1]!),
            label: `专栏${m[1]}`,
            title: m[2]!.trim(),
          },
  },
  {
    name: 'caption',
    // 表 followed by a digit: "表的新一轮…" is wrapped text, not a caption.
    pattern: /^(附)?表\s*([0-9０-９]+)[\s\u3000：:]*(.+)$/,
    make: (m) => {
      const number = parseArabic(m[2]!);
      if (number === null || SENTENCE_END.test(m[3]!) || [...m[3]!].length > MAX_HEADING)
        return null;
      return {
        kind: 'caption',
        number,
        label: `${m[1] ?? ''}表${m[2]}`,
        title: m[3]!.trim(),
        appendix: !!m[1],
      };
    },
  },
  {
    name: 'figure',
    pattern: /^(附)?图\s*([0-9０-９]+)[\s\u3000：:]*(.*)$/,
    make: (m) => {
      const number = parseArabic(m[2]!);
      if (number === null || SENTENCE_END.test(m[3]!) || [...m[3]!].length > MAX_HEADING)
        return null;
      return {
        kind: 'figure',
        number,
        label: `${m[1] ?? ''}图${m[2]}`,
        title: m[3]!.trim(),
        appendix: !!m[1],
      };
    },
  },
  {
    name: 'note',
    // 注： / 注1： / 注:  — "注重…" and "注册…" are words, not notes.
    pattern: /^注\s*[0-9０-９]*\s*[：:]/,
    make: (_m, text) => ({ kind: 'note', text }),
  },
  {
    name: 'cn-dun',
    pattern: new RegExp(`^(${CN_NUMERAL})、${SPACE}*(.*)$`),
    make: (m) => numbered('一、', numeral(m[1]!), `${m[1]}、`, m[2]!),
  },
  {
    name: 'cn-paren',
    pattern: new RegExp(`^[（(](${CN_NUMERAL})[）)]${SPACE}*(.*)$`),
    make: (m) => numbered('（一）', numeral(m[1]!), `（${m[1]}）`, m[2]!),
  },
  {
    name: 'decimal',
    // 1.1 标题 — but not 1.5万 or 2.77 (a number that opens a wrapped line).
    pattern:
      /^([0-9]{1,2})[.．]([0-9]{1,2})(?![0-9.．%％])[\s\u3000]*(?=[\p{Script=Han}“《（(])(.*)$/u,
    make: (m) => {
      const made = numbered('1.1', Number(m[2]), `${m[1]}.${m[2]}`, m[3]!);
      return made?.kind === 'heading' ? { ...made, outer: Number(m[1]) } : made;
    },
  },
  {
    name: 'arabic-dot',
    // 1. / 1．/ 1、 followed by text, never by another digit (1.5).
    pattern: /^([0-9０-９]{1,3})[.．、](?![0-9０-９])[\s\u3000]*(.*)$/,
    make: (m) => numbered('1.', parseArabic(m[1]!), `${m[1]}.`, m[2]!),
  },
  {
    name: 'arabic-paren',
    pattern: /^[（(]([0-9０-９]{1,3})[）)][\s\u3000]*(.*)$/,
    make: (m) => numbered('（1）', parseArabic(m[1]!), `（${m[1]}）`, m[2]!),
  },
  {
    name: 'circled',
    pattern: /^([①-⑳])[\s\u3000]*(.*)$/,
    make: (m) => numbered('①', parseArabic(m[1]!), m[1]!, m[2]!),
  },
  {
    name: 'bullet',
    pattern: /^([◆◇●○■□▲△▶►★☆•▪])[\s\u3000]*(.*)$/,
    make: (m) => ({ kind: 'bullet', marker: m[1]!, text: m[2]! }),
  },
  {
    name: 'dash',
    pattern: /^——[\s\u3000]*(.*)$/,
    make: (m) => ({ kind: 'dash', text: m[1]! }),
  },
  {
    name: 'image',
    pattern: /^!\[([^\]]*)\]\(([^)\s]*)[^)]*\)$/,
    make: (m) => ({ kind: 'image', alt: m[1]!, src: m[2]! }),
  },
];

/** Classify one block's text (markup already removed, indentation trimmed). */
/**
 * 第 一 章 as a PDF prints a letter-spaced heading: the spaces inside the number are dropped, so
 * it reads as 第一章 (spaces are not text: fidelity counts Han characters).
 */
const SPACED_NUMBER = new RegExp(
  `^第[\\s\\u3000]*([${CN_NUMERAL_CHARS}](?:[\\s\\u3000]*[${CN_NUMERAL_CHARS}])*)[\\s\\u3000]*(篇|章|节|部分)`,
);

export function classify(raw: string): BlockClass & { rule: string } {
  const spaced = SPACED_NUMBER.exec(raw);
  const text = spaced
    ? `第${spaced[1]!.replace(/[\s\u3000]+/g, '')}${spaced[2]}${raw.slice(spaced[0].length)}`
    : raw;
  for (const rule of RULES) {
    const m = rule.pattern.exec(text);
    if (!m) continue;
    const made = rule.make(m, text);
    if (made) return { ...made, rule: rule.name };
  }
  return { kind: 'paragraph', text: raw, rule: 'paragraph' };
}
