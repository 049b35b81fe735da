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

export function matchUnit(
  unit: PreparedUnit,
  analyzed: AnalyzedQuery,
  cutsWord: (text: string, at: number, length: number) => boolean = () => false,
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
      for (
        let at = unit.compact.indexOf(alt.text);
        at !== -1;
        at = unit.compact.indexOf(alt.text, at + alt.text.length)
      ) {
        // What the user typed matches anywhere; an expansion only as a word of its own.
        if (alt.source !== 'topic' || !cutsWord(unit.compact, at, alt.text.length)) count++;
      }
      if (count === 0) continue;
      best = Math.max(best, alt.weight);
      tf += count * alt.weight;
      if (!found.includes(alt.text)) found.push(alt.text);
      if (
        unit.headingCompact.includes(alt.text) &&
        (alt.source !== 'topic' ||
          !cutsWord(unit.headingCompact, unit.headingCompact.indexOf(alt.text), alt.text.length))
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
function statesFigure(unit: PreparedUnit, analyzed: AnalyzedQuery): boolean {
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

/** Tier and score of a unit that meets at least one concept (see the module comment). */
export function rankUnit(
  unit: PreparedUnit,
  analyzed: AnalyzedQuery,
  match: UnitMatch,
  relevance: number,
): Ranked {
  const totalWeight = analyzed.concepts.reduce((n, c) => n + c.weight, 0);
  const coverage = match.covered / totalWeight;
  const all = match.satisfied.every((s) => s > 0);
  const titleAll = unit.heading !== '' && match.inHeading.every(Boolean);
  const phrase = analyzed.phrases.some((p) => unit.compact.includes(p));
  const titlePhrase = analyzed.phrases.some((p) => unit.headingCompact.includes(p));
  // How literal the match is: the user's own words (1) beat topic-map expansions (0.85).
  const literal =
    analyzed.concepts.reduce((n, c, i) => n + c.weight * match.satisfied[i]!, 0) / match.covered;

  let tier: Tier;
  let score: number;
  if (all && analyzed.intent === 'figure' && statesFigure(unit, analyzed)) {
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
  if (phrase) score += 40;
  if (titlePhrase || (tier === 'figure' && titleAll)) score += 15;
  score += 40 * ((literal - TOPIC_WEIGHT) / (1 - TOPIC_WEIGHT)); // 40 for the user's own words, 0 for expansions
  // A heading that is mostly the query is a better answer than a long one that mentions it.
  if (titleAll)
    score += 10 * Math.min(1, match.headingMatched / Math.max(1, unit.headingCompact.length));
  // "哪一节讲…": prefer the structure (sections, sub-parts, boxes) over clauses.
  if (analyzed.intent === 'where' && ['chapter', 'section', 'subpart', 'box'].includes(unit.kind))
    score += 25;
  score += 30 * relevance;
  return { score, tier, phrase };
}
