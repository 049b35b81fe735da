import { describe, expect, it } from 'vitest';
import { STRAY_WORDS } from '../../scripts/pipeline/repair.ts';
import { hanOnly } from '../../src/model/text.ts';
import { ownText, walk } from '../../src/model/tree.ts';
import { corpusInputs, corpusPlan, SLUGS } from '../support/corpus.ts';

/**
 * Fidelity, for every plan: every Han character of the body lands in exactly
 * one node of the tree, in order. The body is what follows the 目录 (or the
 * front matter, when there is no 目录), plus a 序言 printed before the 目录,
 * less the colophon after it. The only Han characters the tree may add are
 * the 和/等 that replace a conversion's stray English words, modelled here
 * with the same word list.
 */
const TOC_HEADING = /^[\s\u3000*#]*目[\s\u3000]*录[\s\u3000*]*$/;

describe.each(SLUGS)('fidelity of %s', (slug) => {
  const { document } = corpusPlan(slug);
  const lines = Buffer.from(corpusInputs(slug).bytes)
    .toString('utf8')
    .split(/\r\n|\r|\n/);
  const tocHeading = lines.findIndex((l) => TOC_HEADING.test(l));
  const lastToc = Math.max(0, ...document.toc.map((e) => e.line));
  const preface = document.children.find((c) => c.kind === 'preface');
  const printedPrefaceBefore =
    preface && 'label' in preface && preface.label && preface.source.start - 1 < tocHeading;
  const bodyLines = [
    ...(printedPrefaceBefore ? lines.slice(preface.source.start - 1, tocHeading) : []),
    ...lines.slice(tocHeading === -1 ? preface!.source.start - 1 : lastToc),
  ];
  let expected = hanOnly(
    bodyLines
      .join('\n')
      .replace(
        /(?<=\p{Script=Han})\s*\b(and|etc)\b\s*(?=\p{Script=Han})/gu,
        (_, word: string) => STRAY_WORDS[word]!,
      ),
  );
  for (const line of document.colophon ?? []) {
    const han = hanOnly(line);
    const at = expected.lastIndexOf(han);
    if (at >= 0) expected = expected.slice(0, at) + expected.slice(at + han.length);
  }
  const pieces = [...walk(document)].flatMap(({ node }) => ownText(node));
  const actual = hanOnly(
    pieces
      .map((p, order) => ({ ...p, order }))
      .sort((a, b) => a.line - b.line || a.order - b.order)
      .map((p) => p.text)
      .join(''),
  );

  it('keeps every Han character of the body exactly once, in order', () => {
    if (actual !== expected) {
      let i = 0;
      while (actual[i] === expected[i]) i++;
      expect.fail(
        `${actual.length} vs ${expected.length} Han characters; first difference at ${i}: tree "${actual.slice(i - 10, i + 20)}" vs source "${expected.slice(i - 10, i + 20)}"`,
      );
    }
  });

  it('covers a body of plan size (the check is not vacuous)', () => {
    expect(expected.length).toBeGreaterThan(40_000);
  });

  it('gives every node a source span inside the file', () => {
    for (const { node } of walk(document)) {
      expect(node.source.start, node.id).toBeGreaterThan(0);
      expect(node.source.end, node.id).toBeGreaterThanOrEqual(node.source.start);
      expect(node.source.end, node.id).toBeLessThanOrEqual(lines.length);
    }
  });
});
