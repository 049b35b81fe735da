import type { Block } from '../../src/site/blocks.ts';
import type { TableView } from '../../src/site/indicators.ts';

/** Every HTML id a table renders, in order. */
export function tableIds(table: TableView): string[] {
  const rows =
    table.kind === 'rows'
      ? table.rows.map((r) => r.id)
      : table.groups.flatMap((g) => [
          ...(g.heading ? [g.heading.id] : []),
          ...g.rows.map((r) => r.id),
        ]);
  return [table.id, ...rows, ...(table.note ? [table.note.id] : [])];
}

/** Every HTML id a page's blocks render, in order. */
export function blockIds(blocks: Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'subpart':
      case 'measure':
        return [b.id, ...blockIds(b.children)];
      case 'box':
        return [b.id, ...b.items.map((i) => i.id), ...blockIds(b.content)];
      case 'table':
        return tableIds(b.table);
      default:
        return [b.id];
    }
  });
}
