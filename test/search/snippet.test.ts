import { describe, expect, it } from 'vitest';
import { compactWithMap } from '../../src/search/fold.ts';
import { findRanges, makeSnippet, renderSnippet } from '../../src/search/snippet.ts';

/** src/search/snippet.ts: the text around a match, with the matched words marked. */
describe('snippets', () => {
  it('highlights matches in the text as printed, across punctuation', () => {
    const text = '严格落实河长制，实施李村河流域生态修复工程。';
    const snippet = makeSnippet(text, findRanges(compactWithMap(text), ['河长制', '李村河']));
    expect(renderSnippet(snippet)).toBe('严格落实**河长制**，实施**李村河**流域生态修复工程。');
  });
});
