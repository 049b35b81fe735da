/**
 * The glossary (名词解释) and the numbers that point to it. Plans converted
 * from HTML print the references as superscripts, which the conversion glues
 * to the word they explain: `“广东强芯”54` is term 54. Plans also print real
 * numbers next to words (`面向2049城市发展战略`, `广州12345政务服务`), so a
 * glued number is a reference only when it is the next one the text has not
 * yet referred to, or when the words just before it are the term it numbers,
 * and it is not followed by a unit (个, 年, 万, %…). Each reference is taken
 * out of the text and kept on the node (TermRef), and recorded as a repair.
 */
import type { RepairKind } from '../../src/model/types.ts';

/** A glossary entry as printed: `54. 广东强芯：…`. */
export const TERM_ENTRY = /^(\d{1,4})[.．、]\s*(.+)$/;

/** The term an entry explains, as printed: the text before its first ：. */
export function termOf(entry: string): string {
  const colon = entry.search(/[：:]/);
  return (colon > 0 && colon <= 40 ? entry.slice(0, colon) : entry.slice(0, 20)).trim();
}

/** A term as the body's text is compared with it: without quotes, brackets and spaces. */
export function termKey(term: string): string {
  return term.replace(/[“”‘’"《》\s]/g, '');
}

/**
 * A number glued to the word before it, and not to a unit after it, nor the
 * number of a 表, 图, 专栏, 附录 or 附件 the text points to (见表1, 见专栏3).
 */
const GLUED =
  /(?<=[\p{Script=Han}”’）)》A-Za-z])(?<![表图栏录件])(\d{1,4})(?![\d.．%％]|[个年月日号元万亿千百十次人岁家条项件座所张台套公里米吨瓦倍度分秒天周期批类级层栋间户辆艘架])/gu;

export interface TermRefFound {
  /** Offset in the repaired text where the number stood. */
  at: number;
  number: number;
}

/**
 * Reads references in order through the body: `take` returns the text with
 * every reference taken out, and where they were.
 */
export class TermReferences {
  private expected = 1;

  constructor(
    /** The glossary's terms by number (termKey of each entry's term). */
    private readonly terms: ReadonlyMap<number, string>,
    private readonly record: (
      kind: RepairKind,
      line: number,
      before: string,
      after: string,
    ) => void,
  ) {}

  take(text: string, line: number): { text: string; refs: TermRefFound[] } {
    if (this.terms.size === 0 || !/\d/.test(text)) return { text, refs: [] };
    const refs: TermRefFound[] = [];
    let out = '';
    let last = 0;
    for (const m of text.matchAll(GLUED)) {
      const number = Number(m[1]);
      const term = this.terms.get(number);
      if (!term) continue;
      const before = text
        .slice(Math.max(0, m.index! - term.length - 4), m.index!)
        .replace(/[“”‘’"《》\s]/g, '');
      if (number !== this.expected && !before.endsWith(term)) continue;
      out += text.slice(last, m.index!);
      refs.push({ at: out.length, number });
      this.record(
        'term-ref',
        line,
        `${text.slice(Math.max(0, m.index! - 6), m.index!)}${m[1]}`,
        `${text.slice(Math.max(0, m.index! - 6), m.index!)} → 名词解释 ${number}`,
      );
      last = m.index! + m[1]!.length;
      if (number >= this.expected) this.expected = number + 1;
    }
    if (refs.length === 0) return { text, refs };
    return { text: out + text.slice(last), refs };
  }
}
