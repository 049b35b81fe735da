import type { Target } from '../model/types.ts';
import { walk } from '../model/tree.ts';
import { shortCitation } from './navigation.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * The view model of the targets pages, /targets/ (document order) and
 * /targets/by-metric/ (metric order), from the targets the build wrote
 * (docs/entities.md).
 */

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

/** The figure as a reader reads it: the comparator word the text prints before it, then the figure. */
export function figureText(t: Target): string {
  return t.figure;
}

const collator = new Intl.Collator('zh-Hans-CN');

const chapterCache = new WeakMap<SitePlan, Map<string, string>>();

/** Each node's chapter as printed (第七章), once per plan. */
function chapterLabels(plan: SitePlan): Map<string, string> {
  let labels = chapterCache.get(plan);
  if (!labels) {
    labels = new Map();
    for (const { node, parents } of walk(plan.document)) {
      const chapter = [...parents, node].find((n) => n.kind === 'chapter');
      if (chapter?.kind === 'chapter') labels.set(node.id, chapter.label);
    }
    chapterCache.set(plan, labels);
  }
  return labels;
}

/** The targets table, in document order (`chapter`) or by metric in pinyin order (`metric`). */
export function targetsModel(
  plan: SitePlan,
  sort: TargetSort = 'chapter',
  targets: Target[] = plan.targets,
): TargetsModel {
  const { nodes, urls } = plan;
  const chapters = chapterLabels(plan);
  const rows = targets.map((t): TargetRow => {
    const node = nodes.get(t.node);
    if (!node) throw new Error(`target ${t.id}: unknown node ${t.node}`);
    const at = t.sentence.indexOf(t.clause);
    const row: TargetRow = {
      id: t.id,
      chapter: t.chapter,
      chapterLabel: t.chapterLabel ?? chapters.get(t.node) ?? '',
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
