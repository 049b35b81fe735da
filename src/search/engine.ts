/**
 * The search engine: reads the sharded index (format.ts) through a loader and
 * answers queries in one plan or across every plan. The same class runs in
 * the browser's search worker (the loader fetches URLs), in the CLI and in the
 * tests (the loader reads files), so what the tests measure is what users get.
 *
 * A query, in order (docs/search.md):
 *
 * 1. analysis (query.ts) with the vocabulary of the shards of its characters;
 * 2. candidates from the postings: a concept's units are those holding every
 *    bigram of one of its alternatives (a superset of the units containing
 *    it; for one character, the union of its bigrams: exact), with bounds of
 *    its frequency and of whether it is in the heading;
 * 3. word-level BM25: MiniSearch over the word postings of those shards
 *    (loaded in MiniSearch's own serialized form), per plan;
 * 4. each candidate's score bounded from the postings (rank.ts's formula,
 *    which only grows with its inputs), then the text of the best bounds
 *    read, chunk by chunk, and the exact score computed, until no unread
 *    candidate's bound can beat the last hit shown (the threshold algorithm):
 *    the hits are exactly those a full scan would rank first;
 * 5. across plans, each plan is ranked with its own statistics (its BM25, its
 *    relevance normalized to its best unit) and the lists merged by score:
 *    federated search, as Meilisearch merges indexes.
 *
 * Tiers, higher always first: id (a clause ID typed as such), figure, title,
 * all, partial (rank.ts). An entity named exactly goes right after the best
 * clause; units mentioning it get a boost; units of a plan's review (回顾)
 * rank after what the plan will do unless the query asks about the past.
 *
 * One module because one SearchEngine holds the state every step shares: the
 * shards, unit tables and text chunks loaded so far, from which step 4 bounds
 * the candidates and of which its loop reads more. The loading, the caches and
 * that loop change with the index format (format.ts) together; the pure parts
 * of a query are in query.ts, rank.ts, snippet.ts and segment.ts, and the
 * checks at the end guard the same files as they are loaded.
 */
import MiniSearch from 'minisearch';
import { searchPath } from '../model/artifacts.ts';
import type { EntityType } from '../model/types.ts';
import {
  decodePostings,
  ENTITY_TYPE_BITS,
  INDEX_OPTIONS,
  INDEX_VERSION,
  KIND_CODES,
  KIND_LABELS,
  type ManifestPlan,
  type PinyinShard,
  type Postings,
  REVIEW_BIT,
  REVIEW_LABEL,
  type ScopeInfo,
  type SearchManifest,
  SearchIndexError,
  shardOf,
  type TermShard,
  type TextChunk,
  UNIT_KINDS,
  type UnitKind,
  type UnitTable,
} from './format.ts';
import { compact, fold, parseCharMap } from './fold.ts';
import { type IndexedDoc, MINISEARCH_OPTIONS } from './options.ts';
import { compactedOf, type PreparedUnit, prepareUnit, type UnitRow } from './prepared-unit.ts';
import {
  type AnalyzedQuery,
  type PinyinIndex,
  type QueryResources,
  analyzeQuery,
} from './query.ts';
import {
  literalOf,
  matchUnit,
  NARROW_HEADINGS,
  type Ranked,
  rankFacts,
  type Tier,
  unitFacts,
} from './rank.ts';
import { Vocabulary, tokenize } from './segment.ts';
import { type Snippet, findRanges, makeSnippet } from './snippet.ts';

/**
 * Reads one file of the index by its path (src/model/artifacts.ts, searchPath) and returns
 * it parsed: the CLI reads files, the worker fetches URLs, the tests read what the build made.
 */
export type Loader = (path: string) => Promise<unknown>;

export interface Hit {
  /** The plan the unit belongs to. */
  plan: { slug: string; name: string };
  id: string;
  kind: UnitKind;
  /** Badge text: 措施, 段落, 专栏, 专栏条目, 指标, 章, 节, 名称, 回顾… */
  kindLabel: string;
  /** It reports the previous period (the plan's 发展基础 / 回顾). */
  review: boolean;
  chapter: number | null;
  section: number | null;
  title: string;
  breadcrumb: string[];
  /** Plan path with anchor (`/7/1/#7.1.1`): relative to the plan's home. */
  url: string;
  citation: string;
  snippet: Snippet;
  score: number;
  tier: Tier;
  /** The exact phrase (or a topic variant of it) occurs in the unit. */
  phrase: boolean;
  /** Compact strings found in the unit: what the reading page highlights. */
  matched: string[];
  /** Entity types of the unit (an entity's own; a node's mentioned ones). */
  entityTypes: EntityType[];
}

export interface SearchOptions {
  /** The plan searched, by slug; absent or null: every plan. */
  plan?: string | null | undefined;
  /** Hits to return (default 20). */
  limit?: number;
  /** Hits to skip first (paging, default 0). */
  offset?: number;
  /** Keep only these kinds. */
  kinds?: readonly UnitKind[] | undefined;
  /** Keep only this chapter. */
  chapter?: number | null | undefined;
  /** Keep only entities of these types and units mentioning one. */
  entityTypes?: readonly EntityType[] | undefined;
}

export interface SearchResponse {
  query: AnalyzedQuery;
  hits: Hit[];
  /** Matching units after filters (hits is `limit` of them from `offset`). */
  total: number;
  /** Matching units per chapter, kind, entity type and plan, before filters: for the filter controls. */
  facets: {
    chapters: Record<number, number>;
    kinds: Partial<Record<UnitKind, number>>;
    entityTypes: Partial<Record<EntityType, number>>;
    plans: Record<string, number>;
  };
  /** Near terms from the plans when nothing matched. */
  suggestions: string[];
}

/** An entity page named exactly goes right after the best clause. */
const ENTITY_BELOW_BEST = 0.01;
/** A unit that mentions the queried entity, over units that only contain the string. */
const MENTION_BOOST = 30;
/** An entity unit the query does not name exactly goes after the clauses of its tier. */
const OTHER_ENTITY_PENALTY = 150;
/** A unit of the review goes after what the plan will do, within its tier and the next. */
const REVIEW_PENALTY = 90;
/** … and before it, a little, when the query asks about the past. */
const REVIEW_BOOST = 20;
/** Candidates whose text is read at a time. */
const BATCH = 12;
/** BM25 parameters of the substring score. */
const K1 = 1.2;
const B = 0.75;

/** Per concept, per unit: what the postings say (upper bounds). */
interface Bound {
  tf: number;
  heading: boolean;
}

/** A scope: the term shards of one plan, or of the corpus. */
interface Scope {
  key: string;
  plan: number | null;
  info: ScopeInfo;
  /** Manifest position of the plan at each position of this scope's postings. */
  plans: number[];
  loaded: Map<number, Promise<void>>;
  vocabulary: Vocabulary;
  /** word → postings per manifest plan. */
  words: Map<string, Map<number, string>>;
  bigrams: Map<string, Map<number, string>>;
  /** First character → the bigrams starting with it. */
  byFirst: Map<string, string[]>;
  /** First character → the vocabulary's words starting with it. */
  wordsByFirst: Map<string, string[]>;
  names: Map<string, Map<number, number[]>>;
  /** Pinyin shards by letter, and the index over those loaded. */
  pinyin: Map<string, Promise<PinyinShard | null>>;
  pinyinIndex: PinyinIndex;
  /** Decoded postings, per (manifest plan, term). */
  decoded: Map<string, Postings>;
}

/** A plan's unit table, read. */
interface PlanTable {
  info: ManifestPlan;
  position: number;
  kinds: UnitKind[];
  ids: Map<string, number>;
  chapter: number[];
  section: number[];
  length: number[];
  headingLength: number[];
  fieldLength: number[];
  flags: number[];
  starts: number[];
  averageLength: number;
  averageField: [number, number];
  chunks: Map<number, Promise<TextChunk>>;
  prepared: Map<number, PreparedUnit>;
}

/** One candidate of one plan, with its bound and (once read) its exact score. */
interface Candidate {
  table: PlanTable;
  unit: number;
  bound: number;
  exact?: Ranked | null;
  prepared?: PreparedUnit;
  found?: string[];
  queried: boolean;
}

export class SearchEngine {
  readonly manifest: SearchManifest;
  private readonly loader: Loader;
  private readonly t2s: ReadonlyMap<string, string>;
  private readonly topics = new Map<string, string[]>();
  private readonly exactTopics = new Set<string>();
  private readonly scopes = new Map<string, Scope>();
  private readonly tables = new Map<number, Promise<PlanTable>>();
  private readonly occurrences = new Map<string, Promise<boolean>>();

  private constructor(manifest: SearchManifest, loader: Loader) {
    this.manifest = manifest;
    this.loader = loader;
    this.t2s = parseCharMap(manifest.t2s);
    for (const topic of manifest.topics) {
      for (const key of topic.keys) {
        const k = compact(fold(key, this.t2s));
        this.topics.set(k, [...new Set([...(this.topics.get(k) ?? []), ...topic.targets])]);
        if (topic.exact) this.exactTopics.add(k);
      }
    }
  }

  /** Open the index: read and check the manifest. Throws SearchIndexError for an unusable one. */
  static async open(loader: Loader): Promise<SearchEngine> {
    const manifest = checkManifest(await load(loader, searchPath({ kind: 'manifest' })));
    return new SearchEngine(manifest, loader);
  }

  /**
   * Fetch ahead what any query in a scope reads (a plan's unit table), while the reader is still
   * typing the first characters.
   */
  async warm(plan: string | null): Promise<void> {
    const scope = this.scope(plan);
    if (scope.plan !== null) await this.table(scope.plan);
  }

  /** The plans, in display order. */
  get plans(): { slug: string; name: string }[] {
    return this.manifest.plans.map((p) => ({ slug: p.slug, name: p.name }));
  }

  /** Analyze a query in a scope (a plan's slug, or null for every plan). */
  async analyze(query: string, plan: string | null = null): Promise<AnalyzedQuery> {
    return analyzeQuery(query, this.resources(this.scope(plan)));
  }

  /** Search one plan (`options.plan`) or every plan; hits merged across plans by score. */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const scope = this.scope(options.plan ?? null);
    const analyzed = await analyzeQuery(query, this.resources(scope));
    const limit = Math.max(0, Math.floor(options.limit ?? 20));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const facets: SearchResponse['facets'] = {
      chapters: {},
      kinds: {},
      entityTypes: {},
      plans: {},
    };
    const empty = { query: analyzed, hits: [], total: 0, facets, suggestions: [] };
    if (analyzed.concepts.length === 0) return empty;

    await this.prepare(scope, termsOf(analyzed));
    const all: Candidate[] = [];
    const ranked = new Map<number, PlanRanking>();
    for (const position of scope.plans) {
      const table = await this.table(position);
      const ranking = await this.rankPlan(scope, table, analyzed, query);
      ranked.set(position, ranking);
      all.push(...ranking.candidates);
    }
    if (all.length === 0) return { ...empty, suggestions: this.nearTerms(scope, analyzed) };

    const kept = all.filter((c) => keep(c, options));
    const top = await this.settle(kept, offset + limit, ranked);
    // Candidates read and found not to match (the bigrams are a superset) are not results.
    for (const c of all) {
      if (c.exact === null) continue;
      const { table, unit } = c;
      const chapter = table.chapter[unit]!;
      if (chapter) facets.chapters[chapter] = (facets.chapters[chapter] ?? 0) + 1;
      const kind = table.kinds[unit]!;
      facets.kinds[kind] = (facets.kinds[kind] ?? 0) + 1;
      for (const type of typesOf(table.flags[unit]!))
        facets.entityTypes[type] = (facets.entityTypes[type] ?? 0) + 1;
      facets.plans[table.info.slug] = (facets.plans[table.info.slug] ?? 0) + 1;
    }
    const misses = kept.filter((c) => c.exact === null).length;
    return {
      query: analyzed,
      hits: top.slice(offset, offset + limit).map((c) => this.hit(c, analyzed)),
      total: kept.length - misses,
      facets,
      suggestions: [],
    };
  }

  /**
   * The best `limit` hits of each plan (`--by-plan`, /compare/topics/): every plan of the
   * corpus, with an empty list where the plan has nothing.
   */
  async searchByPlan(
    query: string,
    options: Omit<SearchOptions, 'plan' | 'offset'> = {},
  ): Promise<{ query: AnalyzedQuery; plans: Record<string, Hit[]> }> {
    const scope = this.scope(null);
    const analyzed = await analyzeQuery(query, this.resources(scope));
    const limit = Math.max(0, Math.floor(options.limit ?? 3));
    const plans: Record<string, Hit[]> = {};
    await this.prepare(scope, termsOf(analyzed));
    for (const position of scope.plans) {
      const table = await this.table(position);
      plans[table.info.slug] = [];
      if (analyzed.concepts.length === 0) continue;
      const ranking = await this.rankPlan(scope, table, analyzed, query);
      const kept = ranking.candidates.filter((c) => keep(c, options));
      const top = await this.settle(kept, limit, new Map([[position, ranking]]));
      plans[table.info.slug] = top.slice(0, limit).map((c) => this.hit(c, analyzed));
    }
    return { query: analyzed, plans };
  }

  /* ------------------------------------------------------------ scopes */

  private scope(plan: string | null): Scope {
    const key = plan ?? '';
    let scope = this.scopes.get(key);
    if (scope) return scope;
    let position: number | null = null;
    if (plan !== null) {
      position = this.manifest.plans.findIndex((p) => p.slug === plan);
      if (position < 0)
        throw new SearchIndexError(
          `no plan "${plan}" in the index; the plans are ${this.manifest.plans.map((p) => p.slug).join(', ')}`,
        );
    }
    const info = position === null ? this.manifest.corpus : this.manifest.plans[position]!.scope;
    scope = {
      key,
      plan: position,
      info,
      plans: position === null ? this.manifest.plans.map((_, i) => i) : [position],
      loaded: new Map(),
      vocabulary: new Vocabulary(info),
      words: new Map(),
      bigrams: new Map(),
      byFirst: new Map(),
      wordsByFirst: new Map(),
      names: new Map(),
      decoded: new Map(),
      pinyin: new Map(),
      pinyinIndex: { map: new Map(), sortedKeys: [] },
    };
    this.scopes.set(key, scope);
    return scope;
  }

  /** Load the shards holding the terms that start with any character of these texts. */
  private async prepare(scope: Scope, texts: readonly string[]): Promise<void> {
    const wanted = new Set<number>();
    for (const text of texts)
      for (const ch of compact(text, this.t2s)) wanted.add(shardOf(ch, scope.info.shards));
    await Promise.all([...wanted].map((n) => this.shard(scope, n)));
  }

  private shard(scope: Scope, n: number): Promise<void> {
    let loading = scope.loaded.get(n);
    if (!loading) {
      const path = searchPath({
        kind: 'terms',
        plan: scope.plan === null ? null : this.slugAt(scope.plan),
        shard: n,
      });
      loading = load(this.loader, path).then((data) =>
        this.addShard(scope, checkShard(data, path)),
      );
      scope.loaded.set(n, loading);
    }
    return loading;
  }

  private slugAt(position: number): string {
    return this.manifest.plans[position]!.slug;
  }

  private addShard(scope: Scope, shard: TermShard): void {
    const plansOf = (value: (number | string)[], from: number) => {
      const out = new Map<number, string>();
      for (let i = from; i + 1 < value.length; i += 2)
        out.set(scope.plans[value[i] as number]!, value[i + 1] as string);
      return out;
    };
    for (const [term, value] of Object.entries(shard.w)) {
      const count = value[0] as number;
      // Words with a count are the segmenter's vocabulary; Latin/number tokens have none.
      if (count > 0) {
        scope.vocabulary.add(term, count, false);
        const first = String.fromCodePoint(term.codePointAt(0)!);
        let list = scope.wordsByFirst.get(first);
        if (!list) scope.wordsByFirst.set(first, (list = []));
        list.push(term);
      }
      scope.words.set(term, plansOf(value, 1));
    }
    for (const [term, value] of Object.entries(shard.g)) {
      scope.bigrams.set(term, plansOf(value, 0));
      const first = String.fromCodePoint(term.codePointAt(0)!);
      let list = scope.byFirst.get(first);
      if (!list) scope.byFirst.set(first, (list = []));
      list.push(term);
    }
    for (const [name, value] of Object.entries(shard.e)) {
      const out = new Map<number, number[]>();
      for (const [plan, list] of plansOf(value, 0)) out.set(plan, list.split(',').map(Number));
      scope.names.set(name, out);
    }
  }

  private postings(
    scope: Scope,
    map: Map<string, Map<number, string>>,
    term: string,
    plan: number,
    kind: string,
  ): Postings | null {
    const encoded = map.get(term)?.get(plan);
    if (encoded === undefined) return null;
    const key = `${kind}\u0000${plan}\u0000${term}`;
    let p = scope.decoded.get(key);
    if (!p) scope.decoded.set(key, (p = decodePostings(encoded)));
    return p;
  }

  private resources(scope: Scope): QueryResources {
    return {
      t2s: this.t2s,
      vocabulary: scope.vocabulary,
      topics: this.topics,
      exactTopics: this.exactTopics,
      pinyin: (letters) => this.pinyin(scope, letters),
      latinTokens: { has: (t) => scope.words.has(t) },
      occurs: (text) => this.occurs(scope, text),
      prepare: (texts) => this.prepare(scope, texts),
    };
  }

  /** The pinyin map of the scope, as far as the shards of these letters (and earlier ones) hold it. */
  private async pinyin(scope: Scope, wanted: string): Promise<PinyinIndex> {
    const letters = [...new Set(wanted)].filter((l) => scope.info.pinyin.includes(l));
    const fresh = letters.filter((l) => !scope.pinyin.has(l));
    for (const letter of fresh) {
      const path = searchPath({ kind: 'pinyin', plan: this.scopeSlug(scope), letter });
      scope.pinyin.set(
        letter,
        load(this.loader, path).then((data) => {
          if (!isObject(data) || data.version !== INDEX_VERSION || !isObject(data.keys))
            throw new SearchIndexError(`${path}: not a pinyin shard of this index`);
          return data as unknown as PinyinShard;
        }),
      );
    }
    const shards = await Promise.all(letters.map((l) => scope.pinyin.get(l)!));
    if (fresh.length > 0) {
      const map = new Map(scope.pinyinIndex.map);
      for (const shard of shards)
        for (const [k, words] of Object.entries(shard?.keys ?? {})) map.set(k, words);
      scope.pinyinIndex = { map, sortedKeys: [...map.keys()].sort() };
    }
    return scope.pinyinIndex;
  }

  private scopeSlug(scope: Scope): string | null {
    return scope.plan === null ? null : this.slugAt(scope.plan);
  }

  /** Whether a compact string occurs verbatim in a unit of the scope (its text read to check). */
  private occurs(scope: Scope, text: string): Promise<boolean> {
    const key = `${scope.key}\u0000${text}`;
    let answer = this.occurrences.get(key);
    if (!answer) {
      answer = (async () => {
        if (!text) return false;
        // Bigram by bigram, loading each one's shard only while the earlier ones occur: a pinyin
        // or foreign string stops at its first bigram no plan has.
        const chars = [...text];
        for (let i = 0; i < Math.max(1, chars.length - 1); i++) {
          await this.prepare(scope, [chars[i]!]);
          const term = chars.length === 1 ? null : chars[i]! + chars[i + 1]!;
          if (term !== null && !scope.bigrams.has(term)) return false;
          if (term === null && !(scope.byFirst.get(chars[0]!)?.length ?? 0)) return false;
        }
        for (const position of scope.plans) {
          const candidates = this.bounds(scope, text, position);
          if (candidates.size === 0) continue;
          if ([...text].length === 1) return true;
          const table = await this.table(position);
          for (const unit of candidates.keys()) {
            const prepared = await this.prepared(table, unit);
            if (prepared.compact.includes(text)) return true;
          }
        }
        return false;
      })();
      this.occurrences.set(key, answer);
    }
    return answer;
  }

  /* ------------------------------------------------------------ tables */

  private table(position: number): Promise<PlanTable> {
    let table = this.tables.get(position);
    if (!table) {
      const info = this.manifest.plans[position]!;
      const path = searchPath({ kind: 'units', plan: info.slug });
      table = load(this.loader, path).then((data) =>
        readTable(checkTable(data, path, info), info, position),
      );
      this.tables.set(position, table);
    }
    return table;
  }

  private chunk(table: PlanTable, unit: number): Promise<TextChunk> {
    let n = 0;
    let lo = 0;
    let hi = table.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (table.starts[mid]! <= unit) {
        n = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let chunk = table.chunks.get(n);
    if (!chunk) {
      const path = searchPath({ kind: 'text', plan: table.info.slug, chunk: n });
      chunk = load(this.loader, path).then((data) => checkChunk(data, path, table.starts[n]!));
      table.chunks.set(n, chunk);
    }
    return chunk;
  }

  private async prepared(table: PlanTable, unit: number): Promise<PreparedUnit> {
    const done = table.prepared.get(unit);
    if (done) return done;
    const chunk = await this.chunk(table, unit);
    const entry = chunk.units[unit - chunk.from];
    if (!entry) throw new SearchIndexError(`${table.info.slug}: no text for unit ${unit}`);
    const row: UnitRow = {
      plan: table.position,
      index: unit,
      kind: table.kinds[unit]!,
      chapter: table.chapter[unit]!,
      section: table.section[unit]!,
      entityTypes: typesOf(table.flags[unit]!),
      review: (table.flags[unit]! & REVIEW_BIT) !== 0,
    };
    const prepared = prepareUnit(row, entry, table.info.citationPrefix);
    table.prepared.set(unit, prepared);
    return prepared;
  }

  /* ----------------------------------------------------------- ranking */

  /**
   * The units of one plan holding a compact string, as far as the postings tell: those with
   * every bigram of it (one character: any bigram starting with it), with bounds.
   */
  private bounds(scope: Scope, text: string, plan: number): Map<number, Bound> {
    const chars = [...text];
    const out = new Map<number, Bound>();
    if (chars.length === 0) return out;
    if (chars.length === 1) {
      for (const g of scope.byFirst.get(chars[0]!) ?? []) {
        const p = this.postings(scope, scope.bigrams, g, plan, 'g');
        if (!p) continue;
        p.units.forEach((unit, i) => {
          const b = out.get(unit) ?? { tf: 0, heading: false };
          b.tf += p.tf[i]!;
          b.heading ||= p.htf[i]! > 0;
          out.set(unit, b);
        });
      }
      // Found in the text, as the exact match requires (the heading alone does not count).
      for (const [unit, b] of out) if (b.tf === 0) out.delete(unit);
      return out;
    }
    const lists: Postings[] = [];
    for (let i = 0; i + 1 < chars.length; i++) {
      const p = this.postings(scope, scope.bigrams, chars[i]! + chars[i + 1]!, plan, 'g');
      if (!p) return out;
      lists.push(p);
    }
    lists.sort((a, b) => a.units.length - b.units.length);
    const [first, ...rest] = lists;
    first!.units.forEach((unit, i) => {
      if (first!.tf[i]! > 0) out.set(unit, { tf: first!.tf[i]!, heading: first!.htf[i]! > 0 });
    });
    for (const p of rest) {
      if (out.size === 0) break;
      const seen = new Set<number>();
      p.units.forEach((unit, i) => {
        const b = out.get(unit);
        if (!b || p.tf[i] === 0) return;
        seen.add(unit);
        b.tf = Math.min(b.tf, p.tf[i]!);
        b.heading &&= p.htf[i]! > 0;
      });
      for (const unit of out.keys()) if (!seen.has(unit)) out.delete(unit);
    }
    return out;
  }

  /** Word-level BM25 of one plan's units: MiniSearch over the word postings of the query's terms. */
  private wordScores(scope: Scope, table: PlanTable, analyzed: AnalyzedQuery): Map<number, number> {
    const weights = new Map<string, number>();
    const leaves: string[] = [];
    for (const concept of analyzed.concepts) {
      for (const alt of concept.alternatives) {
        leaves.push(alt.marked);
        for (const term of tokenize(alt.marked))
          weights.set(term, Math.max(weights.get(term) ?? 0, alt.weight * concept.weight));
      }
    }
    const index: [string, Record<string, Record<string, number>>][] = [];
    const documentIds: Record<string, number> = {};
    const fieldLength: Record<string, number[]> = {};
    for (const term of weights.keys()) {
      const p = this.postings(scope, scope.words, term, table.position, 'w');
      if (!p) continue;
      const h: Record<string, number> = {};
      const x: Record<string, number> = {};
      p.units.forEach((unit, i) => {
        if (p.htf[i]! > 0) h[unit] = p.htf[i]!;
        if (p.tf[i]! > 0) x[unit] = p.tf[i]!;
        documentIds[unit] = unit;
        fieldLength[unit] = [table.fieldLength[2 * unit]!, table.fieldLength[2 * unit + 1]!];
      });
      index.push([term, { 0: h, 1: x }]);
    }
    const scores = new Map<number, number>();
    if (index.length === 0) return scores;
    const miniSearch = MiniSearch.loadJS<IndexedDoc>(
      {
        documentCount: table.kinds.length,
        nextId: table.kinds.length,
        documentIds,
        fieldIds: { h: 0, x: 1 },
        fieldLength,
        averageFieldLength: table.averageField,
        storedFields: {},
        dirtCount: 0,
        index,
        serializationVersion: 2,
      },
      MINISEARCH_OPTIONS,
    );
    const results = miniSearch.search(
      { combineWith: 'OR', queries: leaves },
      { boostTerm: (term) => weights.get(term) ?? 1 },
    );
    for (const r of results) scores.set(r.id as number, r.score);
    return scores;
  }

  /** Every candidate of one plan with its bound; what the exact scores of its units need. */
  private async rankPlan(
    scope: Scope,
    table: PlanTable,
    analyzed: AnalyzedQuery,
    query: string,
  ): Promise<PlanRanking> {
    const plan = table.position;
    const concepts = analyzed.concepts;
    // Per concept: per unit, the best weight met, the frequency bound, the heading bound.
    const satisfied = new Map<number, number[]>();
    const frequency = new Map<number, number[]>();
    const inHeading = new Map<number, boolean[]>();
    const headingMatched = new Map<number, number>();
    const literal = new Map<number, number>();
    const row = <T>(m: Map<number, T[]>, unit: number, fill: T): T[] => {
      let r = m.get(unit);
      if (!r) m.set(unit, (r = concepts.map(() => fill)));
      return r;
    };
    concepts.forEach((concept, c) => {
      for (const alt of concept.alternatives) {
        if (!alt.text) continue;
        for (const [unit, b] of this.bounds(scope, alt.text, plan)) {
          const s = row(satisfied, unit, 0);
          s[c] = Math.max(s[c]!, alt.weight);
          row(frequency, unit, 0)[c]! += b.tf * alt.weight;
          if (b.heading && (alt.weight >= 1 || !NARROW_HEADINGS.has(table.kinds[unit]!))) {
            row(inHeading, unit, false)[c] = true;
            headingMatched.set(unit, Math.max(headingMatched.get(unit) ?? 0, alt.text.length));
          }
          literal.set(unit, Math.max(literal.get(unit) ?? 0, alt.weight));
        }
      }
    });
    const phraseUnits = new Set<number>();
    const titlePhraseUnits = new Set<number>();
    for (const p of analyzed.phrases)
      for (const [unit, b] of this.bounds(scope, p, plan)) {
        phraseUnits.add(unit);
        if (b.heading) titlePhraseUnits.add(unit);
      }

    const words = this.wordScores(scope, table, analyzed);
    const maxWords = Math.max(1e-9, ...words.values());
    // BM25 over substrings: df and the normalizer from the postings, the same for bound and text.
    const n = table.kinds.length;
    const idf = concepts.map((_, c) => {
      let df = 0;
      for (const s of satisfied.values()) if (s[c]! > 0) df++;
      return df === 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
    });
    const substringScore = (unit: number, tfs: readonly number[]) => {
      const norm = K1 * (1 - B + (B * table.length[unit]!) / table.averageLength);
      let score = 0;
      concepts.forEach((concept, c) => {
        const tf = tfs[c]!;
        if (tf > 0) score += concept.weight * idf[c]! * ((tf * (K1 + 1)) / (tf + norm));
      });
      return score;
    };
    let maxSubstrings = 1e-9;
    for (const [unit, tfs] of frequency)
      maxSubstrings = Math.max(maxSubstrings, substringScore(unit, tfs));
    const relevance = (unit: number, tfs: readonly number[]) =>
      0.5 * ((words.get(unit) ?? 0) / maxWords) + 0.5 * (substringScore(unit, tfs) / maxSubstrings);

    // Entities the query names exactly (院士港 → 青岛国际院士港); a question asks for a figure or
    // a place in the plan, not for the name.
    const named =
      analyzed.intent !== null
        ? []
        : concepts.length === 1
          ? concepts[0]!.alternatives.filter((a) => a.source !== 'topic').map((a) => a.text)
          : analyzed.phrases;
    const queried = new Set<number>();
    const mentioning = new Set<number>();
    for (const name of named) {
      const found = scope.names.get(name)?.get(plan);
      if (!found) continue;
      const [entity, ...mentions] = found;
      queried.add(entity!);
      for (const m of mentions) mentioning.add(m);
    }
    const past = asksAboutThePast(analyzed, table.info);
    const adjust = (unit: number): number => {
      let delta = 0;
      if (table.kinds[unit] === 'entity' && !queried.has(unit)) delta -= OTHER_ENTITY_PENALTY;
      else if (mentioning.has(unit)) delta += MENTION_BOOST;
      if (table.flags[unit]! & REVIEW_BIT) delta += past ? REVIEW_BOOST : -REVIEW_PENALTY;
      return delta;
    };

    const candidates: Candidate[] = [];
    for (const [unit, s] of satisfied) {
      const match = {
        satisfied: s,
        inHeading: inHeading.get(unit) ?? concepts.map(() => false),
        covered: concepts.reduce((sum, c, i) => sum + (s[i]! > 0 ? c.weight : 0), 0),
        headingMatched: headingMatched.get(unit) ?? 0,
      };
      const kind = table.kinds[unit]!;
      const ranked = rankFacts(
        {
          kind,
          headed: table.headingLength[unit]! > 0,
          headingLength: table.headingLength[unit]!,
          phrase: phraseUnits.has(unit),
          titlePhrase: titlePhraseUnits.has(unit),
          statesFigure: analyzed.intent === 'figure',
        },
        analyzed,
        match,
        relevance(unit, frequency.get(unit)!),
        literal.get(unit)!,
      );
      candidates.push({
        table,
        unit,
        bound: ranked.score + adjust(unit),
        queried: queried.has(unit),
      });
    }
    // A clause ID typed as such (7.1.3, T2.21, B5.2) opens with that clause.
    const byId = table.ids.get(query.trim().toLowerCase());
    if (byId !== undefined && !candidates.some((c) => c.unit === byId))
      candidates.push({ table, unit: byId, bound: 1000, queried: false });
    return {
      candidates,
      exact: async (c: Candidate) => {
        const prepared = await this.prepared(table, c.unit);
        c.prepared = prepared;
        if (c.unit === byId) return { score: 1000, tier: 'id', phrase: false };
        const match = matchUnit(prepared, analyzed, (text, at, length) =>
          cutsWord(prepared, text, at, length),
        );
        c.found = match.found;
        if (match.covered === 0) return null;
        const ranked = rankFacts(
          unitFacts(prepared, analyzed),
          analyzed,
          match,
          relevance(c.unit, match.frequency),
          literalOf(analyzed, match),
        );
        return { ...ranked, score: ranked.score + adjust(c.unit) };
      },
    };
  }

  /**
   * The first `k` candidates by exact score, reading the text of as few as possible: by bound,
   * until no unread bound can reach the k-th exact score (named entities placed after).
   */
  private async settle(
    kept: Candidate[],
    k: number,
    rankings: Map<number, PlanRanking>,
  ): Promise<Candidate[]> {
    const order = (a: Candidate, b: Candidate, score: (c: Candidate) => number) =>
      score(b) - score(a) || a.table.position - b.table.position || a.unit - b.unit;
    const clauses = kept.filter((c) => !c.queried).sort((a, b) => order(a, b, (c) => c.bound));
    const settled: Candidate[] = [];
    const exactOf = (c: Candidate) => c.exact?.score ?? -Infinity;
    let next = 0;
    while (next < clauses.length) {
      if (settled.length >= k && k > 0) {
        const kth = exactOf(settled[k - 1]!);
        if (clauses[next]!.bound < kth) break;
      } else if (k === 0) break;
      const batch = clauses.slice(next, next + Math.max(BATCH, k - settled.length));
      next += batch.length;
      await Promise.all(
        batch.map(async (c) => {
          c.exact = await rankings.get(c.table.position)!.exact(c);
        }),
      );
      for (const c of batch) if (c.exact) settled.push(c);
      settled.sort((a, b) => order(a, b, exactOf));
    }
    // Named entity pages: right after the best clause of their plan (or where their own score is).
    const best = new Map<number, number>();
    for (const c of settled)
      best.set(c.table.position, Math.max(best.get(c.table.position) ?? -Infinity, exactOf(c)));
    const named = kept.filter((c) => c.queried);
    for (const c of named) {
      const ranked = await rankings.get(c.table.position)!.exact(c);
      if (!ranked) {
        c.exact = null;
        continue;
      }
      const top = best.get(c.table.position);
      c.exact = {
        ...ranked,
        score: top !== undefined && top > 0 ? top - ENTITY_BELOW_BEST : ranked.score,
      };
      settled.push(c);
    }
    settled.sort((a, b) => order(a, b, exactOf));
    return settled;
  }

  private hit(c: Candidate, analyzed: AnalyzedQuery): Hit {
    const unit = c.prepared!;
    const ranked = c.exact!;
    const found = c.found ?? [];
    const terms = ranked.phrase ? [...analyzed.phrases, ...found] : found;
    const info = c.table.info;
    return {
      plan: { slug: info.slug, name: info.name },
      id: unit.id,
      kind: unit.kind,
      kindLabel:
        unit.review && !['part', 'chapter', 'section'].includes(unit.kind)
          ? REVIEW_LABEL
          : KIND_LABELS[unit.kind],
      review: unit.review,
      chapter: unit.chapter,
      section: unit.section,
      title: unit.title,
      breadcrumb: unit.breadcrumb,
      url: unit.url,
      citation: unit.citation,
      snippet: makeSnippet(unit.text, findRanges(compactedOf(unit), terms)),
      score: Math.round(ranked.score * 100) / 100,
      tier: ranked.tier,
      phrase: ranked.phrase,
      matched: found,
      entityTypes: unit.entityTypes,
    };
  }

  /** Words starting with a character of a query nothing matched, sharing the most characters with it. */
  private nearTerms(scope: Scope, analyzed: AnalyzedQuery, count = 6): string[] {
    const chars = new Set([...compact(analyzed.core)].filter((c) => /\p{Script=Han}/u.test(c)));
    if (chars.size === 0) return [];
    const scored: [string, number][] = [];
    for (const first of chars)
      for (const word of scope.wordsByFirst.get(first) ?? []) {
        const n = scope.vocabulary.counts.get(word) ?? 0;
        if (n < 2 || [...word].length < 2) continue;
        let shared = 0;
        for (const c of word) if (chars.has(c)) shared++;
        if (shared > 0) scored.push([word, shared / [...word].length + Math.log(n) / 20]);
      }
    return scored
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, count)
      .map(([w]) => w);
  }
}

interface PlanRanking {
  candidates: Candidate[];
  /** The exact score of a candidate, its text read; null when it does not match after all. */
  exact: (c: Candidate) => Promise<Ranked | null>;
}

/**
 * Where an occurrence in a compact text cuts the unit's words (rank.ts, CutsWord): two-character
 * words at either end (bits 1, 2), and, in the unit's own text, any word (bits 4, 8).
 */
function cutsWord(unit: PreparedUnit, text: string, at: number, length: number): number {
  const before = at > 0 ? text.slice(at - 1, at + 1) : '';
  const after = text.slice(at + length - 1, at + length + 1);
  let bits =
    (before.length === 2 && unit.pairs.has(before) ? 1 : 0) |
    (after.length === 2 && unit.pairs.has(after) ? 2 : 0);
  if (text === unit.compact) {
    if (!unit.boundaries.has(at)) bits |= 4;
    if (!unit.boundaries.has(at + length)) bits |= 8;
  }
  return bits;
}

/** Every string the ranking looks up: the concepts' alternatives and the phrases. */
function termsOf(analyzed: AnalyzedQuery): string[] {
  return [
    ...analyzed.concepts.flatMap((c) => c.alternatives.map((a) => a.text)),
    ...analyzed.phrases,
  ];
}

function keep(c: Candidate, options: SearchOptions): boolean {
  const { table, unit } = c;
  if (options.kinds && options.kinds.length > 0 && !options.kinds.includes(table.kinds[unit]!))
    return false;
  if (options.chapter != null && table.chapter[unit] !== options.chapter) return false;
  const types = options.entityTypes;
  if (types && types.length > 0 && !typesOf(table.flags[unit]!).some((t) => types.includes(t)))
    return false;
  return true;
}

function typesOf(flags: number): EntityType[] {
  return ENTITY_TYPE_BITS.filter((_, bit) => flags & (1 << bit));
}

/** The five-year plan number of a period starting in `year` (2021 → 14, 2026 → 15). */
const planNumber = (year: number) => Math.floor((year - 2006) / 5) + 11;
const NUMERALS = '一二三四五六七八九';

/**
 * Whether a query asks about what a plan reports of the past: an earlier five-year plan
 * (十三五; 十四五 for a 十五五 plan), a year before the plan began, or 成就/完成/回顾.
 */
export function asksAboutThePast(analyzed: AnalyzedQuery, plan: ManifestPlan): boolean {
  const text = analyzed.core;
  const own = planNumber(plan.period[0]);
  for (const m of text.matchAll(/十([一二三四五六七八九])五/gu)) {
    if (10 + NUMERALS.indexOf(m[1]!) + 1 < own) return true;
  }
  for (const m of text.matchAll(/(?:19|20)\d\d/gu)) if (Number(m[0]) < plan.period[0]) return true;
  return /成就|成效|完成|回顾|过去|以来|取得/.test(text);
}

/* ------------------------------------------------------------- checking */

async function load(loader: Loader, path: string): Promise<unknown> {
  try {
    return await loader(path);
  } catch (error) {
    if (error instanceof SearchIndexError) throw error;
    throw new SearchIndexError(
      `${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkManifest(data: unknown): SearchManifest {
  const path = searchPath({ kind: 'manifest' });
  if (!isObject(data)) throw new SearchIndexError(`${path}: not a search index manifest`);
  if (data.version !== INDEX_VERSION)
    throw new SearchIndexError(
      `${path}: index version ${String(data.version)}, this engine reads version ${INDEX_VERSION}; rebuild the index`,
    );
  const options = data.options as Record<string, unknown> | undefined;
  if (
    !isObject(options) ||
    options.ngram !== INDEX_OPTIONS.ngram ||
    options.mark !== INDEX_OPTIONS.mark
  )
    throw new SearchIndexError(`${path}: built with other index options; rebuild the index`);
  const plans = data.plans;
  if (
    !Array.isArray(plans) ||
    plans.length === 0 ||
    !plans.every(
      (p) =>
        isObject(p) &&
        typeof p.slug === 'string' &&
        typeof p.name === 'string' &&
        typeof p.citationPrefix === 'string' &&
        Number.isInteger(p.units) &&
        Number.isInteger(p.chunks) &&
        isScope(p.scope) &&
        Array.isArray(p.period),
    ) ||
    !isScope(data.corpus) ||
    typeof data.t2s !== 'string' ||
    !Array.isArray(data.topics)
  )
    throw new SearchIndexError(`${path}: not a search index manifest (wrong shape)`);
  return data as unknown as SearchManifest;
}

function isScope(v: unknown): v is ScopeInfo {
  return (
    isObject(v) &&
    Number.isInteger(v.shards) &&
    (v.shards as number) > 0 &&
    typeof v.total === 'number' &&
    typeof v.maxWord === 'number'
  );
}

function checkShard(data: unknown, path: string): TermShard {
  if (
    !isObject(data) ||
    data.version !== INDEX_VERSION ||
    !isObject(data.w) ||
    !isObject(data.g) ||
    !isObject(data.e)
  )
    throw new SearchIndexError(`${path}: not a term shard of this index`);
  return data as unknown as TermShard;
}

function checkChunk(data: unknown, path: string, from: number): TextChunk {
  if (
    !isObject(data) ||
    data.version !== INDEX_VERSION ||
    data.from !== from ||
    !Array.isArray(data.units) ||
    !data.units.every(
      (u) =>
        isObject(u) && typeof u.id === 'string' && typeof u.x === 'string' && Array.isArray(u.b),
    )
  )
    throw new SearchIndexError(`${path}: not a text chunk of this index`);
  return data as unknown as TextChunk;
}

function checkTable(data: unknown, path: string, info: ManifestPlan): UnitTable {
  const n = info.units;
  const column = (v: unknown, length = n) =>
    Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'number');
  if (
    !isObject(data) ||
    data.version !== INDEX_VERSION ||
    data.plan !== info.slug ||
    typeof data.k !== 'string' ||
    data.k.length !== n ||
    ![...data.k].every((k) => KIND_CODES.includes(k)) ||
    !Array.isArray(data.id) ||
    data.id.length !== n ||
    !column(data.c) ||
    !column(data.s) ||
    !column(data.n) ||
    !column(data.hn) ||
    !column(data.f) ||
    !column(data.fl, 2 * n) ||
    !column(data.cs, info.chunks)
  )
    throw new SearchIndexError(`${path}: not the unit table of ${info.slug}`);
  return data as unknown as UnitTable;
}

function readTable(t: UnitTable, info: ManifestPlan, position: number): PlanTable {
  const kinds = [...t.k].map((k) => UNIT_KINDS[KIND_CODES.indexOf(k)]!);
  const n = kinds.length;
  const ids = new Map<string, number>();
  t.id.forEach((id, i) => id && ids.set(id.toLowerCase(), i));
  let h = 0;
  let x = 0;
  for (let i = 0; i < n; i++) {
    h += t.fl[2 * i]!;
    x += t.fl[2 * i + 1]!;
  }
  return {
    info,
    position,
    kinds,
    ids,
    chapter: t.c,
    section: t.s,
    length: t.n,
    headingLength: t.hn,
    fieldLength: t.fl,
    flags: t.f,
    starts: t.cs,
    averageLength: t.n.reduce((a, b) => a + b, 0) / Math.max(1, n),
    averageField: [h / Math.max(1, n), x / Math.max(1, n)],
    chunks: new Map(),
    prepared: new Map(),
  };
}
