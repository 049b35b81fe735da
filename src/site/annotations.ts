import type {
  ClauseLinkFields,
  EntityIndex,
  IndicatorLink,
  IndicatorNode,
  LinkBasis,
  LinkKind,
  MentionField,
  NodeScope,
  PlanNode,
  RepairKind,
  Target,
  TermRef,
} from '../model/types.ts';
import { FIELD_ORDER, fieldText } from '../model/tree.ts';
import { entityUrl, targetUrl } from '../model/urls.ts';
import { wordingEdits } from './edits.ts';
import { loadSourceText } from './load-artifacts.ts';
import { shortCitation } from './navigation.ts';
import type { SitePlan } from './site-plan.ts';
import { figureText } from './targets-page.ts';

/**
 * What the reading pages add to the plan text (docs/entities.md, “What the
 * reading pages need”):
 *
 * - **mention links**: the text of a clause as parts, the first top-level
 *   mention of each entity linked to its page (`/entities/<id>/`). The parts
 *   join back to the field exactly: links wrap text, they never change it;
 * - **clause links**: under any clause (measure, paragraph, box item, heading), the 表 rows it
 *   pursues (explicit first, then topical), states in words (目标表述) or reports for the
 *   previous period (回顾), and the targets it states. On /indicators/, each row's clauses
 *   (row-relations.ts);
 * - **glossary references**: the numbers the build took out of the text
 *   (“广东强芯”54), put back where they stood as links to their 名词解释 entry;
 * - **wording edits**: where the build replaced the converted text's words (a stray “etc” by
 *   等, edits.ts), the run is marked with what the text had, so the reader sees the edit.
 *
 * One module because `Annotations` is the one thing a reading page asks for a clause: its text
 * and its links, computed once per plan (readingAnnotations). The text's mention links, wording
 * edits and glossary references share the rule that the parts join back to the field exactly,
 * which is kept here in one place (textParts, withRefs, boxItemParts).
 */

/** A run of plan text: plain, or linked to an entity's page; or a glossary reference. */
export interface TextPart {
  /** The run's text; '' for a glossary reference, which is not part of the field's text. */
  text: string;
  /** The entity's page when the run is a mention. */
  href?: string;
  /** The entity's canonical name, when the text prints an alias of it (院士港). */
  title?: string;
  /** A glossary reference: the entry's number as printed, its URL and the term it explains. */
  ref?: TermRefView;
  /** A run the build reworded: what the converted text had there (etc for 等), and the repair's kind. */
  edit?: { original: string; kind: RepairKind };
}

export interface TermRefView {
  id: string;
  number: number;
  href: string;
  term: string;
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

/**
 * For each node, the mentions to link: top-level ones only (not `within` a
 * longer name), in the fields the pages render, and only the first mention of
 * each entity in the node (a clause), in reading order (lead, then text).
 */
export function mentionSpans(
  index: EntityIndex,
  href: (path: string) => string,
): Map<string, MentionSpan[]> {
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
        href: href(entityUrl(entity.id)),
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
/** A run to wrap: a mention (with `href`) or a wording edit (with `edit`). */
export interface TextSpan {
  start: number;
  end: number;
  /** The text at those offsets, as the index or the edit recorded it. */
  text: string;
  href?: string;
  title?: string;
  edit?: TextPart['edit'];
}

export function textParts(text: string, spans: readonly TextSpan[], where = ''): TextPart[] {
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
    const part: TextPart = { text: span.text };
    if (span.href) part.href = span.href;
    if (span.title) part.title = span.title;
    if (span.edit) part.edit = span.edit;
    parts.push(part);
    at = span.end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at) });
  return parts;
}

/**
 * Parts with glossary references put back at their offsets (in the parts' joined text). A
 * reference inside a mention link goes after the link; at a boundary, before what follows.
 */
export function withRefs(
  parts: readonly TextPart[],
  refs: readonly { at: number; ref: TermRefView }[],
): TextPart[] {
  if (refs.length === 0) return [...parts];
  const queue = [...refs].sort((a, b) => a.at - b.at);
  const out: TextPart[] = [];
  let offset = 0;
  for (const part of parts) {
    const end = offset + part.text.length;
    if (part.href || part.edit) {
      out.push(part);
      while (queue.length > 0 && queue[0]!.at < end)
        out.push({ text: '', ref: queue.shift()!.ref });
    } else {
      let from = 0;
      while (queue.length > 0 && queue[0]!.at <= end) {
        const cut = Math.max(from, queue[0]!.at - offset);
        if (cut > from) out.push({ text: part.text.slice(from, cut) });
        from = cut;
        out.push({ text: '', ref: queue.shift()!.ref });
      }
      if (from < part.text.length) out.push({ text: part.text.slice(from) });
    }
    offset = end;
  }
  for (const rest of queue) out.push({ text: '', ref: rest.ref });
  return out.length > 0 ? out : [{ text: '' }];
}

/** The plain text of parts: always the field they were made from. */
export const partsText = (parts: readonly TextPart[]): string => parts.map((p) => p.text).join('');

/* ---------------------------------------------------------- clause links */

/** A link from a clause to another: a 表 row, a measure, or a target. The one shape for all. */
export interface ClauseLink {
  id: string;
  href: string;
  /** Link text: the 表 row's name, the measure's title, or the target's metric and figure. */
  text: string;
  /** Where the linked clause is: 表2第21项“全区森林覆盖率”, 第七章第一节“推进‘山水园圈’工程”. */
  where: string;
  /** Links between a clause and a 表 row: explicit (the figure restated) or topical (the terms only). */
  kind?: LinkKind;
  /** What a clause–row link rests on: the figure, the terms, a heading's title, the row's field. */
  basis?: LinkBasis;
}

/** Everything a clause links to. */
export interface ClauseLinks {
  /** On a clause: the 表 rows it pursues, restating (explicit) or touching on (topical), explicit first. */
  indicators: ClauseLink[];
  /** On a clause of the goals: the 表 rows whose target it states in words (目标表述). */
  states: ClauseLink[];
  /** On a clause of the review: the 表 rows whose previous-period result it reports (回顾). */
  reports: ClauseLink[];
  /** On a 表 row: the clauses that pursue it, explicit first. */
  measures: ClauseLink[];
  /** On a 表 row: the clauses of the goals that state its target (目标表述). */
  statedIn: ClauseLink[];
  /** On a 表 row: the clauses of the review that report its previous-period result (回顾). */
  reportedIn: ClauseLink[];
  /** On a measure, paragraph or box item: the targets it states. */
  targets: ClauseLink[];
}

/**
 * Under a clause, as the reading pages show them: the 表 rows it pursues by kind (相关指标), the
 * rows whose target it states (目标表述), the rows whose previous-period result it reports (回顾,
 * never called 措施), and its targets.
 */
export interface ReadingLinks {
  explicit: ClauseLink[];
  topical: ClauseLink[];
  states: ClauseLink[];
  reports: ClauseLink[];
  targets: ClauseLink[];
  /** The clause's scope when it is outside the plan proper (review: 回顾). */
  scope?: NodeScope;
}

/** Explicit links before topical ones, each kind in the order given: the one order for links. */
export function explicitFirst<T extends { kind?: LinkKind | undefined }>(links: readonly T[]): T[] {
  return [
    ...links.filter((l) => l.kind !== 'topical'),
    ...links.filter((l) => l.kind === 'topical'),
  ];
}

/**
 * `clauseLinks` for many clauses of one document: the node and URL maps are
 * built once. A measure's targets include those of the paragraphs that
 * continue it (`targetsOfNode`), since its links are shown after them.
 */
export function clauseLinker(
  plan: SitePlan,
  targets: Target[] = plan.targets,
): (node: PlanNode) => ClauseLinks {
  const { nodes, urls } = plan;
  const toNode = (links: IndicatorLink[] = []): ClauseLink[] =>
    explicitFirst(links).flatMap(({ id, kind, basis }) => {
      const node = nodes.get(id);
      if (!node) return [];
      const text = node.kind === 'indicator' ? (node as IndicatorNode).name : node.title;
      const link: ClauseLink = { id, href: urls.get(id)!, text, where: shortCitation(node), kind };
      if (basis) link.basis = basis;
      return [link];
    });
  const toTarget = (t: Target): ClauseLink => {
    const node = nodes.get(t.node);
    return {
      id: t.id,
      href: plan.href(targetUrl(t.id)),
      text: `${t.metric} ${figureText(t)}`,
      where: node ? shortCitation(node) : t.node,
    };
  };
  return (node) => {
    const clause = node as ClauseLinkFields;
    const row = node.kind === 'indicator' ? node : undefined;
    return {
      indicators: toNode(clause.indicators),
      states: toNode(clause.states),
      reports: toNode(clause.reports),
      measures: toNode(row?.measures),
      statedIn: toNode(row?.statedIn),
      reportedIn: toNode(row?.reportedIn),
      targets: (node.kind === 'measure'
        ? targetsOfNode(targets, node.id)
        : targets.filter((t) => t.node === node.id)
      ).map(toTarget),
    };
  };
}

/**
 * What a reading page can show next to one clause: its indicator links (from
 * plan.json) and its targets (docs/entities.md).
 */
export function clauseLinks(node: PlanNode, plan: SitePlan, targets?: Target[]): ClauseLinks {
  return clauseLinker(plan, targets)(node);
}

/** The targets a node states, for links from a measure to its targets (reading pages). */
export function targetsOfNode(targets: Target[], id: string): Target[] {
  return targets.filter((t) => t.node === id || t.measure === id);
}

/** Everything the reading pages add to the text, for one document. */
export interface Annotations {
  /** Parts of `node[field]`, with the node's mentions linked and its glossary references. */
  parts(node: PlanNode, field: 'lead' | 'text'): TextPart[];
  /** A heading's title with its glossary references (headings carry no mention links). */
  title(node: PlanNode): TextPart[];
  /** Parts of a box item's text, split at its bold lead (mentions across the split stay plain). */
  boxItemParts(node: PlanNode, lead: string): { lead: TextPart[]; text: TextPart[] };
  /** The links shown under a clause, or undefined when it has none. */
  links(node: PlanNode): ReadingLinks | undefined;
}

/** No links at all: the plain text. */
export const NO_ANNOTATIONS: Annotations = {
  parts: (node, field) => [{ text: fieldText(node, field) }],
  title: (node) => [{ text: node.title }],
  boxItemParts: (node, lead) => ({
    lead: lead ? [{ text: lead }] : [],
    text: [{ text: fieldText(node, 'text').slice(lead.length) }],
  }),
  links: () => undefined,
};

const cache = new WeakMap<SitePlan, Annotations>();

/** Annotations from the plan's entity index and targets, computed once per plan. */
export function readingAnnotations(plan: SitePlan): Annotations {
  let made = cache.get(plan);
  if (!made) {
    made = annotations(plan);
    cache.set(plan, made);
  }
  return made;
}

/** A node's glossary references in one field, ready to render (an unknown entry is an error). */
export function refsOf(
  plan: SitePlan,
  node: PlanNode,
  field: TermRef['field'],
): { at: number; ref: TermRefView }[] {
  return (node.refs ?? [])
    .filter((r) => r.field === field)
    .map((r) => {
      const term = plan.terms.get(r.term);
      if (!term)
        throw new Error(`${plan.slug}: ${node.id} refers to ${r.term}, not in the glossary`);
      return {
        at: r.at,
        ref: { id: term.id, number: term.number, href: plan.urls.get(term.id)!, term: term.term },
      };
    });
}

export function annotations(
  plan: SitePlan,
  index: EntityIndex = plan.entities,
  targets: Target[] = plan.targets,
): Annotations {
  const spans = mentionSpans(index, plan.href);
  const edits = editSpans(plan);
  const linksOf = clauseLinker(plan, targets);
  // Mentions first: an edit inside a mention (none in the corpus) gives way to the link.
  const spansOf = (node: PlanNode, field: MentionField): (TextSpan & { field: MentionField })[] => [
    ...(spans.get(node.id) ?? []).filter((s) => s.field === field),
    ...(edits.get(node.id) ?? []).filter((s) => s.field === field),
  ];
  return {
    parts: (node, field) =>
      withRefs(
        textParts(fieldText(node, field), spansOf(node, field), `${node.id}.${field}`),
        refsOf(plan, node, field),
      ),
    title: (node) => withRefs([{ text: node.title }], refsOf(plan, node, 'title')),
    boxItemParts(node, lead) {
      const text = fieldText(node, 'text');
      const all = spansOf(node, 'text');
      const refs = refsOf(plan, node, 'text');
      const where = `${node.id}.text`;
      // A link never crosses the end of the bold lead: such a mention stays plain text.
      const inLead = all.filter((s) => s.end <= lead.length);
      const after = all
        .filter((s) => s.start >= lead.length)
        .map((s) => ({ ...s, start: s.start - lead.length, end: s.end - lead.length }));
      return {
        lead: lead
          ? withRefs(
              textParts(lead, inLead, where),
              refs.filter((r) => r.at <= lead.length),
            )
          : [],
        text: withRefs(
          textParts(text.slice(lead.length), after, where),
          refs
            .filter((r) => !lead || r.at > lead.length)
            .map((r) => ({ ...r, at: r.at - lead.length })),
        ),
      };
    },
    links(node) {
      const links = linksOf(node);
      const result: ReadingLinks = {
        explicit: links.indicators.filter((l) => l.kind !== 'topical'),
        topical: links.indicators.filter((l) => l.kind === 'topical'),
        states: links.states,
        reports: links.reports,
        targets: links.targets,
      };
      if (node.scope) result.scope = node.scope;
      const count =
        result.explicit.length +
        result.topical.length +
        result.states.length +
        result.reports.length +
        result.targets.length;
      return count > 0 ? result : undefined;
    },
  };
}

/** The plan's wording edits (edits.ts) as spans to wrap, by node. */
function editSpans(plan: SitePlan): Map<string, (TextSpan & { field: MentionField })[]> {
  const byNode = new Map<string, (TextSpan & { field: MentionField })[]>();
  const { placed } = wordingEdits(plan, () => loadSourceText(plan.source, plan.meta.encoding));
  for (const e of placed) {
    const span = {
      field: e.field,
      start: e.start,
      end: e.end,
      text: e.text,
      edit: { original: e.original, kind: e.kind },
    };
    const list = byNode.get(e.node);
    if (list) list.push(span);
    else byNode.set(e.node, [span]);
  }
  return byNode;
}

/** The clauses that pursue, state and report each indicator row, for /indicators/. */
export function rowLinker(
  plan: SitePlan,
): (row: IndicatorNode) => Pick<ClauseLinks, 'measures' | 'statedIn' | 'reportedIn'> {
  const linksOf = clauseLinker(plan, []);
  return (row) => {
    const { measures, statedIn, reportedIn } = linksOf(row);
    return { measures, statedIn, reportedIn };
  };
}
