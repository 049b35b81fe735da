import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildSearchArtifacts,
  buildSearchIndex,
  SearchBuildError,
} from '../../scripts/search-index/build-index.ts';
import type { SearchIndexFile } from '../../src/search/format.ts';
import { MARK } from '../../src/search/segment.ts';
import { walk } from '../../src/model/tree.ts';
import { urlMap } from '../../src/model/urls.ts';
import { realEntities, realIndex, realPlan, realSearchSources } from '../support/real-plan.ts';

describe('search artifacts', () => {
  it('index every unit of the plan once, with its URL and its text as printed', () => {
    const { file } = realIndex();
    const plan = realPlan();
    const urls = urlMap(plan.document);
    const expected = [...walk(plan.document)]
      .map(({ node }) => node)
      .filter((n) => n.kind !== 'document');
    const nodes = file.units.filter((u) => u.kind !== 'entity');
    expect(nodes.map((u) => u.id)).toEqual(expected.map((n) => n.id));
    for (const u of nodes) expect(u.u).toBe(urls.get(u.id));
    const measure = file.units.find((u) => u.id === '7.1.1')!;
    expect(measure.x.split(MARK).join('')).toContain('到2025年，森林覆盖率达到16.5%。');
  });

  it('index every entity once after the nodes, and mark the nodes that mention it', () => {
    const { file } = realIndex();
    const entities = realEntities().entities;
    const units = file.units.slice(file.units.length - entities.length);
    expect(units.map((u) => [u.id, u.kind, u.y, u.h, u.u])).toEqual(
      entities.map((e) => [e.id, 'entity', e.type, e.name, `/entities/${e.id}/`]),
    );
    const at = file.units.findIndex((u) => u.id === 'li-cun-he');
    const mentioning = file.units.filter((u) => u.m?.includes(at)).map((u) => u.id);
    const expected = new Set(
      entities.find((e) => e.id === 'li-cun-he')!.mentions.map((m) => m.node),
    );
    expect(mentioning).toEqual([...expected]);
  });

  it('are deterministic, so a rebuild does not change the served file', () => {
    const a = buildSearchArtifacts(realPlan(), realEntities(), realSearchSources()).searchIndex;
    const b = buildSearchArtifacts(realPlan(), realEntities(), realSearchSources()).searchIndex;
    expect(a).toBe(b);
  });

  it('stay within the payload budget: index ≤ 80 KB brotli', () => {
    const json = JSON.stringify(realIndex().file satisfies SearchIndexFile);
    const brotli = brotliCompressSync(Buffer.from(json), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    expect(brotli).toBeLessThanOrEqual(80 * 1024);
  });

  it('refuse a topic map pointing at a term the plan never uses', () => {
    expect(() =>
      buildSearchIndex(realPlan(), null, {
        topics: '看病 => 挂号费',
        curatedTerms: [],
        curatedTermsFile: 'terms.txt',
      }),
    ).toThrow(SearchBuildError);
    expect(() =>
      buildSearchIndex(realPlan(), null, {
        topics: '',
        curatedTerms: ['不存在的词'],
        curatedTermsFile: 'terms.txt',
      }),
    ).toThrow(/不存在的词/);
  });
});
