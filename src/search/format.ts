/**
 * The search index file (`.generated/search/index.json`, served as
 * `/search/index.json`): what the build writes and what the browser worker
 * and the CLI load.
 *
 * It ships the units' text with jieba's word boundaries marked, not a
 * serialized inverted index: the postings are a pure function of the text,
 * so the worker rebuilds them in a few tens of milliseconds off the main
 * thread, and the file stays about the size of the text itself (see
 * docs/search.md for the measurements behind that choice).
 */
import type { EntityType, NodeKind } from '../model/types.ts';

export const INDEX_VERSION = 2;

/** What a unit is: a node of the plan, or an entity of the name index (its /entities/<id>/ page). */
export type UnitKind = NodeKind | 'entity';

/**
 * One searchable unit: a clause, an item, an indicator row or a heading, or
 * (after every node) an entity: `h` its canonical name, `a` its aliases, `x`
 * the name with the aliases, `y` its type, `u` its page; `q` is ''.
 */
export interface ShippedUnit {
  /** Stable node ID, e.g. 7.1.1, B5.2, T2.21; for an entity its slug (li-cun-he). */
  id: string;
  kind: UnitKind;
  /** Chapter number, or 0 when not inside a chapter (前言). */
  c: number;
  /** Section number, or 0 when not inside a section. */
  s: number;
  /** Index of the nearest ancestor unit in `units`, or -1. */
  p: number;
  /** This unit's label in the breadcrumbs of its descendants (第七章, 第一节, 专栏5). */
  b: string;
  /** The unit's own heading ('' for an un-headed paragraph or a note): what a title match means. */
  h: string;
  /** Display title when it differs from the heading (a paragraph shows its measure's or section's title). */
  t?: string;
  /** Site path with anchor, from urlMap(). */
  u: string;
  /** Citation after the plan's 《title》, e.g. 第七章第一节“推进‘山水园圈’工程”. */
  q: string;
  /** Display text with MARK between two Han characters at each word boundary. */
  x: string;
  /** A node: indices (in `units`) of the entity units it mentions, ascending; absent when none. */
  m?: number[];
  /** An entity: its type. */
  y?: EntityType;
  /** An entity: its aliases, absent when none. */
  a?: string[];
}

/** A reviewed topic/synonym entry: any of `keys` also searches `targets`. */
export interface Topic {
  keys: string[];
  targets: string[];
  /** A two-way entry (GDP <=> 生产总值): the targets mean exactly the key, so they rank like it. */
  exact?: true;
}

export interface SearchIndexFile {
  version: typeof INDEX_VERSION;
  /** 《…纲要》: prefix of every citation. */
  citationPrefix: string;
  units: ShippedUnit[];
  /** Traditional/variant → simplified, as a string of character pairs. */
  t2s: string;
  /**
   * Toneless readings of each character of the vocabulary, as pinyin-pro
   * read the words in context: `字reading,reading` entries separated by
   * spaces. The worker builds the pinyin → term map from it (pinyin.ts).
   */
  pinyin: string;
  topics: Topic[];
}

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
