import { describe, expect, it } from 'vitest';
import { checkTopics, parseTopics } from '../../scripts/search-index/topics.ts';

/** scripts/search-index/topics.ts: the reviewed topic map (content/search/topics.txt). */
describe('topic map file', () => {
  it('reports malformed lines with their line number', () => {
    const { problems } = parseTopics('# c\n看病 => 医疗卫生\n看病 医疗卫生\n', 'topics.txt');
    expect(problems).toEqual([
      'topics.txt:3: expected "keys => targets" or "terms <=> terms", got "看病 医疗卫生"',
    ]);
  });

  it('rejects a target no plan uses', () => {
    const { topics } = parseTopics('看病 => 医疗卫生, 挂号费');
    expect(checkTopics(topics, '完善公共医疗卫生体系')).toEqual([
      'content/search/topics.txt: target "挂号费" (for 看病) does not occur in any plan',
    ]);
  });

  it('expands two-way lines in both directions', () => {
    expect(parseTopics('GDP <=> 生产总值').topics).toEqual([
      { keys: ['GDP'], targets: ['生产总值'], exact: true },
      { keys: ['生产总值'], targets: ['GDP'], exact: true },
    ]);
  });
});
