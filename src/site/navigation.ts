import type { DocumentNode, HeadingNode, PlanNode, PrefaceNode } from '../model/types.ts';
import { walk } from '../model/tree.ts';
import { pageOf, urlOf } from '../model/urls.ts';

/**
 * Navigation view models: the reading order, the table of contents (目录),
 * breadcrumbs and previous/next links. All computed from the plan tree with
 * the shared URL scheme in `src/model/urls.ts`.
 */

/** A page that holds plan text: the preface, a chapter's opening text, or a section (节). */
export interface ReadingPage {
  kind: 'preface' | 'chapter' | 'section';
  id: string;
  path: string;
  /** As printed: 第七章, 第一节; 前言 for the preface. */
  label: string;
  title: string;
  node: PrefaceNode | HeadingNode;
  /** The chapter a section belongs to (the chapter itself for a chapter page). */
  chapter?: HeadingNode;
}

export interface PageLink {
  href: string;
  label: string;
  title: string;
}

/** Every reading page in document order: 前言, 第一章, 第一章第一节, …, 第十一章第三节. */
export function readingPages(document: DocumentNode): ReadingPage[] {
  const pages: ReadingPage[] = [];
  for (const child of document.children) {
    if (child.kind === 'preface') {
      pages.push({
        kind: 'preface',
        id: child.id,
        path: pageOf(child, [document]),
        label: '前言',
        title: child.title,
        node: child,
      });
    } else if (child.kind === 'chapter') {
      const chapterPage = {
        kind: 'chapter',
        id: child.id,
        path: pageOf(child, [document]),
        label: child.label,
        title: child.title,
        node: child,
        chapter: child,
      } as const;
      pages.push(chapterPage);
      for (const section of child.children) {
        if (section.kind !== 'section') continue;
        pages.push({
          kind: 'section',
          id: section.id,
          path: pageOf(section, [document, child]),
          label: section.label,
          title: section.title,
          node: section,
          chapter: child,
        });
      }
    }
  }
  return pages;
}

export function findPage(document: DocumentNode, path: string): ReadingPage {
  const page = readingPages(document).find((p) => p.path === path);
  if (!page) throw new Error(`no reading page at ${path}`);
  return page;
}

/** The reading pages before and after this one, in document order. */
export function prevNext(
  document: DocumentNode,
  path: string,
): { prev?: PageLink; next?: PageLink } {
  const pages = readingPages(document);
  const at = pages.findIndex((p) => p.path === path);
  if (at === -1) throw new Error(`no reading page at ${path}`);
  const link = (p: ReadingPage | undefined): PageLink | undefined =>
    p && {
      href: p.path,
      label: p.kind === 'section' ? `${p.chapter!.label}${p.label}` : p.label,
      title: p.title,
    };
  const result: { prev?: PageLink; next?: PageLink } = {};
  const prev = link(pages[at - 1]);
  const next = link(pages[at + 1]);
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}

export interface TocItem extends PageLink {
  /** This is the page being shown: rendered with aria-current="page". */
  current: boolean;
}

export interface TocChapter extends TocItem {
  /** The current page is this chapter or one of its sections. */
  open: boolean;
  sections: TocItem[];
}

export interface TocModel {
  preface?: TocItem;
  chapters: TocChapter[];
  /** Pages outside the plan's own 目录: indicators, targets, entities, downloads, how to cite. */
  extras: TocItem[];
}

export const EXTRA_PAGES: PageLink[] = [
  { href: '/indicators/', label: '指标', title: '主要指标（表1、表2）' },
  { href: '/targets/', label: '目标', title: '量化目标' },
  { href: '/entities/', label: '实体', title: '名称索引（机构、地点、项目等）' },
  { href: '/downloads/', label: '下载', title: '数据下载' },
  { href: '/cite/', label: '引用', title: '如何引用' },
];

/**
 * How the header marks an extra page: `page` on the page itself, `true` on a
 * page under it (/entities/<id>/, /targets/by-metric/), else nothing.
 */
export function navCurrent(href: string, path: string): 'page' | 'true' | undefined {
  if (path === href) return 'page';
  return href !== '/' && path.startsWith(href) ? 'true' : undefined;
}

/** The table of contents for a page; `currentPath` marks where the reader is. */
export function toc(document: DocumentNode, currentPath: string): TocModel {
  const item = (p: ReadingPage): TocItem => ({
    href: p.path,
    label: p.label,
    title: p.title,
    current: p.path === currentPath,
  });
  const model: TocModel = {
    chapters: [],
    extras: EXTRA_PAGES.map((e) => ({ ...e, current: e.href === currentPath })),
  };
  let chapter: TocChapter | undefined;
  for (const page of readingPages(document)) {
    if (page.kind === 'preface') model.preface = item(page);
    else if (page.kind === 'chapter') {
      chapter = { ...item(page), open: page.path === currentPath, sections: [] };
      model.chapters.push(chapter);
    } else if (chapter) {
      const section = item(page);
      chapter.sections.push(section);
      if (section.current) chapter.open = true;
    }
  }
  return model;
}

export interface Crumb {
  href: string;
  /** Short text: 第七章, 第一节, or a measure's title. */
  label: string;
  /** Heading title shown with the label where there is room (empty for measures and the like). */
  title: string;
}

/** Where a node sits: 首页 › 第七章 › 第一节 › 推进“山水园圈”工程. The last crumb is the node itself. */
export function breadcrumbs(document: DocumentNode, id: string): Crumb[] {
  for (const { node, parents } of walk(document)) {
    if (node.id !== id) continue;
    const chain = [...parents, node];
    return chain.map((n, i) => crumbOf(n, chain.slice(0, i)));
  }
  throw new Error(`no node ${id}`);
}

function crumbOf(node: PlanNode, parents: PlanNode[]): Crumb {
  const href = urlOf(node, parents);
  switch (node.kind) {
    case 'document':
      return { href, label: '首页', title: '' };
    case 'chapter':
    case 'section':
    case 'subpart':
      return { href, label: node.label, title: node.title };
    case 'box':
      return { href, label: node.label, title: node.title };
    case 'table':
      return { href, label: `表${node.number}`, title: node.title };
    default:
      return { href, label: node.title, title: '' };
  }
}

/** Where a node is, without the plan's title: 《纲要》第七章第一节“推进‘山水园圈’工程” → 第七章第一节“推进‘山水园圈’工程”. */
export function shortCitation(node: PlanNode): string {
  return node.citation.replace(/^《[^》]*》/, '') || node.title;
}
