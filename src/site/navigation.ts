import type { PlanNode } from '../model/types.ts';
import { walk } from '../model/tree.ts';
import { PAGE_KINDS, PLAN_PAGES, pageOf } from '../model/urls.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * Navigation view models: the reading order, the table of contents (目录), breadcrumbs and
 * previous/next links, for any plan's tree (parts 篇, chapters, sections, the glossary,
 * appendices), with the URL scheme of src/model/urls.ts.
 */

/** The kinds of node that have a reading page (src/model/urls.ts PAGE_KINDS). */
export type ReadingKind = 'preface' | 'part' | 'chapter' | 'section' | 'glossary' | 'appendix';

/** A page that holds plan text. */
export interface ReadingPage {
  kind: ReadingKind;
  id: string;
  /** Site URL. */
  path: string;
  /** As printed: 第七章, 第一节, 第二篇, 附录1; the title for the preface and the glossary. */
  label: string;
  title: string;
  node: PlanNode;
  /** The reading pages above this one, outermost first (its part, its chapter). */
  ancestors: ReadingPage[];
  /** The chapter a section belongs to (the chapter itself for a chapter page). */
  chapter?: ReadingPage;
}

export interface PageLink {
  href: string;
  label: string;
  title: string;
}

function labelOf(node: PlanNode): string {
  return 'label' in node && typeof node.label === 'string' && node.kind !== 'box'
    ? node.label
    : node.title;
}

const pagesCache = new WeakMap<SitePlan, ReadingPage[]>();

/** Every reading page in document order: 前言, 第一篇, 第一章, 第一章第一节, …, 名词解释, 附录. */
export function readingPages(plan: SitePlan): ReadingPage[] {
  let pages = pagesCache.get(plan);
  if (pages) return pages;
  pages = [];
  const byId = new Map<string, ReadingPage>();
  for (const { node, parents } of walk(plan.document)) {
    if (!PAGE_KINDS.has(node.kind)) continue;
    const ancestors = parents.flatMap((p) => byId.get(p.id) ?? []);
    const page: ReadingPage = {
      kind: node.kind as ReadingKind,
      id: node.id,
      path: plan.href(pageOf(node, parents)),
      label: labelOf(node),
      title: node.title,
      node,
      ancestors,
    };
    const chapter = [...ancestors, page].findLast((p) => p.kind === 'chapter');
    if (chapter) page.chapter = chapter;
    byId.set(node.id, page);
    pages.push(page);
  }
  pagesCache.set(plan, pages);
  return pages;
}

/** The label of a page in a list of all pages: 第七章第一节 for a section, else its own label. */
export function fullLabel(page: ReadingPage): string {
  return page.kind === 'section' && page.chapter
    ? `${page.chapter.label}${page.label}`
    : page.label;
}

export function findPage(plan: SitePlan, path: string): ReadingPage {
  const page = readingPages(plan).find((p) => p.path === path);
  if (!page) throw new Error(`${plan.slug}: no reading page at ${path}`);
  return page;
}

/** The reading pages before and after this one, in document order. */
export function prevNext(plan: SitePlan, path: string): { prev?: PageLink; next?: PageLink } {
  const pages = readingPages(plan);
  const at = pages.findIndex((p) => p.path === path);
  if (at === -1) throw new Error(`${plan.slug}: no reading page at ${path}`);
  const link = (p: ReadingPage | undefined): PageLink | undefined =>
    p && { href: p.path, label: p.label === p.title ? '' : fullLabel(p), title: p.title };
  const result: { prev?: PageLink; next?: PageLink } = {};
  const prev = link(pages[at - 1]);
  const next = link(pages[at + 1]);
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}

const childrenCache = new WeakMap<SitePlan, Map<ReadingPage | undefined, ReadingPage[]>>();

/** The reading pages directly below a page (a part's chapters, a chapter's sections), or the top level. */
export function childPages(plan: SitePlan, page: ReadingPage | undefined): ReadingPage[] {
  let children = childrenCache.get(plan);
  if (!children) {
    children = new Map();
    for (const p of readingPages(plan)) {
      const parent = p.ancestors.at(-1);
      const list = children.get(parent);
      if (list) list.push(p);
      else children.set(parent, [p]);
    }
    childrenCache.set(plan, children);
  }
  return children.get(page) ?? [];
}

export interface TocItem extends PageLink {
  /** This is the page being shown: rendered with aria-current="page". */
  current: boolean;
}

export interface TocEntry extends TocItem {
  kind: ReadingKind;
  /** The current page is this one or below it: its children are listed. */
  open: boolean;
  /** The pages below it, listed only when it is open (the plan home lists everything). */
  children: TocEntry[];
}

export interface TocModel {
  /** The plan's own 目录: preface, parts or chapters, glossary, appendices, nested. */
  entries: TocEntry[];
  /** Pages outside the plan's own 目录: indicators, targets, entities, downloads, how to cite. */
  extras: TocItem[];
}

/** The pages beside the plan text, as plan paths, in the order of the header's nav. */
export const EXTRA_PAGES: PageLink[] = [
  { href: PLAN_PAGES.indicators, label: '指标', title: '主要指标' },
  { href: PLAN_PAGES.targets, label: '目标', title: '量化目标' },
  { href: PLAN_PAGES.entities, label: '实体', title: '名称索引（机构、地点、项目等）' },
  { href: PLAN_PAGES.downloads, label: '下载', title: '数据下载' },
  { href: PLAN_PAGES.cite, label: '引用', title: '如何引用' },
];

/** The extra pages of a plan, as site URLs. */
export const extraPages = (plan: SitePlan): PageLink[] =>
  EXTRA_PAGES.map((e) => ({ ...e, href: plan.href(e.href) }));

/**
 * How the header marks an extra page: `page` on the page itself, `true` on a page under it
 * (/entities/<id>/, /targets/by-metric/), else nothing.
 */
export function navCurrent(href: string, path: string): 'page' | 'true' | undefined {
  if (path === href) return 'page';
  return path.startsWith(href) ? 'true' : undefined;
}

/**
 * The table of contents for a page; `currentPath` marks where the reader is. The top level is
 * always listed; below it only the pages on the way to the current one (a part's chapters, a
 * chapter's sections), so a plan of 65 chapters keeps a short 目录 on every page. The plan home
 * lists everything (`all`).
 */
export function toc(plan: SitePlan, currentPath: string, all = false): TocModel {
  const pages = readingPages(plan);
  const current = pages.find((p) => p.path === currentPath);
  const onPath = new Set(current ? [...current.ancestors, current] : []);
  const entry = (page: ReadingPage): TocEntry => {
    const open = onPath.has(page);
    return {
      kind: page.kind,
      href: page.path,
      label: page.label,
      title: page.title,
      current: page === current,
      open,
      children: open || all ? childPages(plan, page).map(entry) : [],
    };
  };
  return {
    entries: childPages(plan, undefined).map(entry),
    extras: extraPages(plan).map((e) => ({ ...e, current: e.href === currentPath })),
  };
}

export interface Crumb {
  href: string;
  /** Short text: the plan's short name, 第七章, 第一节, or a measure's title. */
  label: string;
  /** Heading title shown with the label where there is room (empty for measures and the like). */
  title: string;
}

/** The first crumb of every page of a plan: its short name, linking to its home. */
export const planCrumb = (plan: SitePlan): Crumb => ({
  href: plan.href(PLAN_PAGES.home),
  label: plan.meta.shortName,
  title: '',
});

/**
 * Where a node sits: 李沧区“十四五”规划纲要 › 第七章 › 第一节 › 推进“山水园圈”工程. The last crumb is
 * the node itself.
 */
export function breadcrumbs(plan: SitePlan, id: string): Crumb[] {
  for (const { node, parents } of walk(plan.document)) {
    if (node.id !== id) continue;
    const chain = [...parents, node];
    // A 专栏's table is named by the 专栏: one crumb for both.
    return chain
      .filter((n, i) => !(n.kind === 'table' && chain[i - 1]?.kind === 'box'))
      .map((n) => (n.kind === 'document' ? planCrumb(plan) : crumbOf(plan, n)));
  }
  throw new Error(`${plan.slug}: no node ${id}`);
}

function crumbOf(plan: SitePlan, node: PlanNode): Crumb {
  const href = plan.urls.get(node.id)!;
  switch (node.kind) {
    case 'part':
    case 'chapter':
    case 'section':
    case 'subpart':
    case 'box':
    case 'table':
    case 'appendix':
      return { href, label: node.label, title: node.title };
    default:
      return { href, label: node.title, title: '' };
  }
}

/** Where a node is, without the plan's title: 《纲要》第七章第一节“推进‘山水园圈’工程” → 第七章第一节“推进‘山水园圈’工程”. */
export function shortCitation(node: PlanNode): string {
  return node.citation.replace(/^《[^》]*》/, '') || node.title;
}
