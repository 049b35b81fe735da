import type { DocumentNode, EntityType } from '../../src/model/types.ts';
import { TYPE_ORDER as TYPES } from '../../src/model/entity-labels.ts';
import type { IssueCollector } from './errors.ts';
import { textFields } from './gazetteer.ts';

/**
 * A plan's curated entity list, content/plans/<slug>/entities.json, optional (docs/entities.md):
 * canonical names with their type and aliases, type fixes, a stoplist of names the rules get
 * wrong, and the entity IDs the plan published before (publishedIds). Read and checked against
 * the text here; applied in gazetteer.ts and entities.ts.
 */

export interface CuratedEntity {
  name: string;
  type: EntityType;
  aliases?: string[];
  /** Why it is curated (kept in the file for the reviewer, ignored here). */
  note?: string;
}

export interface CuratedList {
  entities: CuratedEntity[];
  /** Names the derivation rules produce that are not entities (generic phrases, figures of speech). */
  stoplist: string[];
  /**
   * Entity IDs the plan published before, each with the name it was published for: their URLs
   * keep working (an entity's `formerIds`, or the index's `retired`).
   */
  publishedIds?: [string, string][];
}

/** The 1-based line of the first occurrence of `needle` in `text` (1 when absent). */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/**
 * Read content/entities/curated.json. Every problem is reported to `issues`
 * (rule `curated-*`, with the line it is on); the entries that are sound are
 * returned, so the caller decides when to stop (`issues.throwIfAny()`).
 */
export function parseCurated(text: string, issues: IssueCollector): CuratedList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    issues.add(1, 'curated-json', `not valid JSON: ${(error as Error).message}`);
    return { entities: [], stoplist: [] };
  }
  const { entities, stoplist, publishedIds } = (json ?? {}) as Record<string, unknown>;
  const out: CuratedList = { entities: [], stoplist: [] };
  if (!Array.isArray(entities))
    issues.add(1, 'curated-shape', 'expected "entities": [ {name, type, aliases?}, … ]');
  if (!Array.isArray(stoplist))
    issues.add(1, 'curated-shape', 'expected "stoplist": [ "name", … ]');
  const seen = new Set<string>();
  for (const [i, e] of (Array.isArray(entities) ? entities : []).entries()) {
    const entry = (e ?? {}) as Partial<CuratedEntity>;
    const name = typeof entry.name === 'string' ? entry.name : '';
    const line = name ? lineOf(text, `"${name}"`) : 1;
    if ([...name].length < 2) {
      issues.add(
        line,
        'curated-name',
        `entities[${i}]: name must be a string of two or more characters`,
      );
      continue;
    }
    if (!TYPES.includes(entry.type as EntityType)) {
      issues.add(
        line,
        'curated-type',
        `${name}: type must be one of ${TYPES.join(', ')}; found ${JSON.stringify(entry.type)}`,
      );
      continue;
    }
    const aliases = entry.aliases ?? [];
    if (
      !Array.isArray(aliases) ||
      aliases.some((a) => typeof a !== 'string' || [...a].length < 2)
    ) {
      issues.add(
        line,
        'curated-alias',
        `${name}: aliases must be strings of two or more characters`,
      );
      continue;
    }
    const twice = [name, ...aliases].find((n) => seen.has(n));
    if (twice) {
      issues.add(
        lineOf(text, `"${twice}"`),
        'curated-duplicate',
        `"${twice}" is listed twice; a name or alias belongs to one entity`,
      );
      continue;
    }
    for (const n of [name, ...aliases]) seen.add(n);
    out.entities.push({ name, type: entry.type as EntityType, aliases });
  }
  if (publishedIds !== undefined) {
    const ok =
      Array.isArray(publishedIds) &&
      publishedIds.every(
        (p) =>
          Array.isArray(p) &&
          p.length === 2 &&
          typeof p[0] === 'string' &&
          /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(p[0]) &&
          typeof p[1] === 'string',
      );
    if (!ok)
      issues.add(
        lineOf(text, '"publishedIds"'),
        'curated-published',
        'expected "publishedIds": [ ["slug", "name"], … ] with URL-safe slugs',
      );
    else out.publishedIds = publishedIds as [string, string][];
  }
  for (const s of Array.isArray(stoplist) ? stoplist : []) {
    if (typeof s !== 'string')
      issues.add(
        1,
        'curated-stoplist',
        `stoplist entries must be strings; found ${JSON.stringify(s)}`,
      );
    else if (seen.has(s))
      issues.add(
        lineOf(text, `"${s}"`),
        'curated-stoplist',
        `"${s}" is both an entity and on the stoplist`,
      );
    else out.stoplist.push(s);
  }
  return out;
}

/**
 * Curated names and aliases that the plan never prints: a typo or a stale
 * entry. Reported as `curated-not-in-text` so the build fails on them.
 */
export function checkCuratedInText(
  document: DocumentNode,
  curated: CuratedList,
  curatedText: string,
  issues: IssueCollector,
): void {
  const texts = textFields(document).map((f) => f.text);
  for (const e of curated.entities) {
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      if (!texts.some((t) => t.includes(n)))
        issues.add(
          lineOf(curatedText, `"${n}"`),
          'curated-not-in-text',
          `"${n}" (${e.name}) does not occur in the plan`,
        );
    }
  }
}
