import { pinyin } from 'pinyin-pro';
import type {
  DocumentNode,
  Entity,
  EntityIndex,
  EntityMention,
  EntityType,
} from '../../src/model/types.ts';
import { TYPE_ORDER as TYPES } from '../../src/model/entity-labels.ts';
import type { CuratedList } from './curated.ts';
import { gazetteer, rank, textFields, type TextField } from './gazetteer.ts';

/**
 * Entities: a gazetteer derived from the plan itself plus a curated list,
 * then every occurrence of every name tagged (docs/entities.md, "Entities").
 *
 * The gazetteer is built in gazetteer.ts, the curated list read in curated.ts.
 *
 * Tagging: leftmost-longest over every name and alias in every text field
 * (headings' titles, measures' leads and texts, paragraphs', box items',
 * figures' and notes' texts, indicator names). Top-level mentions never
 * overlap: where 青岛国际院士港研究院 is printed, that is a mention of the
 * institute. Inside each top-level mention, the names printed within it are
 * tagged again (leftmost-longest) and marked `within` the longer one — so
 * 振华路街道 is found inside the B8.2 project name — except inside policy
 * terms, whose words are coinages (人工智能+教育 says nothing of 智能+).
 */

/* --------------------------------------------------------------- tagging */

/** A mention found by `tagMentions`, keyed by the entity's canonical name. */
export interface TaggedMention {
  key: string;
  mention: EntityMention;
  /** For a name printed inside a longer one: the canonical name of the longer one. */
  within?: string;
}

/**
 * Leftmost-longest matches of any surface form in every field; then, inside
 * each match, the names printed within it (振华路街道 inside
 * 振华路街道四流中路社区卫生服务中心新迁址工程), again leftmost-longest,
 * marked `within`.
 */
export function tagMentions(
  fields: TextField[],
  surfaces: ReadonlyMap<string, string>,
  /** Canonical names whose mentions are not searched for names within (coined policy terms: 人工智能+教育 is no mention of 智能+). */
  opaque: ReadonlySet<string> = new Set(),
): TaggedMention[] {
  const byFirst = new Map<string, string[]>();
  for (const s of surfaces.keys()) {
    const first = s[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), s]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  /** Leftmost-longest in text[from, to), never a surface of the entity `skip` (the container). */
  const scan = (text: string, from: number, to: number, skip?: string): [number, string][] => {
    const hits: [number, string][] = [];
    let i = from;
    while (i < to) {
      const hit = byFirst
        .get(text[i]!)
        ?.find((s) => i + s.length <= to && text.startsWith(s, i) && surfaces.get(s) !== skip);
      if (hit) hits.push([i, hit]);
      i += hit ? hit.length : 1;
    }
    return hits;
  };
  const out: TaggedMention[] = [];
  for (const { node, field, text } of fields) {
    for (const [start, surface] of scan(text, 0, text.length)) {
      const key = surfaces.get(surface)!;
      const end = start + surface.length;
      out.push({ key, mention: { node, field, start, end, text: surface } });
      if (opaque.has(key)) continue;
      for (const [s, inner] of scan(text, start, end, key)) {
        const innerKey = surfaces.get(inner)!;
        out.push({
          key: innerKey,
          mention: { node, field, start: s, end: s + inner.length, text: inner },
          within: key,
        });
      }
    }
  }
  return out;
}

/* ----------------------------------------------------------------- slugs */

/** A URL-safe slug from a name: toneless pinyin syllables, Latin and digits kept, joined by '-'. */
export function slugify(name: string): string {
  const parts = pinyin(name.replace(/\+/g, ' plus '), {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
  });
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/* ------------------------------------------------------------------ main */

/**
 * The entity index: every gazetteer entry that the text mentions at least
 * once, with all its mentions. Pure: the document is not changed.
 */
export function extractEntities(document: DocumentNode, curated: CuratedList): EntityIndex {
  const entries = gazetteer(document, curated);
  const surfaces = new Map<string, string>();
  for (const c of entries) {
    surfaces.set(c.name, c.name);
    for (const a of c.aliases) surfaces.set(a, c.name);
  }
  const opaque = new Set(entries.filter((c) => c.type === 'policy').map((c) => c.name));
  const tagged = tagMentions(textFields(document), surfaces, opaque);
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const c of entries) {
    if (!tagged.some((t) => t.key === c.name)) continue;
    let id = slugify(c.name);
    if (used.has(id)) id = `${id}-${c.type}`;
    for (let k = 2; used.has(id); k += 1) id = `${slugify(c.name)}-${k}`;
    used.add(id);
    ids.set(c.name, id);
  }
  const mentions = new Map<string, EntityMention[]>();
  for (const { key, mention, within } of tagged) {
    const m: EntityMention = within ? { ...mention, within: ids.get(within)! } : mention;
    mentions.set(key, [...(mentions.get(key) ?? []), m]);
  }
  const entities: Entity[] = [];
  for (const c of entries) {
    const list = mentions.get(c.name);
    const id = ids.get(c.name);
    if (!list || !id) continue;
    const aliases = [...c.aliases].filter((a) => a !== c.name).sort();
    const entity: Entity = {
      id,
      type: c.type,
      name: c.name,
      aliases,
      sources: [...c.sources].sort((a, b) => rank(a) - rank(b)),
      mentions: list,
    };
    if (c.nodes.size > 0) entity.nodes = [...c.nodes];
    entities.push(entity);
  }
  const counts = Object.fromEntries(TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const e of entities) counts[e.type] += 1;
  return { schema: 2, entities, counts };
}
