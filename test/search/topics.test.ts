import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkTopics,
  parseTopics,
  TOPICS_FILE,
  usableTopics,
} from '../../scripts/search-index/topics.ts';
import { searchPath } from '../../src/model/artifacts.ts';
import type { SearchManifest } from '../../src/search/format.ts';
import { corpusCompactText, corpusSearchDir } from '../support/search-corpus.ts';

/** scripts/search-index/topics.ts: the reviewed topic map (content/search/topics.txt). */
describe('topic map file', () => {
  it('reports malformed lines with their line number', () => {
    const { problems } = parseTopics('# c\n看病 => 医疗卫生\n看病 医疗卫生\n', 'topics.txt');
    expect(problems).toEqual([
      'topics.txt:3: expected "keys => targets" or "terms <=> terms", got "看病 医疗卫生"',
    ]);
  });

  it('names a target no plan of the corpus uses, and leaves it out of the index', () => {
    const { topics } = parseTopics('看病 => 医疗卫生, 挂号费\n挂号 => 挂号费');
    expect(checkTopics(topics, '完善公共医疗卫生体系')).toEqual([
      'content/search/topics.txt: target "挂号费" (for 看病) does not occur in any plan',
      'content/search/topics.txt: target "挂号费" (for 挂号) does not occur in any plan',
    ]);
    expect(usableTopics(topics, '完善公共医疗卫生体系')).toEqual([
      { keys: ['看病'], targets: ['医疗卫生'] },
    ]);
  });

  it('points only into the plans of the committed corpus: a target none uses is a typo there', () => {
    const { topics, problems } = parseTopics(readFileSync(TOPICS_FILE, 'utf8'));
    expect(problems).toEqual([]);
    expect(checkTopics(topics, corpusCompactText())).toEqual([]);
    // So the index ships the whole map.
    const manifest = JSON.parse(
      readFileSync(`${corpusSearchDir()}/${searchPath({ kind: 'manifest' })}`, 'utf8'),
    ) as SearchManifest;
    expect(manifest.topics).toEqual(topics);
  });

  it('expands two-way lines in both directions', () => {
    expect(parseTopics('GDP <=> 生产总值').topics).toEqual([
      { keys: ['GDP'], targets: ['生产总值'], exact: true },
      { keys: ['生产总值'], targets: ['GDP'], exact: true },
    ]);
  });
});
