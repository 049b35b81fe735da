import { describe, expect, it } from 'vitest';
import { readToc } from '../../scripts/pipeline/toc.ts';

/**
 * The plan's own 目录 (scripts/pipeline/toc.ts) in the forms conversions print it, each read into
 * the same entries; the body's first heading (the first entry again) ends it.
 */
const BODY = ['', '第一章  发展基础', '', '正文。'];
const entries = (toc: string[]) =>
  readToc(['**目  录**', '', ...toc, ...BODY]).entries.map((e) => [
    e.kind,
    e.number,
    e.title,
    e.page,
  ]);
const EXPECTED = [
  ['chapter', 1, '发展基础', 1],
  ['section', 1, '良好开局', 2],
  ['other', 0, '名词解释', 9],
];

describe('the 目录', () => {
  it.each([
    ['dot leaders', ['第一章 发展基础……1', '第一节 良好开局……2', '名词解释……9']],
    ['tab columns', ['第一章\t发展基础\t1', '　　第一节\t良好开局\t2', '名词解释\t9']],
    [
      'links to the headings (a word processor’s conversion)',
      [
        '[第一章 发展基础\t1](#_Toc101)',
        '[第一节 良好开局\t2](#_Toc102 "第一节")',
        '[名词解释\t9](#_Toc103)',
      ],
    ],
    [
      'HTML links',
      [
        '<a href="#_Toc101">第一章 发展基础 1</a>',
        '<a href="#_Toc102">**第一节 良好开局** 2</a>',
        '<a href="#_Toc103">名词解释 9</a>',
      ],
    ],
  ])('with %s', (_form, toc) => {
    expect(entries(toc)).toEqual(EXPECTED);
  });

  it('ends at the body’s first heading', () => {
    const region = readToc(['目录', '第一章 发展基础……1', ...BODY]);
    expect(region.end).toBe(3);
  });
});
