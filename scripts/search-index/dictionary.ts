/**
 * The domain dictionary jieba segments the plan with, generated from the plan
 * itself so that its own terms (院士港, 低碳, 中子能, 海绵城市, 山水园圈…)
 * are words rather than the pieces jieba's general dictionary would cut them
 * into. Sources, each a reason a string is a term of this plan:
 *
 * - quoted terms: the plan puts its coinages in “…” (“院士创新特区”, “无废城市”);
 * - headings: measure titles, 专栏 and item titles, sub-part titles and
 *   indicator names, with a leading verb taken off (推进城区有机更新 →
 *   城区有机更新) so the noun phrase becomes the word;
 * - enumerations: the inner items of 、-lists (百果山、烟墩山、老虎山);
 * - repeated strings: 2–4 character strings that recur with free neighbours on
 *   both sides and hold together more than chance (院士港, 中子能) — the
 *   usual new-word statistics (boundary entropy and cohesion);
 * - content/search/terms.txt: project and place names and policy terms the
 *   rules above miss, reviewed by hand.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { SourceUnit } from './units.ts';

export type TermSource = 'curated' | 'quoted' | 'heading' | 'enumeration' | 'repeated';

const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Terms longer than this hide their parts from word matching; jieba handles long phrases well enough. */
const MAX_TERM = 6;

/** Verbs that open measure titles (推进…, 加快…): the noun phrase after them is the term. */
const LEADING_VERBS = [
  '推进',
  '加快',
  '强化',
  '完善',
  '实施',
  '打造',
  '发展',
  '提升',
  '推动',
  '健全',
  '优化',
  '加强',
  '构建',
  '建设',
  '培育',
  '营造',
  '深化',
  '提高',
  '实现',
  '促进',
  '扩大',
  '落实',
  '做好',
  '倡导',
  '推行',
  '持续',
  '维护',
  '增强',
  '激发',
  '拓展',
  '突破',
  '扶持',
  '超前',
  '纵深',
  '吸纳',
  '广泛',
  '践行',
  '全面',
  '大力',
  '积极',
  '立足',
  '深度',
  '保护',
  '坚持',
  '做实',
  '动员',
  '布局',
  '改善',
  '转型',
  '升级',
  '一批',
  '创新',
  '运用',
  '发挥',
  '加快',
  '聚集',
  '集聚',
  '汇聚',
  '搭建',
  '营造',
  '提供',
  '建立',
  '探索',
  '加大',
];

/** Prefixes of indicator names that are not part of the measured thing (全区森林覆盖率 → 森林覆盖率). */
const INDICATOR_PREFIXES = [
  '全区',
  '区级',
  '地区',
  '城镇',
  '建成区',
  '每万人口',
  '每千人口',
  '每千名老人',
];

function isTerm(s: string): boolean {
  return HAN_ONLY.test(s) && s.length >= 2 && s.length <= MAX_TERM;
}

function stripLeadingVerbs(title: string): string {
  let s = title;
  for (let changed = true; changed;) {
    changed = false;
    for (const verb of LEADING_VERBS) {
      if (s.startsWith(verb) && s.length - verb.length >= 2) {
        s = s.slice(verb.length);
        changed = true;
      }
    }
  }
  return s;
}

/** A heading as a term: whole, and without its leading verbs (推进城区有机更新 → 城区有机更新). */
function headingTerms(title: string): string[] {
  return [title, stripLeadingVerbs(title)].filter(isTerm);
}

function quotedTerms(text: string): string[] {
  return [...text.matchAll(/“([^“”]{2,12})”/gu)].map((m) => m[1]!).filter(isTerm);
}

function enumerationTerms(text: string): string[] {
  const out: string[] = [];
  for (const clause of text.split(/[，。；：！？（）“”《》\s,;:()]/u)) {
    const items = clause.split('、');
    if (items.length < 3) continue;
    // The first item carries the clause's verb (保护百果山) and the last its tail (楼山等生态林区).
    for (const item of items.slice(1, -1)) if (isTerm(item)) out.push(item);
    const last = items[items.length - 1]!.replace(/等.*$/u, '');
    if (isTerm(last) && last !== items[items.length - 1]) out.push(last);
  }
  return out;
}

function entropy(counts: Map<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  let h = 0;
  for (const n of counts.values()) h -= (n / total) * Math.log(n / total);
  return h;
}

/** Characters that end or start phrases, never words, in this plan's prose. */
const FUNCTION_CHARS = new Set([
  ...'的等个于达到和与及为对在是了着之其以并或将把被从向由使让也都就而所',
]);

/**
 * Repeated strings that behave like words: frequent enough, with varied
 * neighbours on both sides (a fragment of a longer word always has the same
 * neighbour), characters that co-occur far more than chance, and edges that
 * do not cut a word of the general dictionary (环境监|测) in most places.
 */
export function repeatedTerms(
  texts: string[],
  isWord: (s: string) => boolean,
  minCount = 4,
): string[] {
  const runs = texts.flatMap((t) => t.match(/\p{Script=Han}+/gu) ?? []);
  const counts = new Map<string, number>();
  const left = new Map<string, Map<string, number>>();
  const right = new Map<string, Map<string, number>>();
  const cuts = new Map<string, number>();
  let chars = 0;
  const bump = (m: Map<string, Map<string, number>>, k: string, v: string) => {
    const inner = m.get(k) ?? new Map<string, number>();
    inner.set(v, (inner.get(v) ?? 0) + 1);
    m.set(k, inner);
  };
  for (const run of runs) {
    chars += run.length;
    for (let n = 1; n <= 4; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const w = run.slice(i, i + n);
        counts.set(w, (counts.get(w) ?? 0) + 1);
        if (n < 2) continue;
        // Run boundaries count as distinct neighbours: punctuation is a free boundary.
        bump(left, w, i > 0 ? run[i - 1]! : `^${i}-${run.length}`);
        bump(right, w, i + n < run.length ? run[i + n]! : `$${i}-${run.length}`);
        const cutsLeft = i > 0 && isWord(run[i - 1]! + w[0]!);
        const cutsRight = i + n < run.length && isWord(w[n - 1]! + run[i + n]!);
        if (cutsLeft || cutsRight) cuts.set(w, (cuts.get(w) ?? 0) + 1);
      }
    }
  }
  const out: string[] = [];
  for (const [w, n] of counts) {
    if (w.length < 2 || n < minCount) continue;
    if (FUNCTION_CHARS.has(w[0]!) || FUNCTION_CHARS.has(w[w.length - 1]!)) continue;
    if ((cuts.get(w) ?? 0) * 2 > n) continue;
    let cohesion = Infinity;
    for (let cut = 1; cut < w.length; cut++) {
      const a = counts.get(w.slice(0, cut)) ?? 1;
      const b = counts.get(w.slice(cut)) ?? 1;
      cohesion = Math.min(cohesion, Math.log((n * chars) / (a * b)));
    }
    if (cohesion < 4) continue;
    if (entropy(left.get(w)!) < 1.2 || entropy(right.get(w)!) < 1.2) continue;
    out.push(w);
  }
  return out;
}

/** A plan's extra search terms file: one term per line, # comments. */
export function parseTermList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

let general: { freq: Map<string, number>; total: number; jieba: Jieba } | undefined;

/** jieba's general dictionary (word → frequency) and a segmenter using only it. */
export function generalDictionary(): { freq: Map<string, number>; total: number; jieba: Jieba } {
  if (!general) {
    const freq = new Map<string, number>();
    let total = 0;
    for (const line of Buffer.from(dict).toString('utf8').split('\n')) {
      const [word, count] = line.split(' ');
      if (!word || !count) continue;
      freq.set(word, Number(count));
      total += Number(count);
    }
    general = { freq, total, jieba: Jieba.withDict(dict) };
  }
  return general;
}

/**
 * Every domain term with the first source that proposed it. Generated terms
 * are kept only when they add something: the general dictionary does not
 * already hold them, and they neither start nor end with a function
 * character (the 等 of 楼山等, the 率 of 覆盖率达).
 */
export function domainTerms(units: SourceUnit[], curated: string[]): Map<string, TermSource> {
  const { freq } = generalDictionary();
  const terms = new Map<string, TermSource>();
  const add = (word: string, source: TermSource) => {
    if (terms.has(word)) return;
    if (source !== 'curated') {
      if (freq.has(word)) return;
      if (FUNCTION_CHARS.has(word[0]!) || FUNCTION_CHARS.has(word[word.length - 1]!)) return;
    }
    terms.set(word, source);
  };
  for (const word of curated) add(word, 'curated');
  for (const unit of units) for (const word of quotedTerms(unit.text)) add(word, 'quoted');
  for (const unit of units) {
    if (!['measure', 'box', 'boxItem', 'subpart', 'indicator'].includes(unit.kind)) continue;
    for (const word of headingTerms(unit.heading)) add(word, 'heading');
    if (unit.kind === 'indicator') {
      for (const prefix of INDICATOR_PREFIXES) {
        if (unit.heading.startsWith(prefix))
          for (const word of headingTerms(unit.heading.slice(prefix.length))) add(word, 'heading');
      }
    }
  }
  for (const unit of units)
    for (const word of enumerationTerms(unit.text)) add(word, 'enumeration');
  for (const word of repeatedTerms(
    units.map((u) => u.text),
    (s) => freq.has(s),
  ))
    add(word, 'repeated');
  // A generated term that contains another term would hide it (解决停车难 hides 停车难): drop it.
  // Terms are at most MAX_TERM characters (curated ones may be longer), so checking each term's
  // substrings against the set is linear in the number of terms.
  for (const [word, source] of [...terms]) {
    if (source === 'curated') continue;
    search: for (let from = 0; from < word.length; from++)
      for (let to = from + 1; to <= word.length; to++) {
        if (to - from === word.length) continue;
        if (terms.has(word.slice(from, to))) {
          terms.delete(word);
          break search;
        }
      }
  }
  return terms;
}

/**
 * The frequency a term needs to stay whole (jieba's suggest_freq): more than
 * the probability of the general dictionary's best split of it. Generated
 * terms get ten times that, curated ones a thousand times, so a reviewed term
 * wins where two terms overlap.
 */
export function termFrequency(word: string, source: TermSource): number {
  const { freq, total, jieba } = generalDictionary();
  let p = 1;
  for (const piece of jieba.cut(word, false)) p *= (freq.get(piece) ?? 1) / total;
  const needed = Math.ceil(p * total) + 1;
  return Math.max(needed, 5) * (source === 'curated' ? 1000 : 10);
}

/** jieba user-dictionary lines: `word frequency n`. */
export function userDictionary(terms: Map<string, TermSource>): string {
  return [...terms].map(([word, source]) => `${word} ${termFrequency(word, source)} n`).join('\n');
}

/** jieba with its general dictionary plus the plan's domain terms. */
export function createSegmenter(terms: Map<string, TermSource>): Jieba {
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(userDictionary(terms), 'utf8'));
  return jieba;
}
