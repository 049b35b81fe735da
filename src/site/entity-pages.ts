import { TYPE_LABELS, TYPE_ORDER } from '../model/entity-labels.ts';
import { FIELD_ORDER, fieldText, indexById, walk } from '../model/tree.ts';
import type {
  DocumentNode,
  Entity,
  EntityIndex,
  EntityType,
  MentionField,
} from '../model/types.ts';
import { entityUrl, urlMap } from '../model/urls.ts';
import { shortCitation } from './navigation.ts';

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

/** Entities by type (in TYPE_ORDER), each group in pinyin order of the names. */
export function entityIndexModel(index: EntityIndex): EntityIndexModel {
  const groups = TYPE_ORDER.map((type) => {
    const entities = index.entities
      .filter((e) => e.type === type)
      .map((e) => ({
        id: e.id,
        href: entityUrl(e.id),
        name: e.name,
        aliases: e.aliases,
        mentions: e.mentions.length,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { type, anchor: type, label: TYPE_LABELS[type], count: entities.length, entities };
  });
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

/** Characters of context on each side of a mention. */
export const SNIPPET = 28;

/** One entity's page: every mention in document order, with a snippet and its clause's URL. */
export function entityPageModel(
  entity: Entity,
  document: DocumentNode,
  index: EntityIndex,
): EntityPageModel {
  const nodes = indexById(document);
  const urls = urlMap(document);
  const order = new Map<string, number>();
  for (const { node } of walk(document)) order.set(node.id, order.size);
  const names = new Map(index.entities.map((e) => [e.id, e.name]));
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
      if (m.within)
        item.within = { name: names.get(m.within) ?? m.within, href: entityUrl(m.within) };
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
