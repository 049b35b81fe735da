import { describe, expect, it } from 'vitest';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { markedWords } from '../../src/search/segment.ts';
import { realSearch, realUnits } from '../support/real-plan.ts';

/** The plan's own terms that jieba's general dictionary cuts apart. */
const DOMAIN_WORDS = ['院士港', '低碳', '中子能', '海绵城市'];

describe('domain dictionary', () => {
  const { terms } = realSearch();
  const units = realUnits();
  const texts = units.map((u) => u.x);

  it('jieba’s general dictionary alone cuts these terms apart (so the dictionary is what makes them words)', () => {
    const general = Jieba.withDict(dict);
    for (const word of DOMAIN_WORDS) {
      const sentence = units.map((u) => u.text).find((t) => t.includes(word))!;
      const tokens = general.cut(sentence, false);
      expect(tokens, word).not.toContain(word);
    }
  });

  for (const word of DOMAIN_WORDS) {
    it(`${word} is one word wherever the plan uses it`, () => {
      let occurrences = 0;
      let whole = 0;
      for (const { x, text: plain } of units) {
        occurrences += plain.split(word).length - 1;
        whole += markedWords(x).filter((w) => w === word).length;
      }
      expect(occurrences, `${word} occurs in the plan`).toBeGreaterThan(0);
      expect(whole, `${word}: ${whole} of ${occurrences} occurrences segmented as a word`).toBe(
        occurrences,
      );
    });
  }

  it('draws terms from every source: quoted terms, headings, enumerations, repeated strings, the curated list', () => {
    const sources = new Set(terms.values());
    for (const source of ['quoted', 'heading', 'enumeration', 'repeated', 'curated'] as const)
      expect(sources).toContain(source);
    expect(terms.get('山水园圈')).toBe('quoted');
    expect(terms.get('城区有机更新')).toBe('heading'); // 推进城区有机更新, verb taken off
    expect(terms.get('烟墩山')).toBe('curated');
  });

  it('ships a vocabulary that segments queries like the index: the browser needs no dictionary download', () => {
    // Every word the index holds for these terms is one the query side can produce from the shipped marks alone.
    const vocabulary = new Set(texts.flatMap((x) => markedWords(x)));
    for (const word of DOMAIN_WORDS) expect(vocabulary).toContain(word);
  });
});
