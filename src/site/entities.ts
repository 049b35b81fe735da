import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexById, walk } from '../model/tree.ts';
import type {
  DocumentNode,
  Entity,
  EntityIndex,
  EntityType,
  MentionField,
  PlanNode,
  Target,
  TargetComparator,
  TargetFile,
} from '../model/types.ts';
import { urlMap } from '../model/urls.ts';
import { TYPE_LABELS, TYPE_ORDER } from '../model/entity-labels.ts';

/**
 * View models for the entity pages (/entities/, /entities/<id>/) and the
 * targets pages (/targets/, /targets/by-metric/), built from
 * .generated/entities.json and .generated/targets.json (docs/entities.md).
 */

export const ENTITIES_PATH = '.generated/entities.json';
export const TARGETS_PATH = '.generated/targets.json';

/** Read from the working directory, like plan.json (src/site/load-artifacts.ts). */
export const entitiesPath = (): string => resolve(process.cwd(), ENTITIES_PATH);
export const targetsPath = (): string => resolve(process.cwd(), TARGETS_PATH);

/**
 * Read a generated file. A missing file (the pipeline has not been wired to
 * write it yet) gives `empty` and one warning, so the rest of the site still
 * builds; the browser tests fail on the empty pages. A file that exists but
 * does not parse is an error.
 */
function readJson<T>(path: string, what: string, empty: T): T {
  if (!existsSync(path)) {
    console.warn(
      `[entities] ${path} is missing: the ${what} pages are empty. ` +
        'Write it with entityFiles (scripts/pipeline/entities-build.ts) in scripts/build.ts.',
    );
    return empty;
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

let entitiesCache: EntityIndex | undefined;
let targetsCache: TargetFile | undefined;

const NO_COUNTS: Record<EntityType, number> = {
  organization: 0,
  place: 0,
  project: 0,
  industry: 0,
  policy: 0,
  indicator: 0,
};

export function loadEntities(): EntityIndex {
  entitiesCache ??= readJson<EntityIndex>(entitiesPath(), 'entity', {
    schema: 1,
    entities: [],
    counts: NO_COUNTS,
  });
  return entitiesCache;
}

export function loadTargets(): TargetFile {
  targetsCache ??= readJson<TargetFile>(targetsPath(), 'target', { schema: 1, targets: [] });
  return targetsCache;
}

/* ---------------------------------------------------------------- labels */

export { TYPE_LABELS, TYPE_ORDER };

/** 《纲要》第七章第一节“推进‘山水园圈’工程” → 第七章第一节“推进‘山水园圈’工程”. */
export function shortCitation(node: PlanNode): string {
  return node.citation.replace(/^《[^》]*》/, '') || node.title;
}

export const entityHref = (id: string): string => `/entities/${id}/`;
export const targetHref = (id: string): string => `/targets/#${id}`;

/* ------------------------------------------------------------ /entities/ */

export interface EntityListItem {
  id: string;
  href: string;
  name: string;
  aliases: string[];
  mentions: number;
}

export interface EntityGroup {
  type: EntityType;
  /** HTML id of the group's heading. */
  anchor: string;
  label: string;
  count: number;
  entities: EntityListItem[];
}

export interface EntityIndexModel {
  total: number;
  mentions: number;
  groups: EntityGroup[];
}

/** Entities by type (in TYPE_ORDER), each group in pinyin order of the names. */
export function entityIndexModel(index: EntityIndex): EntityIndexModel {
  const groups = TYPE_ORDER.map((type) => {
    const entities = index.entities
      .filter((e) => e.type === type)
      .map((e) => ({
        id: e.id,
        href: entityHref(e.id),
        name: e.name,
        aliases: e.aliases,
        mentions: e.mentions.length,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { type, anchor: type, label: TYPE_LABELS[type], count: entities.length, entities };
  });
  return {
    total: index.entities.length,
    mentions: index.entities.reduce((n, e) => n + e.mentions.length, 0),
    groups,
  };
}

/* ------------------------------------------------------- /entities/<id>/ */

export interface MentionItem {
  /** The clause's URL: the node's page and anchor. */
  href: string;
  node: string;
  /** Where it is: 第七章第一节“推进‘山水园圈’工程”. */
  where: string;
  field: MentionField;
  /** The snippet around the mention, in three parts. */
  before: string;
  match: string;
  after: string;
  /** The longer name the mention is printed in, when it is. */
  within?: { name: string; href: string };
}

export interface EntityPageModel {
  id: string;
  name: string;
  type: EntityType;
  typeLabel: string;
  aliases: string[];
  /** For indicator entities: the 表 rows; for box-derived entries: the box item. */
  nodes: { id: string; href: string; where: string }[];
  mentions: MentionItem[];
  /** Number of distinct clauses (nodes) mentioning it. */
  clauses: number;
}

/** Characters of context on each side of a mention. */
export const SNIPPET = 28;

function fieldText(node: PlanNode, field: MentionField): string {
  const value = (node as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

/** One entity's page: every mention in document order, with a snippet and its clause's URL. */
export function entityPageModel(
  entity: Entity,
  document: DocumentNode,
  index: EntityIndex,
): EntityPageModel {
  const nodes = indexById(document);
  const urls = urlMap(document);
  const order = new Map<string, number>();
  for (const { node } of walk(document)) order.set(node.id, order.size);
  const names = new Map(index.entities.map((e) => [e.id, e.name]));
  const fieldRank: Record<MentionField, number> = { title: 0, name: 0, lead: 1, text: 2 };
  const mentions = [...entity.mentions]
    .sort(
      (a, b) =>
        (order.get(a.node) ?? 0) - (order.get(b.node) ?? 0) ||
        fieldRank[a.field] - fieldRank[b.field] ||
        a.start - b.start,
    )
    .map((m): MentionItem => {
      const node = nodes.get(m.node);
      if (!node) throw new Error(`entity ${entity.id}: mention in unknown node ${m.node}`);
      const text = fieldText(node, m.field);
      const from = Math.max(0, m.start - SNIPPET);
      const to = Math.min(text.length, m.end + SNIPPET);
      const item: MentionItem = {
        href: urls.get(m.node)!,
        node: m.node,
        where: shortCitation(node),
        field: m.field,
        before: (from > 0 ? '…' : '') + text.slice(from, m.start),
        match: text.slice(m.start, m.end),
        after: text.slice(m.end, to) + (to < text.length ? '…' : ''),
      };
      if (m.within)
        item.within = { name: names.get(m.within) ?? m.within, href: entityHref(m.within) };
      return item;
    });
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    typeLabel: TYPE_LABELS[entity.type],
    aliases: entity.aliases,
    nodes: (entity.nodes ?? []).flatMap((id) => {
      const node = nodes.get(id);
      return node ? [{ id, href: urls.get(id)!, where: shortCitation(node) }] : [];
    }),
    mentions,
    clauses: new Set(entity.mentions.map((m) => m.node)).size,
  };
}

/* -------------------------------------------------------------- /targets/ */

export type TargetSort = 'chapter' | 'metric';

export interface TargetRow {
  id: string;
  chapter: number;
  /** 第七章 */
  chapterLabel: string;
  /** The clause's URL and where it is. */
  href: string;
  where: string;
  metric: string;
  /** ≥ 85%: the comparator as a word where it is not printed in the figure. */
  figure: string;
  deadline: string;
  indicator?: { id: string; href: string; name: string };
  /** The sentence, split around the clause that states the figure. */
  before: string;
  clause: string;
  after: string;
}

export interface TargetsModel {
  sort: TargetSort;
  rows: TargetRow[];
  /** Targets with a stated deadline, and with a 表2 indicator. */
  withDeadline: number;
  withIndicator: number;
}

const CHAPTER_NUMBERS = '〇一二三四五六七八九十';
const chapterLabel = (n: number): string =>
  `第${n <= 10 ? CHAPTER_NUMBERS[n] : `十${CHAPTER_NUMBERS[n - 10]}`}章`;

const COMPARATOR_WORDS: Record<TargetComparator, string> = {
  '=': '',
  '≥': '不低于',
  '≤': '不高于',
  range: '',
  '≈': '约',
};

/** The figure as a reader reads it: the printed figure, with 不低于 where the text put it before. */
function figureText(t: Target): string {
  if (t.value === null) return t.valueText;
  if (/以上|以内|左右/.test(t.valueText) || t.comparator === '=' || t.comparator === 'range')
    return t.valueText;
  return `${COMPARATOR_WORDS[t.comparator]}${t.valueText}`;
}

const collator = new Intl.Collator('zh-Hans-CN');

/** The targets table, in document order (`chapter`) or by metric in pinyin order (`metric`). */
export function targetsModel(
  targets: Target[],
  document: DocumentNode,
  sort: TargetSort = 'chapter',
): TargetsModel {
  const nodes = indexById(document);
  const urls = urlMap(document);
  const rows = targets.map((t): TargetRow => {
    const node = nodes.get(t.node);
    if (!node) throw new Error(`target ${t.id}: unknown node ${t.node}`);
    const at = t.sentence.indexOf(t.clause);
    const row: TargetRow = {
      id: t.id,
      chapter: t.chapter,
      chapterLabel: chapterLabel(t.chapter),
      href: urls.get(t.node)!,
      where: shortCitation(node),
      metric: t.metric,
      figure: figureText(t),
      deadline: t.deadline ?? '未写明',
      before: at < 0 ? t.sentence : t.sentence.slice(0, at),
      clause: at < 0 ? '' : t.clause,
      after: at < 0 ? '' : t.sentence.slice(at + t.clause.length),
    };
    const indicator = t.indicator ? nodes.get(t.indicator) : undefined;
    if (t.indicator && indicator?.kind === 'indicator')
      row.indicator = { id: t.indicator, href: urls.get(t.indicator)!, name: indicator.name };
    return row;
  });
  if (sort === 'metric')
    rows.sort((a, b) => collator.compare(a.metric, b.metric) || a.chapter - b.chapter);
  return {
    sort,
    rows,
    withDeadline: targets.filter((t) => t.deadline !== null).length,
    withIndicator: targets.filter((t) => t.indicator !== null).length,
  };
}

/** The targets a node states, for links from a measure to its targets (reading pages). */
export function targetsOfNode(targets: Target[], id: string): Target[] {
  return targets.filter((t) => t.node === id || t.measure === id);
}

/* ------------------------------------------------- links on reading pages */

export interface ClauseLink {
  id: string;
  href: string;
  /** 表2第21项“全区森林覆盖率”, 第七章第一节“推进‘山水园圈’工程”, 森林覆盖率 16.5%. */
  label: string;
  /** For indicator links: explicit (the figure restated) or topical (the terms only). */
  kind?: 'explicit' | 'topical';
}

export interface ClauseLinks {
  /** On a measure: the 表 rows it restates (explicit) or touches on (topical). */
  indicators: ClauseLink[];
  /** On a 表 row: the measures that restate or touch on it. */
  measures: ClauseLink[];
  /** On a measure, paragraph or box item: the targets it states. */
  targets: ClauseLink[];
}

/**
 * What a reading page can show next to a clause: its indicator links (from
 * plan.json, once the links stage has run) and its targets. For the site's
 * measure and indicator-row components (docs/entities.md).
 */
export function clauseLinks(
  node: PlanNode,
  document: DocumentNode,
  targets: Target[],
): ClauseLinks {
  return clauseLinker(document, targets)(node);
}

/**
 * `clauseLinks` for many clauses of one document: the node and URL maps are
 * built once. A measure's targets include those of the paragraphs that
 * continue it (`targetsOfNode`), since its links are shown after them;
 * explicit indicator links come before topical ones.
 */
export function clauseLinker(
  document: DocumentNode,
  targets: Target[],
): (node: PlanNode) => ClauseLinks {
  const nodes = indexById(document);
  const urls = urlMap(document);
  const link = (id: string, kind?: 'explicit' | 'topical'): ClauseLink[] => {
    const target = nodes.get(id);
    if (!target) return [];
    return [{ id, href: urls.get(id)!, label: shortCitation(target), ...(kind ? { kind } : {}) }];
  };
  const explicitFirst = <T extends { kind: 'explicit' | 'topical' }>(links: T[] = []): T[] => [
    ...links.filter((l) => l.kind !== 'topical'),
    ...links.filter((l) => l.kind === 'topical'),
  ];
  return (node) => ({
    indicators:
      node.kind === 'measure'
        ? explicitFirst(node.indicators).flatMap((l) => link(l.id, l.kind))
        : [],
    measures:
      node.kind === 'indicator'
        ? explicitFirst(node.measures).flatMap((l) => link(l.id, l.kind))
        : [],
    targets: (node.kind === 'measure'
      ? targetsOfNode(targets, node.id)
      : targets.filter((t) => t.node === node.id)
    ).map((t) => ({ id: t.id, href: targetHref(t.id), label: `${t.metric} ${figureText(t)}` })),
  });
}
