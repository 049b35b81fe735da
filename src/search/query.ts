/**
 * Query analysis: from what the user typed to the concepts the engine looks
 * for. Pure functions over the resources shipped in the index file.
 *
 * 1. fold (full/half width, traditional → simplified, case, spacing);
 * 2. drop question words and particles (哪一节讲…, …是多少, …的目标) and
 *    remember what was asked: a figure or a place in the plan;
 * 3. read toneless pinyin (lajifenlei) as the plan's terms;
 * 4. segment into concepts with the plan's vocabulary;
 * 5. expand concepts through the reviewed topic map (看病 → 医疗卫生, 诊疗…).
 */
import { type CharMap, HAN_CHAR, alnumTokens, compact, fold } from './fold.ts';
import { type Vocabulary, markText, segmentHan } from './segment.ts';

/** What the question asks for, when it asks. */
export type Intent = 'figure' | 'where' | null;

/** One string the engine looks for. */
export interface Alternative {
  /** Compact form, for substring matching. */
  text: string;
  /** Marked form, for MiniSearch (see segment.ts). */
  marked: string;
  /** 1 for what the user typed, less for an expansion. */
  weight: number;
  source: 'query' | 'topic' | 'pinyin';
}

/** One thing the query asks for, satisfied by any of its alternatives. */
export interface Concept {
  /** As typed (normalized). */
  text: string;
  alternatives: Alternative[];
  /** Single Han characters count less towards "contains all the terms". */
  weight: number;
}

export interface AnalyzedQuery {
  input: string;
  /** After normalization and question stripping: what is searched. */
  core: string;
  intent: Intent;
  concepts: Concept[];
  /** Compact strings whose presence means the exact phrase (with topic variants). */
  phrases: string[];
  /** Terms added by the topic map, shown as "also searched: …". */
  alsoSearched: string[];
  /** Set when the query was read as pinyin. */
  pinyin: { from: string; to: string[] } | null;
}

export interface PinyinIndex {
  map: ReadonlyMap<string, readonly string[]>;
  sortedKeys: readonly string[];
}

export interface QueryResources {
  t2s: CharMap;
  /** Plan vocabulary, with the topic keys added so that 看病 stays one word. */
  vocabulary: Vocabulary;
  /** Normalized topic key → plan terms. */
  topics: ReadonlyMap<string, readonly string[]>;
  /** Normalized topic keys whose targets are exact equivalents (GDP ↔ 生产总值). */
  exactTopics: ReadonlySet<string>;
  /**
   * Toneless pinyin → plan terms, with the keys sorted for prefix lookup: as far as the keys
   * starting with these letters (the map's shards by first letter) and those loaded before.
   */
  pinyin: (letters: string) => Promise<PinyinIndex>;
  /** Latin/number tokens that occur in the plans searched (gdp, aws, 5g): never read as pinyin. */
  latinTokens: { has(token: string): boolean };
  /** Whether a compact string occurs verbatim somewhere in the plans searched. */
  occurs: (compactText: string) => Promise<boolean>;
  /** Load what segmenting and matching these texts needs (the shards of their characters). */
  prepare: (texts: readonly string[]) => Promise<void>;
}

/**
 * Queries are cut to this many characters: a pasted sentence still finds its clause (any part
 * of a verbatim substring is one), and a 40,000-character paste costs what 100 characters do.
 */
export const MAX_QUERY_LENGTH = 100;

/**
 * Concepts kept, the first distinct ones: a unit holding a long pasted sentence holds these
 * too, so it is still found whole ('all'), and a query costs at most this many concepts.
 */
export const MAX_CONCEPTS = 16;

/** Weight of an alternative that came from the topic map rather than from the user. */
export const TOPIC_WEIGHT = 0.85;

/** Characters that carry no meaning on their own in a query. */
const STOP_CHARS = new Set([...'的了和与及或在是有等对为把被将从向于之其也都就还又吗呢啊吧呀么']);

const TRAILING_PUNCTUATION = /[\s?？!！。.,，、;；:：~～…]+$/u;

/** Question forms, tried in order until none applies. Each says what it asks for. */
const QUESTION_FORMS: { pattern: RegExp; intent: Intent }[] = [
  // 人均预期寿命是多少 / 要达到多少 / 目标是多少 / 有几个 / 多少人
  {
    pattern:
      /(的)?(目标值?|指标值?)?(是|为|要|将|会|能|有)?(达到|提高到|提升到|增加到|增长到|降低到|下降到|控制在|到)?(多少|几何|几|多大|多高|多长|百分之几)(个|家|人|岁|万|亿|米|公里|平方米|所|座|项|件|%)?$/u,
    intent: 'figure',
  },
  // 森林覆盖率的目标 / 目标是什么 / 的指标
  { pattern: /(的)?(目标|指标|预期目标|目标值)(是什么|是啥)?$/u, intent: 'figure' },
  // 哪一节讲养老 / 在哪里提到垃圾分类
  {
    pattern:
      /^(在)?(哪一?[章节部分段条款]|哪里|哪儿|什么地方|第几[章节])(里|中)?(讲|提到|说|写|谈|介绍|涉及|有|规定)?(了)?(关于|有关)?/u,
    intent: 'where',
  },
  // 养老服务在哪一节 / 垃圾分类在哪里讲
  {
    pattern:
      /(在|是)?(哪一?[章节部分段条款]|哪里|哪儿|什么地方|第几[章节])(讲|提到|说|写|有)?(的)?$/u,
    intent: 'where',
  },
  {
    pattern:
      /^(请问|我想知道|想知道|我想了解|想了解|我想查|查一下|查询|搜索|请|什么是|关于|有关|怎样|如何|怎么)/u,
    intent: null,
  },
  {
    pattern:
      /(是什么|是啥|是怎样的|怎么样|怎么办|怎么做|如何|有哪些|哪些|有什么|的内容|的规定|的措施|的情况|的要求|的政策|吗|呢|啊|吧|呀)$/u,
    intent: null,
  },
];

/**
 * Drop question words and particles. A query that occurs verbatim in the plan
 * is left alone (主要目标 is a heading, not a question about a target).
 */
export async function stripQuestion(
  normalized: string,
  occurs: (compactText: string) => Promise<boolean>,
): Promise<{ core: string; intent: Intent }> {
  let core = normalized.replace(TRAILING_PUNCTUATION, '');
  let intent: Intent = null;
  for (let changed = true; changed;) {
    changed = false;
    if (await occurs(compact(core))) break;
    for (const { pattern, intent: asks } of QUESTION_FORMS) {
      const stripped = core.replace(pattern, '').replace(TRAILING_PUNCTUATION, '');
      if (stripped !== core && compact(stripped).length >= 1) {
        core = stripped;
        intent ??= asks;
        changed = true;
        break;
      }
    }
  }
  return { core, intent };
}

/** Toneless pinyin as typed: letters only, v for ü. */
export function pinyinKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z]/g, '');
}

/**
 * Read a Latin query as pinyin: the whole key, else a split into up to three
 * known keys (fewest pieces first), else — while the user is still typing —
 * the terms whose pinyin starts with it.
 */
export async function readPinyin(
  text: string,
  resources: QueryResources,
): Promise<string[][] | null> {
  const key = pinyinKey(text);
  if (key.length < 4) return null;
  // The map's shards by first letter: the key's own first, others only as a split needs them.
  let index = await resources.pinyin(key[0]!);
  const whole = index.map.get(key);
  if (whole) return [[...whole]];
  const split = await splitPinyin(
    key,
    async (letter) => (index = await resources.pinyin(letter)).map,
    3,
  );
  if (split) return split.map((piece) => [...(index.map.get(piece) ?? [])]);
  const prefixed = prefixMatches(key, index.sortedKeys).slice(0, 6);
  if (prefixed.length > 0)
    return [[...new Set(prefixed.flatMap((k) => [...(index.map.get(k) ?? [])]))].slice(0, 6)];
  return null;
}

async function splitPinyin(
  key: string,
  mapFor: (letter: string) => Promise<ReadonlyMap<string, readonly string[]>>,
  maxPieces: number,
): Promise<string[] | null> {
  // Breadth-first over the number of pieces, so the fewest pieces win; longer first pieces first.
  let frontier: { rest: string; pieces: string[] }[] = [{ rest: key, pieces: [] }];
  for (let depth = 0; depth < maxPieces; depth++) {
    const next: typeof frontier = [];
    for (const { rest, pieces } of frontier) {
      const map = await mapFor(rest[0]!);
      for (let cut = rest.length; cut >= 4; cut--) {
        const head = rest.slice(0, cut);
        if (!map.has(head)) continue;
        const path = [...pieces, head];
        if (cut === rest.length) return path;
        next.push({ rest: rest.slice(cut), pieces: path });
      }
    }
    frontier = next;
  }
  return null;
}

function prefixMatches(prefix: string, sortedKeys: readonly string[]): string[] {
  let lo = 0;
  let hi = sortedKeys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedKeys[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sortedKeys.length && sortedKeys[i]!.startsWith(prefix); i++)
    out.push(sortedKeys[i]!);
  // Shortest completions first: the term the user is most likely typing.
  return out.sort((a, b) => a.length - b.length);
}

function alternative(
  text: string,
  source: Alternative['source'],
  weight: number,
  vocabulary: Vocabulary,
): Alternative {
  const normalized = fold(text);
  return { text: compact(normalized), marked: markText(normalized, vocabulary), weight, source };
}

/** Split the core into words (Han, by the vocabulary) and Latin/number tokens, in order. */
export function segmentQuery(core: string, vocabulary: Vocabulary): string[] {
  const words: string[] = [];
  for (const piece of core.match(/\p{Script=Han}+|[a-z0-9]+(?:\.[0-9]+)*/gu) ?? []) {
    if (HAN_CHAR.test(piece)) {
      // Characters the vocabulary does not know stay together: 比特币 is one unknown word, not 比 + 特 + 币.
      let unknown = '';
      const flush = () => {
        if (unknown.length > 1 || (unknown && !STOP_CHARS.has(unknown))) words.push(unknown);
        unknown = '';
      };
      for (const word of segmentHan(piece, vocabulary)) {
        if (word.length === 1 && !vocabulary.has(word)) unknown += word;
        else {
          flush();
          if (!(word.length === 1 && STOP_CHARS.has(word))) words.push(word);
        }
      }
      flush();
    } else if (alnumTokens(piece).length > 0) words.push(piece);
  }
  return words;
}

/** Analyze a query: see the module comment for the steps. */
export async function analyzeQuery(
  input: string,
  resources: QueryResources,
): Promise<AnalyzedQuery> {
  const cut = [...input].slice(0, MAX_QUERY_LENGTH).join('');
  const normalized = fold(cut, resources.t2s);
  // Load the words of the query's characters, and of the targets of topic keys it contains.
  // Load the words of the query's Han characters (the segmenter needs them) and of the first
  // character of its Latin and number tokens (are they the plans' tokens?); the rest as needed.
  const han = normalized.match(/\p{Script=Han}+/gu) ?? [];
  const tokenStarts = alnumTokens(normalized).map((t) => t[0]!);
  await resources.prepare([
    ...han,
    ...tokenStarts,
    ...topicTargetsIn(compact(normalized), resources),
  ]);
  const { core, intent } = await stripQuestion(normalized, resources.occurs);
  const { vocabulary } = resources;
  const alsoSearched: string[] = [];
  let pinyin: AnalyzedQuery['pinyin'] = null;

  // Pinyin: only for Latin queries that are neither words of the plan (GDP, AWS, 5G…) nor in it verbatim.
  let concepts: Concept[] = [];
  // An English word of the topic map (hospital, subway) is not pinyin either.
  const latin =
    /^[a-z' ]+$/.test(core) &&
    !core.split(/[ ']+/).some((t) => resources.latinTokens.has(t) || resources.topics.has(t)) &&
    !resources.topics.has(compact(core)) &&
    !(await resources.occurs(compact(core)));
  const pieces = latin ? await readPinyin(core, resources) : null;
  if (pieces) {
    pinyin = { from: core, to: pieces.flat() };
    const terms = pieces.flat();
    await resources.prepare([...terms, ...terms.flatMap((t) => resources.topics.get(t) ?? [])]);
    concepts = pieces.map((terms) => {
      const alternatives = terms.map((t) => alternative(t, 'pinyin', 1, vocabulary));
      // kanbing → 看病 → the topic map's 医疗卫生, 诊疗…
      for (const term of terms) {
        const weight = resources.exactTopics.has(term) ? 1 : TOPIC_WEIGHT;
        for (const target of resources.topics.get(term) ?? []) {
          alternatives.push(alternative(target, 'topic', weight, vocabulary));
          if (!alsoSearched.includes(target)) alsoSearched.push(target);
        }
      }
      return { text: terms[0] ?? '', alternatives, weight: 1 };
    });
  } else {
    const words = segmentQuery(core, vocabulary);
    // Topic keys may span several words (停车 + 难): longest span first.
    const spans: { text: string; targets: readonly string[] }[] = [];
    for (let i = 0; i < words.length;) {
      let taken = 1;
      let targets: readonly string[] | undefined;
      for (let span = Math.min(3, words.length - i); span >= 1; span--) {
        targets = resources.topics.get(words.slice(i, i + span).join(''));
        if (targets) {
          taken = span;
          break;
        }
      }
      spans.push({ text: words.slice(i, i + taken).join(''), targets: targets ?? [] });
      i += taken;
    }
    const distinct = spans
      .filter((s, i) => spans.findIndex((t) => t.text === s.text) === i)
      .slice(0, MAX_CONCEPTS);
    await resources.prepare(distinct.flatMap((s) => s.targets));
    for (const { text, targets } of distinct) {
      const alternatives = [alternative(text, 'query', 1, vocabulary)];
      const weight = resources.exactTopics.has(text) ? 1 : TOPIC_WEIGHT;
      for (const target of targets) {
        if (compact(target) === compact(text)) continue;
        alternatives.push(alternative(target, 'topic', weight, vocabulary));
        if (!alsoSearched.includes(target)) alsoSearched.push(target);
      }
      concepts.push({
        text,
        alternatives,
        weight: [...text].length === 1 && HAN_CHAR.test(text) ? 0.3 : 1,
      });
    }
  }
  return { input, core, intent, concepts, phrases: phraseVariants(concepts), alsoSearched, pinyin };
}

/** Targets of the topic keys a compact query contains: their words are loaded with the query's. */
function topicTargetsIn(compactQuery: string, resources: QueryResources): string[] {
  const out: string[] = [];
  if (compactQuery.length > 24) return out;
  for (const [key, targets] of resources.topics)
    if (compactQuery.includes(key)) out.push(...targets);
  return out;
}

/** The exact phrase, and its variants with topic alternatives swapped in (at most 12). */
function phraseVariants(concepts: Concept[]): string[] {
  if (concepts.length < 2) return [];
  let variants = [''];
  for (const concept of concepts) {
    const next: string[] = [];
    for (const prefix of variants)
      for (const alt of concept.alternatives) if (next.length < 12) next.push(prefix + alt.text);
    variants = next;
  }
  return variants;
}
