/**
 * Lead sentences: the short title a measure opens with. Plans mark them in
 * one of these ways, and this module reads each (docs/pipeline.md):
 *
 * - bold: `**综合实力迈上新台阶。**…` (Markdown) — a lead of its own;
 * - dash: `——创新引领。…`, `——**创新引领**。…`;
 * - ordinal: `一是…。二是…` in a series of paragraphs;
 * - plain: `石化产业。…` with no mark at all. A paragraph's first sentence is
 *   a plain lead when it is short (at most 24 characters) and has no comma,
 *   and a sibling next to it is one too; or when three or more siblings in a
 *   row open with a short two-clause sentence (`X成效显著，Y更高。`). A single
 *   short first sentence is a topic sentence, not a lead, and a run never
 *   takes in a first member that opens with a time phrase (“十四五”时期…).
 *   A plan that prints its leads in bold has no plain leads.
 */
import type { MeasureNode } from '../../src/model/types.ts';
import type { IssueCollector } from './errors.ts';
import type { Inline } from './parse.ts';
import { normalizeSpaces } from './repair.ts';

export interface Lead {
  /** The lead as printed, with its final 。 and any leading ——. */
  lead: string;
  /** The lead without —— and its final 。: the measure's title. */
  title: string;
  /** The rest of the paragraph. */
  text: string;
  style: MeasureNode['style'];
  /** The ordinal printed before an ordinal lead (一是), kept apart from its title. */
  label?: string;
}

/**
 * The lead a paragraph marks itself (bold or dash), or null. A bold lead that
 * does not end in 。 or never closes is an issue at `line`.
 */
export function markedLead(
  inline: Inline,
  raw: string,
  line: number,
  issues: IssueCollector,
): Lead | null {
  const { text, strong } = inline;
  const first = strong[0];
  const rest = (from: number) => normalizeSpaces(text.slice(from));
  if (first && text.slice(0, first[0]).trim() === '') {
    const lead = normalizeSpaces(text.slice(first[0], first[1]));
    if (!lead.endsWith('。')) {
      issues.add(
        line,
        'bold-lead-stop',
        `bold lead "${lead}" does not end with 。; expected **标题。** at the start of a measure`,
      );
      return null;
    }
    return { lead, title: lead.slice(0, -1), text: rest(first[1]), style: 'bold' };
  }
  const full = normalizeSpaces(text);
  if (full.startsWith('——')) {
    // ——**标题。**正文 or ——**标题**。正文
    if (first && text.slice(0, first[0]).trim() === '——') {
      const bold = normalizeSpaces(text.slice(first[0], first[1]));
      const after = rest(first[1]);
      if (bold.endsWith('。'))
        return { lead: `——${bold}`, title: bold.slice(0, -1), text: after, style: 'dash' };
      if (after.startsWith('。'))
        return { lead: `——${bold}。`, title: bold, text: after.slice(1), style: 'dash' };
    }
    const stop = full.indexOf('。');
    if (stop === -1) {
      issues.add(
        line,
        'dash-lead-stop',
        'a —— item has no 。 closing its title; expected ——标题。正文',
      );
      return null;
    }
    const lead = full.slice(0, stop + 1);
    return {
      lead,
      title: lead.replace(/^——/, '').replace(/\*/g, '').slice(0, -1),
      text: full.slice(stop + 1),
      style: 'dash',
    };
  }
  // (A paragraph left unread by a markup limit keeps its ** : that limit is the problem.)
  if (/^[\s\u3000]*\*\*/.test(raw) && strong.length === 0 && !inline.unread) {
    issues.add(
      line,
      'bold-lead-unterminated',
      'the paragraph opens a bold lead with ** that never closes; expected **标题。** before the text',
    );
  }
  return null;
}

/** Longest plain lead, in characters. */
const MAX_PLAIN = 24;
/** Longest two-clause lead of a parallel run. */
const MAX_TWO_CLAUSE = 25;
/** A first sentence that opens with a time or place phrase is an introduction, not a lead. */
const INTRO =
  /^(“?十[一二三四五六七八九]五”?时期|“?十[一二三四五六七八九]五”?以来|今后|当前|目前|近年来|展望|面向|到20\d\d年|20\d\d年)/;
const ORDINAL = /^[一二三四五六七八九十]+是/;

/** The first sentence of a paragraph (up to its first 。), and whether text follows it. */
function firstSentence(text: string): { sentence: string; rest: string } | null {
  const stop = text.indexOf('。');
  if (stop <= 0) return null;
  return { sentence: text.slice(0, stop), rest: text.slice(stop + 1) };
}

const length = (s: string) => [...s.replace(/\s+/g, '')].length;

/**
 * Which of a container's un-marked paragraphs (in order; boxes and tables
 * between them do not count) open with a plain or ordinal lead.
 */
export function plainLeads(texts: string[]): (Lead | null)[] {
  const first = texts.map(firstSentence);
  const short = first.map(
    (f) =>
      f !== null &&
      f.rest.trim() !== '' &&
      length(f.sentence) <= MAX_PLAIN &&
      !/[，,；]/.test(f.sentence),
  );
  const twoClause = first.map(
    (f) =>
      f !== null &&
      f.rest.trim() !== '' &&
      length(f.sentence) <= MAX_TWO_CLAUSE &&
      (f.sentence.match(/，/g) ?? []).length === 1 &&
      !/[；：]/.test(f.sentence),
  );
  const ordinal = first.map((f) => f !== null && ORDINAL.test(f.sentence));
  const out: (Lead | null)[] = texts.map(() => null);
  const take = (i: number, style: MeasureNode['style']) => {
    const f = first[i]!;
    const ordinal = style === 'ordinal' ? ORDINAL.exec(f.sentence)![0] : '';
    const sentence = f.sentence.slice(ordinal.length);
    out[i] = {
      lead: `${sentence}。`,
      title: sentence,
      text: f.rest,
      style,
      ...(ordinal ? { label: ordinal } : {}),
    };
  };

  // Runs of adjacent paragraphs that qualify.
  const runs = (qualifies: boolean[], min: number, style: MeasureNode['style']) => {
    let i = 0;
    while (i < texts.length) {
      if (!qualifies[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < texts.length && qualifies[j + 1]) j++;
      let start = i;
      // A run does not take in an introduction that opens with a time phrase.
      if (INTRO.test(first[start]!.sentence)) start++;
      if (j - start + 1 >= min) for (let k = start; k <= j; k++) if (!out[k]) take(k, style);
      i = j + 1;
    }
  };
  runs(ordinal, 2, 'ordinal');
  runs(short, 2, 'plain');
  runs(twoClause, 3, 'plain');
  return out;
}
