/**
 * Word segmentation and tokenization, shared by the index and the query side.
 *
 * The plan is segmented once, at build time, by jieba with a domain dictionary
 * (scripts/search-index/dictionary.ts); the result ships as the unit text with a
 * MARK between two Han characters wherever jieba put a word boundary. That
 * costs about 3 KB (brotli) instead of jieba's 5 MB dictionary, and the vocabulary
 * the browser needs to segment queries is simply every word in those marks.
 *
 * Queries are segmented in the browser (and the CLI) with the same vocabulary
 * by a max-probability route over a word DAG (jieba's own algorithm, minus
 * the HMM), so a query word is a word the index holds. Recall never depends
 * on that agreement: a query is also matched by exact substring against every
 * unit's compact text.
 */
import { alnumTokens, fold } from './fold.ts';

/** Word-boundary mark inside shipped unit text. Never occurs in the plan (checked at build). */
export const MARK = '|';

const HAN_RUN = /\p{Script=Han}+/gu;

/** Word counts, for segmenting queries. */
export class Vocabulary {
  readonly counts = new Map<string, number>();
  private total = 0;
  /** Longest word, in code points: bounds the DAG. */
  maxLength = 1;

  add(word: string, count = 1): void {
    this.counts.set(word, (this.counts.get(word) ?? 0) + count);
    this.total += count;
    this.maxLength = Math.max(this.maxLength, [...word].length);
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** Log-probability of a word; unknown single characters get half a count. */
  logProbability(word: string): number {
    const count = this.counts.get(word) ?? (word.length === 1 ? 0.5 : 0);
    if (count === 0) return -Infinity;
    return Math.log(count) - Math.log(this.total + 1);
  }

  /** Every word (two or more Han characters) found in marked unit texts. */
  static fromMarked(texts: Iterable<string>): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const text of texts) for (const word of markedWords(text)) vocabulary.add(word);
    return vocabulary;
  }
}

/** The Han words of a marked text: Han runs, split at marks. Single characters are skipped. */
export function markedWords(marked: string): string[] {
  const words: string[] = [];
  for (const piece of marked.split(MARK)) {
    for (const run of piece.match(HAN_RUN) ?? []) if (run.length >= 2) words.push(run);
  }
  return words;
}

/**
 * Segment one run of Han characters: the route through the word DAG with the
 * highest total log-probability (jieba's algorithm without its HMM).
 */
export function segmentHan(run: string, vocabulary: Vocabulary): string[] {
  const chars = [...run];
  const n = chars.length;
  const best: number[] = new Array<number>(n + 1).fill(-Infinity);
  const next: number[] = new Array<number>(n + 1).fill(n);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j <= Math.min(n, i + vocabulary.maxLength); j++) {
      const word = chars.slice(i, j).join('');
      const p = vocabulary.logProbability(word);
      if (p === -Infinity) continue;
      const score = p + best[j]!;
      if (score > best[i]!) {
        best[i] = score;
        next[i] = j;
      }
    }
  }
  const words: string[] = [];
  for (let i = 0; i < n; i = next[i]!) words.push(chars.slice(i, next[i]).join(''));
  return words;
}

/** Insert word marks into a text, segmenting each Han run with the vocabulary. */
export function markText(text: string, vocabulary: Vocabulary): string {
  return text.replace(HAN_RUN, (run) => segmentHan(run, vocabulary).join(MARK));
}

/** Character bigrams of a compact string. */
export function bigrams(compactText: string): string[] {
  const chars = [...compactText];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * The index terms of a marked text: its words (as marked) and its
 * Latin/number tokens. The index and the query go through this one function
 * (MINISEARCH_OPTIONS.tokenize).
 *
 * Character bigrams are deliberately not terms: with ~300 units, an exact
 * substring scan of the compact text (engine.ts) finds every verbatim match
 * in about a millisecond, where bigram postings would multiply the time to
 * build the index in the browser by seven (docs/search.md).
 */
export function tokenize(marked: string): string[] {
  const folded = fold(marked);
  return [
    ...markedWords(folded),
    ...alnumTokens(folded.split(MARK).join('')).filter((t) => t.length >= 2 || /[0-9]/.test(t)),
  ];
}
