import { describe, expect, it } from 'vitest';
import { classify } from '../../scripts/pipeline/classify.ts';

/**
 * Block classification line by line (scripts/pipeline/classify.ts): what a block is, from the
 * numbering and words plans share. Each case is a line as plans print it.
 */
const kindOf = (text: string) => {
  const c = classify(text);
  return c.kind === 'heading' || c.kind === 'item'
    ? `${c.kind} ${c.style} ${c.number} ${c.label}`
    : c.kind;
};

describe('classify', () => {
  it.each([
    ['第二篇 加快发展新质生产力', 'heading 篇 2 第二篇'],
    ['第二部分 发展目标', 'heading 篇 2 第二部分'],
    ['第十二章　推进绿色发展', 'heading 章 12 第十二章'],
    ['第 十 二 章  推进绿色发展', 'heading 章 12 第十二章'],
    ['第三节 培育未来产业', 'heading 节 3 第三节'],
    ['一、先进制造业', 'heading 一、 1 一、'],
    ['（二）推进城市更新', 'heading （一） 2 （二）'],
  ])('%s is a heading', (text, expected) => {
    expect(kindOf(text)).toBe(expected);
  });

  it.each([
    ['专栏3 重点项目', '3'],
    ['专栏 3-2 项目', '3-2'],
    ['专栏一 重大工程', '1'],
    ['专栏十二：数字经济', '12'],
  ])('%s is box %s', (text, number) => {
    expect(classify(text)).toMatchObject({ kind: 'box', number });
  });

  it('reads 专栏 before a word that starts with a numeral as text', () => {
    expect(classify('专栏十大工程建设').kind).toBe('paragraph');
    expect(classify('专栏内容').kind).toBe('paragraph');
  });

  it.each([
    ['专栏：重大项目', '重大项目'],
    ['专栏  “1026”先进制造业集群体系', '“1026”先进制造业集群体系'],
    ['专栏2035年、2050年市域空间格局引导', '2035年、2050年市域空间格局引导'],
  ])('%s is a box the plan does not number', (text, title) => {
    expect(classify(text)).toMatchObject({ kind: 'box', number: '', label: '专栏', title });
  });

  it('reads a line that opens with a numbering but is a sentence as no heading', () => {
    expect(classify('第二部分内容已在上文说明。').kind).toBe('paragraph');
    expect(classify('第三章提出的目标，到2030年全面实现。').kind).toBe('paragraph');
    // As printed: the spaces of a letter-spaced number are dropped only from a heading.
    expect(classify('第 三 章提出的目标，到2030年全面实现。')).toMatchObject({
      kind: 'paragraph',
      text: '第 三 章提出的目标，到2030年全面实现。',
    });
  });
});
