/**
 * The contract between the index builder (scripts/search-index/) and the engine
 * (engine.ts): every file of the search index, its shape, and the few codecs
 * both sides must agree on. Nothing else spells these shapes.
 *
 * The index is sharded so that a query transfers only what it needs
 * (docs/search.md has the design and the measurements):
 *
 * - `search/manifest.json` (SearchManifest): the plans, each scope's shard
 *   count, the traditional → simplified map and the topic map. Read first.
 * - term shards (TermShard), one set per scope: a plan's own
 *   (`search/plans/<slug>/terms/<n>.json`) for a search in that plan, and the
 *   corpus's (`search/corpus/terms/<n>.json`) for a search across plans. A
 *   term lives in shard `shardOf(term, count)`, by its first character, so a
 *   query needs one shard per distinct character. A shard holds, for each of
 *   its terms: the words (jieba's words of the plans and Latin/number tokens)
 *   with their counts (the vocabulary the query segmenter needs) and their
 *   word postings (MiniSearch's, per field); the character bigrams with their
 *   postings (the recall guarantee: any verbatim substring finds its unit);
 *   the entity names.
 * - a unit table per plan (UnitTable, `search/plans/<slug>/units.json`): what
 *   ranking needs of every unit without its text (kind, chapter, lengths,
 *   entity types, review flag, node ID).
 * - the units' text in chunks (TextChunk, `search/plans/<slug>/text/<n>.json`),
 *   fetched only for the units about to be shown: snippets, the exact checks
 *   and the final ranking.
 * - the pinyin → word map per scope (PinyinShard), one shard per first
 *   letter of the key, fetched only for a Latin query that may be pinyin.
 *
 * Paths are made by searchPath() in src/model/artifacts.ts.
 */
import { searchPath } from '../model/artifacts.ts';
import { TYPE_ORDER } from '../model/entity-labels.ts';
import type { EntityType, NodeKind } from '../model/types.ts';

export const INDEX_VERSION = 3;

/**
 * The options both sides must agree on, recorded in the manifest and checked by the engine
 * (like MiniSearch's loadJSON refusing other options): an index built otherwise is refused.
 */
export const INDEX_OPTIONS = {
  /** Character n-grams indexed for recall: bigrams, plus `X` + END for a unit's last character. */
  ngram: 2,
  /** The word mark inside shipped text (see encodeMarked). */
  mark: '|',
} as const;

/** After a unit's last compact character (and its heading's), so every character starts a bigram. */
export const END = '$';

/** What a unit is: a node of the plan, or an entity of the name index (its /entities/<id>/ page). */
export type UnitKind = NodeKind | 'entity';

/** Every unit kind; a unit table writes each as one character, its position here (KIND_CODES). */
export const UNIT_KINDS: readonly UnitKind[] = [
  'document',
  'preface',
  'part',
  'chapter',
  'section',
  'subpart',
  'measure',
  'paragraph',
  'box',
  'boxItem',
  'table',
  'indicator',
  'row',
  'figure',
  'note',
  'glossary',
  'term',
  'appendix',
  'entity',
];
export const KIND_CODES = 'abcdefghijklmnopqrs';

/** Entity types in bit order of UnitTable.f (the model's order; at most 15). */
export const ENTITY_TYPE_BITS: readonly EntityType[] = TYPE_ORDER;
/** UnitTable.f: the unit reports the previous period (回顾). */
export const REVIEW_BIT = 1 << 15;

/* ---------------------------------------------------------------- files */

/** One plan as the manifest lists it. */
export interface ManifestPlan {
  slug: string;
  /** Short name for results: 李沧“十四五”规划纲要. */
  name: string;
  /** 《…纲要》: prefix of every citation. */
  citationPrefix: string;
  /** The plan period, e.g. [2026, 2030]: what counts as "the past" for it. */
  period: [number, number];
  /** Units in the unit table (nodes, then entities). */
  units: number;
  /** Text chunks. */
  chunks: number;
  /** The plan scope's shards and vocabulary. */
  scope: ScopeInfo;
}

/** A scope's term shards and the totals the query segmenter needs. */
export interface ScopeInfo {
  /** Number of term shards. */
  shards: number;
  /** Sum of the vocabulary's counts (a word's probability is its count over this). */
  total: number;
  /** Longest word, in code points. */
  maxWord: number;
  /** The first letters of the pinyin keys, one shard (PinyinShard) each. */
  pinyin: string;
}

/** A reviewed topic/synonym entry: any of `keys` also searches `targets`. */
export interface Topic {
  keys: string[];
  targets: string[];
  /** A two-way entry (GDP <=> 生产总值): the targets mean exactly the key, so they rank like it. */
  exact?: true;
}

export interface SearchManifest {
  version: typeof INDEX_VERSION;
  options: typeof INDEX_OPTIONS;
  /** The plans, in the corpus's display order; a plan's position is its number in shards. */
  plans: ManifestPlan[];
  /** The corpus scope (a search across every plan). */
  corpus: ScopeInfo;
  /** Traditional/variant → simplified, as a string of character pairs. */
  t2s: string;
  topics: Topic[];
}

/**
 * What ranking needs of every unit of a plan, without its text: columns, one entry per unit
 * (nodes in tree order, then the entities).
 */
export interface UnitTable {
  version: typeof INDEX_VERSION;
  plan: string;
  /** Node ID per unit ('' for an entity, whose slug is in its chunk): the `id` tier. */
  id: string[];
  /** Kind per unit, one character of KIND_CODES each. */
  k: string;
  /** Chapter number, 0 outside a chapter. */
  c: number[];
  /** Section number, 0 outside a section. */
  s: number[];
  /** Length of the compact text (fold.ts), for BM25 over substrings. */
  n: number[];
  /** Length of the compact heading (a heading that is mostly the query ranks higher). */
  hn: number[];
  /** MiniSearch's field lengths (distinct terms of the heading, of the text), two per unit. */
  fl: number[];
  /** Entity types (ENTITY_TYPE_BITS) and REVIEW_BIT. */
  f: number[];
  /** First unit of each text chunk, ascending (chunk i holds [cs[i], cs[i+1])). */
  cs: number[];
}

/**
 * A shard of terms. Per-plan postings are flat lists `[plan, postings, plan, postings…]` with
 * the plan's position in the scope (always 0 in a plan's own shards).
 */
export interface TermShard {
  version: typeof INDEX_VERSION;
  /** Words: term → [count in the scope, plan, postings, …] (encodePostings; heading = field h). */
  w: Record<string, (number | string)[]>;
  /** Character bigrams (and `X$`): term → [plan, postings, …] (heading = occurs in the heading). */
  g: Record<string, (number | string)[]>;
  /** Entity names and aliases, compact: name → [plan, "entity unit,mentioning units…", …]. */
  e: Record<string, (number | string)[]>;
}

/** A unit as its text chunk holds it: what a hit shows. */
export interface ChunkUnit {
  /** Stable node ID (7.1.1, B5.2, T2.21), or an entity's slug (li-cun-he). */
  id: string;
  /** Breadcrumb: 第七章 › 第一节 › 推进“山水园圈”工程. */
  b: string[];
  /** Own heading ('' for an un-headed paragraph or a note): what a title match means. */
  h: string;
  /** Display title when it differs from the heading. */
  t?: string;
  /** Plan path with anchor, from urlMap() (`/7/1/#7.1.1`). */
  u: string;
  /** Citation after the plan's 《title》. */
  q: string;
  /** Text with jieba's word boundaries marked (encodeMarked). */
  x: string;
  /** An entity: its aliases. */
  a?: string[];
}

export interface TextChunk {
  version: typeof INDEX_VERSION;
  /** Index of the first unit. */
  from: number;
  units: ChunkUnit[];
}

/**
 * Toneless pinyin → the scope's words, for the keys starting with one letter (a Latin query
 * that may be pinyin loads the shards of its letters). Keys run the syllables together, v for ü.
 */
export interface PinyinShard {
  version: typeof INDEX_VERSION;
  keys: Record<string, string[]>;
}

/* --------------------------------------------------------------- codecs */

/**
 * The shard of a term: a hash of its first code point. Both sides call this one function, so
 * the engine finds a term where the builder put it.
 */
export function shardOf(term: string, shards: number): number {
  const cp = term.codePointAt(0) ?? 0;
  // Knuth's multiplicative hash: neighbouring code points land in different shards.
  return (Math.imul(cp, 2654435761) >>> 0) % shards;
}

/** One term's postings in one plan: unit indices ascending, with frequencies. */
export interface Postings {
  units: number[];
  /** Occurrences in the text (MiniSearch field x, or the compact text for a bigram). */
  tf: number[];
  /** Occurrences in the heading (field h), 0 when none. */
  htf: number[];
}

/**
 * Postings as text: `delta[:tf][^[htf]]` items joined by commas, the delta counted from the
 * previous unit + 1 (so consecutive units write 0). tf 1 and htf 1 are left out.
 */
export function encodePostings(p: Postings): string {
  let out = '';
  let previous = -1;
  for (let i = 0; i < p.units.length; i++) {
    const unit = p.units[i]!;
    const tf = p.tf[i]!;
    const htf = p.htf[i]!;
    if (i > 0) out += ',';
    out += String(unit - previous - 1);
    if (tf !== 1) out += `:${tf}`;
    if (htf > 0) out += htf === 1 ? '^' : `^${htf}`;
    previous = unit;
  }
  return out;
}

/** The inverse of encodePostings; throws on anything else. */
export function decodePostings(text: string): Postings {
  const units: number[] = [];
  const tf: number[] = [];
  const htf: number[] = [];
  if (text === '') return { units, tf, htf };
  let previous = -1;
  for (const item of text.split(',')) {
    const m = /^(\d+)(?::(\d+))?(?:\^(\d*))?$/.exec(item);
    if (!m) throw new SearchIndexError(`malformed postings item "${item.slice(0, 20)}"`);
    previous += Number(m[1]) + 1;
    units.push(previous);
    tf.push(m[2] === undefined ? 1 : Number(m[2]));
    htf.push(m[3] === undefined ? 0 : m[3] === '' ? 1 : Number(m[3]));
  }
  return { units, tf, htf };
}

/**
 * Text with word marks: MARK between two Han characters where jieba put a word boundary. A
 * MARK or backslash of the text itself is escaped with a backslash, so any character the plan
 * prints is kept (the build never rejects a legitimate `|`).
 */
export function encodeMarked(tokens: readonly string[]): string {
  const mark = INDEX_OPTIONS.mark;
  let out = '';
  let last = '';
  for (const token of tokens) {
    if (!token) continue;
    const first = String.fromCodePoint(token.codePointAt(0)!);
    if (last && HAN.test(last) && HAN.test(first)) out += mark;
    out += token.replace(/[\\|]/g, (c) => `\\${c}`);
    // The token's last code point, without indexing into the growing string (linear time).
    const tail = token.slice(-2);
    last = /[\ud800-\udbff][\udc00-\udfff]$/.test(tail) ? tail : token.slice(-1);
  }
  return out;
}

const HAN = /\p{Script=Han}/u;

/** Marked text → its tokens' boundaries: the text as printed, and where a word starts after a mark. */
export function decodeMarked(marked: string): { text: string; marks: number[] } {
  const mark = INDEX_OPTIONS.mark;
  let text = '';
  const marks: number[] = [];
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i]!;
    if (c === '\\' && i + 1 < marked.length) {
      text += marked[++i];
    } else if (c === mark) {
      marks.push(text.length);
    } else text += c;
  }
  return { text, marks };
}

/** Thrown for an index the engine cannot use: missing, corrupt, another version, wrong shape. */
export class SearchIndexError extends Error {
  override readonly name = 'SearchIndexError';
}

/* ---------------------------------------------------------------- labels */

/** Badge text for each kind, in the plan's own vocabulary. */
export const KIND_LABELS: Record<UnitKind, string> = {
  document: '全文',
  preface: '前言',
  part: '篇',
  chapter: '章',
  section: '节',
  subpart: '小节',
  measure: '措施',
  paragraph: '段落',
  box: '专栏',
  boxItem: '专栏条目',
  table: '表',
  indicator: '指标',
  figure: '图',
  note: '注',
  row: '表格行',
  glossary: '名词解释',
  term: '名词',
  appendix: '附录',
  entity: '名称',
};

/** The scope "every plan" where a URL or a form names a scope (`/search/?plan=all`). */
export const ALL_PLANS = 'all';

/** Badge of a unit that reports the previous period (a plan's 发展基础 / 回顾): not a measure. */
export const REVIEW_LABEL = '回顾';

/** First crumb of an entity unit's breadcrumb (名称索引 › 地点 › 李村河): the entity pages' title. */
export const ENTITY_INDEX_LABEL = '名称索引';

/** Starting topics offered by an empty search: one per kind of reader and way of asking. */
export const STARTING_TOPICS = [
  '垃圾分类',
  '养老服务',
  '院士港',
  '停车难',
  '看病',
  '森林覆盖率',
  '人均预期寿命是多少',
  '营商环境',
];

/** Every file of the index the manifest describes, manifest first: what the site serves. */
export function searchFiles(manifest: SearchManifest): string[] {
  const paths = [searchPath({ kind: 'manifest' })];
  const scope = (plan: string | null, info: ScopeInfo) => {
    for (let n = 0; n < info.shards; n++) paths.push(searchPath({ kind: 'terms', plan, shard: n }));
    for (const letter of info.pinyin) paths.push(searchPath({ kind: 'pinyin', plan, letter }));
  };
  scope(null, manifest.corpus);
  for (const plan of manifest.plans) {
    paths.push(searchPath({ kind: 'units', plan: plan.slug }));
    scope(plan.slug, plan.scope);
    for (let n = 0; n < plan.chunks; n++)
      paths.push(searchPath({ kind: 'text', plan: plan.slug, chunk: n }));
  }
  return paths;
}
