import type { HeadingNode, TocDifference, TocEntry } from '../../src/model/types.ts';
import { toChineseNumber } from '../../src/model/text.ts';
import type { IssueCollector } from './errors.ts';

/**
 * Check the tree's chapters and sections against the plan's own 目录.
 * A chapter or section missing on either side is an error. A title that
 * differs only by words one side adds (目录 "到2035年远景目标" vs heading
 * "2035年远景目标") is kept as printed in the body and reported; any other
 * difference is an error.
 */
export function validateAgainstToc(
  chapters: HeadingNode[],
  toc: TocEntry[],
  issues: IssueCollector,
): TocDifference[] {
  const differences: TocDifference[] = [];
  const squash = (s: string) => s.replace(/\s+/g, '');
  const bodyEntries = new Map<string, HeadingNode>();
  for (const chapter of chapters) {
    bodyEntries.set(`${chapter.number}`, chapter);
    for (const child of chapter.children)
      if (child.kind === 'section') bodyEntries.set(child.id, child as HeadingNode);
  }
  const tocKeys = new Set<string>();
  let tocChapter = 0;
  for (const entry of toc) {
    if (entry.kind === 'chapter') tocChapter = entry.number;
    const key = entry.kind === 'chapter' ? `${entry.number}` : `${tocChapter}.${entry.number}`;
    tocKeys.add(key);
    const label =
      entry.kind === 'chapter'
        ? `第${toChineseNumber(entry.number)}章`
        : `第${toChineseNumber(tocChapter)}章第${toChineseNumber(entry.number)}节`;
    const node = bodyEntries.get(key);
    if (!node) {
      issues.add(
        entry.line,
        entry.kind === 'chapter' ? 'toc-chapter-missing' : 'toc-section-missing',
        `目录 lists ${label} ${entry.title}, but the body has no such ${entry.kind}`,
      );
      continue;
    }
    const tocTitle = squash(entry.title);
    const heading = squash(node.title);
    if (tocTitle === heading) continue;
    if (tocTitle.includes(heading) || heading.includes(tocTitle)) {
      differences.push({ id: node.id, toc: tocTitle, heading, line: node.source.start });
    } else {
      issues.add(
        node.source.start,
        'toc-title',
        `${label} is titled "${node.title}" in the body but "${entry.title}" in the 目录`,
      );
    }
  }
  for (const [key, node] of bodyEntries) {
    if (!tocKeys.has(key))
      issues.add(
        node.source.start,
        'toc-extra',
        `${node.label} ${node.title} (${key}) is not in the 目录`,
      );
  }
  return differences;
}
