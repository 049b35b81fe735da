import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js';
import { alnumTokens, compact, compactWithMap, fold, parseCharMap } from '../../src/search/fold.ts';
import { stripQuestion, segmentQuery, pinyinKey } from '../../src/search/query.ts';
import {
  MARK,
  Vocabulary,
  markText,
  markedWords,
  segmentHan,
  tokenize,
} from '../../src/search/segment.ts';
import { wordKeys, parseReadings } from '../../src/search/pinyin-match.ts';
import { findRanges, makeSnippet, renderSnippet } from '../../src/search/snippet.ts';
import { checkTopics, parseTopics } from '../../scripts/search-index/topics.ts';
import { realIndex } from './index.ts';

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
  const t2s = parseCharMap(realIndex().file.t2s);

  it('folds traditional and Taiwan/Hong Kong forms', () => {
    expect(fold('養老服務', t2s)).toBe('养老服务');
    expect(fold('垃圾分類', t2s)).toBe('垃圾分类');
    expect(fold('醫養結合', t2s)).toBe('医养结合');
    expect(fold('綫上線下', t2s)).toBe('线上线下');
  });

  it('undoes OpenCC’s simplified → traditional conversion of the whole plan', () => {
    const units = realIndex().file.units;
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    let chars = 0;
    const wrong: string[] = [];
    for (const u of units) {
      const text = u.x.split(MARK).join('');
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
    const planChars = new Set(realIndex().file.units.flatMap((u) => [...u.x]));
    for (const from of parseCharMap(realIndex().file.t2s).keys())
      expect(planChars.has(from)).toBe(false);
  });
});

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
});

describe('questions', () => {
  const never = () => false;
  it('drops question words and says what is asked', () => {
    expect(stripQuestion('人均预期寿命是多少？', never)).toEqual({
      core: '人均预期寿命',
      intent: 'figure',
    });
    expect(stripQuestion('路网密度要达到多少', never)).toEqual({
      core: '路网密度',
      intent: 'figure',
    });
    expect(stripQuestion('森林覆盖率的目标', never)).toEqual({
      core: '森林覆盖率',
      intent: 'figure',
    });
    expect(stripQuestion('哪一节讲养老', never)).toEqual({ core: '养老', intent: 'where' });
    expect(stripQuestion('垃圾分类在哪一节', never)).toEqual({ core: '垃圾分类', intent: 'where' });
    expect(stripQuestion('请问垃圾分类怎么做', never)).toEqual({ core: '垃圾分类', intent: null });
  });

  it('leaves alone a query the plan contains verbatim', () => {
    const occurs = (s: string) => s === '主要目标';
    expect(stripQuestion('主要目标', occurs)).toEqual({ core: '主要目标', intent: null });
  });
});

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

describe('snippets', () => {
  it('highlights matches in the text as printed, across punctuation', () => {
    const text = '严格落实河长制，实施李村河流域生态修复工程。';
    const snippet = makeSnippet(text, findRanges(compactWithMap(text), ['河长制', '李村河']));
    expect(renderSnippet(snippet)).toBe('严格落实**河长制**，实施**李村河**流域生态修复工程。');
  });
});

describe('topic map file', () => {
  it('reports malformed lines with their line number', () => {
    const { problems } = parseTopics('# c\n看病 => 医疗卫生\n看病 医疗卫生\n', 'topics.txt');
    expect(problems).toEqual([
      'topics.txt:3: expected "keys => targets" or "terms <=> terms", got "看病 医疗卫生"',
    ]);
  });

  it('rejects a target the plan never uses', () => {
    const { topics } = parseTopics('看病 => 医疗卫生, 挂号费');
    expect(checkTopics(topics, '完善公共医疗卫生体系')).toEqual([
      'content/search/topics.txt: target "挂号费" (for 看病) does not occur in the plan',
    ]);
  });

  it('expands two-way lines in both directions', () => {
    expect(parseTopics('GDP <=> 生产总值').topics).toEqual([
      { keys: ['GDP'], targets: ['生产总值'], exact: true },
      { keys: ['生产总值'], targets: ['GDP'], exact: true },
    ]);
  });
});
