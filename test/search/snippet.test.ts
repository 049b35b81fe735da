import { describe, expect, it } from 'vitest';
import { compactWithMap } from '../../src/search/fold.ts';
import {
  findRanges,
  makeSnippet,
  renderSnippet,
  wholeWordRanges,
} from '../../src/search/snippet.ts';

/** src/search/snippet.ts: the text around a match, with the matched words marked. */
describe('snippets', () => {
  it('highlights matches in the text as printed, across punctuation', () => {
    const text = '严格落实河长制，实施李村河流域生态修复工程。';
    const snippet = makeSnippet(text, findRanges(compactWithMap(text), ['河长制', '李村河']));
    expect(renderSnippet(snippet)).toBe('严格落实**河长制**，实施**李村河**流域生态修复工程。');
  });
});

/** What the reading page marks (src/client/search-highlight.ts): whole matched words only. */
describe('highlighting on the page', () => {
  const marked = (text: string, terms: string[]) => {
    const ranges = wholeWordRanges(compactWithMap(text), terms);
    return renderSnippet({ text, marks: ranges }, '[', ']');
  };

  it('never marks a lone character inside a longer word (难 in 困难)', () => {
    expect(marked('解决低收入家庭住房困难问题，缓解看病难。', ['难'])).toBe(
      '解决低收入家庭住房困难问题，缓解看病难。',
    );
  });

  it('marks it where it stands next to another marked term, or on its own', () => {
    expect(marked('解决停车难等民心工程，住房困难', ['停车', '难'])).toBe(
      '解决[停车难]等民心工程，住房困难',
    );
    expect(marked('“难”字当头', ['难'])).toBe('“[难]”字当头');
  });

  it('marks every occurrence of a term of two or more characters', () => {
    expect(marked('垃圾分类，生活垃圾分类', ['垃圾分类'])).toBe('[垃圾分类]，生活[垃圾分类]');
  });
});
