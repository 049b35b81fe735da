import { describe, expect, it } from 'vitest';
import { walk } from '../../src/model/tree.ts';
import { corpusInputs, corpusPlan, SLUGS } from '../support/corpus.ts';
import { fidelity } from '../support/fidelity.ts';

/**
 * Fidelity, for every plan of the corpus (test/support/fidelity.ts): every
 * Han character of the body lands in exactly one node of the tree, in order.
 */
describe.each(SLUGS)('fidelity of %s', (slug) => {
  const { document } = corpusPlan(slug);
  const result = fidelity(corpusInputs(slug).bytes, document);

  it('keeps every Han character of the body exactly once, in order', () => {
    if (result.difference) expect.fail(result.difference);
  });

  it('covers a body of plan size (the check is not vacuous)', () => {
    expect(result.expected.length).toBeGreaterThan(40_000);
  });

  it('gives every node a source span inside the file', () => {
    for (const { node } of walk(document)) {
      expect(node.source.start, node.id).toBeGreaterThan(0);
      expect(node.source.end, node.id).toBeGreaterThanOrEqual(node.source.start);
      expect(node.source.end, node.id).toBeLessThanOrEqual(result.lineCount);
    }
  });
});
