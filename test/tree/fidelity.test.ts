import { describe, expect, it } from 'vitest';
import { hanOnly } from '../../src/model/text.ts';
import { ownText, walk } from '../../src/model/tree.ts';
import { STRAY_WORDS } from '../../scripts/pipeline/repair.ts';
import { realPlan, sourceBytes } from '../support/real-plan.ts';

/**
 * Every Han character of the body (everything after the 目录) ends up in
 * exactly one node, in order. The only Han characters the tree may add are
 * the 和/等 that replace the conversion's stray English words, which the
 * expected text models by applying that same word list.
 */
describe('fidelity', () => {
  const { document } = realPlan();
  const lines = sourceBytes().toString('utf8').split('\n');
  const lastTocLine = Math.max(...document.toc.map((e) => e.line));
  const body = lines.slice(lastTocLine).join('\n');

  const expected = hanOnly(
    body.replace(
      /(?<=\p{Script=Han})\s*\b(and|etc)\b\s*(?=\p{Script=Han})/gu,
      (_, word: string) => STRAY_WORDS[word]!,
    ),
  );
  const pieces = [...walk(document)].flatMap(({ node }) => ownText(node));
  const actual = hanOnly(
    pieces
      .map((p, order) => ({ ...p, order }))
      .sort((a, b) => a.line - b.line || a.order - b.order)
      .map((p) => p.text)
      .join(''),
  );

  it('keeps every Han character of the body exactly once, in order', () => {
    expect(actual.length).toBe(expected.length);
    if (actual !== expected) {
      let i = 0;
      while (actual[i] === expected[i]) i++;
      expect.fail(
        `first difference at Han character ${i}: tree "${actual.slice(i - 10, i + 20)}" vs source "${expected.slice(i - 10, i + 20)}"`,
      );
    }
  });

  it('covers a body of the expected size (the check is not vacuous)', () => {
    expect(expected.length).toBeGreaterThan(40_000);
    expect(document.toc.length).toBe(49);
  });

  it('gives every node a source span inside the file', () => {
    for (const { node } of walk(document)) {
      expect(node.source.start, node.id).toBeGreaterThan(0);
      expect(node.source.end, node.id).toBeGreaterThanOrEqual(node.source.start);
      expect(node.source.end, node.id).toBeLessThanOrEqual(lines.length);
    }
  });
});
