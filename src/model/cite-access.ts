/**
 * The access date (引用日期) of a citation is the reader's. The site writes every citation with
 * the build date (src/site/citations.ts ACCESS_DATE); the clause tools
 * (src/client/clause-tools.ts) put the reader's date in with these, field by field, in the four
 * formats exactly as citation-js writes them, so that filling in a date gives the same text as
 * generating the citation with that date (test/citations/citations.test.ts).
 */

export type CiteFormat = 'gbt' | 'bibtex' | 'ris' | 'csl';

/** Today in the reader's own time zone, `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** A CSL-JSON item's access date. */
export function cslAccessed<T extends object>(item: T, iso: string): T {
  return { ...item, accessed: { 'date-parts': [parts(iso)] } };
}

/** CSL-JSON as the site writes it: an array, two-space indented, ending with a line break. */
export const cslText = (items: object[]): string => `${JSON.stringify(items, null, 2)}\n`;

/**
 * A citation's text with `iso` as its access date:
 * GB/T 7714 `(2021-03-31)[2026-12-01]` (the last bracketed date), BibTeX `urldate = {…}`, RIS
 * `Y2  - 2026/12/1/`, CSL-JSON `accessed` (the text of an array of items).
 */
export function withAccessDate(format: CiteFormat, text: string, iso: string): string {
  const [y, m, d] = parts(iso);
  switch (format) {
    case 'gbt': {
      const at = text.search(/\[\d{4}-\d{2}-\d{2}\](?!.*\[\d{4}-\d{2}-\d{2}\])/s);
      return at < 0 ? text : `${text.slice(0, at)}[${iso}]${text.slice(at + 12)}`;
    }
    case 'bibtex':
      return text.replace(/^(\s*urldate = \{)[^}]*(\})/m, `$1${iso}$2`);
    case 'ris':
      return text.replace(/^Y2 {2}- .*$/m, `Y2  - ${y}/${m}/${d}/`);
    case 'csl':
      return cslText((JSON.parse(text) as object[]).map((item) => cslAccessed(item, iso)));
  }
}
