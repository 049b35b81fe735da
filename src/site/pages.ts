import type { DocumentMetadata, DocumentNode, PlanNode } from '../model/types.ts';
import { indexById } from '../model/tree.ts';
import { urlMap } from '../model/urls.ts';
import { readingAnnotations, type Annotations } from './annotations.ts';
import { blocksOf, type Block } from './blocks.ts';
import {
  breadcrumbs,
  findPage,
  prevNext,
  readingPages,
  type Crumb,
  type PageLink,
} from './navigation.ts';

/**
 * One view model per route. Pages render these; the computing happens here
 * so it can be tested against the real plan.
 */

/** Short name used in the header and in page titles. */
export const SITE_NAME = '李沧区“十四五”规划纲要';

/** `<title>`: most specific first, then the site. */
export function pageTitle(...parts: string[]): string {
  return [...parts.filter(Boolean), SITE_NAME].join(' · ');
}

/** 2021-03-31 → 2021年3月31日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export interface HomeModel {
  metadata: DocumentMetadata;
  /** Labelled metadata rows, in the order a reader looks for them. */
  facts: { label: string; value: string }[];
  /** The 印发 notice that accompanies the plan: its title and paragraphs as printed. */
  notice: { title: string; paragraphs: string[] };
  preface?: PageLink;
  chapters: (PageLink & { sections: PageLink[] })[];
  entries: (PageLink & { description: string })[];
}

export function homeModel(document: DocumentNode): HomeModel {
  const m = document.metadata!; // the portal header table: every page of the first plan has one (the site moves to PlanFile.meta next)
  const model: HomeModel = {
    metadata: m,
    facts: [
      { label: '制发机关', value: m.issuer },
      { label: '文号', value: m.documentNumber },
      { label: '成文日期', value: chineseDate(m.date) },
      { label: '政策咨询', value: `${m.consultingDepartment}（${m.consultingPhone}）` },
    ],
    notice: { title: m.noticeTitle, paragraphs: document.notice },
    chapters: [],
    entries: [
      {
        href: '/indicators/',
        label: '主要指标',
        title: '表1、表2',
        description: '“十三五”完成情况与“十四五”主要指标，逐项可引用。',
      },
      {
        href: '/targets/',
        label: '量化目标',
        title: '按章节 · 按事项',
        description: '正文中写明数值的目标，链接到条款和指标。',
      },
      {
        href: '/entities/',
        label: '名称索引',
        title: '机构 · 地点 · 项目',
        description: '正文提到的名称，各列出所在的全部条款。',
      },
      {
        href: '/downloads/',
        label: '数据下载',
        title: 'JSON · CSV · Markdown',
        description: '结构数据、指标、目标、名称索引和整理后的全文。',
      },
      {
        href: '/cite/',
        label: '如何引用',
        title: 'GB/T 7714-2015',
        description: '整篇文件与具体条款的引用格式。',
      },
    ],
  };
  for (const page of readingPages(document)) {
    const link = { href: page.path, label: page.label, title: page.title };
    if (page.kind === 'preface') model.preface = link;
    else if (page.kind === 'chapter') model.chapters.push({ ...link, sections: [] });
    else model.chapters.at(-1)?.sections.push(link);
  }
  return model;
}

export interface ReadingModel {
  kind: 'preface' | 'chapter' | 'section';
  id: string;
  path: string;
  title: string;
  /** h1 content: label (第一节) and title. */
  heading: { label: string; title: string };
  /** The chapter a section belongs to, shown above its heading. */
  chapter?: PageLink;
  crumbs: Crumb[];
  prev?: PageLink;
  next?: PageLink;
  blocks: Block[];
  /** On a chapter page: its sections, which have their own pages. */
  sections: PageLink[];
  /** The page's own citation, printed with it. */
  citation: string;
}

/**
 * A reading page. `ann` links entity mentions and adds the links under each
 * clause; by default from `.generated/entities.json` and `targets.json`.
 */
export function readingModel(
  document: DocumentNode,
  path: string,
  ann: Annotations = readingAnnotations(document),
): ReadingModel {
  const page = findPage(document, path);
  const urls = urlMap(document);
  const node = page.node;
  const model: ReadingModel = {
    kind: page.kind,
    id: page.id,
    path: page.path,
    title:
      page.kind === 'section'
        ? pageTitle(`${page.chapter!.label}${page.label} ${page.title}`)
        : pageTitle(page.kind === 'chapter' ? `${page.label} ${page.title}` : page.title),
    heading: { label: page.kind === 'preface' ? '' : page.label, title: page.title },
    crumbs: breadcrumbs(document, page.id),
    ...prevNext(document, path),
    blocks: blocksOf(node.children, urls, 2, ann),
    sections: node.children
      .filter((c) => c.kind === 'section')
      .map((s) => ({
        href: urls.get(s.id)!,
        label: ('label' in s ? s.label : '') ?? '',
        title: s.title,
      })),
    citation: node.citation,
  };
  if (page.kind === 'section' && page.chapter) {
    model.chapter = {
      href: urls.get(page.chapter.id)!,
      label: page.chapter.label,
      title: page.chapter.title,
    };
  }
  return model;
}

/** GB/T 7714-2015 reference for the whole document: 责任者. 题名[Z]. 日期. URL. */
export function documentReference(metadata: DocumentMetadata, url: string): string {
  return `${metadata.issuer}. ${metadata.title}[Z]. ${metadata.date}. ${url}`;
}

/** A clause citation as the clause tools copy it: the node's citation, a space, its absolute URL. */
export function clauseCitation(citation: string, absoluteUrl: string): string {
  return `${citation} ${absoluteUrl}`;
}

export interface CiteModel {
  metadata: DocumentMetadata;
  /** The reference with the site root left for the page to fill in (build-time `site` or the browser's origin). */
  referencePrefix: string;
  example: { citation: string; path: string; text: string };
}

export function citeModel(document: DocumentNode, exampleId = '7.1.1'): CiteModel {
  const node: PlanNode | undefined = indexById(document).get(exampleId);
  if (!node) throw new Error(`no node ${exampleId}`);
  const path = urlMap(document).get(exampleId)!;
  return {
    metadata: document.metadata!,
    referencePrefix: documentReference(document.metadata!, '').trimEnd(),
    example: { citation: node.citation, path, text: node.title },
  };
}

export interface Download {
  href: string;
  name: string;
  format: string;
  description: string;
}

export const DOWNLOADS: Download[] = [
  {
    href: '/data/plan.json',
    name: 'plan.json',
    format: 'JSON',
    description:
      '全文结构数据：章、节、条款、专栏、表格和指标，每个节点带编号、引用格式和原文行号。',
  },
  {
    href: '/data/indicators.csv',
    name: 'indicators.csv',
    format: 'CSV（UTF-8，带 BOM，可直接用 Excel 打开）',
    description: '表1、表2 的全部指标，一行一个数值，附市级、累计、约数等标记。',
  },
  {
    href: '/data/plan.md',
    name: 'plan.md',
    format: 'Markdown',
    description: '整理后的全文：修正了转换造成的断行、空格和标点，保留原文结构。',
  },
  {
    href: '/data/targets.csv',
    name: 'targets.csv',
    format: 'CSV（UTF-8，带 BOM，可直接用 Excel 打开）',
    description: '量化目标：正文中写明数值的目标，一行一项，附所在条款、期限和对应的表2指标。',
  },
  {
    href: '/data/targets.json',
    name: 'targets.json',
    format: 'JSON',
    description: '量化目标（同上），另附所在句子及其在条文中的位置。',
  },
  {
    href: '/data/entities.json',
    name: 'entities.json',
    format: 'JSON',
    description:
      '名称索引：机构、地点、项目、产业、政策用语和指标，每个名称附别名和在正文中的每一处位置。',
  },
];
