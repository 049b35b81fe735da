import { describe, expect, it } from 'vitest';
import { stripQuestion } from '../../src/search/query.ts';

/** src/search/query.ts: what a query asks, and the query as the engine reads it. */
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
