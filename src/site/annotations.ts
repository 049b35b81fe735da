import type {
  DocumentNode,
  EntityIndex,
  IndicatorNode,
  LinkKind,
  MeasureNode,
  MentionField,
  PlanNode,
  Target,
} from '../model/types.ts';
import { indexById } from '../model/tree.ts';
import { clauseLinker, entityHref, loadEntities, loadTargets } from './entities.ts';

/**
 * What the reading pages add to the plan text (docs/entities.md, “What the
 * reading pages need”):
 *
 * - **mention links**: the text of a clause as parts, the first top-level
 *   mention of each entity linked to its page (`/entities/<id>/`). The parts
 *   join back to the field exactly: links wrap text, they never change it;
 * - **clause links**: under a measure, the 表 rows it pursues (explicit
 *   first, then topical) and the targets it states; under a box item, its
 *   targets. On /indicators/, the measures that pursue each row.
 */

/** A run of plan text: plain, or linked to an entity's page. */
export interface TextPart {
  text: string;
  /** `/entities/<id>/` when the run is a mention. */
  href?: string;
  /** The entity's canonical name, when the text prints an alias of it (院士港). */
  title?: string;
}

/** A mention ready to link, with offsets into one field. */
export interface MentionSpan {
  field: MentionField;
  start: number;
  end: number;
  /** The text at those offsets, as the index recorded it. */
  text: string;
  entity: string;
  href: string;
  title?: string;
}

/** The fields the reading pages render as running text. Headings and 表 names stay plain. */
const LINKED_FIELDS: readonly MentionField[] = ['lead', 'text'];
const FIELD_ORDER: Record<MentionField, number> = { title: 0, name: 0, lead: 1, text: 2 };

/**
 * For each node, the mentions to link: top-level ones only (not `within` a
 * longer name), in the fields the pages render, and only the first mention of
 * each entity in the node (a clause), in reading order (lead, then text).
 */
export function mentionSpans(index: EntityIndex): Map<string, MentionSpan[]> {
  const all = new Map<string, MentionSpan[]>();
  for (const entity of index.entities) {
    for (const m of entity.mentions) {
      if (m.within || !LINKED_FIELDS.includes(m.field)) continue;
      const span: MentionSpan = {
        field: m.field,
        start: m.start,
        end: m.end,
        text: m.text,
        entity: entity.id,
        href: entityHref(entity.id),
      };
      if (m.text !== entity.name) span.title = entity.name;
      const list = all.get(m.node);
      if (list) list.push(span);
      else all.set(m.node, [span]);
    }
  }
  for (const [node, spans] of all) {
    spans.sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.start - b.start);
    const seen = new Set<string>();
    all.set(
      node,
      spans.filter((s) => !seen.has(s.entity) && Boolean(seen.add(s.entity))),
    );
  }
  return all;
}

/**
 * `text` as parts, each span wrapped. A span whose offsets do not hold its
 * recorded text means entities.json and plan.json disagree: that is an error,
 * not something to paper over. Overlapping spans (none in the index) keep the
 * first.
 */
export function textParts(
  text: string,
  spans: readonly Pick<MentionSpan, 'start' | 'end' | 'text' | 'href' | 'title'>[],
  where = '',
): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (text.slice(span.start, span.end) !== span.text) {
      throw new Error(
        `mention “${span.text}” at ${where} ${span.start}–${span.end} does not match the text ` +
          `(“${text.slice(span.start, span.end)}”): rebuild .generated/ with npm run build:data`,
      );
    }
    if (span.start < at || span.end <= span.start) continue;
    if (span.start > at) parts.push({ text: text.slice(at, span.start) });
    const part: TextPart = { text: span.text, href: span.href };
    if (span.title) part.title = span.title;
    parts.push(part);
    at = span.end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at) });
  return parts;
}

/** The plain text of parts: always the field they were made from. */
export const partsText = (parts: readonly TextPart[]): string => parts.map((p) => p.text).join('');

/* ---------------------------------------------------------- clause links */

export interface LinkItem {
  id: string;
  href: string;
  /** Link text: the 表 row's name, the measure's title, or the target's metric and figure. */
  text: string;
}

/** Under a measure or box item: its 表 rows by kind, and its targets. */
export interface ReadingLinks {
  explicit: LinkItem[];
  topical: LinkItem[];
  targets: LinkItem[];
}

/** On an indicator row: the measures that pursue it, explicit first. */
export interface RowMeasureLink extends LinkItem {
  kind: LinkKind;
  /** Where the measure is: 第七章第一节“推进‘山水园圈’工程”. */
  where: string;
}

/** Everything the reading pages add to the text, for one document. */
export interface Annotations {
  /** Parts of `node[field]`, with the node's mentions linked. */
  parts(node: PlanNode, field: 'lead' | 'text'): TextPart[];
  /** Parts of a box item's text, split at its bold lead (mentions across the split stay plain). */
  boxItemParts(node: PlanNode, lead: string): { lead: TextPart[]; text: TextPart[] };
  /** The links shown under a clause, or undefined when it has none. */
  links(node: PlanNode): ReadingLinks | undefined;
}

/** No links at all: the plain text. */
export const NO_ANNOTATIONS: Annotations = {
  parts: (node, field) => [{ text: fieldOf(node, field) }],
  boxItemParts: (node, lead) => ({
    lead: lead ? [{ text: lead }] : [],
    text: [{ text: fieldOf(node, 'text').slice(lead.length) }],
  }),
  links: () => undefined,
};

function fieldOf(node: PlanNode, field: MentionField): string {
  const value = (node as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

const cache = new WeakMap<DocumentNode, Annotations>();

/**
 * Annotations from the generated entity index and targets (read from
 * `.generated/`, like plan.json), computed once per document.
 */
export function readingAnnotations(document: DocumentNode): Annotations {
  let made = cache.get(document);
  if (!made) {
    made = annotations(document, loadEntities(), loadTargets().targets);
    cache.set(document, made);
  }
  return made;
}

export function annotations(
  document: DocumentNode,
  index: EntityIndex,
  targets: Target[],
): Annotations {
  const spans = mentionSpans(index);
  const linksOf = clauseLinker(document, targets);
  const nodes = indexById(document);
  const spansOf = (node: PlanNode, field: MentionField) =>
    (spans.get(node.id) ?? []).filter((s) => s.field === field);
  return {
    parts: (node, field) =>
      textParts(fieldOf(node, field), spansOf(node, field), `${node.id}.${field}`),
    boxItemParts(node, lead) {
      const text = fieldOf(node, 'text');
      const all = spansOf(node, 'text');
      const where = `${node.id}.text`;
      // A link never crosses the end of the bold lead: such a mention stays plain text.
      const inLead = all.filter((s) => s.end <= lead.length);
      const after = all
        .filter((s) => s.start >= lead.length)
        .map((s) => ({ ...s, start: s.start - lead.length, end: s.end - lead.length }));
      return {
        lead: lead ? textParts(lead, inLead, where) : [],
        text: textParts(text.slice(lead.length), after, where),
      };
    },
    links(node) {
      const links = linksOf(node);
      const name = (id: string) => {
        const target = nodes.get(id);
        return target?.kind === 'indicator'
          ? (target as IndicatorNode).name
          : (target?.title ?? id);
      };
      const indicator = (l: (typeof links.indicators)[number]): LinkItem => ({
        id: l.id,
        href: l.href,
        text: name(l.id),
      });
      const result: ReadingLinks = {
        explicit: links.indicators.filter((l) => l.kind !== 'topical').map(indicator),
        topical: links.indicators.filter((l) => l.kind === 'topical').map(indicator),
        targets: links.targets.map((t) => ({ id: t.id, href: t.href, text: t.label })),
      };
      return result.explicit.length + result.topical.length + result.targets.length > 0
        ? result
        : undefined;
    },
  };
}

/** The measures that pursue each indicator row, explicit first, for /indicators/. */
export function rowMeasureLinker(document: DocumentNode): (row: IndicatorNode) => RowMeasureLink[] {
  const linksOf = clauseLinker(document, []);
  const nodes = indexById(document);
  return (row) => {
    const items = linksOf(row).measures.map((l): RowMeasureLink => ({
      id: l.id,
      href: l.href,
      text: (nodes.get(l.id) as MeasureNode | undefined)?.title ?? l.id,
      kind: l.kind ?? 'explicit',
      where: l.label,
    }));
    return [
      ...items.filter((i) => i.kind === 'explicit'),
      ...items.filter((i) => i.kind === 'topical'),
    ];
  };
}
