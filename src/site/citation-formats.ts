import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

/**
 * The four citation formats of a plan and of any part of it, written when the site is built
 * (docs/ids.md, "Citations"): GB/T 7714-2015 (the reference a journal or a 公文 expects), BibTeX,
 * RIS and CSL-JSON (what Zotero, EndNote, NoteExpress and LaTeX import). citation-js does the
 * formats; the GB/T string comes from the Citation Style Language project's own style, vendored
 * unmodified in content/csl/ (NOTICE.md there). Nothing of this reaches the browser: the pages
 * carry the strings, the export files carry the rest.
 *
 * The document is an online copy of an official document: 其他 [Z], carrier /OL, with the 文号
 * after the title and the access date (引用日期) after the date of issue:
 *
 *   李沧区人民政府. 青岛市…纲要: 青李沧政发〔2021〕12号[Z/OL]. (2021-03-31)[2026-12-01]. URL.
 *
 * A part (a clause, a row, a paragraph…) is a contribution to it, GB/T 7714's 析出文献 form:
 *
 *   李沧区人民政府. 第七章第一节第1条 7.1.1 推进“山水园圈”工程[Z/OL]//李沧区人民政府. 青岛市…纲要:
 *   青李沧政发〔2021〕12号. (2021-03-31)[2026-12-01]. URL#7.1.1.
 *
 * A plan without a 文号 leaves out `: 文号`; a date with only the year or the month is given so,
 * `(2026)`, `(2026-04)`, never a made-up day.
 */

/** The plan as a citable document. */
export interface CiteDocument {
  /** The plan's slug, the CSL item's id: `licang-14`. */
  slug: string;
  /** The BibTeX key, letters, digits and _ only: `licang14`. */
  key: string;
  /** 制发机关, the author: 李沧区人民政府 (never split into family and given names). */
  issuer: string;
  title: string;
  /** The short title of in-text citations: 李沧区“十四五”规划纲要 → 《李沧区“十四五”规划纲要》. */
  shortTitle: string;
  /** 文号, when the plan was issued with one. */
  number?: string | undefined;
  /** The date of issue as the plan gives it: `2021-03-31`, `2026-04` or `2026`. */
  issued: string;
  /** The plan home's absolute URL. */
  url: string;
}

/** A part of the plan: anything with an ID and an anchor. */
export interface CitePart {
  /** Its ID: `7.1.1`, `9.4.p1`, `T2.21`, `7.1.1.t1`. */
  id: string;
  /** Where it is, as an in-text citation reads after the plan's name: 第七章第一节第1条. */
  place: string;
  /** Its own title, when it has one: 推进“山水园圈”工程. */
  title?: string | undefined;
  /** Its absolute URL, with the anchor. */
  url: string;
}

/** A CSL-JSON item (the fields these citations use). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'document';
  author: { literal: string }[];
  title: string;
  'title-short'?: string;
  'container-author'?: { literal: string }[];
  'container-title'?: string;
  number?: string;
  language: 'zh-CN';
  issued: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL: string;
  /** Zotero's Extra field: keeps what its Document type has no field for (文号, the plan). */
  note?: string;
}

export interface Citation {
  /** GB/T 7714-2015, as a reference list prints it. */
  gbt: string;
  /** The short form for running text: 《李沧区“十四五”规划纲要》第七章第一节第1条. */
  inText: string;
  bibtex: string;
  ris: string;
  csl: CslItem;
}

/* ------------------------------------------------------------- citation-js */

const STYLE = 'gbt7714-2015-numeric';
const CSL_DIR = resolve(process.cwd(), 'content/csl');

interface BibtexConfig {
  format: { asciiOnly: boolean };
}
interface CslConfig {
  styles: { add(name: string, xml: string): void; has(name: string): boolean };
  locales: { add(name: string, xml: string): void };
}

let configured = false;

/** Once per process: citation-js with the vendored style and its zh-CN locale. */
function configure(): void {
  if (configured) return;
  // The default (asciiOnly) deletes every Chinese character from BibTeX; without it nothing is
  // escaped, so `latex` below escapes LaTeX's specials.
  (plugins.config.get('@bibtex') as BibtexConfig).format.asciiOnly = false;
  const csl = plugins.config.get('@csl') as CslConfig;
  const read = (file: string) => readFileSync(resolve(CSL_DIR, file), 'utf8');
  csl.styles.add(STYLE, read('china-national-standard-gb-t-7714-2015-numeric.csl'));
  // plugin-csl ships no zh-CN locale, and the style's default locale is zh-CN.
  csl.locales.add('zh-CN', read('locales-zh-CN.xml'));
  configured = true;
}

const cite = (item: object) => new Cite(item);

/* ----------------------------------------------------------------- helpers */

/** `2021-03-31` → [[2021, 3, 31]], `2026-04` → [[2026, 4]], `2026` → [[2026]]. */
export function dateParts(date: string): { 'date-parts': number[][] } {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) throw new Error(`not a date: ${date}`);
  return { 'date-parts': [date.split('-').map(Number)] };
}

/** LaTeX's specials escaped for a BibTeX value (citation-js escapes nothing once CJK is on). */
export function latex(text: string): string {
  return text.replace(
    /[\\{}%&$#_^~]/g,
    (c) =>
      ({ '\\': '\\textbackslash{}', '^': '\\textasciicircum{}', '~': '\\textasciitilde{}' })[c] ??
      `\\${c}`,
  );
}

/** A part's title in the reference: where it is, its ID, its own title. */
export const partTitle = (part: CitePart): string =>
  [part.place, part.id, part.title].filter(Boolean).join(' ');

/** A BibTeX key: citation-js keeps only [A-Za-z0-9_] (anything else and it invents one). */
export const bibKey = (doc: CiteDocument, part?: CitePart): string =>
  part ? `${doc.key}_${part.id.replace(/[^A-Za-z0-9]/g, '_')}` : doc.key;

/* -------------------------------------------------------------- the formats */

/** The CSL-JSON item, as exported (Zotero imports an array of these). */
export function cslItem(doc: CiteDocument, part: CitePart | undefined, accessed: string): CslItem {
  const issuer = [{ literal: doc.issuer }];
  const dates = { issued: dateParts(doc.issued), accessed: dateParts(accessed) };
  if (!part) {
    return {
      id: doc.slug,
      'citation-key': bibKey(doc),
      type: 'document', // GB/T 7714 [Z]; Zotero's Document
      author: issuer,
      title: doc.title,
      'title-short': doc.shortTitle,
      ...(doc.number ? { number: doc.number } : {}),
      language: 'zh-CN',
      ...dates,
      URL: doc.url,
      // Zotero's Document has no Number field: a `variable: value` line in Extra keeps the 文号.
      ...(doc.number ? { note: `number: ${doc.number}` } : {}),
    };
  }
  return {
    id: `${doc.slug}/${part.id}`,
    'citation-key': bibKey(doc, part),
    type: 'document',
    author: issuer,
    title: partTitle(part),
    'container-author': issuer,
    'container-title': doc.title,
    language: 'zh-CN',
    ...dates,
    URL: part.url,
    // Nor container fields: Extra keeps them too.
    note: `container-title: ${doc.title}\ncontainer-author: ${doc.issuer}`,
  };
}

/** GB/T 7714-2015 through the CSL style. */
function gbt(doc: CiteDocument, part: CitePart | undefined, accessed: string): string {
  const item: CslItem = cslItem(doc, part, accessed);
  delete item.note;
  // CSL has no variable for the container's number: for a part the 文号 follows the plan's title
  // (专著题名: 其他题名信息), so it is folded into the title of this render-only item.
  if (part && doc.number) item['container-title'] = `${doc.title}: ${doc.number}`;
  const text = cite(item).format('bibliography', {
    template: STYLE,
    lang: 'zh-CN',
    format: 'text',
  });
  // The numeric style numbers the entry ([1] ) and ends it with a line break.
  return String(text)
    .replace(/^\[1\]\s*/, '')
    .trim();
}

/** The short form for running text. */
export const inText = (doc: CiteDocument, part?: CitePart): string =>
  `《${doc.shortTitle}》${part ? part.place : ''}`;

/** A CSL item on its way to BibTeX or RIS: another type, the plan's issuer as editor. */
type Mutable = Omit<CslItem, 'type' | 'language'> & {
  type: string;
  language?: string;
  editor?: { literal: string }[];
};

interface BibEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

/**
 * BibTeX in biblatex fields, which biblatex and gbt7714.bst (the Chinese BibTeX style) read: the
 * document a @misc, a part an @inbook of it. `number` (the 文号) and `mark = {Z}` are added by
 * hand (citation-js writes neither for these types), `year` for classic .bst files.
 */
function bibtex(doc: CiteDocument, part: CitePart | undefined, accessed: string): string {
  const item: Mutable = cslItem(doc, part, accessed);
  delete item.note; // Zotero's Extra lines mean nothing in a .bib
  delete item.language; // biblatex would print `zh-CN`
  item.title = latex(item.title);
  if (item['title-short']) item['title-short'] = latex(item['title-short']);
  if (item['container-title']) item['container-title'] = latex(item['container-title']);
  item.author = item.author.map((n) => ({ literal: latex(n.literal) }));
  if (item['container-author']) {
    // The plan's responsible body is the book's editor; @inbook has the booktitle.
    item.editor = item['container-author'];
    delete item['container-author'];
    item.type = 'chapter';
  }
  const [entry] = cite(item).format('biblatex', { format: 'object' }) as BibEntry[];
  const fields = entry!.properties;
  if (doc.number) fields.number = latex(doc.number);
  fields.mark = 'Z';
  fields.year = doc.issued.slice(0, 4);
  delete fields.note; // citation-js writes an English "[Online; accessed …]"
  const body = Object.entries(fields)
    .map(([k, v]) => `\t${k} = {${v}},\n`)
    .join('');
  return `@${entry!.type}{${entry!.label},\n${body}}\n`;
}

/**
 * RIS: the document a report (RPRT: Zotero imports it as a Report whose Report Number is the
 * 文号; GEN would become a Journal Article), a part a book section (CHAP: the plan is its Book
 * Title).
 */
function ris(doc: CiteDocument, part: CitePart | undefined, accessed: string): string {
  const item: Mutable = cslItem(doc, part, accessed);
  delete item.note;
  if (part) {
    item.type = 'chapter';
    item.editor = item['container-author']!;
  } else item.type = 'report';
  // As citation-js writes it ("ER  - " keeps its space), ending with a line break.
  const text = String(cite(item).format('ris')).replace(/\n*$/, '');
  return `${text}\n`;
}

/** Every format of the document (no part) or of one part, with this access date (YYYY-MM-DD). */
export function citationOf(
  doc: CiteDocument,
  part: CitePart | undefined,
  accessed: string,
): Citation {
  return { ...referenceOf(doc, part, accessed), ...exportsOf(doc, part, accessed) };
}

/** GB/T 7714 and the in-text form: what the pages carry. */
export function referenceOf(
  doc: CiteDocument,
  part: CitePart | undefined,
  accessed: string,
): Pick<Citation, 'gbt' | 'inText'> {
  configure();
  return { gbt: gbt(doc, part, accessed), inText: inText(doc, part) };
}

/** BibTeX, RIS and CSL-JSON: what the export files carry. */
export function exportsOf(
  doc: CiteDocument,
  part: CitePart | undefined,
  accessed: string,
): Pick<Citation, 'bibtex' | 'ris' | 'csl'> {
  configure();
  return {
    bibtex: bibtex(doc, part, accessed),
    ris: ris(doc, part, accessed),
    csl: cslItem(doc, part, accessed),
  };
}
