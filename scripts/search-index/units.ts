/**
 * The searchable units of the plan: every heading (章, 节, 小节), measure,
 * un-headed paragraph, 专栏 and 专栏 item, table, indicator row, figure and
 * note, each with its ID, breadcrumb label, heading, display title, URL and
 * text. Pure: plan in, units out.
 */
import type { DocumentNode, IndicatorNode, PlanNode } from '../../src/model/types.ts';
import { walk } from '../../src/model/tree.ts';
import { urlMap } from '../../src/model/urls.ts';

export interface SourceUnit {
  id: string;
  kind: PlanNode['kind'];
  chapter: number;
  section: number;
  /** Index of the nearest ancestor unit, or -1. */
  parent: number;
  /** Label in descendants' breadcrumbs. */
  crumb: string;
  heading: string;
  /** Display title when it differs from the heading. */
  title?: string;
  url: string;
  citation: string;
  /** The unit's text as printed (plain, no marks). */
  text: string;
}

/** One line for an indicator row: its name and unit, then each column's value, attribute and category. */
export function indicatorText(node: IndicatorNode): string {
  const cells = node.cells.map((c) => `${c.column}：${c.text || c.raw || '—'}`).join('；');
  return `${node.name}${node.unit ? `（${node.unit}）` : ''}：${cells}；${node.attribute}；${node.category}`;
}

function unitContent(
  node: PlanNode,
): { heading: string; crumb: string; text: string; title?: string } | null {
  switch (node.kind) {
    case 'document':
      return null;
    case 'preface':
      return { heading: node.title, crumb: node.title, text: node.title };
    case 'part':
    case 'chapter':
    case 'section':
      return { heading: node.title, crumb: node.label, text: `${node.label} ${node.title}` };
    case 'glossary':
      return { heading: node.title, crumb: node.title, text: node.title };
    case 'term':
      return { heading: node.term, crumb: node.term, text: node.text };
    case 'appendix':
      return { heading: node.title, crumb: node.label, text: `${node.label} ${node.title}` };
    case 'row':
      return { heading: '', crumb: '', text: node.cells.join(' '), title: node.title };
    case 'subpart':
      return { heading: node.title, crumb: node.title, text: `${node.label}${node.title}` };
    case 'measure':
      return { heading: node.title, crumb: node.title, text: `${node.lead}${node.text}` };
    case 'paragraph':
      return { heading: '', crumb: '', text: node.text, title: node.title };
    case 'box':
      return { heading: node.title, crumb: node.label, text: `${node.label} ${node.title}` };
    case 'boxItem':
      return { heading: node.title, crumb: node.title, text: node.text };
    case 'table':
      return { heading: node.title, crumb: node.label, text: node.caption };
    case 'indicator':
      return { heading: node.name, crumb: node.name, text: indicatorText(node) };
    case 'figure':
      return { heading: node.title, crumb: `图${node.number}`, text: node.text };
    case 'note':
      return { heading: '', crumb: '', text: node.text, title: node.title };
  }
}

export function collectUnits(document: DocumentNode): SourceUnit[] {
  const urls = urlMap(document);
  const units: SourceUnit[] = [];
  const indexOf = new Map<string, number>();
  for (const { node, parents } of walk(document)) {
    const content = unitContent(node);
    if (!content) continue;
    const lineage = [...parents, node];
    const numberOf = (kind: 'chapter' | 'section') => {
      const found = lineage.findLast((n) => n.kind === kind);
      return found && 'number' in found && typeof found.number === 'number' ? found.number : 0;
    };
    const ancestor = parents.findLast((p) => indexOf.has(p.id));
    const unit: SourceUnit = {
      id: node.id,
      kind: node.kind,
      chapter: numberOf('chapter'),
      section: numberOf('section'),
      parent: ancestor ? indexOf.get(ancestor.id)! : -1,
      crumb: content.crumb,
      heading: content.heading,
      url: urls.get(node.id) ?? '/',
      citation: node.citation,
      text: content.text,
    };
    if (content.title !== undefined && content.title !== content.heading)
      unit.title = content.title;
    indexOf.set(node.id, units.length);
    units.push(unit);
  }
  return units;
}
