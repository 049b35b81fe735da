/**
 * Word segmentation and tokenization, shared by the index and the query side.
 *
 * The plans are segmented once, at build time, by jieba with a domain
 * dictionary (scripts/search-index/dictionary.ts). The result ships twice: as
 * the vocabulary in the term shards (each word with its count, in the shard of
 * its first character), and as word marks inside the text chunks
 * (format.ts, encodeMarked). No multi-megabyte dictionary is downloaded.
 *
 * Queries are segmented in the browser (and the CLI) with that vocabulary by
 * a max-probability route over a word DAG (jieba's own algorithm, minus the
 * HMM), so a query word is a word the index holds. Recall never depends on
 * that agreement: a query is also matched by character bigrams and exact
 * substrings (engine.ts).
 */
import { decodeMarked, encodeMarked } from './format.ts';
import { alnumTokens, fold } from './fold.ts';

const HAN_RUN = /\p{Script=Han}+/gu;

/** Word counts, for segmenting queries. */
export class Vocabulary {
  readonly counts = new Map<string, number>();
  private total = 0;
  /** Longest word, in code points: bounds the DAG. */
  maxLength = 1;

  /** `total` and `maxLength` of the whole vocabulary, when only part of it is loaded (a shard). */
  constructor(whole?: { total: number; maxWord: number }) {
    if (whole) {
      this.total = whole.total;
      this.maxLength = Math.max(1, whole.maxWord);
    }
  }

  /** Add a word; `counted` false when `total` already includes it (a shard of a known vocabulary). */
  add(word: string, count = 1, counted = true): void {
    this.counts.set(word, (this.counts.get(word) ?? 0) + count);
    if (counted) {
      this.total += count;
      this.maxLength = Math.max(this.maxLength, [...word].length);
    }
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  get size(): number {
    return this.total;
  }

  /** Log-probability of a word; unknown single characters get half a count. */
  logProbability(word: string): number {
    const count = this.counts.get(word) ?? (word.length === 1 ? 0.5 : 0);
    if (count === 0) return -Infinity;
    return Math.log(count) - Math.log(this.total + 1);
  }

  /** Every word (two or more Han characters) of segmented texts, as jieba's tokens. */
  static fromTokens(texts: Iterable<readonly string[]>): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const tokens of texts) for (const word of tokenWords(tokens)) vocabulary.add(word);
    return vocabulary;
  }
}

/** The Han words of a token list: each token's Han runs of two or more characters. */
export function tokenWords(tokens: readonly string[]): string[] {
  const words: string[] = [];
  for (const token of tokens)
    for (const run of token.match(HAN_RUN) ?? []) if (run.length >= 2) words.push(run);
  return words;
}

/** The Han words of a marked text (format.ts): Han runs, split at marks. */
export function markedWords(marked: string): string[] {
  return tokenWords(markedPieces(marked));
}

/** A marked text cut at its marks (escapes resolved). */
export function markedPieces(marked: string): string[] {
  const { text, marks } = decodeMarked(marked);
  const pieces: string[] = [];
  let at = 0;
  for (const m of marks) {
    pieces.push(text.slice(at, m));
    at = m;
  }
  pieces.push(text.slice(at));
  return pieces;
}

/**
 * Segment one run of Han characters: the route through the word DAG with the
 * highest total log-probability (jieba's algorithm without its HMM).
 * O(length × longest word).
 */
export function segmentHan(run: string, vocabulary: Vocabulary): string[] {
  const chars = [...run];
  const n = chars.length;
  const best: number[] = new Array<number>(n + 1).fill(-Infinity);
  const next: number[] = new Array<number>(n + 1).fill(n);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    let word = '';
    for (let j = i + 1; j <= Math.min(n, i + vocabulary.maxLength); j++) {
      word += chars[j - 1];
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

/** A text as tokens: each Han run segmented with the vocabulary, everything else as it is. */
export function segmentText(text: string, vocabulary: Vocabulary): string[] {
  const tokens: string[] = [];
  let at = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    if (m.index > at) tokens.push(text.slice(at, m.index));
    tokens.push(...segmentHan(m[0], vocabulary));
    at = m.index + m[0].length;
  }
  if (at < text.length) tokens.push(text.slice(at));
  return tokens;
}

/** Insert word marks into a text (format.ts), segmenting each Han run with the vocabulary. */
export function markText(text: string, vocabulary: Vocabulary): string {
  return encodeMarked(segmentText(text, vocabulary));
}

/**
 * The index terms of a marked text: its words (as marked) and its
 * Latin/number tokens. The index and the query go through this one function
 * (MINISEARCH_OPTIONS.tokenize).
 */
export function tokenize(marked: string): string[] {
  const pieces = markedPieces(marked).map((p) => fold(p));
  return [
    ...tokenWords(pieces),
    ...alnumTokens(pieces.join('')).filter((t) => t.length >= 2 || /[0-9]/.test(t)),
  ];
}

/** Character bigrams of a compact string, by code point (the benchmark's baseline uses them too). */
export function bigrams(compactText: string): string[] {
  const chars = [...compactText];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}
