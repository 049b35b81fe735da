import { describe, expect, it } from 'vitest';
import { parseReadings, wordKeys } from '../../src/search/pinyin-match.ts';
import { pinyinKey } from '../../src/search/query.ts';

/** src/search/pinyin-match.ts: toneless pinyin keys of the plan's words, as typed queries are read. */
describe('pinyin keys', () => {
  const readings = parseReadings('河he 长chang,zhang 制zhi 绿lv 色se');
  it('multiplies out every reading of a polyphone, and u for ü', () => {
    expect(wordKeys('河长制', readings)).toEqual(
      expect.arrayContaining(['hechangzhi', 'hezhangzhi']),
    );
    expect(wordKeys('绿色', readings)).toEqual(expect.arrayContaining(['lvse', 'luse']));
    expect(pinyinKey("la ji fen'lei")).toBe('lajifenlei');
  });
});
