import { STRAY_WORDS } from '../../scripts/pipeline/repair.ts';
import { hanOnly } from '../../src/model/text.ts';
import { ownText, walk } from '../../src/model/tree.ts';
import type { DocumentNode } from '../../src/model/types.ts';

/**
 * Fidelity, for any plan: every Han character of the body lands in exactly
 * one node of the tree, in order. The body is what follows the 目录 (or the
 * front matter, when there is no 目录), plus a 序言 printed before the 目录,
 * less the colophon after it. The only Han characters the tree may add are
 * the 和/等 that replace a conversion's stray English words, modelled here
 * with the same word list. Everything here reads the source on its own
 * terms (lines, Han characters), not through the pipeline.
 */
const TOC_HEADING = /^[\s\u3000*#]*目[\s\u3000]*录[\s\u3000*]*$/;

export interface Fidelity {
  /** The body's Han characters, from the source. */
  expected: string;
  /** The tree's Han characters, its nodes' own text in source-line order. */
  actual: string;
  /** Where they first differ, with some context; null when they are equal. */
  difference: string | null;
  /** The source's line count (node spans must lie inside it). */
  lineCount: number;
}

export function fidelity(bytes: Uint8Array, document: DocumentNode): Fidelity {
  const lines = Buffer.from(bytes)
    .toString('utf8')
    .split(/\r\n|\r|\n/);
  const tocHeading = lines.findIndex((l) => TOC_HEADING.test(l));
  const lastToc = Math.max(0, ...document.toc.map((e) => e.line));
  const preface = document.children.find((c) => c.kind === 'preface');
  const printedPrefaceBefore =
    preface && 'label' in preface && preface.label && preface.source.start - 1 < tocHeading;
  const bodyLines = [
    ...(printedPrefaceBefore ? lines.slice(preface.source.start - 1, tocHeading) : []),
    ...lines.slice(tocHeading === -1 ? bodyStart(document) - 1 : lastToc),
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
  // A table or figure printed as an image keeps the image's alternative text, which the
  // source prints (![表2 …](…)), on the image's line.
  const pieces = [...walk(document)].flatMap(({ node }) => [
    ...ownText(node),
    ...((node.kind === 'table' || node.kind === 'figure') && node.image
      ? [{ line: node.source.end, text: node.image.alt }]
      : []),
  ]);
  const actual = hanOnly(
    pieces
      .map((p, order) => ({ ...p, order }))
      .sort((a, b) => a.line - b.line || a.order - b.order)
      .map((p) => p.text)
      .join(''),
  );
  let difference: string | null = null;
  if (actual !== expected) {
    let i = 0;
    while (actual[i] === expected[i]) i++;
    difference = `${actual.length} vs ${expected.length} Han characters; first difference at ${i}: tree "${actual.slice(Math.max(0, i - 10), i + 20)}" vs source "${expected.slice(Math.max(0, i - 10), i + 20)}"`;
  }
  return { expected, actual, difference, lineCount: lines.length };
}

/** Where a plan without a 目录 starts its body: its first node's first line. */
function bodyStart(document: DocumentNode): number {
  let first = Infinity;
  for (const { node } of walk(document))
    if (node.kind !== 'document' && node.kind !== 'preface')
      first = Math.min(first, node.source.start);
    else if (node.kind === 'preface' && 'label' in node && node.label)
      first = Math.min(first, node.source.start);
  return Number.isFinite(first) ? first : 1;
}
