/**
 * Build the search index (format: src/search/format.ts; design: docs/search.md).
 *
 * Per plan (buildPlanSearch): the units, segmented by jieba with the plan's
 * domain dictionary; MiniSearch's word postings (built here with the same
 * options the engine queries with); character-bigram postings; entity names;
 * the unit table; the text in chunks; the plan's own term shards; the pinyin
 * words. Then the corpus (corpusSearchFiles): the corpus's term shards (every
 * plan's postings, merged term by term), its pinyin words and the manifest.
 *
 * Every stage is linear in the text (a test doubles a 128,000-character
 * clause and checks the time at most about doubles).
 *
 * Called by scripts/build.ts; the build writes the files in the same atomic
 * write as plan.json.
 *
 * One module because it is the one writer of that format: a plan's files, the
 * corpus's merge of every plan's postings and the read-back of a plan's files
 * for `--only` (readPlanSearch) share the shard and pinyin cutting and must
 * agree with each other and with the engine's reader. Segmentation, the
 * dictionary, units, readings and t2s are in their own modules.
 */
import MiniSearch from 'minisearch';
import { searchPath } from '../../src/model/artifacts.ts';
import { TYPE_LABELS } from '../../src/model/entity-labels.ts';
import { walk } from '../../src/model/tree.ts';
import type { EntityIndex, PlanFile } from '../../src/model/types.ts';
import { entityUrl } from '../../src/model/urls.ts';
import {
  type ChunkUnit,
  decodeMarked,
  encodeMarked,
  encodePostings,
  END,
  ENTITY_INDEX_LABEL,
  ENTITY_TYPE_BITS,
  INDEX_OPTIONS,
  INDEX_VERSION,
  KIND_CODES,
  type ManifestPlan,
  type PinyinShard,
  type Postings,
  REVIEW_BIT,
  type ScopeInfo,
  type SearchManifest,
  shardOf,
  type TermShard,
  type TextChunk,
  type Topic,
  UNIT_KINDS,
  type UnitKind,
  type UnitTable,
} from '../../src/search/format.ts';
import { compact, fold, HAN_CHAR } from '../../src/search/fold.ts';
import { type IndexedDoc, MINISEARCH_OPTIONS } from '../../src/search/options.ts';
import { markText, tokenize, Vocabulary, tokenWords } from '../../src/search/segment.ts';
import { type TermSource, createSegmenter, domainTerms } from './dictionary.ts';
import { buildReadings } from './readings.ts';
import { buildPinyinMap, MAX_WORDS_PER_KEY, parseReadings } from '../../src/search/pinyin-match.ts';
import { reviewRoots } from './review.ts';
import { buildT2sPairs } from './t2s.ts';
import { parseTopics, usableTopics } from './topics.ts';
import { collectUnits, type SourceUnit } from './units.ts';

export class SearchBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`search index: ${problems.length} problem(s)\n${problems.join('\n')}`);
  }
}

/** Raw JSON characters a term shard aims at (about 1.2 KB brotli): docs/search.md, "Shard and chunk size". */
export const SHARD_TARGET = 4_000;
/** Raw JSON characters a text chunk aims at (about 1 KB brotli, a dozen units). */
export const CHUNK_TARGET = 2_000;

/** The search inputs besides the plan: its extra jieba terms and the reviewed topic map. */
export interface SearchSources {
  /** Extra words for jieba, each of which must occur in the plan. */
  curatedTerms: string[];
  /** Where they came from, for messages. */
  curatedTermsFile: string;
  /** content/search/topics.txt, as text. */
  topics: string;
}

/** A plan's searchable text, compact (fold.ts): what topic targets are looked for in. */
export function planCompactText(plan: PlanFile): string {
  return collectUnits(plan.document)
    .map((u) => compact(fold(u.text)))
    .join('\u0000');
}

/** One scope's terms before they are cut into shards: per term, per plan. */
interface ScopeTerms {
  /** word → count in the scope, and postings per plan position. */
  words: Map<string, { count: number; plans: Map<number, string> }>;
  bigrams: Map<string, Map<number, string>>;
  names: Map<string, Map<number, string>>;
}

/** What the build makes of one plan for search: its files and what the corpus merges. */
export interface PlanSearch {
  info: ManifestPlan;
  table: UnitTable;
  chunks: TextChunk[];
  /** The plan's own term shards. */
  shards: TermShard[];
  /** The plan's pinyin map, by first letter. */
  pinyin: Map<string, PinyinShard>;
  /** The generated domain dictionary (terms.txt), empty for a plan read back from its files. */
  terms: Map<string, TermSource>;
  /** The plan's files under search/, by path. */
  files: Record<string, string>;
}

const emptyTerms = (): ScopeTerms => ({ words: new Map(), bigrams: new Map(), names: new Map() });

/** Postings from per-unit counts (units ascending). */
function postingsOf(entries: [number, number, number][]): string {
  const p: Postings = { units: [], tf: [], htf: [] };
  for (const [unit, tf, htf] of entries.sort((a, b) => a[0] - b[0])) {
    p.units.push(unit);
    p.tf.push(tf);
    p.htf.push(htf);
  }
  return encodePostings(p);
}

/**
 * The search index of one plan, with the domain dictionary it was segmented with. Throws a
 * SearchBuildError listing every problem of the inputs (`file:line: reason`).
 */
export function buildPlanSearch(
  plan: PlanFile,
  entities: EntityIndex | null,
  sources: SearchSources,
): PlanSearch {
  const problems: string[] = [];
  const units = collectUnits(plan.document);
  const planCompact = units.map((u) => compact(fold(u.text))).join('\u0000');

  for (const term of sources.curatedTerms) {
    if (!planCompact.includes(compact(term)))
      problems.push(`${sources.curatedTermsFile}: "${term}" does not occur in the plan`);
  }
  // A malformed line of the topic map fails; a target no plan of this corpus uses does not
  // (topics.ts checkTopics: the build prints it, and the committed corpus's test refuses it).
  const parsed = parseTopics(sources.topics);
  problems.push(...parsed.problems);
  const citationPrefix = `《${plan.meta.title}》`;
  for (const u of units) {
    if (!u.citation.startsWith(citationPrefix))
      problems.push(`${u.id}: citation does not start with ${citationPrefix}`);
  }
  if (problems.length > 0) throw new SearchBuildError(problems);

  // 1. Segment every unit with jieba and the plan's domain dictionary.
  const terms = domainTerms(units, sources.curatedTerms);
  const jieba = createSegmenter(terms);
  const tokens = units.map((u) => {
    const cut = jieba.cut(u.text, false);
    // jieba returns every character, punctuation included; anything else would corrupt the text.
    if (cut.join('') !== u.text)
      throw new SearchBuildError([`${u.id}: jieba did not return the text it was given`]);
    return cut;
  });
  const all: IndexUnit[] = units.map((u, i) => ({
    ...u,
    tokens: tokens[i]!,
    mentions: [] as number[],
  }));
  if (entities) all.push(...entityUnits(entities, all, (t) => jieba.cut(t, false)));

  // 2. The vocabulary: every word jieba gave, and the topic keys (so 看病 stays one word).
  const vocabulary = Vocabulary.fromTokens(all.map((u) => u.tokens));
  for (const topic of parsed.topics) {
    for (const key of topic.keys) {
      const k = compact(fold(key));
      if (HAN_CHAR.test(k) && !vocabulary.has(k)) vocabulary.add(k, 2);
    }
  }

  // 3. Words: MiniSearch's postings, built with the options the engine searches with.
  // Indexed as jieba's search mode does (cut_for_search): a long word also yields the words of
  // the vocabulary inside it, so 生产总值 is a word of 地区|生产总值增速 too. Queries are
  // tokenized as they are (MINISEARCH_OPTIONS.tokenize): a query word matches a word or a part.
  const miniSearch = new MiniSearch<IndexedDoc>({
    ...MINISEARCH_OPTIONS,
    tokenize: (marked) => withParts(tokenize(marked), vocabulary),
  });
  miniSearch.addAll(
    all.map((u, id) => ({
      id,
      h: markText(u.heading, vocabulary),
      x: encodeMarked(u.tokens),
    })),
  );
  const serialized = miniSearch.toJSON();
  const scope = emptyTerms();
  for (const [term, fields] of serialized.index) {
    const entries = new Map<number, [number, number, number]>();
    for (const [fieldId, docs] of Object.entries(fields)) {
      for (const [doc, tf] of Object.entries(docs as Record<string, number>)) {
        const unit = Number(doc);
        const entry = entries.get(unit) ?? [unit, 0, 0];
        if (Number(fieldId) === serialized.fieldIds.h) entry[2] = tf;
        else entry[1] = tf;
        entries.set(unit, entry);
      }
    }
    scope.words.set(term, {
      count: vocabulary.counts.get(term) ?? 0,
      plans: new Map([[0, postingsOf([...entries.values()])]]),
    });
  }
  // Vocabulary words MiniSearch does not index (topic keys): counts only, for the segmenter.
  for (const [word, count] of vocabulary.counts)
    if (!scope.words.has(word)) scope.words.set(word, { count, plans: new Map() });

  // 4. Character bigrams of the compact text (and `X$` for the last character), with the heading.
  const bigramEntries = new Map<string, [number, number, number][]>();
  all.forEach((u, index) => {
    const counts = new Map<string, [number, number, number]>();
    const text = [...compact(u.text)];
    const heading = [...compact(u.heading)];
    for (let i = 0; i < text.length; i++) {
      const g = text[i]! + (text[i + 1] ?? END);
      const entry = counts.get(g) ?? [index, 0, 0];
      entry[1]++;
      counts.set(g, entry);
    }
    for (let i = 0; i < heading.length; i++) {
      const g = heading[i]! + (heading[i + 1] ?? END);
      const entry = counts.get(g) ?? [index, 0, 0];
      entry[2] = 1;
      counts.set(g, entry);
    }
    for (const [g, entry] of counts) {
      let list = bigramEntries.get(g);
      if (!list) bigramEntries.set(g, (list = []));
      list.push(entry);
    }
  });
  for (const [g, entries] of bigramEntries)
    scope.bigrams.set(g, new Map([[0, postingsOf(entries)]]));

  // 5. Entity names and aliases → the entity's unit and the units that mention it.
  const mentioning = new Map<number, number[]>();
  all.forEach((u, i) => {
    for (const m of u.mentions) {
      let list = mentioning.get(m);
      if (!list) mentioning.set(m, (list = []));
      list.push(i);
    }
  });
  all.forEach((u, index) => {
    if (!u.entity) return;
    for (const name of new Set([u.heading, ...u.entity.aliases].map((n) => compact(fold(n))))) {
      if (!name) continue;
      scope.names.set(name, new Map([[0, [index, ...(mentioning.get(index) ?? [])].join(',')]]));
    }
  });

  // 6. The unit table, the chunks and the plan's shards.
  const reviewed = reviewUnits(plan, units);
  const fieldLength = serialized.fieldLength as Record<string, number[]>;
  const { chunks, starts } = chunkUnits(all, plan);
  const table: UnitTable = {
    version: INDEX_VERSION,
    plan: plan.slug,
    id: all.map((u) => (u.entity ? '' : u.id)),
    k: all.map((u) => KIND_CODES[UNIT_KINDS.indexOf(u.kind)]).join(''),
    c: all.map((u) => u.chapter),
    s: all.map((u) => u.section),
    n: all.map((u) => compact(u.text).length),
    hn: all.map((u) => compact(u.heading).length),
    fl: all.flatMap((_, i) => fieldLength[i] ?? [0, 0]),
    f: all.map((u, i) => {
      const types = u.entity
        ? [u.entity.type]
        : [...new Set(u.mentions.map((m) => all[m]!.entity!.type))];
      let bits = 0;
      for (const t of types) bits |= 1 << ENTITY_TYPE_BITS.indexOf(t);
      return bits | (reviewed.has(i) ? REVIEW_BIT : 0);
    }),
    cs: starts,
  };
  const pinyin = pinyinShards(vocabulary);
  const scopeInfo: ScopeInfo = {
    shards: 0,
    total: vocabulary.size,
    maxWord: vocabulary.maxLength,
    pinyin: [...pinyin.keys()].join(''),
  };
  const shards = cutShards(scope, scopeInfo);
  const info: ManifestPlan = {
    slug: plan.slug,
    name: plan.meta.shortName,
    citationPrefix,
    period: [plan.meta.period.start, plan.meta.period.end],
    units: all.length,
    chunks: chunks.length,
    scope: scopeInfo,
  };
  const files: Record<string, string> = {
    [searchPath({ kind: 'units', plan: plan.slug })]: JSON.stringify(table),
  };
  for (const [letter, shard] of pinyin)
    files[searchPath({ kind: 'pinyin', plan: plan.slug, letter })] = JSON.stringify(shard);
  shards.forEach((shard, n) => {
    files[searchPath({ kind: 'terms', plan: plan.slug, shard: n })] = JSON.stringify(shard);
  });
  chunks.forEach((chunk, n) => {
    files[searchPath({ kind: 'text', plan: plan.slug, chunk: n })] = JSON.stringify(chunk);
  });
  return { info, table, chunks, shards, pinyin, terms, files };
}

/** Terms and, for a Han word of three or more characters, the vocabulary's words inside it. */
function withParts(terms: string[], vocabulary: Vocabulary): string[] {
  const out = [...terms];
  for (const term of terms) {
    const chars = [...term];
    if (chars.length < 3 || !HAN_CHAR.test(chars[0]!)) continue;
    // Parts of up to six characters (the domain dictionary's longest terms): linear in the text.
    for (let n = 2; n < Math.min(chars.length, 7); n++) {
      for (let i = 0; i + n <= chars.length; i++) {
        const part = chars.slice(i, i + n).join('');
        if ((vocabulary.counts.get(part) ?? 0) >= 2) out.push(part);
      }
    }
  }
  return out;
}

/** A unit being indexed: a node of the plan or an entity, with jieba's tokens. */
interface IndexUnit extends Omit<SourceUnit, 'kind'> {
  kind: UnitKind;
  tokens: string[];
  /** Indices of the entity units it mentions. */
  mentions: number[];
  entity?: { type: EntityIndex['entities'][number]['type']; aliases: string[]; slug: string };
}

/**
 * One unit per entity, appended after the plan's units: its name and aliases as text, its page
 * as URL. Sets `mentions` on every unit that mentions one.
 */
function entityUnits(
  entities: EntityIndex,
  units: IndexUnit[],
  cut: (text: string) => string[],
): IndexUnit[] {
  const byId = new Map(units.map((u, i) => [u.id, i]));
  const out: IndexUnit[] = [];
  for (const entity of entities.entities) {
    const index = units.length + out.length;
    for (const m of entity.mentions) {
      const at = byId.get(m.node);
      if (at === undefined)
        throw new SearchBuildError([`entity ${entity.id}: mention in unknown node ${m.node}`]);
      if (!units[at]!.mentions.includes(index)) units[at]!.mentions.push(index);
    }
    const text = entity.aliases.length
      ? `${entity.name}（${entity.aliases.join('、')}）`
      : entity.name;
    out.push({
      id: entity.id,
      kind: 'entity',
      chapter: 0,
      section: 0,
      parent: -1,
      crumb: '',
      heading: entity.name,
      url: entityUrl(entity.id),
      citation: '',
      text,
      tokens: cut(text),
      mentions: [],
      entity: { type: entity.type, aliases: entity.aliases, slug: entity.id },
    });
  }
  for (const u of units) u.mentions.sort((a, b) => a - b);
  return out;
}

/** Positions (in `units`) of the units under a review heading (review.ts). */
function reviewUnits(plan: PlanFile, units: SourceUnit[]): Set<number> {
  const roots = reviewRoots(plan.document);
  const inReview = new Set<string>();
  for (const { node, parents } of walk(plan.document)) {
    if (roots.has(node.id) || parents.some((p) => roots.has(p.id))) inReview.add(node.id);
  }
  const out = new Set<number>();
  units.forEach((u, i) => {
    if (inReview.has(u.id)) out.add(i);
  });
  return out;
}

/** The units in chunks of about CHUNK_TARGET characters, in tree order (a section's units together). */
function chunkUnits(units: IndexUnit[], plan: PlanFile): { chunks: TextChunk[]; starts: number[] } {
  const citationPrefix = `《${plan.meta.title}》`;
  const chunks: TextChunk[] = [];
  const starts: number[] = [];
  let current: ChunkUnit[] = [];
  let size = 0;
  const flush = (next: number) => {
    if (current.length === 0) return;
    chunks.push({ version: INDEX_VERSION, from: next - current.length, units: current });
    starts.push(next - current.length);
    current = [];
    size = 0;
  };
  units.forEach((u, i) => {
    const entry = chunkUnit(u, units, citationPrefix);
    const length = JSON.stringify(entry).length;
    if (size > 0 && size + length > CHUNK_TARGET) flush(i);
    current.push(entry);
    size += length;
  });
  flush(units.length);
  return { chunks, starts };
}

function chunkUnit(u: IndexUnit, units: IndexUnit[], citationPrefix: string): ChunkUnit {
  const title = u.title ?? u.heading;
  const crumbs: string[] = [];
  for (let p = u.parent; p >= 0; p = units[p]!.parent) crumbs.unshift(units[p]!.crumb);
  if (u.crumb && u.crumb !== title) crumbs.push(u.crumb);
  crumbs.push(title);
  const entry: ChunkUnit = {
    id: u.id,
    b: u.entity
      ? [ENTITY_INDEX_LABEL, TYPE_LABELS[u.entity.type], ...crumbs]
      : crumbs.filter(Boolean),
    h: u.heading,
    u: u.url,
    q: u.entity ? '' : u.citation.slice(citationPrefix.length),
    x: encodeMarked(u.tokens),
  };
  if (u.title !== undefined && u.title !== u.heading) entry.t = u.title;
  if (u.entity && u.entity.aliases.length) entry.a = u.entity.aliases;
  return entry;
}

/** The scope's terms cut into shards of about SHARD_TARGET characters; sets `info.shards`. */
function cutShards(terms: ScopeTerms, info: ScopeInfo): TermShard[] {
  const flat = (m: Map<number, string>): (number | string)[] =>
    [...m].sort((a, b) => a[0] - b[0]).flatMap(([plan, p]) => [plan, p]);
  const entries: { term: string; kind: 'w' | 'g' | 'e'; value: (number | string)[] }[] = [];
  for (const [term, { count, plans: p }] of terms.words)
    entries.push({ term, kind: 'w', value: [count, ...flat(p)] });
  for (const [term, p] of terms.bigrams) entries.push({ term, kind: 'g', value: flat(p) });
  for (const [term, p] of terms.names) entries.push({ term, kind: 'e', value: flat(p) });
  let size = 0;
  for (const e of entries) size += e.term.length + JSON.stringify(e.value).length + 6;
  const count = Math.max(1, Math.round(size / SHARD_TARGET));
  info.shards = count;
  const shards: TermShard[] = Array.from({ length: count }, () => ({
    version: INDEX_VERSION,
    w: {},
    g: {},
    e: {},
  }));
  entries.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  for (const e of entries) shards[shardOf(e.term, count)]![e.kind][e.term] = e.value;
  return shards;
}

/**
 * The scope's pinyin → word map (pinyin-match.ts, from pinyin-pro's readings of every word in
 * context: readings.ts), cut by the first letter of the key.
 */
function pinyinShards(vocabulary: Vocabulary): Map<string, PinyinShard> {
  const words = new Map([...vocabulary.counts].filter(([w]) => /^\p{Script=Han}{2,}$/u.test(w)));
  const map = buildPinyinMap(words, parseReadings(buildReadings(words.keys())));
  return cutPinyin(map);
}

function cutPinyin(map: Map<string, string[]>): Map<string, PinyinShard> {
  const shards = new Map<string, PinyinShard>();
  for (const key of [...map.keys()].sort()) {
    const letter = key[0]!;
    let shard = shards.get(letter);
    if (!shard) shards.set(letter, (shard = { version: INDEX_VERSION, keys: {} }));
    shard.keys[key] = map.get(key)!;
  }
  return shards;
}

/** A plan's search data read back from the files a previous build wrote (for `--only`). */
export function readPlanSearch(info: ManifestPlan, read: (path: string) => string): PlanSearch {
  const files: Record<string, string> = {};
  const json = <T>(path: string): T => {
    files[path] = read(path);
    return JSON.parse(files[path]) as T;
  };
  const table = json<UnitTable>(searchPath({ kind: 'units', plan: info.slug }));
  const pinyin = new Map(
    [...info.scope.pinyin].map((letter) => [
      letter,
      json<PinyinShard>(searchPath({ kind: 'pinyin', plan: info.slug, letter })),
    ]),
  );
  const shards = Array.from({ length: info.scope.shards }, (_, n) =>
    json<TermShard>(searchPath({ kind: 'terms', plan: info.slug, shard: n })),
  );
  const chunks = Array.from({ length: info.chunks }, (_, n) =>
    json<TextChunk>(searchPath({ kind: 'text', plan: info.slug, chunk: n })),
  );
  return { info, table, chunks, shards, pinyin, terms: new Map(), files };
}

/**
 * The corpus's files: its term shards (every plan's postings, term by term, each plan at its
 * position in `plans`), its pinyin words and the manifest; plus every plan's own files.
 */
export function corpusSearchFiles(plans: PlanSearch[], topicsText: string): Record<string, string> {
  const files: Record<string, string> = {};
  const scope = emptyTerms();
  const vocabulary = new Vocabulary();
  plans.forEach((p, position) => {
    Object.assign(files, p.files);
    for (const shard of p.shards) {
      for (const [term, value] of Object.entries(shard.w)) {
        const [count, ...rest] = value as [number, ...(number | string)[]];
        let entry = scope.words.get(term);
        if (!entry) scope.words.set(term, (entry = { count: 0, plans: new Map() }));
        entry.count += count;
        if (rest.length >= 2) entry.plans.set(position, rest[1] as string);
      }
      for (const [term, value] of Object.entries(shard.g)) {
        let entry = scope.bigrams.get(term);
        if (!entry) scope.bigrams.set(term, (entry = new Map()));
        entry.set(position, value[1] as string);
      }
      for (const [term, value] of Object.entries(shard.e)) {
        let entry = scope.names.get(term);
        if (!entry) scope.names.set(term, (entry = new Map()));
        entry.set(position, value[1] as string);
      }
    }
  });
  for (const [word, { count }] of scope.words) vocabulary.add(word, count);
  // The corpus's pinyin map: each plan's words for a key, the most frequent in the corpus first.
  const keys = new Map<string, Set<string>>();
  for (const p of plans)
    for (const shard of p.pinyin.values())
      for (const [key, words] of Object.entries(shard.keys)) {
        let set = keys.get(key);
        if (!set) keys.set(key, (set = new Set()));
        for (const w of words) set.add(w);
      }
  const count = (w: string) => vocabulary.counts.get(w) ?? 0;
  const pinyin = cutPinyin(
    new Map(
      [...keys].map(([key, words]) => [
        key,
        [...words]
          .sort((a, b) => count(b) - count(a) || (a < b ? -1 : 1))
          .slice(0, MAX_WORDS_PER_KEY),
      ]),
    ),
  );
  const corpus: ScopeInfo = {
    shards: 0,
    total: vocabulary.size,
    maxWord: vocabulary.maxLength,
    pinyin: [...pinyin.keys()].join(''),
  };
  cutShards(scope, corpus).forEach((shard, n) => {
    files[searchPath({ kind: 'terms', plan: null, shard: n })] = JSON.stringify(shard);
  });
  for (const [letter, shard] of pinyin)
    files[searchPath({ kind: 'pinyin', plan: null, letter })] = JSON.stringify(shard);
  const texts = plans.flatMap((p) =>
    p.chunks.flatMap((c) => c.units.map((u) => decodeMarked(u.x).text)),
  );
  const text = texts.join('');
  // Only the targets some plan of this corpus uses: a query is never expanded to a dead end.
  const topics: Topic[] = usableTopics(
    parseTopics(topicsText).topics,
    texts.map((t) => compact(fold(t))).join('\u0000'),
  );
  const manifest: SearchManifest = {
    version: INDEX_VERSION,
    options: INDEX_OPTIONS,
    plans: plans.map((p) => p.info),
    corpus,
    t2s: buildT2sPairs(text),
    topics,
  };
  files[searchPath({ kind: 'manifest' })] = JSON.stringify(manifest);
  return files;
}

/** The generated dictionary as reviewable text: `term<TAB>source`, sorted by source then term. */
export function termsReport(terms: Map<string, TermSource>): string {
  const lines = [...terms].sort((a, b) =>
    a[1] === b[1] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : 1,
  );
  return `# Domain dictionary jieba segmented the plan with (generated; see scripts/search-index/dictionary.ts)\n${lines
    .map(([w, s]) => `${w}\t${s}`)
    .join('\n')}\n`;
}

/** Words of a token list (for tests). */
export { tokenWords };

/**
 * The plan's search entry (`plans/<slug>/search/index.json`): which scope a page searches. The
 * index itself is under search/ (searchPath); this small file is what a page's search box
 * points the worker at.
 */
export function planEntryFile(slug: string): string {
  return JSON.stringify({ version: INDEX_VERSION, plan: slug });
}

/**
 * One plan's search index and its files in the plan's folder (ARTIFACTS.searchIndex, the entry;
 * searchTerms, the dictionary for review). The corpus files come later (corpusSearchFiles).
 */
export function buildSearchArtifacts(
  plan: PlanFile,
  entities: EntityIndex,
  sources: SearchSources,
): { search: PlanSearch; files: Record<'searchIndex' | 'searchTerms', string> } {
  const search = buildPlanSearch(plan, entities, sources);
  return {
    search,
    files: { searchIndex: planEntryFile(plan.slug), searchTerms: termsReport(search.terms) },
  };
}

/** A plan's search index as the last build wrote it (`--only`), or null when it is not there. */
export function keptPlanSearch(
  slug: string,
  exists: (path: string) => boolean,
  read: (path: string) => string,
): PlanSearch | null {
  const manifestPath = searchPath({ kind: 'manifest' });
  if (!exists(manifestPath)) return null;
  const manifest = JSON.parse(read(manifestPath)) as SearchManifest;
  const info = manifest.version === INDEX_VERSION && manifest.plans.find((p) => p.slug === slug);
  if (!info) return null;
  try {
    return readPlanSearch(info, read);
  } catch {
    return null;
  }
}

/** The plans' search data in the corpus's display order (corpus.json), for corpusSearchFiles. */
export function inCorpusOrder(plans: PlanSearch[], slugs: string[]): PlanSearch[] {
  return [...plans].sort((a, b) => slugs.indexOf(a.info.slug) - slugs.indexOf(b.info.slug));
}
