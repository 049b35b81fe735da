/**
 * A unit of the index as the engine uses it once its text is loaded: the
 * chunk's entry (format.ts) with its compact forms, breadcrumb and citation,
 * made once per unit.
 */
import type { EntityType } from '../model/types.ts';
import { type ChunkUnit, decodeMarked, ENTITY_INDEX_LABEL, type UnitKind } from './format.ts';
import { type Compacted, compact, compactWithMap, fold } from './fold.ts';

export interface PreparedUnit {
  /** The plan's position in the manifest. */
  plan: number;
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
  /** Entity types: an entity's own; for a node, the types of the entities it mentions. */
  entityTypes: EntityType[];
  /** It reports the previous period (回顾). */
  review: boolean;
  /** Two-character words of the unit as jieba cut it (compact): what an expansion must not cut. */
  pairs: ReadonlySet<string>;
  /** Positions of the compact text where a word starts or ends, as jieba cut it. */
  boundaries: ReadonlySet<number>;
}

/** What the unit table knows of a unit. */
export interface UnitRow {
  plan: number;
  index: number;
  kind: UnitKind;
  chapter: number;
  section: number;
  entityTypes: EntityType[];
  review: boolean;
}

export function prepareUnit(row: UnitRow, u: ChunkUnit, citationPrefix: string): PreparedUnit {
  const { text, marks } = decodeMarked(u.x);
  const title = u.t ?? u.h;
  return {
    plan: row.plan,
    index: row.index,
    id: u.id,
    kind: row.kind,
    chapter: row.chapter || null,
    section: row.section || null,
    heading: u.h,
    title,
    breadcrumb: u.b,
    url: u.u,
    citation:
      row.kind === 'entity'
        ? `${citationPrefix}${ENTITY_INDEX_LABEL}“${u.h}”`
        : citationPrefix + u.q,
    text,
    compact: compact(text),
    headingCompact: compact(u.h),
    entityTypes: row.entityTypes,
    review: row.review,
    pairs: twoCharacterWords(text, marks),
    boundaries: wordBoundaries(text, marks),
  };
}

/**
 * Word boundaries in compact coordinates: where jieba put a mark, where punctuation or a space
 * was dropped, where Han meets Latin or digits, and both ends.
 */
function wordBoundaries(text: string, marks: readonly number[]): Set<number> {
  const { start, end } = compactWithMap(text);
  const cuts = new Set(marks);
  const han = /\p{Script=Han}/u;
  const out = new Set<number>([0, start.length]);
  for (let i = 1; i < start.length; i++) {
    const previous = text.slice(start[i - 1], end[i - 1]);
    const current = text.slice(start[i], end[i]);
    if (cuts.has(start[i]!) || start[i] !== end[i - 1] || han.test(previous) !== han.test(current))
      out.add(i);
  }
  return out;
}

/** The words of exactly two Han characters between marks (or run edges), folded. */
function twoCharacterWords(text: string, marks: readonly number[]): Set<string> {
  const out = new Set<string>();
  const cuts = new Set(marks);
  let start = 0;
  const han = /\p{Script=Han}/u;
  const flush = (end: number) => {
    const word = text.slice(start, end);
    if ([...word].length === 2) out.add(fold(word));
  };
  let i = 0;
  for (const ch of text) {
    if (!han.test(ch)) {
      flush(i);
      start = i + ch.length;
    } else if (cuts.has(i)) {
      flush(i);
      start = i;
    }
    i += ch.length;
  }
  flush(i);
  return out;
}

/** The compact text with its offset map, built the first time a unit is shown (snippets only). */
const compactedCache = new WeakMap<PreparedUnit, Compacted>();
export function compactedOf(unit: PreparedUnit): Compacted {
  let c = compactedCache.get(unit);
  if (!c) compactedCache.set(unit, (c = compactWithMap(unit.text)));
  return c;
}
