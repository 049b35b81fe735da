/**
 * A unit of the index as the engine uses it: the shipped unit (format.ts)
 * with its text, compact forms, breadcrumb and citation made once when the
 * index loads.
 */
import { TYPE_LABELS } from '../model/entity-labels.ts';
import type { EntityType } from '../model/types.ts';
import {
  ENTITY_INDEX_LABEL,
  type SearchIndexFile,
  type ShippedUnit,
  type UnitKind,
} from './format.ts';
import { type Compacted, compact, compactWithMap, fold } from './fold.ts';
import { MARK } from './segment.ts';

export interface PreparedUnit {
  index: number;
  id: string;
  kind: UnitKind;
  chapter: number | null;
  section: number | null;
  /** Own heading ('' for un-headed paragraphs and notes). */
  heading: string;
  /** Display title: the heading, or for a paragraph its measure's or section's title. */
  title: string;
  breadcrumb: string[];
  url: string;
  citation: string;
  /** Text as printed. */
  text: string;
  /** Compact form of the text (fold.ts): what queries are matched against. */
  compact: string;
  headingCompact: string;
  /** Entity units this unit mentions (indices into `units`). */
  mentions: readonly number[];
  /** Entity types: an entity's own; for a node, the types of the entities it mentions. */
  entityTypes: EntityType[];
  /** An entity: the compact forms of its name and aliases (what an entity query must equal). */
  names?: string[];
}

export function prepareUnit(u: ShippedUnit, index: number, file: SearchIndexFile): PreparedUnit {
  const text = u.x.split(MARK).join('');
  const title = u.t ?? u.h;
  const crumbs: string[] = [];
  for (let p = u.p; p >= 0; p = file.units[p]!.p) crumbs.unshift(file.units[p]!.b);
  if (u.b && u.b !== title) crumbs.push(u.b);
  crumbs.push(title);
  const mentions = u.m ?? [];
  if (u.y) {
    crumbs.unshift(ENTITY_INDEX_LABEL, TYPE_LABELS[u.y]);
    return {
      index,
      id: u.id,
      kind: u.kind,
      chapter: null,
      section: null,
      heading: u.h,
      title,
      breadcrumb: crumbs,
      url: u.u,
      citation: `${file.citationPrefix}${ENTITY_INDEX_LABEL}“${u.h}”`,
      text,
      compact: compact(text),
      headingCompact: compact(u.h),
      mentions,
      entityTypes: [u.y],
      names: [u.h, ...(u.a ?? [])].map((n) => compact(fold(n))),
    };
  }
  const entityTypes = [...new Set(mentions.map((m) => file.units[m]!.y!))];
  return {
    index,
    id: u.id,
    kind: u.kind,
    chapter: u.c || null,
    section: u.s || null,
    heading: u.h,
    title,
    breadcrumb: crumbs.filter(Boolean),
    url: u.u,
    citation: file.citationPrefix + u.q,
    text,
    compact: compact(text),
    headingCompact: compact(u.h),
    mentions,
    entityTypes,
  };
}

/** The compact text with its offset map, built the first time a unit is shown (snippets only). */
const compactedCache = new WeakMap<PreparedUnit, Compacted>();
export function compactedOf(unit: PreparedUnit): Compacted {
  let c = compactedCache.get(unit);
  if (!c) compactedCache.set(unit, (c = compactWithMap(unit.text)));
  return c;
}
