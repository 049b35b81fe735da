import { TYPE_LABELS, TYPE_ORDER } from '../model/entity-labels.ts';
import { FIELD_ORDER, fieldText, walk } from '../model/tree.ts';
import type { Entity, EntityIndex, EntityType, MentionField, NodeScope } from '../model/types.ts';
import { entityUrl, PLAN_PAGES } from '../model/urls.ts';
import { shortCitation } from './navigation.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * View models for the entity pages: /entities/ (every entity by type) and
 * /entities/<id>/ (one entity and every mention), from the entity index the
 * build wrote (docs/entities.md).
 */

export interface EntityListItem {
  id: string;
  href: string;
  name: string;
  aliases: string[];
  mentions: number;
}

export interface EntityGroup {
  type: EntityType;
  /** HTML id of the group's heading. */
  anchor: string;
  label: string;
  count: number;
  entities: EntityListItem[];
}

export interface EntityIndexModel {
  total: number;
  mentions: number;
  groups: EntityGroup[];
}

/** Entities by type (in TYPE_ORDER; a type the plan has none of is left out), each group in pinyin order of the names. */
export function entityIndexModel(
  plan: SitePlan,
  index: EntityIndex = plan.entities,
): EntityIndexModel {
  const groups = TYPE_ORDER.map((type) => {
    const entities = index.entities
      .filter((e) => e.type === type)
      .map((e) => ({
        id: e.id,
        href: plan.href(entityUrl(e.id)),
        name: e.name,
        aliases: e.aliases,
        mentions: e.mentions.length,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { type, anchor: type, label: TYPE_LABELS[type], count: entities.length, entities };
  }).filter((group) => group.count > 0);
  return {
    total: index.entities.length,
    mentions: index.entities.reduce((n, e) => n + e.mentions.length, 0),
    groups,
  };
}

/* ------------------------------------------------------- /entities/<id>/ */

export interface MentionItem {
  /** The clause's URL: the node's page and anchor. */
  href: string;
  node: string;
  /** Where it is: 第七章第一节“推进‘山水园圈’工程”. */
  where: string;
  field: MentionField;
  /** The snippet around the mention, in three parts. */
  before: string;
  match: string;
  after: string;
  /** The longer name the mention is printed in, when it is. */
  within?: { name: string; href: string };
  /** The clause's scope outside the plan proper: a mention in the review is labelled 回顾. */
  scope?: NodeScope;
}

export interface EntityPageModel {
  id: string;
  name: string;
  type: EntityType;
  typeLabel: string;
  aliases: string[];
  /** For indicator entities: the 表 rows; for box-derived entries: the box item. */
  nodes: { id: string; href: string; where: string }[];
  mentions: MentionItem[];
  /** Number of distinct clauses (nodes) mentioning it. */
  clauses: number;
}

const orders = new WeakMap<
  SitePlan,
  { order: Map<string, number>; names: Map<string, string>; index: EntityIndex }
>();

/** Every node's position in document order, and every entity's name: once per plan. */
function orderAndNames(
  plan: SitePlan,
  index: EntityIndex,
): { order: Map<string, number>; names: Map<string, string> } {
  const made = orders.get(plan);
  if (made && made.index === index) return made;
  const order = new Map<string, number>();
  for (const { node } of walk(plan.document)) order.set(node.id, order.size);
  const names = new Map(index.entities.map((e) => [e.id, e.name]));
  orders.set(plan, { order, names, index });
  return { order, names };
}

/** Characters of context on each side of a mention. */
export const SNIPPET = 28;

/** One entity's page: every mention in document order, with a snippet and its clause's URL. */
export function entityPageModel(
  entity: Entity,
  plan: SitePlan,
  index: EntityIndex = plan.entities,
): EntityPageModel {
  const { nodes, urls } = plan;
  const { order, names } = orderAndNames(plan, index);
  const mentions = [...entity.mentions]
    .sort(
      (a, b) =>
        (order.get(a.node) ?? 0) - (order.get(b.node) ?? 0) ||
        FIELD_ORDER[a.field] - FIELD_ORDER[b.field] ||
        a.start - b.start,
    )
    .map((m): MentionItem => {
      const node = nodes.get(m.node);
      if (!node) throw new Error(`entity ${entity.id}: mention in unknown node ${m.node}`);
      const text = fieldText(node, m.field);
      const from = Math.max(0, m.start - SNIPPET);
      const to = Math.min(text.length, m.end + SNIPPET);
      const item: MentionItem = {
        href: urls.get(m.node)!,
        node: m.node,
        where: shortCitation(node),
        field: m.field,
        before: (from > 0 ? '…' : '') + text.slice(from, m.start),
        match: text.slice(m.start, m.end),
        after: text.slice(m.end, to) + (to < text.length ? '…' : ''),
      };
      if (node.scope) item.scope = node.scope;
      if (m.within)
        item.within = {
          name: names.get(m.within) ?? m.within,
          href: plan.href(entityUrl(m.within)),
        };
      return item;
    });
  return {
    id: entity.id,
    name: entity.name,
    type: entity.type,
    typeLabel: TYPE_LABELS[entity.type],
    aliases: entity.aliases,
    nodes: (entity.nodes ?? []).flatMap((id) => {
      const node = nodes.get(id);
      return node ? [{ id, href: urls.get(id)!, where: shortCitation(node) }] : [];
    }),
    mentions,
    clauses: new Set(entity.mentions.map((m) => m.node)).size,
  };
}

/**
 * IDs the plan published before that no entity carries now, each with where its page leads: an
 * entity's former IDs (a slug cut to 40 characters) to its page, a retired ID to the entity that
 * holds its name now, or to the index (docs/entities.md, "IDs and old URLs").
 */
export function retiredEntities(
  plan: SitePlan,
): { id: string; to: string; name: string; title: string }[] {
  const current = new Set(plan.entities.entities.map((e) => e.id));
  const named = (name: string) => ({ name, title: `${name} · 名称索引 · ${plan.meta.shortName}` });
  const former = plan.entities.entities.flatMap((e) =>
    (e.formerIds ?? [])
      .filter((id) => !current.has(id))
      .map((id) => ({ id, to: plan.href(entityUrl(e.id)), ...named(e.name) })),
  );
  const retired = (plan.entities.retired ?? [])
    .filter((r) => !current.has(r.id))
    .map((r) => ({
      id: r.id,
      to: plan.href(r.to && current.has(r.to) ? entityUrl(r.to) : PLAN_PAGES.entities),
      ...named(r.name),
    }));
  const seen = new Set<string>();
  return [...former, ...retired].filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id)));
}
