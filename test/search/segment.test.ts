import { describe, expect, it } from 'vitest';
import { encodeMarked, decodeMarked, INDEX_OPTIONS } from '../../src/search/format.ts';
import {
  Vocabulary,
  markText,
  markedWords,
  segmentHan,
  tokenize,
} from '../../src/search/segment.ts';
import { segmentQuery } from '../../src/search/query.ts';

const MARK = INDEX_OPTIONS.mark;

/** src/search/segment.ts: word segmentation with the plan's vocabulary, the same for index and query. */
describe('segmentation', () => {
  const vocabulary = new Vocabulary();
  for (const [w, n] of [
    ['垃圾', 5],
    ['分类', 5],
    ['垃圾分类', 3],
    ['院士港', 4],
    ['院士', 9],
    ['创新', 20],
  ] as const)
    vocabulary.add(w, n);

  it('takes the most probable route through the word DAG', () => {
    expect(segmentHan('垃圾分类', vocabulary)).toEqual(['垃圾分类']);
    expect(segmentHan('院士港创新', vocabulary)).toEqual(['院士港', '创新']);
  });

  it('marks word boundaries between Han characters only', () => {
    expect(markText('院士港创新2025年', vocabulary)).toBe(`院士港${MARK}创新2025年`);
    expect(markedWords(`院士港${MARK}创新，年`)).toEqual(['院士港', '创新']);
  });

  it('tokenizes marked text into words and Latin/number tokens, the same way for index and query', () => {
    expect(tokenize(`推进${MARK}5G${MARK}基站`)).toEqual(['推进', '基站', '5g']);
    expect(tokenize(markText('院士港创新', vocabulary))).toEqual(['院士港', '创新']);
  });

  it('keeps characters the vocabulary does not know together', () => {
    expect(segmentQuery('比特币', vocabulary)).toEqual(['比特币']);
    expect(segmentQuery('垃圾分类的', vocabulary)).toEqual(['垃圾分类']);
  });

  it('keeps a | or \\ of the text: the mark is escaped, so the build never rejects a character', () => {
    const tokens = ['甲', '|', '乙', '\\', '丙', '丁'];
    const marked = encodeMarked(tokens);
    expect(decodeMarked(marked).text).toBe('甲|乙\\丙丁');
    expect(markedWords(encodeMarked(['管道', '|', '燃气']))).toEqual(['管道', '燃气']);
    expect(tokenize(encodeMarked(['AB|CD', '管道']))).toEqual(['管道', 'ab', 'cd']);
  });

  it('marks a clause in time linear in its length (markTokens was quadratic)', () => {
    const time = (n: number) => {
      const tokens = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? '，' : '发展'));
      const started = performance.now();
      const marked = encodeMarked(tokens);
      decodeMarked(marked);
      return performance.now() - started;
    };
    time(20_000);
    const small = Math.max(1, time(64_000));
    const large = time(128_000);
    expect(large / small).toBeLessThan(4);
  });
});
