/**
 * How well a unit answers a query: which concepts it holds (matchUnit), and
 * its tier and score (rankUnit). The tiers are described in engine.ts.
 */
import type { PreparedUnit } from './prepared-unit.ts';
import { type AnalyzedQuery, TOPIC_WEIGHT } from './query.ts';

export type Tier = 'id' | 'figure' | 'title' | 'all' | 'partial';

/** Figures stated within this many compact characters after a term count as the term's figure. */
const FIGURE_WINDOW = 14;

/** What a unit holds of the query: per concept, the best weight met and the occurrences. */
export interface UnitMatch {
  /** Per concept: best weight among its alternatives found in the text (0 if none). */
  satisfied: number[];
  /** Per concept: occurrences of its alternatives in the text. */
  frequency: number[];
  /** Per concept: found in the heading. */
  inHeading: boolean[];
  /** Weighted share of concepts met (weights: single characters count less). */
  covered: number;
  /** Compact strings found: what gets highlighted. */
  found: string[];
  /** Length of the heading's matched strings. */
  headingMatched: number;
}

/** Weight kept by what the user typed when it only occurs across two words (上学 in 以上|学历). */
export const ACROSS_WORDS_WEIGHT = 0.5;

/**
 * Kinds whose heading names a metric or a term rather than what the plan does: a heading of
 * theirs matched only through the topic map (养老院 → 养老机构…床位数) is not a title match.
 */
export const NARROW_HEADINGS: ReadonlySet<string> = new Set(['indicator', 'term']);

/**
 * Where an occurrence at [at, at + length) of a compact text cuts the unit's words: bit 1 when
 * it starts inside a two-character word (入学 in 深入|学习), bit 2 when it ends inside one; bit 4
 * when it starts inside any word, bit 8 when it ends inside one (上学 in 以上学历).
 */
export type CutsWord = (text: string, at: number, length: number) => number;
/** An occurrence that starts and ends inside words (bits 4 and 8). */
const INSIDE_WORDS = 12;

export function matchUnit(
  unit: PreparedUnit,
  analyzed: AnalyzedQuery,
  cutsWord: CutsWord = () => 0,
): UnitMatch {
  const satisfied: number[] = [];
  const frequency: number[] = [];
  const inHeading: boolean[] = [];
  const found: string[] = [];
  let covered = 0;
  let headingMatched = 0;
  for (const concept of analyzed.concepts) {
    let best = 0;
    let tf = 0;
    let heading = false;
    for (const alt of concept.alternatives) {
      if (!alt.text) continue;
      let count = 0;
      let clean = 0;
      for (
        let at = unit.compact.indexOf(alt.text);
        at !== -1;
        at = unit.compact.indexOf(alt.text, at + alt.text.length)
      ) {
        const cuts = cutsWord(unit.compact, at, alt.text.length);
        // An expansion only counts as a word of its own; what the user typed matches anywhere,
        // but counts less where it only spans two words (上学 in 以上学历).
        if (alt.source === 'topic' && (cuts & 3) !== 0) continue;
        count++;
        if ((cuts & INSIDE_WORDS) !== INSIDE_WORDS) clean++;
      }
      if (count === 0) continue;
      const weight = clean > 0 ? alt.weight : alt.weight * ACROSS_WORDS_WEIGHT;
      best = Math.max(best, weight);
      tf += count * weight;
      if (!found.includes(alt.text)) found.push(alt.text);
      if (
        unit.headingCompact.includes(alt.text) &&
        (alt.source !== 'topic' ||
          (cutsWord(unit.headingCompact, unit.headingCompact.indexOf(alt.text), alt.text.length) &
            3) ===
            0) &&
        (weight >= 1 || !NARROW_HEADINGS.has(unit.kind))
      ) {
        heading = true;
        headingMatched = Math.max(headingMatched, alt.text.length);
      }
    }
    satisfied.push(best);
    frequency.push(tf);
    inHeading.push(heading);
    if (best > 0) covered += concept.weight;
  }
  return { satisfied, frequency, inHeading, covered, found, headingMatched };
}

/** Whether a unit states a figure for the query: an indicator row, or a number right after a term. */
export function statesFigure(unit: PreparedUnit, analyzed: AnalyzedQuery): boolean {
  if (unit.kind === 'indicator') return true;
  const text = unit.compact;
  return analyzed.concepts.some((c) =>
    c.alternatives.some((alt) => {
      if (!alt.text || !/\p{Script=Han}/u.test(alt.text)) return false;
      for (let at = text.indexOf(alt.text); at !== -1; at = text.indexOf(alt.text, at + 1)) {
        const after = text.slice(at + alt.text.length, at + alt.text.length + FIGURE_WINDOW);
        if (/[0-9]/.test(after)) return true;
      }
      return false;
    }),
  );
}

export interface Ranked {
  score: number;
  tier: Tier;
  phrase: boolean;
}

/** What ranking needs of a unit besides its match: known exactly from its text, or bounded. */
export interface UnitFacts {
  kind: PreparedUnit['kind'];
  /** It has a heading of its own. */
  headed: boolean;
  /** Length of its compact heading. */
  headingLength: number;
  /** The exact phrase (or a topic variant) occurs in the text; in the heading. */
  phrase: boolean;
  titlePhrase: boolean;
  statesFigure: boolean;
}

/** The facts of a unit whose text is known. */
export function unitFacts(unit: PreparedUnit, analyzed: AnalyzedQuery): UnitFacts {
  return {
    kind: unit.kind,
    headed: unit.heading !== '',
    headingLength: unit.headingCompact.length,
    phrase: analyzed.phrases.some((p) => unit.compact.includes(p)),
    titlePhrase: analyzed.phrases.some((p) => unit.headingCompact.includes(p)),
    statesFigure: analyzed.intent === 'figure' && statesFigure(unit, analyzed),
  };
}

/** How literal a match is: the user's own words (1) over topic-map expansions (0.85). */
export function literalOf(
  analyzed: AnalyzedQuery,
  match: Pick<UnitMatch, 'satisfied' | 'covered'>,
): number {
  return (
    analyzed.concepts.reduce((n, c, i) => n + c.weight * match.satisfied[i]!, 0) / match.covered
  );
}

/**
 * Tier and score of a unit that meets at least one concept (see the module comment). The
 * score only grows with each input (more concepts met, a phrase, a figure, a more literal
 * match, more relevance), so facts bounded from the postings give an upper bound of the score
 * the text will give: the engine ranks by the bound and reads the text only of the units that
 * can still make the list.
 */
export function rankFacts(
  facts: UnitFacts,
  analyzed: AnalyzedQuery,
  match: Pick<UnitMatch, 'satisfied' | 'inHeading' | 'covered' | 'headingMatched'>,
  relevance: number,
  literal = literalOf(analyzed, match),
): Ranked {
  const totalWeight = analyzed.concepts.reduce((n, c) => n + c.weight, 0);
  const coverage = match.covered / totalWeight;
  const all = match.satisfied.every((s) => s > 0);
  const titleAll = facts.headed && match.inHeading.every(Boolean);

  let tier: Tier;
  let score: number;
  if (all && analyzed.intent === 'figure' && facts.statesFigure) {
    tier = 'figure';
    score = 500;
  } else if (all && titleAll) {
    tier = 'title';
    score = 400;
  } else if (all) {
    tier = 'all';
    score = 300;
  } else {
    tier = 'partial';
    score = 100 + 100 * coverage;
  }
  if (facts.phrase) score += 40;
  if (facts.titlePhrase || (tier === 'figure' && titleAll)) score += 15;
  score += 40 * ((literal - TOPIC_WEIGHT) / (1 - TOPIC_WEIGHT)); // 40 for the user's own words, 0 for expansions
  // A heading that is mostly the query is a better answer than a long one that mentions it.
  if (titleAll) score += 10 * Math.min(1, match.headingMatched / Math.max(1, facts.headingLength));
  // "哪一节讲…": prefer the structure (sections, sub-parts, boxes) over clauses.
  if (analyzed.intent === 'where' && ['chapter', 'section', 'subpart', 'box'].includes(facts.kind))
    score += 25;
  score += 30 * relevance;
  return { score, tier, phrase: facts.phrase };
}

/** Tier and score of a unit whose text is known. */
export function rankUnit(
  unit: PreparedUnit,
  analyzed: AnalyzedQuery,
  match: UnitMatch,
  relevance: number,
): Ranked {
  return rankFacts(unitFacts(unit, analyzed), analyzed, match, relevance);
}
