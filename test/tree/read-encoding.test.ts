import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../scripts/pipeline/errors.ts';
import { decodeSource } from '../../scripts/pipeline/read.ts';
import { planMetaSchema } from '../../src/model/plan-meta.ts';

/**
 * A source text saved on a Chinese system is often GB18030 (GBK): read when plan.yaml says
 * `encoding: gb18030`, and named as such, in one problem, when it does not
 * (scripts/pipeline/read.ts).
 */
const TEXT = '目录\n第一章 发展基础\r\n正文第一段。\n';
// GB18030 bytes of TEXT, written out so the test does not depend on an encoder.
const gb18030 = (text: string): Uint8Array => {
  const table: Record<string, number[]> = {
    目: [0xc4, 0xbf],
    录: [0xc2, 0xbc],
    第: [0xb5, 0xda],
    一: [0xd2, 0xbb],
    章: [0xd5, 0xc2],
    发: [0xb7, 0xa2],
    展: [0xd5, 0xb9],
    基: [0xbb, 0xf9],
    础: [0xb4, 0xa1],
    正: [0xd5, 0xfd],
    文: [0xce, 0xc4],
    段: [0xb6, 0xce],
    '。': [0xa1, 0xa3],
  };
  return Uint8Array.from([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

describe('the source encoding', () => {
  it('reads a GB18030 text when plan.yaml says so, lines as in UTF-8', () => {
    const issues = new IssueCollector('source.txt');
    expect(new TextDecoder('gb18030').decode(gb18030(TEXT))).toBe(TEXT);
    expect(decodeSource(gb18030(TEXT), issues, [], 'gb18030')).toEqual(
      decodeSource(new TextEncoder().encode(TEXT), new IssueCollector('source.txt')),
    );
    expect(issues.issues).toEqual([]);
  });

  it('names GB18030 in one problem when plan.yaml does not say it', () => {
    const issues = new IssueCollector('source.txt');
    decodeSource(gb18030(TEXT), issues);
    expect(issues.issues.map((i) => `${i.line}: ${i.rule}: ${i.reason}`)).toEqual([
      '1: encoding: the file is not UTF-8 but reads as GB18030 (GBK); expected UTF-8, or `encoding: gb18030` in plan.yaml',
    ]);
  });

  it('reports a line that is not valid GB18030 where it is', () => {
    const issues = new IssueCollector('source.txt');
    const bytes = Uint8Array.from([...gb18030('目录\n'), 0x81, 0x0a, ...gb18030('正文。\n')]);
    expect(decodeSource(bytes, issues, [], 'gb18030')?.[2]).toBe('正文。');
    expect(issues.issues.map((i) => [i.line, i.rule])).toEqual([[2, 'encoding']]);
  });

  it('is utf-8 or gb18030 in plan.yaml', () => {
    const shape = planMetaSchema.shape.encoding;
    expect(shape.safeParse('gb18030').success).toBe(true);
    expect(shape.safeParse('big5').success).toBe(false);
  });
});
