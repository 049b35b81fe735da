import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js';
import { alnumTokens, compact, compactWithMap, fold, parseCharMap } from '../../src/search/fold.ts';
import { realT2s, realUnits } from '../support/real-plan.ts';

/** src/search/fold.ts: query and text folding, and the traditional → simplified map it applies. */
describe('fold', () => {
  it('folds full-width letters, digits and punctuation (NFKC) and lower-cases Latin', () => {
    expect(fold('ＰＭ２．５')).toBe('pm2.5');
    expect(fold('ＧＤＰ增速')).toBe('gdp增速');
    expect(compact('１６．５％')).toBe('16.5');
  });

  it('drops spaces next to Han characters but keeps them between Latin words', () => {
    expect(fold('2035 年远景目标')).toBe(fold('2035年远景目标'));
    expect(fold('中子 能')).toBe('中子能');
    expect(fold('new  energy')).toBe('new energy');
  });

  it('compact keeps letters and numbers only, and a decimal point only between digits', () => {
    expect(compact('推进“山水园圈”工程。')).toBe('推进山水园圈工程');
    expect(compact('达到16.5%。到2025年')).toBe('达到16.5到2025年');
    expect(compact('达到2件。5G')).toBe('达到2件5g');
  });

  it('maps every compact character back to the original text', () => {
    const text = '到 2025 年，森林覆盖率达到１６．５％。';
    const c = compactWithMap(text);
    expect(c.text).toBe('到2025年森林覆盖率达到16.5');
    for (let i = 0; i < c.text.length; i++)
      expect(fold(text.slice(c.start[i], c.end[i]))).toBe(c.text[i]);
  });

  it('splits Latin and number tokens', () => {
    expect(alnumTokens(fold('PM2.5、PM10和5G基站，GDP增速7.5'))).toEqual([
      'pm2.5',
      'pm10',
      '5g',
      'gdp',
      '7.5',
    ]);
  });
});

describe('traditional → simplified map (built from OpenCC for the plan’s characters)', () => {
  const t2s = parseCharMap(realT2s());

  it('folds traditional and Taiwan/Hong Kong forms', () => {
    expect(fold('養老服務', t2s)).toBe('养老服务');
    expect(fold('垃圾分類', t2s)).toBe('垃圾分类');
    expect(fold('醫養結合', t2s)).toBe('医养结合');
    expect(fold('綫上線下', t2s)).toBe('线上线下');
  });

  it('undoes OpenCC’s simplified → traditional conversion of the whole plan', () => {
    const units = realUnits();
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    let chars = 0;
    const wrong: string[] = [];
    for (const u of units) {
      const text = u.text;
      const original = compact(text);
      const roundTrip = compact(toTraditional(text), t2s);
      chars += original.length;
      for (let i = 0; i < original.length; i++)
        if (original[i] !== roundTrip[i]) wrong.push(`${u.id}:${original[i]}/${roundTrip[i]}`);
    }
    // Phrase-level conversions (e.g. one simplified character with two traditional ones) may not all come back.
    expect(wrong.length / chars).toBeLessThan(0.001);
  });

  it('never folds a character the plan itself prints', () => {
    const planChars = new Set(realUnits().flatMap((u) => [...u.text]));
    for (const from of t2s.keys()) expect(planChars.has(from)).toBe(false);
  });
});
