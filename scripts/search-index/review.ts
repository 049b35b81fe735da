/**
 * Which units report the previous period: a plan's review (李沧 第一章第一节
 * 决胜全面建成小康社会取得决定性成就, 南京 and 苏州 第一章 发展基础, 广州 第一章第一节
 * …实现良好开局). Search labels them 回顾 rather than 措施 and ranks them after what
 * the plan will do, unless the query asks about the past (src/search/rank.ts).
 *
 * The tree says so when the links stage has marked the front of the plan (a
 * node's `scope` is `review`); until every tree carries that field, the rule
 * below reads the same thing from the titles, in the plan's own words, and only
 * at the front of the plan: chapters are read in order for as long as they
 * are front chapters (their title, or a section's, names the review, the
 * outlook or the goals); a chapter that names the review and nothing else is
 * review as a whole; in a chapter that names both the review and the outlook
 * (发展基础和发展环境) only the sections naming the review are, or its first
 * section when the others name the outlook.
 */
import type { DocumentNode, PlanNode } from '../../src/model/types.ts';

const REVIEW =
  /发展基础|回顾|成就|决胜|良好开局|完成情况|主要成效|显著成效|发展成效|取得.{0,4}成效/;
const OUTLOOK = /形势|机遇|挑战|发展环境|发展阶段|面临/;
const GOALS =
  /指导思想|指导方针|基本原则|总体要求|基本要求|主要目标|发展目标|目标任务|远景|战略重点|总体思路/;

const titleOf = (node: PlanNode): string => ('title' in node ? String(node.title) : '');

/** IDs of the nodes heading a review: every node under them reports the previous period. */
export function reviewRoots(document: DocumentNode): Set<string> {
  const roots = new Set<string>();
  const chapters: PlanNode[] = [];
  const collect = (nodes: PlanNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'chapter') chapters.push(n);
      else if (n.kind === 'part') collect(n.children);
    }
  };
  collect(document.children);
  // A tree marked by the links stage says it directly.
  const marked = (node: PlanNode) => (node as { scope?: string }).scope === 'review';
  let anyMarked = false;
  const visit = (nodes: PlanNode[]) => {
    for (const n of nodes) {
      if (marked(n)) {
        roots.add(n.id);
        anyMarked = true;
      } else visit(n.children);
    }
  };
  visit(document.children);
  if (anyMarked) return roots;

  for (const chapter of chapters) {
    const title = titleOf(chapter);
    const sections = chapter.children.filter((c) => c.kind === 'section');
    const front = (t: string) => REVIEW.test(t) || OUTLOOK.test(t) || GOALS.test(t);
    if (!front(title) && !sections.some((s) => front(titleOf(s)))) break;
    if (REVIEW.test(title) && !OUTLOOK.test(title)) {
      roots.add(chapter.id);
      continue;
    }
    const named = sections.filter((s) => REVIEW.test(titleOf(s)));
    for (const s of named) roots.add(s.id);
    if (
      named.length === 0 &&
      REVIEW.test(title) &&
      sections.length > 1 &&
      sections.slice(1).every((s) => OUTLOOK.test(titleOf(s)))
    )
      roots.add(sections[0]!.id);
  }
  return roots;
}
