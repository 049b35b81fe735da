import { pinyin } from 'pinyin-pro';
import type {
  DocumentNode,
  Entity,
  EntityIndex,
  EntityMention,
  EntityType,
} from '../../src/model/types.ts';
import { TYPE_LABELS, TYPE_ORDER as TYPES } from '../../src/model/entity-labels.ts';
import { entityUrl } from '../../src/model/urls.ts';
import type { CuratedList } from './curated.ts';
import { gazetteer, rank, textFields, type TextField } from './gazetteer.ts';

/**
 * Entities: a gazetteer derived from the plan itself plus the plan's curated list, if it has
 * one, then every occurrence of every name tagged (docs/entities.md, "Entities").
 *
 * The gazetteer is built in gazetteer.ts and name-patterns.ts, the curated list read in
 * curated.ts.
 *
 * Tagging: leftmost-longest over every name and alias in every text field (headings' titles,
 * measures' leads and texts, paragraphs', box items', figures' and notes' texts, indicator
 * names): the longest name wins, and top-level mentions never overlap. Inside a top-level
 * mention only places are tagged again, marked `within` the longer one (`tagMentions`).
 *
 * Each scan is linear in the text: names are looked up by their first character.
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
 * Leftmost-longest matches of any surface form in every field: the longest name wins, so
 * 全球院士大数据库 is no mention of 大数据, nor 智能制造产业园 of 智能制造产业. Inside a
 * top-level mention only places are tagged again (`within`): a place printed in a longer name
 * locates it (振华路街道 in 振华路街道四流中路社区卫生服务中心新迁址工程); any other shorter
 * name there is part of the longer one's wording.
 */
export function tagMentions(
  fields: TextField[],
  surfaces: ReadonlyMap<string, string>,
  /** Canonical names of places: the only names tagged within a longer one. */
  places: ReadonlySet<string> = new Set(),
): TaggedMention[] {
  const byFirst = new Map<string, string[]>();
  for (const s of surfaces.keys()) {
    const list = byFirst.get(s[0]!);
    if (list) list.push(s);
    else byFirst.set(s[0]!, [s]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  /** Leftmost-longest in text[from, to), only names `accept` takes. */
  const scan = (
    text: string,
    from: number,
    to: number,
    accept: (surface: string) => boolean,
  ): [number, string][] => {
    const hits: [number, string][] = [];
    let i = from;
    while (i < to) {
      const hit = byFirst
        .get(text[i]!)
        ?.find((s) => i + s.length <= to && text.startsWith(s, i) && accept(s));
      if (hit) hits.push([i, hit]);
      i += hit ? hit.length : 1;
    }
    return hits;
  };
  const out: TaggedMention[] = [];
  for (const { node, field, text } of fields) {
    for (const [start, surface] of scan(text, 0, text.length, () => true)) {
      const key = surfaces.get(surface)!;
      const end = start + surface.length;
      out.push({ key, mention: { node, field, start, end, text: surface } });
      const inner = (s: string) => surfaces.get(s) !== key && places.has(surfaces.get(s)!);
      for (const [s, name] of scan(text, start, end, inner)) {
        out.push({
          key: surfaces.get(name)!,
          mention: { node, field, start: s, end: s + name.length, text: name },
          within: key,
        });
      }
    }
  }
  return out;
}

/* ----------------------------------------------------------------- slugs */

/** Entity IDs are at most this long: they are URL segments (/<plan>/entities/<id>/). */
export const MAX_SLUG = 40;

/** Toneless pinyin syllables of a name, Latin and digits kept, `+` as `plus`, joined by '-'. */
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

/** A short stable hash of a string (FNV-1a, 32 bits, base 36, 6 characters). */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(-6);
}

/**
 * A readable slug of at most MAX_SLUG characters: the pinyin slug when it fits; otherwise its
 * first syllables (cut at a '-') and a 6-character hash of the name, so two long names that
 * begin alike stay apart: 国家级氢能与燃料电池汽车工程技术研究中心青岛创新基地 →
 * `guo-jia-ji-qing-neng-yu-ran-liao-dian-6hxb2k`. `salt` makes another hash when one is taken.
 */
export function entitySlug(name: string, salt = ''): string {
  const full = slugify(name) || 'entity';
  if (full.length <= MAX_SLUG && !salt) return full;
  const hash = shortHash(salt ? `${name}|${salt}` : name);
  let head = full.slice(0, MAX_SLUG - hash.length - 1);
  if (full[head.length] !== '-' && head.includes('-')) head = head.slice(0, head.lastIndexOf('-'));
  return `${head.replace(/-+$/, '')}-${hash}`;
}

/* ------------------------------------------------------------------ main */

/**
 * The entity index: every gazetteer entry that the text mentions at least once, with all its
 * mentions, its type label and its page's plan path; entities whose published ID changed carry
 * the old ones (`formerIds`), and published IDs no entity carries any more are `retired`. Pure:
 * the document is not changed.
 */
export function extractEntities(document: DocumentNode, curated: CuratedList): EntityIndex {
  const entries = gazetteer(document, curated);
  const surfaces = new Map<string, string>();
  for (const c of entries) {
    surfaces.set(c.name, c.name);
    for (const a of c.aliases) surfaces.set(a, c.name);
  }
  const places = new Set(entries.filter((c) => c.type === 'place').map((c) => c.name));
  const tagged = tagMentions(textFields(document), surfaces, places);
  const mentions = new Map<string, EntityMention[]>();
  const withinKeys: { key: string; index: number; within: string }[] = [];
  for (const { key, mention, within } of tagged) {
    const list = mentions.get(key) ?? [];
    if (within) withinKeys.push({ key, index: list.length, within });
    list.push(mention);
    mentions.set(key, list);
  }
  // IDs, in name order (entries are sorted by name), unique in the plan.
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const c of entries) {
    if (!mentions.has(c.name)) continue;
    let id = entitySlug(c.name);
    for (let k = 0; used.has(id); k += 1) id = entitySlug(c.name, k === 0 ? c.type : `${k}`);
    used.add(id);
    ids.set(c.name, id);
  }
  for (const { key, index, within } of withinKeys)
    mentions.get(key)![index] = { ...mentions.get(key)![index]!, within: ids.get(within)! };
  // Old URLs: the IDs the plan published before, by the name they were published for.
  const formerOf = new Map<string, string[]>();
  const retired: { id: string; name: string; to: string | null }[] = [];
  for (const [oldId, name] of curated.publishedIds ?? []) {
    const owner = surfaces.get(name);
    const id = owner ? ids.get(owner) : undefined;
    if (id) {
      if (id !== oldId) formerOf.set(owner!, [...(formerOf.get(owner!) ?? []), oldId]);
      continue;
    }
    // The name is gone: redirect to the entity whose name holds it (平台打造 → 五大工程), if any.
    const holder = entries.find((c) => ids.has(c.name) && c.name.includes(name));
    retired.push({ id: oldId, name, to: holder ? ids.get(holder.name)! : null });
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
      typeLabel: TYPE_LABELS[c.type],
      url: entityUrl(id),
      name: c.name,
      aliases,
      sources: [...c.sources].sort((a, b) => rank(a) - rank(b)),
      mentions: list,
    };
    const former = formerOf.get(c.name);
    if (former) entity.formerIds = former;
    if (c.nodes.size > 0) entity.nodes = [...c.nodes];
    entities.push(entity);
  }
  const counts = Object.fromEntries(TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const e of entities) counts[e.type] += 1;
  return { schema: 2, entities, ...(retired.length ? { retired } : {}), counts };
}
