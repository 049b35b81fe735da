import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlanSearch, corpusSearchFiles } from '../../scripts/search-index/build-index.ts';
import { searchPath } from '../../src/model/artifacts.ts';
import { shardOf } from '../../src/search/format.ts';
import { indexById } from '../../src/model/tree.ts';
import type { MeasureNode } from '../../src/model/types.ts';
import { urlMap } from '../../src/model/urls.ts';
import { realPlan } from '../support/real-plan.ts';
import { corpusSearchDir, corpusSlugs } from '../support/search-corpus.ts';

/**
 * The CLI contract: `npm run --silent search -- "<query>" [--plan <slug>] [--by-plan] [--json]
 * [--limit N] [--offset N] [--kind K] [--chapter N] [--entity-type T] [--index DIR]`. With
 * --json it prints only JSON; usage errors exit 2 naming the valid values; an unusable index
 * exits 1 with one line, never a stack trace; control characters are never echoed raw.
 */
const KEYS = [
  'chapter',
  'citation',
  'id',
  'kind',
  'plan',
  'score',
  'section',
  'snippet',
  'title',
  'url',
];
const temp = mkdtempSync(join(tmpdir(), 'plan-kb-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(
  args: string[],
  index = corpusSearchDir(),
): { code: number; out: string; err: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/tools/search-cli.ts', ...args, '--index', index],
    { encoding: 'utf8' },
  );
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function json(...args: string[]): unknown {
  const r = run([...args, '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

describe('search CLI --json', () => {
  it('prints only a JSON array of hits, best first, with the documented fields (through npm)', () => {
    const r = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'search',
        '--',
        '垃圾分类',
        '--plan',
        'licang-14',
        '--json',
        '--index',
        corpusSearchDir(),
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const hits = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(hits.length).toBeGreaterThan(0);
    const urls = urlMap(realPlan().document);
    const nodes = indexById(realPlan().document);
    for (const hit of hits) {
      expect(Object.keys(hit).sort()).toEqual(KEYS);
      expect(hit.plan).toEqual({ slug: 'licang-14', name: '李沧区“十四五”规划纲要' });
      expect(hit.url).toBe(urls.get(hit.id as string));
      expect(hit.citation).toBe(nodes.get(hit.id as string)!.citation);
      expect(hit.snippet).toMatch(/\*\*垃圾分类\*\*/);
    }
    const scores = hits.map((h) => h.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(hits[0]).toMatchObject({
      id: '7.1.3',
      kind: 'measure',
      chapter: 7,
      section: 1,
      title: '倡导绿色生活方式',
      url: '/7/1/#7.1.3',
    });
  });

  it('gives an indicator its name as title and a paragraph its section’s title, and honours --limit', () => {
    const figure = json('人均预期寿命是多少', '--plan', 'licang-14', '--limit', '1') as Record<
      string,
      unknown
    >[];
    expect(figure).toHaveLength(1);
    expect(figure[0]).toMatchObject({
      id: 'T2.16',
      kind: 'indicator',
      title: '人均预期寿命',
      url: '/indicators/#T2.16',
    });
    const paragraph = (
      json('借助地铁线路的集聚效应', '--plan', 'licang-14') as Record<string, unknown>[]
    )[0]!;
    expect(paragraph).toMatchObject({ id: '3.2.p1', kind: 'paragraph', title: '创新生活品质区' });
  });

  it('searches every plan without --plan, each hit naming its plan, and pages with --offset', () => {
    const all = json('营商环境', '--limit', '20') as { plan: { slug: string } }[];
    expect(new Set(all.map((h) => h.plan.slug)).size).toBeGreaterThanOrEqual(3);
    const page2 = json('营商环境', '--limit', '5', '--offset', '5') as unknown[];
    expect(page2).toEqual(all.slice(5, 10));
  });

  it('--by-plan gives the best hits of every plan, an empty list where a plan has none', () => {
    const byPlan = json('人工智能', '--by-plan', '--limit', '2') as Record<
      string,
      { plan: { slug: string } }[]
    >;
    expect(Object.keys(byPlan).sort()).toEqual([...corpusSlugs()].sort());
    for (const [slug, hits] of Object.entries(byPlan)) {
      expect(hits.length).toBeLessThanOrEqual(2);
      for (const h of hits) expect(h.plan.slug).toBe(slug);
    }
    const none = json('院士港', '--by-plan') as Record<string, unknown[]>;
    expect(none['licang-14']!.length).toBeGreaterThan(0);
    expect(none['nanjing-15']).toEqual([]);
    const text = run(['院士港', '--by-plan']);
    expect(text.out).toMatch(/not covered/);
  });

  it('lists the page of an entity name after the best clause, and prints [] when nothing matches', () => {
    const hits = json('李村河', '--plan', 'licang-14', '--limit', '5') as Record<string, unknown>[];
    expect(hits[0]!.kind).not.toBe('entity');
    expect(hits[1]).toMatchObject({
      id: 'li-cun-he',
      kind: 'entity',
      chapter: null,
      url: '/entities/li-cun-he/',
    });
    expect(json('比特币', '--plan', 'licang-14')).toEqual([]);
  });
});

describe('search CLI errors', () => {
  it('exits 2 naming the valid values for an unknown option, kind, chapter, plan or limit', () => {
    const cases: [string[], RegExp][] = [
      [['垃圾', '-x'], /unknown option -x; the options are --plan, --limit/],
      [
        ['垃圾', '--kind', 'bogus'],
        /--kind bogus: unknown kind; the kinds are preface, part, chapter/,
      ],
      [['垃圾', '--chapter', 'abc'], /--chapter abc: expected a chapter number/],
      [['垃圾', '--plan', 'nowhere-99'], /no such plan; the plans are .*licang-14/],
      [['垃圾', '--limit', '0'], /--limit 0: expected a whole number from 1/],
      [['垃圾', '--entity-type', 'x'], /unknown type; the types are organization, /],
      [['垃圾', '--limit'], /--limit needs a value/],
      [[], /usage:/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    // A query that starts with - goes after --.
    expect(run(['--json', '--', '-x']).code).toBe(0);
  });

  it('says in one line, without a stack trace, that a corrupt, empty, old or wrong-shaped index cannot be used', () => {
    const manifestPath = searchPath({ kind: 'manifest' });
    const variant = (name: string, change: (dir: string) => void): string => {
      const dir = join(temp, name);
      cpSync(corpusSearchDir(), dir, { recursive: true });
      change(dir);
      return dir;
    };
    const manifest = JSON.parse(readFileSync(join(corpusSearchDir(), manifestPath), 'utf8'));
    const licang = manifest.plans.find((p: { slug: string }) => p.slug === 'licang-14');
    const shard = searchPath({
      kind: 'terms',
      plan: 'licang-14',
      shard: shardOf('垃', licang.scope.shards),
    });
    const dirs: [string, RegExp][] = [
      [
        variant('corrupt', (d) => writeFileSync(join(d, manifestPath), '{"version": 3, "pla')),
        /not valid JSON/,
      ],
      [variant('empty', (d) => writeFileSync(join(d, manifestPath), '')), /is empty/],
      [
        variant('old', (d) =>
          writeFileSync(join(d, manifestPath), JSON.stringify({ ...manifest, version: 2 })),
        ),
        /index version 2/,
      ],
      [
        variant('shape', (d) =>
          writeFileSync(join(d, manifestPath), JSON.stringify({ version: 3, plans: 'x' })),
        ),
        /wrong shape|other index options/,
      ],
      [
        variant('array', (d) => writeFileSync(join(d, manifestPath), '[1, 2]')),
        /not a search index manifest/,
      ],
      [
        variant('shard', (d) => {
          for (let n = 0; n < 400; n++) {
            const path = join(d, searchPath({ kind: 'terms', plan: 'licang-14', shard: n }));
            try {
              readFileSync(path);
              writeFileSync(path, '{"version":3,"w":[]}');
            } catch {
              break;
            }
          }
        }),
        /not a term shard/,
      ],
      [variant('missing', (d) => rmSync(join(d, shard))), /is missing; run npm run build:data/],
      [join(temp, 'nowhere'), /is not a folder/],
    ];
    mkdirSync(dirname(join(temp, 'x')), { recursive: true });
    for (const [dir, message] of dirs) {
      const r = run(['垃圾分类', '--plan', 'licang-14', '--json'], dir);
      expect(r.code, dir).toBeGreaterThan(0);
      expect(r.out, dir).toBe('');
      expect(r.err, dir).toMatch(message);
      expect(r.err, dir).not.toMatch(/\n\s+at /);
      expect(r.err.trim().split('\n'), dir).toHaveLength(1);
    }
  });

  it('never echoes an ANSI escape from the query or from the plan’s text to the terminal', () => {
    // A plan whose measure title carries an escape sequence (a hostile source text).
    const plan = structuredClone(realPlan());
    const chapter = plan.document.children.find((c) => c.id === '7')!;
    const section = chapter.children.find((s) => s.id === '7.1')!;
    const measure = section.children.find((m) => m.kind === 'measure') as MeasureNode;
    measure.title = '倡导\u001b[2J\u001b[31m绿色生活';
    measure.lead = `${measure.title}。`;
    measure.children = [];
    section.children = [measure];
    chapter.children = [section];
    plan.document.children = [chapter];
    const files = corpusSearchFiles(
      [buildPlanSearch(plan, null, { topics: '', curatedTerms: [], curatedTermsFile: '' })],
      '',
    );
    const dir = join(temp, 'ansi');
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const r = run(['\u001b[31m绿色生活\u001b]0;pwned\u0007'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('绿色生活');
    expect(r.out).not.toMatch(/\u001b/);
    expect(r.out).toContain('␛');
    const bad = run(['垃圾', '--kind', '\u001b[2Jx'], dir);
    expect(bad.err).not.toMatch(/\u001b/);
  });
});
