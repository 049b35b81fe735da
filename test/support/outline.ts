import { walk } from '../../src/model/tree.ts';
import type { PlanNode } from '../../src/model/types.ts';

/**
 * A plan's outline, one line a node, indented by depth: every part,
 * chapter, section, sub-part, measure (with how it is marked), box, item,
 * table, indicator, figure, note, glossary entry and appendix, with its ID
 * and title. The golden outlines (test/corpus/golden/, test/fixtures/plans/)
 * are written in it.
 */
const OUTLINED = new Set([
  'preface',
  'part',
  'chapter',
  'section',
  'subpart',
  'measure',
  'box',
  'boxItem',
  'table',
  'indicator',
  'row',
  'figure',
  'note',
  'glossary',
  'term',
  'appendix',
]);

export function outline(root: PlanNode): string {
  const lines: string[] = [];
  for (const { node, parents } of walk(root)) {
    if (!OUTLINED.has(node.kind)) continue;
    const depth = parents.filter((p) => OUTLINED.has(p.kind)).length;
    const style = node.kind === 'measure' ? `:${node.style}` : '';
    lines.push(`${'  '.repeat(depth)}${node.id} ${node.kind}${style} ${node.title}`);
  }
  return lines.join('\n') + '\n';
}
