/**
 * Check the tree's headings against the plan's own 目录: every level the 目录
 * lists (篇, 章, 节, and 名词解释, 附录…) must be in the body, and the body
 * may have none of those levels the 目录 leaves out. A title that differs
 * only by words one side adds (目录 "到2035年远景目标" vs heading
 * "2035年远景目标") is kept as printed in the body and reported; any other
 * difference is an error. Spaces never count (第九篇 printed with one space or
 * two). A plan without a 目录 is checked by its numbering alone (structure.ts).
 */
import type { HeadingNode, PlanNode, TocDifference, TocEntry } from '../../src/model/types.ts';
import type { IssueCollector } from './errors.ts';
import { printedNumber } from './numbering.ts';

interface Listed {
  key: string;
  kind: TocEntry['kind'];
  label: string;
  title: string;
  line: number;
  id?: string;
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

export function validateAgainstToc(
  children: PlanNode[],
  toc: TocEntry[],
  issues: IssueCollector,
): TocDifference[] {
  if (toc.length === 0) return [];
  const differences: TocDifference[] = [];
  const kinds = new Set(toc.map((e) => e.kind));

  const listed = tocKeys(toc);
  const body = bodyKeys(children, kinds);
  const bodyByKey = new Map(body.map((b) => [b.key, b]));
  const tocByKey = new Set(listed.map((l) => l.key));

  for (const entry of listed) {
    const node = bodyByKey.get(entry.key);
    if (!node) {
      issues.add(
        entry.line,
        entry.kind === 'other' ? 'toc-other-missing' : `toc-${entry.kind}-missing`,
        `目录 lists ${entry.label} ${entry.title}, but the body has no such ${entry.kind === 'other' ? 'part' : entry.kind}`,
      );
      continue;
    }
    const tocTitle = squash(entry.title);
    const heading = squash(node.title);
    if (tocTitle === heading) continue;
    if (tocTitle.includes(heading) || heading.includes(tocTitle))
      differences.push({ id: node.id!, toc: tocTitle, heading, line: node.line });
    else
      issues.add(
        node.line,
        'toc-title',
        `${entry.label} is titled "${node.title}" in the body but "${entry.title}" in the 目录`,
      );
  }
  for (const node of body)
    if (!tocByKey.has(node.key))
      issues.add(
        node.line,
        'toc-extra',
        `${node.label} ${node.title} (${node.id}) is not in the 目录`,
      );
  return differences;
}

/** The 目录's entries with the key of the place they name: p2, c7, c7.s1 (or p2.c3 when chapters restart). */
function tocKeys(toc: TocEntry[]): Listed[] {
  const restart = chaptersRestart(toc.map((e) => ({ kind: e.kind, number: e.number })));
  let part = 0;
  let chapter = '';
  let chapterLabel = '';
  const out: Listed[] = [];
  for (const e of toc) {
    if (e.kind === 'part') {
      part = e.number;
      out.push({
        key: `p${part}`,
        kind: 'part',
        label: printedNumber('篇', e.number),
        title: e.title,
        line: e.line,
      });
    } else if (e.kind === 'chapter') {
      chapter = restart ? `p${part}.c${e.number}` : `c${e.number}`;
      // Where chapters restart in every 篇, a chapter is named with its 篇: 第二篇第一章.
      chapterLabel = `${restart ? printedNumber('篇', part) : ''}${labelOf(e)}`;
      out.push({
        key: chapter,
        kind: 'chapter',
        label: chapterLabel,
        title: e.title,
        line: e.line,
      });
    } else if (e.kind === 'section')
      out.push({
        key: `${chapter}.s${e.number}`,
        kind: 'section',
        label: `${chapterLabel}${labelOf(e)}`,
        title: e.title,
        line: e.line,
      });
    else if (e.kind === 'other')
      out.push({
        key: `other:${squash(e.title)}`,
        kind: 'other',
        label: '',
        title: e.title,
        line: e.line,
      });
  }
  return out;
}

function labelOf(e: TocEntry): string {
  return e.numbering ? printedNumber(e.numbering, e.number) : e.title;
}

function chaptersRestart(entries: { kind: TocEntry['kind']; number: number }[]): boolean {
  let parts = 0;
  for (const e of entries) {
    if (e.kind === 'part') parts++;
    else if (e.kind === 'chapter' && e.number === 1 && parts > 1) return true;
  }
  return false;
}

/** The body's headings of the kinds the 目录 lists, keyed like tocKeys. */
function bodyKeys(children: PlanNode[], kinds: Set<TocEntry['kind']>): Listed[] {
  const out: Listed[] = [];
  const headings: HeadingNode[] = [];
  const collect = (node: PlanNode) => {
    if (node.kind === 'part' || node.kind === 'chapter' || node.kind === 'section')
      headings.push(node);
    if (node.kind === 'glossary' || node.kind === 'appendix')
      out.push({
        key: `other:${squash(node.kind === 'appendix' ? `${node.label}${node.title}` : node.title)}`,
        kind: 'other',
        label: '',
        title: node.title,
        line: node.source.start,
        id: node.id,
      });
    if (
      node.kind === 'part' ||
      node.kind === 'chapter' ||
      node.kind === 'preface' ||
      node.kind === 'glossary' ||
      node.kind === 'appendix' ||
      node.kind === 'document'
    )
      node.children.forEach(collect);
  };
  children.forEach(collect);
  const restart = chaptersRestart(
    headings.map((h) => ({
      kind: h.kind === 'part' ? 'part' : h.kind === 'chapter' ? 'chapter' : 'section',
      number: h.number,
    })),
  );
  let part = 0;
  let chapter = '';
  let chapterLabel = '';
  for (const h of headings) {
    const line = h.source.start;
    if (h.kind === 'part') {
      part = h.number;
      if (kinds.has('part'))
        out.push({ key: `p${part}`, kind: 'part', label: h.label, title: h.title, line, id: h.id });
    } else if (h.kind === 'chapter') {
      chapter = restart ? `p${part}.c${h.number}` : `c${h.number}`;
      chapterLabel = `${restart ? printedNumber('篇', part) : ''}${h.label}`;
      if (kinds.has('chapter'))
        out.push({
          key: chapter,
          kind: 'chapter',
          label: chapterLabel,
          title: h.title,
          line,
          id: h.id,
        });
    } else if (kinds.has('section'))
      out.push({
        key: `${chapter}.s${h.number}`,
        kind: 'section',
        label: `${chapterLabel}${h.label}`,
        title: h.title,
        line,
        id: h.id,
      });
  }
  return out;
}
