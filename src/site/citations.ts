import { cslText } from '../model/cite-access.ts';
import { toChineseNumber } from '../model/text.ts';
import { walk } from '../model/tree.ts';
import type { HeadingNode, PlanNode } from '../model/types.ts';
import {
  absoluteUrl,
  citeFilePath,
  citePageFile,
  PLAN_PAGES,
  slugOfUrl,
  targetUrl,
  urlMap,
} from '../model/urls.ts';
import {
  citationOf,
  exportsOf,
  referenceOf,
  type Citation,
  type CiteDocument,
  type CitePart,
  type CslItem,
} from './citation-formats.ts';
import { loadSitePlan, type SitePlan } from './site-plan.ts';

/**
 * Citations of a plan and of everything anchored in it, for the pages (docs/ids.md,
 * "Citations"). Each part of the plan is placed from the tree, the way a reader cites it in
 * running text (第七章第一节第1条, 表2第21项, 专栏5第2项, 第九章第四节第1段); citation-formats.ts
 * turns the plan and a part into GB/T 7714-2015, BibTeX, RIS and CSL-JSON.
 *
 * URLs are absolute, from the deploy address the site is built for (Astro `site`,
 * `PLAN_KB_SITE`): a citation names the real address of a deployment. The access date (引用日期)
 * is the reader's: the pages and files carry the build date (ACCESS_DATE) and the clause tools
 * put the reader's date in when they copy or export (src/client/cite-access.ts).
 *
 * One module because every section below is a view of one per-plan cache (planCitations: each
 * part's place and its formatted citation), so that a clause's tools, the export files and the
 * /cite/ page print the same strings; the formats themselves are in citation-formats.ts.
 */

/**
 * The build date, the access date of a citation copied without JavaScript or a file downloaded
 * as it is: SOURCE_DATE_EPOCH when the build is given one (reproducible builds), else the day of
 * the build (UTC).
 */
export function buildDate(env: { SOURCE_DATE_EPOCH?: string | undefined } = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  const at = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return at.toISOString().slice(0, 10);
}

export const ACCESS_DATE = buildDate();

/** The plan as a citable document. */
export function citeDocument(plan: SitePlan): CiteDocument {
  const { meta } = plan;
  return {
    slug: plan.slug,
    key: plan.slug.replace(/[^A-Za-z0-9]/g, ''),
    issuer: meta.issuer,
    title: meta.title,
    shortTitle: meta.shortName,
    number: meta.documentNumber,
    issued: meta.date,
    url: absoluteUrl(plan.href(PLAN_PAGES.home)),
  };
}

/* ------------------------------------------------------------------ places */

/** Where a part is and what it is called: 第七章第一节第1条, 推进“山水园圈”工程. */
export interface Place {
  place: string;
  title?: string;
}

/** 第一章, 第一节, a sub-part 一、 as （一）; a chapter the plan numbers 一、 as 第一部分. */
function headingLabel(node: HeadingNode): string {
  if (node.kind === 'chapter' && node.numbering !== '章')
    return `第${toChineseNumber(node.number)}部分`;
  if (node.numbering === '一、') return `（${toChineseNumber(node.number)}）`;
  return node.label.replace(/\s+/g, '');
}

/** 表1, 附表1, 专栏1 (a 专栏's table), 图1, 附图1, 专栏5: labels without their spaces. */
const printed = (label: string) => label.replace(/\s+/g, '');

function figureLabel(id: string): string {
  const m = /^(A?)F(\d+)$/.exec(id);
  return m ? `${m[1] ? '附图' : '图'}${m[2]}` : id;
}

/**
 * Every node's place, derived from the tree. The path is the node's headings in order: 篇 only
 * when chapters are numbered afresh in each 篇 (otherwise the chapter alone names the place,
 * as docs/ids.md says), then 章, 节 and sub-parts. After the path comes the node's own ordinal:
 * 第N条 for a measure (its number among its container's measures), 第N段 for a paragraph (a
 * measure's lead is its 第1段), 第N项 for a 专栏 item or an indicator, 第N行 for a row, 注.
 * 专栏, 表 and 图 are numbered through the plan, so they stand alone (专栏5第2项, 表2第21项).
 */
export function placesOf(document: PlanNode): Map<string, Place> {
  const restart = [...walk(document)].some(
    ({ node }) => node.kind === 'chapter' && node.id.startsWith('P'),
  );
  const places = new Map<string, Place>();
  const placeOf = (node: PlanNode | undefined) => (node && places.get(node.id)?.place) ?? '';
  /** Where a heading's own label goes after: its parent heading's place (not a 篇's, unless chapters restart). */
  const within = (parent: PlanNode | undefined) =>
    !parent || (parent.kind === 'part' && !restart) ? '' : placeOf(parent);

  for (const { node, parents } of walk(document)) {
    const parent = parents.at(-1);
    let place: Place;
    switch (node.kind) {
      case 'document':
        continue;
      case 'preface':
      case 'glossary':
        place = { place: node.title };
        break;
      case 'appendix':
        place = { place: printed(node.label), title: node.title };
        break;
      case 'part':
        // A part cited itself is always named, whether or not its chapters need it.
        place = { place: node.label, title: node.title };
        break;
      case 'chapter':
      case 'section':
      case 'subpart':
        place = { place: `${within(parent)}${headingLabel(node)}`, title: node.title };
        break;
      case 'measure':
        place = { place: `${placeOf(parent)}第${node.number}条`, title: node.title };
        break;
      case 'paragraph':
        // A measure's lead is its 第1段, so the paragraphs after it count from 第2段.
        place = {
          place: `${placeOf(parent)}第${parent?.kind === 'measure' ? node.number + 1 : node.number}段`,
        };
        break;
      case 'box':
      case 'table':
        // 专栏 and 表 are numbered through the plan; a 专栏's table is the 专栏's (专栏1).
        place = { place: printed(node.label), title: node.title };
        break;
      case 'boxItem':
        place = { place: `${placeOf(parent)}第${node.number}项`, title: node.title };
        break;
      case 'indicator': {
        const row = node.parent ? places.get(node.parent) : undefined;
        place = row
          ? { place: `${row.place}之“${node.name}”`, title: node.name }
          : {
              place: `${places.get(node.tableId)?.place ?? ''}第${node.number}项`,
              title: node.name,
            };
        break;
      }
      case 'row':
        place = {
          place: `${placeOf(parent)}第${node.number}行`,
          ...(node.title ? { title: node.title } : {}),
        };
        break;
      case 'note':
        place = { place: `${placeOf(parent)}注` };
        break;
      case 'figure':
        place = { place: figureLabel(node.id), title: node.title };
        break;
      case 'term':
        place = { place: `${placeOf(parent)}第${node.number}条`, title: node.term };
        break;
    }
    places.set(node.id, place);
  }
  return places;
}

/* -------------------------------------------------------------- per plan */

/** A part of the plan with the page its export file belongs to. */
interface AnchoredPart extends CitePart {
  /** The plan path of the page it is canonically on: `/7/1/`, `/indicators/`, `/targets/`. */
  page: string;
}

interface PlanCitations {
  plan: SitePlan;
  doc: CiteDocument;
  parts: Map<string, AnchoredPart>;
  references: Map<string, { gbt: string; inText: string }>;
}

const cache = new WeakMap<SitePlan, PlanCitations>();

function planCitations(plan: SitePlan): PlanCitations {
  let found = cache.get(plan);
  if (found) return found;
  const places = placesOf(plan.document);
  const paths = urlMap(plan.document);
  const parts = new Map<string, AnchoredPart>();
  for (const [id, path] of paths) {
    const place = places.get(id);
    if (!place) continue;
    parts.set(id, {
      id,
      ...place,
      url: absoluteUrl(plan.href(path)),
      page: path.replace(/#.*$/, ''),
    });
  }
  // A target is a sentence of a clause: cited at the clause's place, by its metric and figure,
  // at its row on /targets/.
  for (const t of plan.targets) {
    const place = places.get(t.node);
    if (!place) continue;
    parts.set(t.id, {
      id: t.id,
      place: place.place,
      title: `${t.metric}${t.figure}`,
      url: absoluteUrl(plan.href(targetUrl(t.id))),
      page: PLAN_PAGES.targets,
    });
  }
  found = { plan, doc: citeDocument(plan), parts, references: new Map() };
  cache.set(plan, found);
  return found;
}

/** The part of a plan with this ID (a node or a target). */
export function citePart(plan: SitePlan, id: string): CitePart {
  const part = planCitations(plan).parts.get(id);
  if (!part) throw new Error(`${plan.slug}: nothing citable has the ID ${id}`);
  return { id: part.id, place: part.place, title: part.title, url: part.url };
}

/** The GB/T 7714 reference and the in-text form of the document (`plan`) or a part. */
export function referenceFor(plan: SitePlan, id: string): { gbt: string; inText: string } {
  const c = planCitations(plan);
  let ref = c.references.get(id);
  if (!ref) {
    ref = referenceOf(c.doc, id === 'plan' ? undefined : citePart(plan, id), ACCESS_DATE);
    c.references.set(id, ref);
  }
  return ref;
}

/** Every format of the document, or of one part. */
export function citationFor(plan: SitePlan, id: string, accessed = ACCESS_DATE): Citation {
  const c = planCitations(plan);
  return citationOf(c.doc, id === 'plan' ? undefined : citePart(plan, id), accessed);
}

/* ---------------------------------------------------------- clause tools */

/** What a clause's tools carry (src/components/ClauseTools.astro, src/client/clause-tools.ts). */
export interface ClauseToolsModel {
  /** The absolute URL that 复制链接 copies. */
  url: string;
  /** GB/T 7714-2015 with the build date as access date: what 复制引用 copies. */
  reference: string;
  inText: string;
  /** The site URL of the export file holding its BibTeX, RIS and CSL-JSON. */
  exports: string;
  /** The downloads' file name without extension: `licang-14-7.1.1`. */
  file: string;
}

/**
 * The tools of whatever is anchored at `url` (a site URL) with this ID: `/licang-14/7/1/#7.1.1`
 * and `7.1.1`, `/licang-14/indicators/#T2.21` and `T2.21`, a page's own URL and its ID.
 */
export function clauseTools(url: string, id: string): ClauseToolsModel {
  const slug = slugOfUrl(url);
  if (!slug) throw new Error(`clause tools: ${url} is not a plan's URL`);
  const plan = loadSitePlan(slug);
  return toolsOf(plan, id);
}

/** The tools of the document (`plan`) or one part of a plan. */
export function toolsOf(plan: SitePlan, id: string): ClauseToolsModel {
  const c = planCitations(plan);
  const part = id === 'plan' ? undefined : c.parts.get(id);
  if (id !== 'plan' && !part) throw new Error(`${plan.slug}: nothing citable has the ID ${id}`);
  const ref = referenceFor(plan, id);
  return {
    url: part ? part.url : c.doc.url,
    reference: ref.gbt,
    inText: ref.inText,
    exports: plan.href(citeFilePath(citePageFile(part ? part.page : PLAN_PAGES.home))),
    file: id === 'plan' ? plan.slug : `${plan.slug}-${id}`,
  };
}

/* ----------------------------------------------------------- export files */

/** One part's exports in a page's export file. */
export interface ExportEntry {
  bibtex: string;
  ris: string;
  csl: CslItem;
}

/** A page's export file: every part anchored on the page, with the build date as access date. */
export interface PageExports {
  plan: string;
  accessed: string;
  items: Record<string, ExportEntry>;
}

/** The export files of a plan, by file name under its /cite/: `pages/7.1.json`, `pages/home.json`. */
export function pageExportFiles(plan: SitePlan): Map<string, string[]> {
  const files = new Map<string, string[]>([[citePageFile(PLAN_PAGES.home), ['plan']]]);
  for (const part of planCitations(plan).parts.values()) {
    const file = citePageFile(part.page);
    const ids = files.get(file) ?? [];
    if (!files.has(file)) files.set(file, ids);
    ids.push(part.id);
  }
  return files;
}

/** The contents of one page's export file. */
export function pageExports(plan: SitePlan, ids: string[]): PageExports {
  const items: Record<string, ExportEntry> = {};
  for (const id of ids) {
    const c = planCitations(plan);
    items[id] = exportsOf(c.doc, id === 'plan' ? undefined : citePart(plan, id), ACCESS_DATE);
  }
  return { plan: plan.slug, accessed: ACCESS_DATE, items };
}

/** CSL-JSON as the downloads write it: an array (what Zotero imports), two-space indented. */
export const cslJson = (item: CslItem): string => cslText([item]);

/** The document's downloads, by file name under the plan's /cite/. */
export function documentFiles(plan: SitePlan): { name: string; format: string; text: string }[] {
  const c = citationFor(plan, 'plan');
  return [
    { name: `${plan.slug}.bib`, format: 'BibTeX', text: c.bibtex },
    { name: `${plan.slug}.ris`, format: 'RIS', text: c.ris },
    { name: `${plan.slug}.json`, format: 'CSL-JSON', text: cslJson(c.csl) },
  ];
}

/* -------------------------------------------------------------- /cite/ */

export interface CiteModel {
  /** The document's tools: its reference, in-text form and exports. */
  document: ClauseToolsModel;
  facts: { label: string; value: string }[];
  /** The downloads of the document's reference. */
  downloads: { href: string; name: string; format: string }[];
  /** A worked example: the plan's first measure (or another clause). */
  example: { id: string; tools: ClauseToolsModel; place: string };
  /** The access date the page and files carry (the build date). */
  accessed: string;
  /** How the reference reads for a plan without a 文号, or with only a year or a month. */
  notes: string[];
}

/**
 * The example on /cite/: the first measure of the plan proper (not of the review, the outlook or
 * the goals), else its first measure, else its first clause of any kind.
 */
function exampleNode(plan: SitePlan): PlanNode {
  const nodes = [...plan.nodes.values()];
  return (
    nodes.find((n) => n.kind === 'measure' && !n.scope) ??
    nodes.find((n) => n.kind === 'measure') ??
    nodes.find((n) => n.kind === 'paragraph' || n.kind === 'boxItem') ??
    plan.document
  );
}

export function citeModel(plan: SitePlan, exampleId?: string): CiteModel {
  const node = exampleId ? plan.nodes.get(exampleId) : exampleNode(plan);
  if (!node) throw new Error(`${plan.slug}: no node ${exampleId}`);
  const { meta } = plan;
  const facts = [{ label: '制发机关（责任者）', value: meta.issuer }];
  facts.push({ label: '文号', value: meta.documentNumber ?? '无（文本未载文号，引用中从略）' });
  facts.push({ label: '成文日期', value: meta.date });
  const notes: string[] = [];
  if (!meta.documentNumber)
    notes.push('本规划文本未载文号，参考文献在题名后直接接文献类型标识 [Z/OL]。');
  if (meta.date.length < 10)
    notes.push(
      `文本只写明${meta.date.length === 4 ? '年份' : '年月'}，参考文献的日期按原文写作 (${meta.date})，不补写月日。`,
    );
  return {
    document: toolsOf(plan, 'plan'),
    facts,
    downloads: documentFiles(plan).map((f) => ({
      href: plan.href(citeFilePath(f.name)),
      name: f.name,
      format: f.format,
    })),
    example: {
      id: node.id,
      tools: toolsOf(plan, node.id),
      place: citePart(plan, node.id).place,
    },
    accessed: ACCESS_DATE,
    notes,
  };
}
