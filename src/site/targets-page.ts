import type { Target } from '../model/types.ts';
import { walk } from '../model/tree.ts';
import { shortCitation } from './navigation.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * The view model of the targets pages, /targets/ (document order) and
 * /targets/by-metric/ (metric order), from the targets the build wrote
 * (docs/entities.md): the rows, and the options of the filters by deadline and by chapter that
 * the page's script applies in place (src/client/targets-table.ts).
 */

/** The orders the page renders (one page each); the script also sorts by `deadline`. */
export type TargetSort = 'chapter' | 'metric';

/** The deadline filter's value of a target with a deadline but no year (三到五年内). */
export const DEADLINE_OTHER = 'other';
/** … and of a target whose text states no deadline. */
export const DEADLINE_NONE = 'none';

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
  /** The deadline year (to sort by), null when the text states none. */
  year: number | null;
  /** The deadline filter's value: the year (`2025`), DEADLINE_OTHER or DEADLINE_NONE. */
  deadlineKey: string;
  /** The chapter filter's value: the chapter's ID (`7`), else its part's (`P5`: a part's own text), else ''. */
  chapterKey: string;
  indicator?: { id: string; href: string; name: string };
  /** The sentence, split around the clause that states the figure. */
  before: string;
  clause: string;
  after: string;
}

/** One option of a filter: its value, its label, and how many targets it shows. */
export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/** Options under a part 篇 (an `<optgroup>`), or ungrouped (no `label`) in a plan without parts. */
export interface FilterGroup {
  label?: string;
  options: FilterOption[];
}

export interface TargetsModel {
  sort: TargetSort;
  rows: TargetRow[];
  /** Targets with a stated deadline, and with a 表2 indicator. */
  withDeadline: number;
  withIndicator: number;
  /** The deadline filter: each year stated, earliest first, then a deadline without a year, then none. */
  deadlines: FilterOption[];
  /** The chapter filter: the chapters that state targets, in document order, under their parts. */
  chapters: FilterGroup[];
}

/** The figure as a reader reads it: the comparator word the text prints before it, then the figure. */
export function figureText(t: Target): string {
  return t.figure;
}

const collator = new Intl.Collator('zh-Hans-CN');

/** A heading a target sits under: the chapter 章 or the part 篇, with its label and title. */
interface Heading {
  id: string;
  label: string;
  title: string;
}

interface Place {
  chapter?: Heading;
  part?: Heading;
}

const placeCache = new WeakMap<SitePlan, Map<string, Place>>();

/** Each node's chapter and part as printed (第七章, 第二篇), once per plan. */
function places(plan: SitePlan): Map<string, Place> {
  let map = placeCache.get(plan);
  if (!map) {
    map = new Map();
    for (const { node, parents } of walk(plan.document)) {
      const place: Place = {};
      for (const n of [...parents, node])
        if ((n.kind === 'chapter' || n.kind === 'part') && !place[n.kind])
          place[n.kind] = { id: n.id, label: n.label, title: n.title };
      map.set(node.id, place);
    }
    placeCache.set(plan, map);
  }
  return map;
}

const count = (rows: TargetRow[], key: (r: TargetRow) => string, value: string): number =>
  rows.filter((r) => key(r) === value).length;

/** The deadline filter's options, from the rows. */
function deadlineOptions(rows: TargetRow[]): FilterOption[] {
  const key = (r: TargetRow) => r.deadlineKey;
  const years = [...new Set(rows.flatMap((r) => (r.year === null ? [] : [r.year])))].sort(
    (a, b) => a - b,
  );
  const options = years.map((y) => ({
    value: String(y),
    label: `${y}年`,
    count: count(rows, key, String(y)),
  }));
  const other = [...new Set(rows.filter((r) => key(r) === DEADLINE_OTHER).map((r) => r.deadline))];
  if (other.length)
    options.push({
      value: DEADLINE_OTHER,
      label: other.length > 2 ? `${other.slice(0, 2).join('、')}等` : other.join('、'),
      count: count(rows, key, DEADLINE_OTHER),
    });
  const none = count(rows, key, DEADLINE_NONE);
  if (none) options.push({ value: DEADLINE_NONE, label: '未写明期限', count: none });
  return options;
}

/** The chapter filter's options: each chapter (or part's own text) that has targets, in document order. */
function chapterOptions(plan: SitePlan, rows: TargetRow[]): FilterGroup[] {
  const keyed = new Map(rows.map((r) => [r.chapterKey, r]));
  const groups: FilterGroup[] = [];
  let group: FilterGroup | undefined;
  for (const { node } of walk(plan.document)) {
    if (node.kind === 'part' && node.label) {
      group = { label: `${node.label} ${node.title}`, options: [] };
      groups.push(group);
    }
    if (!keyed.has(node.id) || (node.kind !== 'chapter' && node.kind !== 'part')) continue;
    const label =
      node.kind === 'part' ? `${node.label}（篇首）` : `${node.label} ${node.title}`.trim();
    const option = { value: node.id, label, count: count(rows, (r) => r.chapterKey, node.id) };
    if (group) group.options.push(option);
    else groups.push({ options: [option] });
  }
  // Ungrouped options before the first part stay one group each: merge them.
  const merged: FilterGroup[] = [];
  for (const g of groups.filter((g) => g.options.length)) {
    const last = merged.at(-1);
    if (!g.label && last && !last.label) last.options.push(...g.options);
    else merged.push(g);
  }
  return merged;
}

/** The targets table, in document order (`chapter`) or by metric in pinyin order (`metric`). */
export function targetsModel(
  plan: SitePlan,
  sort: TargetSort = 'chapter',
  targets: Target[] = plan.targets,
): TargetsModel {
  const { nodes, urls } = plan;
  const where = places(plan);
  const rows = targets.map((t): TargetRow => {
    const node = nodes.get(t.node);
    if (!node) throw new Error(`target ${t.id}: unknown node ${t.node}`);
    const at = t.sentence.indexOf(t.clause);
    const place = where.get(t.node) ?? {};
    const row: TargetRow = {
      id: t.id,
      chapter: t.chapter,
      chapterLabel: t.chapterLabel ?? place.chapter?.label ?? '',
      href: urls.get(t.node)!,
      where: shortCitation(node),
      metric: t.metric,
      figure: figureText(t),
      deadline: t.deadline ?? '未写明',
      year: t.year,
      deadlineKey:
        t.year !== null ? String(t.year) : t.deadline !== null ? DEADLINE_OTHER : DEADLINE_NONE,
      chapterKey: t.chapterId ?? place.chapter?.id ?? place.part?.id ?? '',
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
    deadlines: deadlineOptions(rows),
    chapters: chapterOptions(plan, rows),
  };
}

/** The targets a node states, for links from a measure to its targets (reading pages). */
export function targetsOfNode(targets: Target[], id: string): Target[] {
  return targets.filter((t) => t.node === id || t.measure === id);
}
