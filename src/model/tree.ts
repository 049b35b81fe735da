import type { MentionField, PlanNode } from './types.ts';

/** Depth-first, in document order. */
export function* walk(
  node: PlanNode,
  parents: PlanNode[] = [],
): Generator<{ node: PlanNode; parents: PlanNode[] }> {
  yield { node, parents };
  for (const child of node.children) yield* walk(child, [...parents, node]);
}

/** Every node by ID. */
export function indexById(root: PlanNode): Map<string, PlanNode> {
  const map = new Map<string, PlanNode>();
  for (const { node } of walk(root)) map.set(node.id, node);
  return map;
}

/**
 * The text a node holds of its own (not its children's), as pieces tagged
 * with their source line, exactly as the body printed it. Concatenated in
 * source-line order over the whole tree, these give back the body: that is
 * the fidelity check.
 */
export function ownText(node: PlanNode): { line: number; text: string }[] {
  const at = (text: string, line = node.source.start) => [{ line, text }];
  switch (node.kind) {
    case 'document':
      return [];
    case 'preface':
      return node.label ? at(node.label) : [];
    case 'part':
    case 'chapter':
    case 'section':
    case 'subpart':
      return at(`${node.label}${node.title}`);
    case 'glossary':
      return at(node.title);
    case 'appendix':
      return at(`${node.label}${node.title}`);
    case 'term':
      return at(node.text);
    case 'row':
      return at(node.cells.join(''));
    case 'measure':
      return at(`${node.label ?? ''}${node.lead}${node.text}`);
    case 'boxItem':
      return at(`${node.label ?? ''}${node.text}`);
    case 'paragraph':
    case 'figure':
    case 'note':
      return at(node.text);
    case 'box':
      return at(`${node.label}${node.title}`);
    case 'table':
      return [
        { line: node.source.start, text: node.caption },
        ...(node.headerLines ?? [{ line: node.source.start + 1, cells: node.columns }]).map(
          (h) => ({ line: h.line, text: h.cells.join('') }),
        ),
        ...node.repeatedHeaders.map((h) => ({ line: h.line, text: h.cells.join('') })),
      ];
    case 'indicator':
      return at(node.raw.join(''));
  }
}

/** The text of one of a node's fields (where mentions are found); '' when it has none. */
export function fieldText(node: PlanNode, field: MentionField): string {
  const value = (node as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

/** A node's fields in reading order: its title or name, then a measure's lead, then its text. */
export const FIELD_ORDER: Readonly<Record<MentionField, number>> = {
  title: 0,
  name: 0,
  lead: 1,
  text: 2,
};
