/**
 * The search engine: loads the index file, rebuilds the MiniSearch postings
 * and answers queries. The same class runs in the browser's search worker,
 * in the CLI and in the tests, so what the tests measure is what users get.
 *
 * Ranking, in tiers (higher tier always first):
 *   id a clause ID typed as such (7.1.3, T2.21) opens with that clause;
 *   5  the query asks for a figure (…是多少, …的目标) and the unit states it:
 *      an indicator row, or a clause with a number right after the term;
 *   4  the unit's own heading contains every concept;
 *   3  the unit's text contains every concept;
 *   1–2 partial: some concepts, by weighted coverage.
 * Within a tier: the exact phrase, then how literal the match is (the user's
 * own words beat topic-map expansions), then relevance: half word-level BM25
 * (MiniSearch over jieba's words, heading boosted), half BM25 over exact
 * substrings of the concepts (independent of how anything was segmented).
 *
 * A unit is a hit when its compact text contains at least one concept
 * exactly: so any query found verbatim in a unit finds it, whatever the
 * segmenter did.
 */
import MiniSearch from 'minisearch';
import type { EntityType } from '../model/types.ts';
import { type SearchIndexFile, INDEX_VERSION, KIND_LABELS, type UnitKind } from './format.ts';
import { alnumTokens, compact, fold, parseCharMap } from './fold.ts';
import { type IndexedDoc, MINISEARCH_OPTIONS } from './options.ts';
import { compactedOf, type PreparedUnit, prepareUnit } from './prepared-unit.ts';
import { matchUnit, type Ranked, rankUnit, type Tier, type UnitMatch } from './rank.ts';
import { buildPinyinMap, parseReadings } from './pinyin-match.ts';
import {
  type AnalyzedQuery,
  type PinyinIndex,
  type QueryResources,
  analyzeQuery,
} from './query.ts';
import { Vocabulary, markText, tokenize } from './segment.ts';
import { type Snippet, findRanges, makeSnippet } from './snippet.ts';

export interface Hit {
  id: string;
  kind: UnitKind;
  /** Badge text: 措施, 段落, 专栏, 专栏条目, 指标, 章, 节, 名称… */
  kindLabel: string;
  chapter: number | null;
  section: number | null;
  title: string;
  breadcrumb: string[];
  url: string;
  citation: string;
  snippet: Snippet;
  score: number;
  tier: Tier;
  /** The exact phrase (or a topic variant of it) occurs in the unit. */
  phrase: boolean;
  /** Compact strings found in the unit: what the reading page highlights. */
  matched: string[];
  /** Entity types of the unit (PreparedUnit.entityTypes). */
  entityTypes: EntityType[];
}

export interface SearchOptions {
  /** Hits to return (default 20). */
  limit?: number;
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
  /** Matching units after filters (hits is the first `limit` of them). */
  total: number;
  /** Matching units per chapter, per kind and per entity type, before filters: for the filter controls. */
  facets: {
    chapters: Record<number, number>;
    kinds: Partial<Record<UnitKind, number>>;
    entityTypes: Partial<Record<EntityType, number>>;
  };
  /** Near terms from the plan when nothing matched. */
  suggestions: string[];
}

/**
 * A query equal to an entity's name or alias puts its entity page right after the best
 * clause: a reader asking 森林覆盖率 or 双招双引 wants the clause first, and the page that
 * gathers every mention next.
 */
const ENTITY_BELOW_BEST = 0.01;
/** A unit that mentions the queried entity, over units that only contain the string. */
const MENTION_BOOST = 30;
/** An entity unit the query does not name exactly goes after the clauses of its tier. */
const OTHER_ENTITY_PENALTY = 150;

export class SearchEngine {
  readonly units: PreparedUnit[];
  readonly resources: QueryResources;
  private readonly miniSearch: MiniSearch<IndexedDoc>;
  /** Every unit's compact text, NUL-separated: one indexOf answers "does this occur in the plan". */
  private readonly corpus: string;
  private readonly averageLength: number;

  constructor(file: SearchIndexFile) {
    if (file.version !== INDEX_VERSION)
      throw new Error(`search index version ${file.version}, expected ${INDEX_VERSION}`);
    const t2s = parseCharMap(file.t2s);
    const vocabulary = Vocabulary.fromMarked(file.units.map((u) => u.x));
    const topics = new Map<string, string[]>();
    const exactTopics = new Set<string>();
    for (const topic of file.topics) {
      for (const key of topic.keys) {
        const k = compact(fold(key, t2s));
        topics.set(k, [...new Set([...(topics.get(k) ?? []), ...topic.targets])]);
        if (topic.exact) exactTopics.add(k);
        // Topic keys are words too, so that 看病 is not split into 看 + 病.
        if (/\p{Script=Han}/u.test(k) && !vocabulary.has(k)) vocabulary.add(k, 2);
      }
    }
    this.units = file.units.map((u, index) => prepareUnit(u, index, file));
    this.corpus = this.units.map((u) => u.compact).join('\u0000');
    this.averageLength =
      this.units.reduce((n, u) => n + u.compact.length, 0) / Math.max(1, this.units.length);
    const latinTokens = new Set(this.units.flatMap((u) => alnumTokens(fold(u.text))));
    let pinyin: PinyinIndex | undefined;
    this.resources = {
      t2s,
      vocabulary,
      topics,
      exactTopics,
      // Only Latin queries need it: built on the first one.
      pinyin: () => {
        if (!pinyin) {
          const map = buildPinyinMap(vocabulary.counts, parseReadings(file.pinyin));
          pinyin = { map, sortedKeys: [...map.keys()].sort() };
        }
        return pinyin;
      },
      latinTokens,
      occurs: (text) => text.length > 0 && this.corpus.includes(text),
    };
    this.miniSearch = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
    this.miniSearch.addAll(
      file.units.map((u, id) => ({ id, h: markText(this.units[id]!.heading, vocabulary), x: u.x })),
    );
  }

  /**
   * Whether an occurrence at [at, at+length) of a compact text starts or ends
   * inside a word of the plan: 入学 inside 深入学习 (深入 is a word) is not 入学.
   */
  readonly cutsWord = (text: string, at: number, length: number): boolean => {
    const { counts } = this.resources.vocabulary;
    const before = at > 0 ? text.slice(at - 1, at + 1) : '';
    const after = text.slice(at + length - 1, at + length + 1);
    return (counts.get(before) ?? 0) >= 2 || (after.length === 2 && (counts.get(after) ?? 0) >= 2);
  };

  analyze(query: string): AnalyzedQuery {
    return analyzeQuery(query, this.resources);
  }

  search(query: string, options: SearchOptions = {}): SearchResponse {
    const analyzed = this.analyze(query);
    const limit = options.limit ?? 20;
    const facets: SearchResponse['facets'] = { chapters: {}, kinds: {}, entityTypes: {} };
    if (analyzed.concepts.length === 0)
      return { query: analyzed, hits: [], total: 0, facets, suggestions: [] };

    const matches = this.units.map((unit) => matchUnit(unit, analyzed, this.cutsWord));
    const words = this.wordScores(analyzed);
    const substrings = this.substringScores(analyzed, matches);
    const maxWords = Math.max(1e-9, ...words.values());
    const maxSubstrings = Math.max(1e-9, ...substrings);
    // Entities the query names exactly (院士港 → 青岛国际院士港); a question (…是多少, 哪一节讲…)
    // asks for a figure or a place in the plan, not for the name.
    const named = new Set(
      analyzed.intent !== null
        ? []
        : analyzed.concepts.length === 1
          ? analyzed.concepts[0]!.alternatives.filter((a) => a.source !== 'topic').map(
              (a) => a.text,
            )
          : analyzed.phrases,
    );
    const queried = new Set(
      this.units.filter((u) => u.names?.some((n) => named.has(n))).map((u) => u.index),
    );
    const scored: { unit: PreparedUnit; ranked: Ranked }[] = [];
    for (const unit of this.units) {
      const match = matches[unit.index]!;
      if (match.covered === 0) continue;
      const relevance =
        0.5 * ((words.get(unit.index) ?? 0) / maxWords) +
        0.5 * (substrings[unit.index]! / maxSubstrings);
      let ranked = rankUnit(unit, analyzed, match, relevance);
      if (queried.has(unit.index)) {
        // Placed after the loop, once the best clause's score is known.
      } else if (unit.kind === 'entity')
        ranked = { ...ranked, score: ranked.score - OTHER_ENTITY_PENALTY };
      else if (unit.mentions.some((m) => queried.has(m)))
        ranked = { ...ranked, score: ranked.score + MENTION_BOOST };
      scored.push({ unit, ranked });
    }
    const bestClause = Math.max(
      0,
      ...scored.filter((s) => !queried.has(s.unit.index)).map((s) => s.ranked.score),
    );
    for (const s of scored) {
      if (queried.has(s.unit.index))
        s.ranked = {
          ...s.ranked,
          score: bestClause > 0 ? bestClause - ENTITY_BELOW_BEST : s.ranked.score,
        };
    }

    // A clause ID typed as such (7.1.3, T2.21, B5.2) opens with that clause.
    const wanted = query.trim().toLowerCase();
    const byId = this.units.find((u) => u.id.toLowerCase() === wanted);
    if (byId) {
      const existing = scored.find((s) => s.unit === byId);
      if (existing) existing.ranked = { ...existing.ranked, score: 1000, tier: 'id' };
      else scored.push({ unit: byId, ranked: { score: 1000, tier: 'id', phrase: false } });
    }

    for (const { unit } of scored) {
      if (unit.chapter !== null)
        facets.chapters[unit.chapter] = (facets.chapters[unit.chapter] ?? 0) + 1;
      facets.kinds[unit.kind] = (facets.kinds[unit.kind] ?? 0) + 1;
      for (const type of unit.entityTypes)
        facets.entityTypes[type] = (facets.entityTypes[type] ?? 0) + 1;
    }
    const types = options.entityTypes?.length ? options.entityTypes : null;
    const kept = scored
      .filter(
        ({ unit }) =>
          !options.kinds || options.kinds.length === 0 || options.kinds.includes(unit.kind),
      )
      .filter(({ unit }) => options.chapter == null || unit.chapter === options.chapter)
      .filter(({ unit }) => !types || unit.entityTypes.some((t) => types.includes(t)))
      .sort((a, b) => b.ranked.score - a.ranked.score || a.unit.index - b.unit.index);

    const hits = kept.slice(0, limit).map(({ unit, ranked }): Hit => {
      const match = matches[unit.index]!;
      const terms = ranked.phrase ? [...analyzed.phrases, ...match.found] : match.found;
      return {
        id: unit.id,
        kind: unit.kind,
        kindLabel: KIND_LABELS[unit.kind],
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
        matched: match.found,
        entityTypes: unit.entityTypes,
      };
    });
    return {
      query: analyzed,
      hits,
      total: kept.length,
      facets,
      suggestions: scored.length === 0 ? this.nearTerms(analyzed) : [],
    };
  }

  /** Word-level BM25 of every unit (MiniSearch: jieba words and Latin/number tokens, heading boosted). */
  private wordScores(analyzed: AnalyzedQuery): Map<number, number> {
    const weights = new Map<string, number>();
    const leaves: string[] = [];
    for (const concept of analyzed.concepts) {
      for (const alt of concept.alternatives) {
        leaves.push(alt.marked);
        for (const term of tokenize(alt.marked))
          weights.set(term, Math.max(weights.get(term) ?? 0, alt.weight * concept.weight));
      }
    }
    const scores = new Map<number, number>();
    const results = this.miniSearch.search(
      { combineWith: 'OR', queries: leaves },
      { boostTerm: (term) => weights.get(term) ?? 1 },
    );
    for (const r of results) scores.set(r.id as number, r.score);
    return scores;
  }

  /**
   * BM25 over exact substrings: each concept is a term, its frequency the
   * occurrences of its alternatives in the unit's compact text. Independent
   * of segmentation, so 山水园 scores like any word.
   */
  private substringScores(analyzed: AnalyzedQuery, matches: UnitMatch[]): number[] {
    const n = this.units.length;
    const k1 = 1.2;
    const b = 0.75;
    const scores = new Array<number>(n).fill(0);
    analyzed.concepts.forEach((concept, c) => {
      let df = 0;
      for (const m of matches) if (m.frequency[c]! > 0) df++;
      if (df === 0) return;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (const unit of this.units) {
        const tf = matches[unit.index]!.frequency[c]!;
        if (tf === 0) continue;
        const norm = k1 * (1 - b + (b * unit.compact.length) / this.averageLength);
        scores[unit.index]! += concept.weight * idf * ((tf * (k1 + 1)) / (tf + norm));
      }
    });
    return scores;
  }

  /** Plan words that share the most characters with a query nothing matched. */
  nearTerms(analyzed: AnalyzedQuery, count = 6): string[] {
    const chars = new Set([...compact(analyzed.core)].filter((c) => /\p{Script=Han}/u.test(c)));
    if (chars.size === 0) return [];
    const scored: [string, number][] = [];
    for (const [word, n] of this.resources.vocabulary.counts) {
      if (n < 2 || [...word].length < 2) continue;
      let shared = 0;
      for (const c of word) if (chars.has(c)) shared++;
      if (shared > 0) scored.push([word, shared / [...word].length + Math.log(n) / 20]);
    }
    return scored
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([w]) => w);
  }
}
