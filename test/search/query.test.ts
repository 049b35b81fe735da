import { describe, expect, it } from 'vitest';
import { stripQuestion } from '../../src/search/query.ts';

/** src/search/query.ts: what a query asks, and the query as the engine reads it. */
describe('questions', () => {
  const never = () => Promise.resolve(false);
  it('drops question words and says what is asked', async () => {
    expect(await stripQuestion('人均预期寿命是多少？', never)).toEqual({
      core: '人均预期寿命',
      intent: 'figure',
    });
    expect(await stripQuestion('路网密度要达到多少', never)).toEqual({
      core: '路网密度',
      intent: 'figure',
    });
    expect(await stripQuestion('森林覆盖率的目标', never)).toEqual({
      core: '森林覆盖率',
      intent: 'figure',
    });
    expect(await stripQuestion('哪一节讲养老', never)).toEqual({ core: '养老', intent: 'where' });
    expect(await stripQuestion('垃圾分类在哪一节', never)).toEqual({
      core: '垃圾分类',
      intent: 'where',
    });
    expect(await stripQuestion('请问垃圾分类怎么做', never)).toEqual({
      core: '垃圾分类',
      intent: null,
    });
  });

  it('leaves alone a query the plan contains verbatim', async () => {
    const occurs = (s: string) => Promise.resolve(s === '主要目标');
    expect(await stripQuestion('主要目标', occurs)).toEqual({ core: '主要目标', intent: null });
  });
});
