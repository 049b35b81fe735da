import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchArtifacts } from '../../scripts/search-index/build-index.ts';
import { urlMap } from '../../src/model/urls.ts';
import { indexById } from '../../src/model/tree.ts';
import { realEntities, realPlan, realSearchSources } from '../support/real-plan.ts';

/** The CLI contract: `npm run --silent search -- "<query>" --json` prints only a JSON array of hits. */
const KINDS = [
  'preface',
  'chapter',
  'section',
  'subpart',
  'measure',
  'paragraph',
  'box',
  'boxItem',
  'table',
  'indicator',
  'figure',
  'note',
];

let dir: string;
let index: string;

beforeAll(() => {
  // A fresh index built from the real plan, so the test does not depend on a stale .generated/.
  dir = mkdtempSync(join(tmpdir(), 'plan-kb-search-'));
  index = join(dir, 'index.json');
  writeFileSync(
    index,
    buildSearchArtifacts(realPlan(), realEntities(), realSearchSources()).searchIndex,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function search(...args: string[]): unknown {
  const stdout = execFileSync(
    'npm',
    ['run', '--silent', 'search', '--', ...args, '--index', index],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return JSON.parse(stdout);
}

describe('search CLI --json', () => {
  it('prints only a JSON array of hits, best first, with the documented fields', () => {
    const hits = search('垃圾分类', '--json') as Record<string, unknown>[];
    expect(Array.isArray(hits)).toBe(true);
    expect(hits.length).toBeGreaterThan(0);
    const urls = urlMap(realPlan().document);
    const nodes = indexById(realPlan().document);
    for (const hit of hits) {
      expect(Object.keys(hit).sort()).toEqual([
        'chapter',
        'citation',
        'entityTypes',
        'id',
        'kind',
        'score',
        'section',
        'snippet',
        'title',
        'url',
      ]);
      expect(nodes.has(hit.id as string)).toBe(true);
      expect(hit.url).toBe(urls.get(hit.id as string));
      expect(KINDS).toContain(hit.kind);
      expect(hit.chapter === null || Number.isInteger(hit.chapter)).toBe(true);
      expect(hit.section === null || Number.isInteger(hit.section)).toBe(true);
      expect(typeof hit.title).toBe('string');
      expect((hit.title as string).length).toBeGreaterThan(0);
      expect(hit.citation).toBe(nodes.get(hit.id as string)!.citation);
      expect(hit.snippet).toMatch(/\*\*垃圾分类\*\*/);
      expect(typeof hit.score).toBe('number');
      expect(Array.isArray(hit.entityTypes)).toBe(true);
    }
    const scores = hits.map((h) => h.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(hits[0]!.id).toBe('7.1.3');
    expect(hits[0]).toMatchObject({
      kind: 'measure',
      chapter: 7,
      section: 1,
      title: '倡导绿色生活方式',
      url: '/7/1/#7.1.3',
    });
  });

  it('gives an indicator its name as title and a paragraph its section’s title, and honours --limit', () => {
    const figure = search('人均预期寿命是多少', '--json', '--limit', '1') as Record<
      string,
      unknown
    >[];
    expect(figure).toHaveLength(1);
    expect(figure[0]).toMatchObject({
      id: 'T2.16',
      kind: 'indicator',
      title: '人均预期寿命',
      chapter: 2,
      section: 3,
      url: '/indicators/#T2.16',
    });
    const paragraph = (search('借助地铁线路的集聚效应', '--json') as Record<string, unknown>[])[0]!;
    expect(paragraph).toMatchObject({
      id: '3.2.p1',
      kind: 'paragraph',
      title: '创新生活品质区',
      chapter: 3,
      section: 2,
    });
  });

  it('lists the page of an entity name after the best clause (chapter and section null), and filters by --entity-type', () => {
    const hits = search('李村河', '--json', '--limit', '5') as Record<string, unknown>[];
    expect(hits[0]!.kind).not.toBe('entity');
    expect(hits[1]).toMatchObject({
      id: 'li-cun-he',
      kind: 'entity',
      chapter: null,
      section: null,
      title: '李村河',
      url: '/entities/li-cun-he/',
      entityTypes: ['place'],
    });
    const places = search('院士', '--json', '--entity-type', 'place', '--limit', '50') as {
      entityTypes: string[];
    }[];
    expect(places.length).toBeGreaterThan(0);
    for (const hit of places) expect(hit.entityTypes).toContain('place');
  });

  it('prints an empty array when nothing matches', () => {
    expect(search('比特币', '--json')).toEqual([]);
  });
});
