import type {
  DocumentNode,
  HeadingNode,
  IndicatorNode,
  NodeScope,
  PlanNode,
  TableNode,
} from '../../src/model/types.ts';
import { walk } from '../../src/model/tree.ts';
import { toChineseNumber } from '../../src/model/text.ts';

/**
 * What each part of a plan does, in the plan's own words (docs/entities.md,
 * "Scopes"). A five-year plan opens with a front part that does not commit to
 * anything: a review of the previous period (发展基础, 取得决定性成就, 实现良好开局),
 * the outlook (面临形势, 机遇挑战, 发展环境), the guiding ideas and goals
 * (指导思想, 基本原则, 主要目标) and the long-range vision (2035年远景目标).
 * Everything after it is the plan proper: what it will do.
 *
 * The rule reads the titles of chapters and sections only (a 篇 title can
 * mention anything: 南京 第一篇 “…实现良好开局” spans review, outlook and
 * goals), and only at the front: from the first chapter, for as long as
 * chapters are front chapters. A chapter is a front chapter when its title
 * names a front scope, or when its sections do; a section takes the scope its
 * own title names, or else its chapter's. Once a chapter of the plan proper
 * is met, nothing after it is classified: 提升空气环境质量 in 第五十五章 is a
 * measure, not an outlook.
 *
 * Inside the plan proper, a sentence that opens with the previous period
 * (“十三五”时期…, 过去五年…) reports the past too: `reviewSentence`.
 */

/** A front scope, or `plan` for the plan proper. */
export type Scope = NodeScope | 'plan';

/** Title words of each front scope, checked in this order (远景目标 is vision, not goals). */
export const SCOPE_WORDS: readonly { scope: NodeScope; words: RegExp }[] = [
  {
    scope: 'review',
    words: /发展基础|回顾|成就|决胜|良好开局|完成情况|主要成效|显著成效|发展成效/,
  },
  { scope: 'outlook', words: /形势|机遇|挑战|发展环境|发展阶段|面临/ },
  { scope: 'vision', words: /远景|展望/ },
  {
    scope: 'goals',
    words:
      /指导思想|指导方针|基本原则|总体要求|基本要求|主要目标|发展目标|目标任务|战略重点|主线|时代使命|战略定位|发展定位|总体思路/,
  },
];

/** The front scopes a title names, in the order it names them. */
export function scopesNamed(title: string): NodeScope[] {
  const found: { scope: NodeScope; at: number }[] = [];
  for (const { scope, words } of SCOPE_WORDS) {
    const m = words.exec(title);
    if (m && !found.some((f) => f.scope === scope)) found.push({ scope, at: m.index });
  }
  // 远景目标 names vision, and its 目标 is not a second scope.
  if (found.some((f) => f.scope === 'vision')) return ['vision'];
  return found.sort((a, b) => a.at - b.at).map((f) => f.scope);
}

/** The plan's period: 2021–2025. */
export interface Period {
  start: number;
  end: number;
}

/** The number of the five-year plan a period is: 2021–2025 → 14 (十四五). */
export function fiveYearPlanNumber(period: Period): number {
  return Math.round((period.start - 2006) / 5) + 11;
}

/** How the plan names a five-year period: 14 → 十四五. */
export const periodName = (n: number): string => `${toChineseNumber(n)}五`;

/**
 * A sentence that reports the previous period: it opens with its name
 * (“十三五”时期, “十三五”以来, “十四五”期间) or with 过去五年.
 */
export function reviewSentence(sentence: string, period: Period): boolean {
  const previous = periodName(fiveYearPlanNumber(period) - 1);
  const opening = new RegExp(`^(?:“?${previous}”?(?:时期|期间|以来|规划)|过去五年)`);
  return opening.test(sentence.replace(/^[\s，、]+/, ''));
}

/**
 * The scope of every node whose scope is not the plan proper, by ID. The
 * front chapters' own paragraphs (before their first section) take the
 * chapter's scope when its title names one, else `outlook` (an introduction);
 * a 篇's own paragraphs, when all its chapters are front chapters, `outlook`.
 */
export function scopeMap(document: DocumentNode): Map<string, NodeScope> {
  const out = new Map<string, NodeScope>();
  const chapters: { chapter: HeadingNode; part: PlanNode | null }[] = [];
  for (const { node, parents } of walk(document)) {
    if (node.kind !== 'chapter') continue;
    const part = parents.find((p) => p.kind === 'part') ?? null;
    chapters.push({ chapter: node, part });
  }
  const frontParts = new Map<PlanNode, boolean>();
  for (const { chapter, part } of chapters) {
    const own = scopesNamed(chapter.title);
    const sections = chapter.children.filter(
      (c): c is HeadingNode => c.kind === 'section' || c.kind === 'subpart',
    );
    const sectionScopes = sections.map((s) => scopesNamed(s.title)[0]);
    if (own.length === 0 && !sectionScopes.some(Boolean)) {
      if (part) frontParts.set(part, false);
      break; // the plan proper starts here
    }
    if (part && !frontParts.has(part)) frontParts.set(part, true);
    // A chapter whose title names no scope takes its sections' when they agree (李沧 第二章).
    const agreed =
      sectionScopes.length > 0 && sectionScopes.every((x) => x === sectionScopes[0])
        ? sectionScopes[0]
        : undefined;
    const chapterScope: NodeScope = own.length === 1 ? own[0]! : (agreed ?? 'outlook');
    const mark = (node: PlanNode, scope: NodeScope) => {
      for (const { node: n } of walk(node)) out.set(n.id, scope);
    };
    out.set(chapter.id, chapterScope);
    for (const child of chapter.children) {
      const i = sections.indexOf(child as HeadingNode);
      if (i >= 0) mark(child, sectionScopes[i] ?? own[0] ?? 'outlook');
      else mark(child, chapterScope);
    }
  }
  // A 篇 all of whose chapters are front chapters: its own paragraphs introduce them.
  for (const [part, front] of frontParts) {
    if (!front) continue;
    out.set(part.id, 'outlook');
    for (const child of part.children) if (child.kind !== 'chapter') out.set(child.id, 'outlook');
  }
  // The preface introduces the plan.
  for (const child of document.children)
    if (child.kind === 'preface') for (const { node } of walk(child)) out.set(node.id, 'outlook');
  // Paragraphs that look past the plan's period (展望二〇三五年, 到2035年…) are the vision.
  for (const { node } of walk(document)) {
    if (node.kind !== 'paragraph' || out.get(node.id) !== 'goals') continue;
    if (/^(?:展望|在此基础上|到2035年)/.test(node.text)) out.set(node.id, 'vision');
  }
  return out;
}

/** The columns' years of an indicator table's rows. */
function years(table: TableNode): number[] {
  const out: number[] = [];
  for (const { node } of walk(table))
    if (node.kind === 'indicator')
      for (const c of node.cells) if (c.year !== null && c.text) out.push(c.year);
  return out;
}

/**
 * What an indicator table reports: `previous` for the results of the period
 * before the plan's (李沧 表1 十三五完成, 南京 专栏1 “十四五”规划《纲要》指标完成情况:
 * no column is later than the plan's first year), `current` for the plan's own
 * targets (a column in the plan's period or after it).
 */
export function tablePeriod(table: TableNode, period: Period): 'previous' | 'current' {
  const ys = years(table);
  if (ys.length === 0) return 'current';
  return Math.max(...ys) <= period.start ? 'previous' : 'current';
}

/**
 * The plan's period when the metadata is not at hand (tests of a bare tree):
 * the latest target year of its indicator tables is the end, five years.
 */
export function periodOf(document: DocumentNode): Period {
  let end = 0;
  for (const { node } of walk(document))
    if (node.kind === 'indicator')
      for (const c of (node as IndicatorNode).cells)
        if (c.role === 'target' && c.year !== null && c.year < 2035) end = Math.max(end, c.year);
  if (!end) end = 2025;
  return { start: end - 4, end };
}
