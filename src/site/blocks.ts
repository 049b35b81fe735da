import type { PlanNode } from '../model/types.ts';
import {
  NO_ANNOTATIONS,
  type Annotations,
  type ReadingLinks,
  type TextPart,
} from './annotations.ts';
import { tableView, type TableView } from './indicators.ts';

/**
 * The plan text of a reading page as render-ready blocks, in document order.
 * Each block keeps its node's ID (the HTML `id`) and, for the clauses a
 * reader cites (measures, box items, boxes), the citation and canonical URL
 * the clause tools copy.
 *
 * Text fields come twice: as the plain string (`lead`, `text`) and as parts
 * with entity mentions linked (`leadParts`, `textParts`, see annotations.ts),
 * which join back to the same string. Measures, box items and paragraphs
 * outside a measure carry the `links` shown under them (表 rows, targets).
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
  | ({
      kind: 'measure';
      id: string;
      lead: string;
      text: string;
      leadParts: TextPart[];
      textParts: TextPart[];
      children: Block[];
      links?: ReadingLinks;
    } & Clause)
  | { kind: 'paragraph'; id: string; text: string; textParts: TextPart[]; links?: ReadingLinks }
  | ({
      kind: 'box';
      id: string;
      level: Level;
      label: string;
      title: string;
      items: BoxItemBlock[];
    } & Clause)
  | { kind: 'figure'; id: string; text: string; textParts: TextPart[] }
  | { kind: 'note'; id: string; text: string; textParts: TextPart[] }
  | { kind: 'table'; id: string; table: TableView };

export interface BoxItemBlock extends Clause {
  id: string;
  /** The item's bold title as printed (with its 。), or '' when it has none. */
  lead: string;
  /** The item text after the lead. */
  text: string;
  leadParts: TextPart[];
  textParts: TextPart[];
  links?: ReadingLinks;
}

/** Blocks for a container's children; sections are left out (they have their own pages). */
export function blocksOf(
  children: PlanNode[],
  urls: Map<string, string>,
  level: Level = 2,
  ann: Annotations = NO_ANNOTATIONS,
  inMeasure = false,
): Block[] {
  const blocks: Block[] = [];
  for (const node of children) {
    const block = blockOf(node, urls, level, ann, inMeasure);
    if (block) blocks.push(block);
  }
  return blocks;
}

/** `links` only when there are some, so blocks without links keep their shape. */
function withLinks<T extends object>(block: T, links: ReadingLinks | undefined): T {
  return links ? { ...block, links } : block;
}

function blockOf(
  node: PlanNode,
  urls: Map<string, string>,
  level: Level,
  ann: Annotations,
  inMeasure: boolean,
): Block | undefined {
  const clause = (n: PlanNode): Clause => ({ citation: n.citation, url: urlOf(urls, n.id) });
  switch (node.kind) {
    case 'subpart':
      return {
        kind: 'subpart',
        id: node.id,
        level,
        label: node.label,
        title: node.title,
        children: blocksOf(node.children, urls, deeper(level), ann),
        ...clause(node),
      };
    case 'measure':
      // A measure may run on over further paragraphs (7.3.1, 11.3.3): they stay with it,
      // and its links (shown after them) include their targets.
      return withLinks(
        {
          kind: 'measure' as const,
          id: node.id,
          lead: node.lead,
          text: node.text,
          leadParts: ann.parts(node, 'lead'),
          textParts: ann.parts(node, 'text'),
          children: blocksOf(node.children, urls, level, ann, true),
          ...clause(node),
        },
        ann.links(node),
      );
    case 'paragraph':
      return withLinks(
        {
          kind: 'paragraph' as const,
          id: node.id,
          text: node.text,
          textParts: ann.parts(node, 'text'),
        },
        inMeasure ? undefined : ann.links(node),
      );
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
          const parts = ann.boxItemParts(item, lead);
          return [
            withLinks(
              {
                id: item.id,
                lead,
                text: item.text.slice(lead.length),
                leadParts: parts.lead,
                textParts: parts.text,
                ...clause(item),
              },
              ann.links(item),
            ),
          ];
        }),
        ...clause(node),
      };
    case 'figure':
      return { kind: 'figure', id: node.id, text: node.text, textParts: ann.parts(node, 'text') };
    case 'note':
      return { kind: 'note', id: node.id, text: node.text, textParts: ann.parts(node, 'text') };
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
