import type { PlanNode } from '../types.ts';
import { tableView, type TableView } from './indicators.ts';

/**
 * The plan text of a reading page as render-ready blocks, in document order.
 * Each block keeps its node's ID (the HTML `id`) and, for the clauses a
 * reader cites (measures, box items, boxes), the citation and canonical URL
 * the clause tools copy.
 */

/** Heading levels inside a page: h1 is the page's own chapter/section heading. */
export type Level = 2 | 3 | 4;

export type HeadingTag = `h${Level}`;

export function headingTag(level: Level): HeadingTag {
  return `h${level}`;
}

export interface Clause {
  citation: string;
  /** Canonical URL path with fragment, e.g. /7/1/#7.1.1. */
  url: string;
}

export type Block =
  | ({
      kind: 'subpart';
      id: string;
      level: Level;
      label: string;
      title: string;
      children: Block[];
    } & Clause)
  | ({ kind: 'measure'; id: string; lead: string; text: string; children: Block[] } & Clause)
  | { kind: 'paragraph'; id: string; text: string }
  | ({
      kind: 'box';
      id: string;
      level: Level;
      label: string;
      title: string;
      items: BoxItemBlock[];
    } & Clause)
  | { kind: 'figure'; id: string; text: string }
  | { kind: 'note'; id: string; text: string }
  | { kind: 'table'; id: string; table: TableView };

export interface BoxItemBlock extends Clause {
  id: string;
  /** The item's bold title as printed (with its 。), or '' when it has none. */
  lead: string;
  /** The item text after the lead. */
  text: string;
}

/** Blocks for a container's children; sections are left out (they have their own pages). */
export function blocksOf(
  children: PlanNode[],
  urls: Map<string, string>,
  level: Level = 2,
): Block[] {
  const blocks: Block[] = [];
  for (const node of children) {
    const block = blockOf(node, urls, level);
    if (block) blocks.push(block);
  }
  return blocks;
}

function blockOf(node: PlanNode, urls: Map<string, string>, level: Level): Block | undefined {
  const clause = (n: PlanNode): Clause => ({ citation: n.citation, url: urlOf(urls, n.id) });
  switch (node.kind) {
    case 'subpart':
      return {
        kind: 'subpart',
        id: node.id,
        level,
        label: node.label,
        title: node.title,
        children: blocksOf(node.children, urls, deeper(level)),
        ...clause(node),
      };
    case 'measure':
      // A measure may run on over further paragraphs (7.3.1, 11.3.3): they stay with it.
      return {
        kind: 'measure',
        id: node.id,
        lead: node.lead,
        text: node.text,
        children: blocksOf(node.children, urls, level),
        ...clause(node),
      };
    case 'paragraph':
      return { kind: 'paragraph', id: node.id, text: node.text };
    case 'box':
      return {
        kind: 'box',
        id: node.id,
        level,
        label: node.label,
        title: node.title,
        items: node.children.flatMap((item) => {
          if (item.kind !== 'boxItem') return [];
          const lead = item.lead && item.text.startsWith(item.lead) ? item.lead : '';
          return [{ id: item.id, lead, text: item.text.slice(lead.length), ...clause(item) }];
        }),
        ...clause(node),
      };
    case 'figure':
      return { kind: 'figure', id: node.id, text: node.text };
    case 'note':
      return { kind: 'note', id: node.id, text: node.text };
    case 'table':
      return { kind: 'table', id: node.id, table: tableView(node, urls) };
    case 'section':
    case 'chapter':
    case 'preface':
    case 'document':
    case 'boxItem':
    case 'indicator':
      // Sections have their own pages; items and rows are rendered by their box or table.
      return undefined;
  }
}

function deeper(level: Level): Level {
  return level === 2 ? 3 : 4;
}

function urlOf(urls: Map<string, string>, id: string): string {
  const url = urls.get(id);
  if (!url) throw new Error(`no URL for ${id}`);
  return url;
}
