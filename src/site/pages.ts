import type { PlanMeta } from '../model/plan-meta.ts';
import type { PlanNode } from '../model/types.ts';
import { DATA_FILES, dataPath, PLAN_PAGES, type DataFileName } from '../model/urls.ts';
import { readingAnnotations, type Annotations, type TextPart } from './annotations.ts';
import { blocksOf, type Block } from './blocks.ts';
import { indicatorTables } from './indicators.ts';
import {
  breadcrumbs,
  childPages,
  findPage,
  fullLabel,
  prevNext,
  readingPages,
  toc,
  type Crumb,
  type PageLink,
  type ReadingKind,
  type TocEntry,
} from './navigation.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * One view model per route. Pages render these; the computing happens here so it can be tested
 * against the real plans and small fixtures.
 */

/** The site's name, for pages that belong to no plan (the corpus home, search, 404). */
export const SITE_NAME = '规划纲要知识库';

/** `<title>` of a plan's page: most specific first, then the plan's short name. */
export function pageTitle(plan: SitePlan, ...parts: string[]): string {
  return [...parts.filter(Boolean), plan.meta.shortName].join(' · ');
}

/** `<title>` of a page outside every plan. */
export function siteTitle(...parts: string[]): string {
  return [...parts.filter(Boolean), SITE_NAME].join(' · ');
}

/** 2021-03-31 → 2021年3月31日; 2026-04 → 2026年4月; 2026 → 2026年. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}${m[3] ? `${Number(m[3])}日` : ''}`;
}

/** 2021–2025年, with the long-range horizon when the plan sets one: 2021–2025年（远景至2035年）. */
export function periodText(meta: PlanMeta): string {
  const period = `${meta.period.start}—${meta.period.end}年`;
  return meta.horizon ? `${period}（远景目标至${meta.horizon}年）` : period;
}

export interface Fact {
  label: string;
  value: string;
  /** A link for the value (the source's address). */
  href?: string;
}

/** The plan's facts, from its metadata file (PlanMeta), in the order a reader looks for them. */
export function planFacts(meta: PlanMeta): Fact[] {
  const facts: Fact[] = [{ label: '制发机关', value: meta.issuer }];
  if (meta.documentNumber) facts.push({ label: '文号', value: meta.documentNumber });
  facts.push(
    { label: '成文日期', value: chineseDate(meta.date) },
    { label: '规划期', value: periodText(meta) },
    { label: '地区', value: `${meta.region}（${meta.level}级）` },
    { label: '文本来源', value: meta.sourceUrl, href: meta.sourceUrl },
  );
  return facts;
}

export interface ContentsEntry extends PageLink {
  kind: ReadingKind;
  children: ContentsEntry[];
}

export interface HomeModel {
  meta: PlanMeta;
  title: string;
  facts: Fact[];
  /** The 印发 notice that accompanies the plan, as printed; empty when the text has none. */
  notice: string[];
  /** The plan's own 目录 in full: preface, parts, chapters, sections, glossary, appendices. */
  contents: ContentsEntry[];
  entries: (PageLink & { description: string })[];
}

function contentsOf(entries: TocEntry[]): ContentsEntry[] {
  return entries.map((e) => ({
    kind: e.kind,
    href: e.href,
    label: e.label,
    title: e.title,
    children: contentsOf(e.children),
  }));
}

/** The labels of the plan's indicator tables: 表1、表2. */
function tableLabels(plan: SitePlan): string {
  return indicatorTables(plan)
    .map((t) => t.label)
    .join('、');
}

/** The plan home: facts, notice, the pages beside the text and the full 目录. */
export function homeModel(plan: SitePlan): HomeModel {
  const tables = tableLabels(plan);
  const entries: HomeModel['entries'] = [
    {
      href: plan.href(PLAN_PAGES.indicators),
      label: '主要指标',
      title: tables || '指标表',
      description: '规划的指标表，逐项可链接、可引用，附相关措施。',
    },
    {
      href: plan.href(PLAN_PAGES.targets),
      label: '量化目标',
      title: '按章节 · 按事项',
      description: '正文中写明数值的目标，链接到条款和指标。',
    },
    {
      href: plan.href(PLAN_PAGES.entities),
      label: '名称索引',
      title: '机构 · 地点 · 项目',
      description: '正文提到的名称，各列出所在的全部条款。',
    },
  ];
  if (plan.glossary) {
    entries.push({
      href: plan.urls.get(plan.glossary.id)!,
      label: plan.glossary.title,
      title: `${plan.terms.size} 条`,
      description: '规划所附的名词解释，正文中的上标编号链接到这里。',
    });
  }
  entries.push(
    {
      href: plan.href(PLAN_PAGES.downloads),
      label: '数据下载',
      title: 'JSON · CSV · Markdown',
      description: '结构数据、指标、目标、名称索引和整理后的全文。',
    },
    {
      href: plan.href(PLAN_PAGES.cite),
      label: '如何引用',
      title: 'GB/T 7714-2015',
      description: '整篇文件与具体条款的引用格式。',
    },
  );
  return {
    meta: plan.meta,
    title: plan.meta.title,
    facts: planFacts(plan.meta),
    notice: plan.document.notice,
    contents: contentsOf(toc(plan, plan.href(PLAN_PAGES.home), true).entries),
    entries,
  };
}

export interface ReadingModel {
  kind: ReadingKind;
  id: string;
  path: string;
  title: string;
  /** h1 content: label (第一节) and title (with its glossary references). */
  heading: { label: string; title: string; titleParts: TextPart[] };
  /** The page above: the chapter of a section, the part of a chapter; shown above the heading. */
  parent?: PageLink;
  /** The chapter a section belongs to. */
  chapter?: PageLink;
  crumbs: Crumb[];
  prev?: PageLink;
  next?: PageLink;
  blocks: Block[];
  /** The pages below this one, which have their own pages: a chapter's sections, a part's chapters. */
  children: PageLink[];
  /** The heading of that list: 本章各节, 本篇各章. */
  childrenHeading: string;
  /** The page's own citation, printed with it. */
  citation: string;
}

const CHILDREN_HEADINGS: Partial<Record<ReadingKind, string>> = {
  part: '本篇各章',
  chapter: '本章各节',
  section: '本节各部分',
};

/**
 * A reading page. `ann` links entity mentions, puts back glossary references and adds the links
 * under each clause; by default from the plan's entities.json and targets.json.
 */
export function readingModel(
  plan: SitePlan,
  path: string,
  ann: Annotations = readingAnnotations(plan),
): ReadingModel {
  const page = findPage(plan, path);
  const node: PlanNode = page.node;
  const parent = page.ancestors.at(-1);
  const withTitle =
    page.kind === 'preface' || page.kind === 'glossary'
      ? page.title
      : `${fullLabel(page)} ${page.title}`;
  const model: ReadingModel = {
    kind: page.kind,
    id: page.id,
    path: page.path,
    title: pageTitle(plan, withTitle),
    heading: {
      label: page.label === page.title ? '' : page.label,
      title: page.title,
      titleParts: ann.title(node),
    },
    crumbs: breadcrumbs(plan, page.id),
    ...prevNext(plan, path),
    blocks: blocksOf(node.children, plan, 2, ann),
    children: childPages(plan, page).map((p) => ({ href: p.path, label: p.label, title: p.title })),
    childrenHeading: CHILDREN_HEADINGS[page.kind] ?? '本部分各页',
    citation: node.citation,
  };
  if (parent) model.parent = { href: parent.path, label: parent.label, title: parent.title };
  if (page.kind === 'section' && page.chapter) {
    model.chapter = {
      href: page.chapter.path,
      label: page.chapter.label,
      title: page.chapter.title,
    };
  }
  return model;
}

/** Every reading page's site URL, for getStaticPaths: `/licang-14/7/1/` → `7/1`. */
export function readingRoutes(plan: SitePlan): { page: string; path: string }[] {
  const home = plan.href(PLAN_PAGES.home);
  return readingPages(plan).map((p) => ({
    page: p.path.slice(home.length).replace(/\/$/, ''),
    path: p.path,
  }));
}

export interface Download {
  name: DataFileName;
  format: string;
  description: string;
}

const CSV_FORMAT = 'CSV（UTF-8，带 BOM，可直接用 Excel 打开）';

/** The plan's data files, in the order the downloads page lists them (DATA_FILES). */
export const DOWNLOADS: Download[] = [
  {
    name: 'plan.json',
    format: 'JSON',
    description:
      '全文结构数据：篇、章、节、条款、专栏、表格和指标，每个节点带编号、引用格式、本站网址和原文行号，另附规划的元数据和数据版本。',
  },
  {
    name: 'indicators.csv',
    format: CSV_FORMAT,
    description: '指标表的全部指标，一行一个数值，附市级、累计、约数等标记和本站网址。',
  },
  {
    name: 'plan.md',
    format: 'Markdown',
    description:
      '整理后的全文：修正了转换造成的断行、空格和标点，保留原文结构；每个条款前的锚点即其在本站的编号。',
  },
  {
    name: 'targets.csv',
    format: CSV_FORMAT,
    description: '量化目标：正文中写明数值的目标，一行一项，附所在条款、期限和对应的指标。',
  },
  {
    name: 'targets.json',
    format: 'JSON',
    description: '量化目标（同上），另附所在句子及其在条文中的位置。',
  },
  {
    name: 'entities.json',
    format: 'JSON',
    description:
      '名称索引：机构、园区、设施、地点、项目、产品、活动、产业、政策用语和指标，每个名称附类型、本站网址、别名和在正文中的每一处位置。',
  },
];

if (DOWNLOADS.map((d) => d.name).join() !== DATA_FILES.join())
  throw new Error('DOWNLOADS must list DATA_FILES in order');

/** A plan's downloads with their site URLs. */
export function downloadsOf(plan: SitePlan): (Download & { href: string })[] {
  return DOWNLOADS.map((d) => ({ ...d, href: plan.href(dataPath(d.name)) }));
}
