import type { MeasureNode, NodeScope, PlanNode } from '../model/types.ts';
import { PAGE_KINDS } from '../model/urls.ts';
import {
  NO_ANNOTATIONS,
  type Annotations,
  type ReadingLinks,
  type TextPart,
} from './annotations.ts';
import { tableView, type TableView } from './indicators.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * The plan text of a reading page as render-ready blocks, in document order. Each block keeps
 * its node's ID (the HTML `id`) and, for the clauses a reader cites (measures, box items,
 * boxes, glossary entries), the citation and canonical URL the clause tools copy.
 *
 * Text fields come twice: as the plain string (`lead`, `text`) and as parts with entity
 * mentions linked and glossary references put back (`leadParts`, `textParts`, see
 * annotations.ts), which join back to the same string. Measures, box items, paragraphs outside
 * a measure, sub-parts and boxes carry the `links` shown under them (表 rows pursued, stated or
 * reported; targets). A block outside the plan proper carries its `scope`; the page labels a
 * block whose scope differs from its container's (a vision paragraph among the goals: 回顾, 形势,
 * 目标, 远景, SCOPE_LABELS).
 */

/** How the pages label the parts of a plan outside the plan proper (docs/entities.md, “Scopes”). */
export const SCOPE_LABELS: Record<NodeScope, { label: string; meaning: string }> = {
  review: { label: '回顾', meaning: '回顾上一规划期的发展成就与完成情况，不是本规划的措施' },
  outlook: { label: '形势', meaning: '分析发展环境与面临的形势，不是本规划的措施' },
  goals: { label: '目标', meaning: '提出本规划的指导思想、原则和发展目标' },
  vision: { label: '远景', meaning: '展望远景目标' },
};

/** Heading levels inside a page: h1 is the page's own heading. */
export type Level = 2 | 3 | 4 | 5 | 6;

export type HeadingTag = `h${Level}`;

export function headingTag(level: Level): HeadingTag {
  return `h${level}`;
}

export interface Clause {
  citation: string;
  /** Canonical URL with fragment, e.g. /licang-14/7/1/#7.1.1. */
  url: string;
}

/** What every block may carry: its scope, outside the plan proper. */
interface Scoped {
  scope?: NodeScope;
}

export type Block = (
  | ({
      kind: 'subpart';
      id: string;
      level: Level;
      label: string;
      title: string;
      titleParts: TextPart[];
      children: Block[];
      links?: ReadingLinks;
    } & Clause)
  | ({
      kind: 'measure';
      id: string;
      /** How the plan marks the lead: bold, dash and plain leads and numbered items in bold, ordinals (一是…) as text. */
      style: MeasureNode['style'];
      /** The number printed before the lead (1., （一）) when the lead does not carry it. */
      label: string;
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
      titleParts: TextPart[];
      items: BoxItemBlock[];
      /** What the 专栏 holds besides items: its table, notes, paragraphs, in order. */
      content: Block[];
      links?: ReadingLinks;
    } & Clause)
  | { kind: 'figure'; id: string; text: string; textParts: TextPart[] }
  | { kind: 'note'; id: string; text: string; textParts: TextPart[] }
  | { kind: 'table'; id: string; table: TableView }
  | ({
      kind: 'term';
      id: string;
      number: number;
      term: string;
      /** The entry after its number; `termParts` are its first characters when they print the term. */
      termParts: TextPart[];
      textParts: TextPart[];
    } & Clause)
) &
  Scoped;

export interface BoxItemBlock extends Clause {
  id: string;
  /** The item's number or mark as printed (1., 01), when it has one besides ◆; else ''. */
  label: string;
  /** The item's bold title as printed (with its 。), or '' when it has none. */
  lead: string;
  /** The item text after the lead. */
  text: string;
  leadParts: TextPart[];
  textParts: TextPart[];
  links?: ReadingLinks;
}

/** Blocks for a container's children; pages of their own (sections, chapters…) are left out. */
export function blocksOf(
  children: PlanNode[],
  plan: SitePlan,
  level: Level = 2,
  ann: Annotations = NO_ANNOTATIONS,
  inMeasure = false,
): Block[] {
  const blocks: Block[] = [];
  for (const node of children) {
    const block = blockOf(node, plan, level, ann, inMeasure);
    if (!block) continue;
    blocks.push(node.scope ? { ...block, scope: node.scope } : block);
  }
  return blocks;
}

/** `links` only when there are some, so blocks without links keep their shape. */
function withLinks<T extends object>(block: T, links: ReadingLinks | undefined): T {
  return links ? { ...block, links } : block;
}

function blockOf(
  node: PlanNode,
  plan: SitePlan,
  level: Level,
  ann: Annotations,
  inMeasure: boolean,
): Block | undefined {
  const clause = (n: PlanNode): Clause => ({ citation: n.citation, url: urlOf(plan, n.id) });
  if (PAGE_KINDS.has(node.kind)) return undefined; // pages of their own
  switch (node.kind) {
    case 'subpart':
      return withLinks(
        {
          kind: 'subpart' as const,
          id: node.id,
          level,
          label: node.label,
          title: node.title,
          titleParts: ann.title(node),
          children: blocksOf(node.children, plan, deeper(level), ann),
          ...clause(node),
        },
        ann.links(node),
      );
    case 'measure': {
      // A measure may run on over further paragraphs (7.3.1, 11.3.3): they stay with it,
      // and its links (shown after them) include their targets.
      const label = node.label && !node.lead.startsWith(node.label) ? node.label : '';
      return withLinks(
        {
          kind: 'measure' as const,
          id: node.id,
          style: node.style,
          label,
          lead: node.lead,
          text: node.text,
          leadParts: ann.parts(node, 'lead'),
          textParts: ann.parts(node, 'text'),
          children: blocksOf(node.children, plan, level, ann, true),
          ...clause(node),
        },
        ann.links(node),
      );
    }
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
      return withLinks(
        {
          kind: 'box' as const,
          id: node.id,
          level,
          label: node.label,
          title: node.title,
          titleParts: ann.title(node),
          items: node.children.flatMap((item) => {
            if (item.kind !== 'boxItem') return [];
            const lead = item.lead && item.text.startsWith(item.lead) ? item.lead : '';
            const parts = ann.boxItemParts(item, lead);
            const printed = (item as { label?: unknown }).label;
            return [
              withLinks(
                {
                  id: item.id,
                  label: typeof printed === 'string' ? printed : '',
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
          content: blocksOf(
            node.children.filter((c) => c.kind !== 'boxItem'),
            plan,
            deeper(level),
            ann,
          ),
          ...clause(node),
        },
        ann.links(node),
      );
    case 'figure':
      return { kind: 'figure', id: node.id, text: node.text, textParts: ann.parts(node, 'text') };
    case 'note':
      return { kind: 'note', id: node.id, text: node.text, textParts: ann.parts(node, 'text') };
    case 'table':
      return { kind: 'table', id: node.id, table: tableView(node, plan) };
    case 'term': {
      const parts = ann.parts(node, 'text');
      const split = termLength(node.text, node.term);
      return {
        kind: 'term',
        id: node.id,
        number: node.number,
        term: node.term,
        termParts: split ? [{ text: node.text.slice(0, split) }] : [],
        textParts: split ? dropPrefix(parts, split) : parts,
        ...clause(node),
      };
    }
    case 'document':
    case 'boxItem':
    case 'indicator':
    case 'row':
      // Items and rows are rendered by their box or table.
      return undefined;
    default:
      return undefined;
  }
}

/**
 * How much of a glossary entry prints its term: up to its first ：(the term as printed, quotes
 * and all: 老城市新活力、“四个出新出彩”), or the term itself when the entry opens with it.
 */
export function termLength(text: string, term: string): number {
  const colon = text.indexOf('：');
  if (colon > 0 && colon <= term.length + 12) return colon;
  return text.startsWith(term) ? term.length : 0;
}

/** Parts without their first `n` characters (the term a glossary entry opens with). */
function dropPrefix(parts: TextPart[], n: number): TextPart[] {
  const out: TextPart[] = [];
  let left = n;
  for (const part of parts) {
    if (left >= part.text.length && part.text.length > 0) {
      left -= part.text.length;
      continue;
    }
    if (left > 0) {
      out.push({ text: part.text.slice(left) });
      left = 0;
    } else out.push(part);
  }
  return out;
}

function deeper(level: Level): Level {
  return level < 6 ? ((level + 1) as Level) : 6;
}

function urlOf(plan: SitePlan, id: string): string {
  const url = plan.urls.get(id);
  if (!url) throw new Error(`${plan.slug}: no URL for ${id}`);
  return url;
}
