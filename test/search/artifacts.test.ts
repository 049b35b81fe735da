import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildPlanSearch,
  corpusSearchFiles,
  SearchBuildError,
} from '../../scripts/search-index/build-index.ts';
import { searchPath } from '../../src/model/artifacts.ts';
import { walk } from '../../src/model/tree.ts';
import type { MeasureNode, PlanFile, PlanNode } from '../../src/model/types.ts';
import { urlMap } from '../../src/model/urls.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import {
  decodeMarked,
  REVIEW_BIT,
  type SearchManifest,
  type TermShard,
  type UnitTable,
} from '../../src/search/format.ts';
import {
  realEntities,
  realPlan,
  realSearch,
  realSearchSources,
  realUnits,
} from '../support/real-plan.ts';
import { corpusLoader, corpusSearchDir, corpusSlugs } from '../support/search-corpus.ts';

const brotli = (bytes: string | Buffer) =>
  brotliCompressSync(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;

/** A plan of one chapter, one section and one measure whose text is `text` (from the real plan). */
function onePlan(text: string): PlanFile {
  const plan = structuredClone(realPlan());
  const chapter = plan.document.children.find((c) => c.id === '7')!;
  const section = chapter.children.find((s) => s.id === '7.1')!;
  const measure = section.children.find((m) => m.kind === 'measure') as MeasureNode;
  measure.text = text;
  measure.children = [];
  section.children = [measure];
  chapter.children = [section];
  plan.document.children = [chapter];
  return plan;
}

describe('search artifacts', () => {
  it('index every unit of the plan once, in tree order, with its URL and its text as printed', () => {
    const plan = realPlan();
    const urls = urlMap(plan.document);
    const expected = [...walk(plan.document)]
      .map(({ node }) => node)
      .filter((n: PlanNode) => n.kind !== 'document');
    const nodes = realUnits().filter((u) => u.kind !== 'entity');
    expect(nodes.map((u) => u.id)).toEqual(expected.map((n) => n.id));
    const { chunks, table } = realSearch();
    expect(table.id.filter(Boolean)).toEqual(expected.map((n) => n.id));
    for (const chunk of chunks)
      for (const u of chunk.units) if (urls.has(u.id)) expect(u.u).toBe(urls.get(u.id));
    const measure = nodes.find((u) => u.id === '7.1.1')!;
    expect(measure.text).toContain('到2025年，森林覆盖率达到16.5%。');
  });

  it('index every entity once after the nodes, with the units that mention it', () => {
    const entities = realEntities().entities;
    const units = realUnits();
    const tail = units.slice(units.length - entities.length);
    expect(tail.map((u) => [u.id, u.kind])).toEqual(entities.map((e) => [e.id, 'entity']));
    const at = units.findIndex((u) => u.id === 'li-cun-he');
    const names = realSearch().shards.flatMap((s: TermShard) =>
      Object.entries(s.e).filter(([name]) => name === '李村河'),
    );
    const [entity, ...mentions] = String(names[0]![1][1]).split(',').map(Number);
    expect(entity).toBe(at);
    const expected = new Set(
      entities.find((e) => e.id === 'li-cun-he')!.mentions.map((m) => m.node),
    );
    expect(mentions.map((m) => units[m]!.id)).toEqual([...expected]);
  });

  it('label the review of the previous period in every plan (回顾), and only its front', () => {
    const dir = corpusSearchDir();
    const review = (slug: string) => {
      const t = JSON.parse(
        readFileSync(join(dir, searchPath({ kind: 'units', plan: slug })), 'utf8'),
      ) as UnitTable;
      return t.id.filter((id, i) => id && t.f[i]! & REVIEW_BIT);
    };
    expect(review('licang-14')).toContain('1.1.9');
    expect(
      review('licang-14').every((id) => /^(1\.1|T1|B?1\.1)/.test(id) || id.startsWith('T1')),
    ).toBe(true);
    for (const slug of corpusSlugs()) {
      const ids = review(slug);
      expect(ids.length, slug).toBeGreaterThan(3);
      // Only the first chapter's front: never a measure of the plan proper.
      expect(
        ids.filter((id) => /^([2-9]|\d\d)\./.test(id)),
        slug,
      ).toEqual([]);
    }
  });

  it('are deterministic, so a rebuild does not change the served files', () => {
    const a = buildPlanSearch(realPlan(), realEntities(), realSearchSources()).files;
    const b = buildPlanSearch(realPlan(), realEntities(), realSearchSources()).files;
    expect(a).toEqual(b);
  });

  it('keep a | or \\ of the text (the build never rejects a legitimate character)', async () => {
    const text = '管道|燃气\\改造，A|B 与“甲|乙”。';
    const search = buildPlanSearch(onePlan(text), null, {
      topics: '',
      curatedTerms: [],
      curatedTermsFile: '',
    });
    const units = search.chunks.flatMap((c) => c.units);
    expect(units.some((u) => decodeMarked(u.x).text.includes(text))).toBe(true);
    const files = corpusSearchFiles([search], '');
    const engine = await SearchEngine.open((path) => Promise.resolve(JSON.parse(files[path]!)));
    const hits = (await engine.search('管道|燃气')).hits;
    expect(hits[0]?.snippet.text).toContain('管道|燃气\\改造');
  });

  it('build in time linear in a clause’s length (a 128,000-character clause)', () => {
    const sentence = realUnits()
      .filter((u) => u.kind === 'measure')
      .map((u) => u.text)
      .join('');
    const clause = (n: number) => sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n);
    const time = (n: number) => {
      const started = performance.now();
      buildPlanSearch(onePlan(clause(n)), null, {
        topics: '',
        curatedTerms: [],
        curatedTermsFile: '',
      });
      return performance.now() - started;
    };
    time(8_000);
    const half = time(64_000);
    const whole = time(128_000);
    console.log(
      `index build: 64,000 characters ${half.toFixed(0)} ms, 128,000 ${whole.toFixed(0)} ms`,
    );
    expect(whole / half).toBeLessThan(3);
    expect(whole).toBeLessThan(20 * half);
  });

  it('refuse a malformed topic map and a curated term the plan lacks', () => {
    expect(() =>
      buildPlanSearch(realPlan(), null, {
        topics: '看病 挂号费',
        curatedTerms: [],
        curatedTermsFile: 'terms.txt',
      }),
    ).toThrow(SearchBuildError);
    expect(() =>
      buildPlanSearch(realPlan(), null, {
        topics: '',
        curatedTerms: ['不存在的词'],
        curatedTermsFile: 'terms.txt',
      }),
    ).toThrow(/不存在的词/);
  });

  it('leave out of the manifest a topic target no plan of the corpus uses (a corpus of other plans shares the map)', () => {
    const search = buildPlanSearch(realPlan(), null, {
      topics: '看病 => 医疗卫生, 挂号费\n挂号 => 挂号费',
      curatedTerms: [],
      curatedTermsFile: 'terms.txt',
    });
    const files = corpusSearchFiles([search], '看病 => 医疗卫生, 挂号费\n挂号 => 挂号费');
    const manifest = JSON.parse(files[searchPath({ kind: 'manifest' })]!) as SearchManifest;
    expect(manifest.topics).toEqual([{ keys: ['看病'], targets: ['医疗卫生'] }]);
  });
});

describe('search payload (brotli, as docs/benchmarks.md measures it)', () => {
  /** The bytes (brotli) a cold engine reads to answer a query, by file kind. */
  async function firstQuery(query: string, plan: string | null): Promise<number> {
    const read: string[] = [];
    const engine = await SearchEngine.open(corpusLoader(read));
    await engine.search(query, { plan, limit: 8 });
    const dir = corpusSearchDir();
    return read.reduce((n, path) => {
      if (!sizes.has(path)) sizes.set(path, brotli(readFileSync(join(dir, path))));
      return n + sizes.get(path)!;
    }, 0);
  }
  const sizes = new Map<string, number>();
  const QUERIES = ['垃圾分类', '看病', '人均预期寿命是多少', '营商环境', '人工智能', 'lajifenlei'];

  it('the index is sharded: no file of it over 48,000 characters (about 12 KB brotli)', () => {
    const dir = join(corpusSearchDir(), 'search');
    const walkDir = (d: string): string[] =>
      readdirSync(d).flatMap((n) =>
        statSync(join(d, n)).isDirectory() ? walkDir(join(d, n)) : [join(d, n)],
      );
    // The largest are the corpus shards of the commonest first characters (新, 展): every
    // plan's bigrams starting with them (docs/scale.md: split by two characters as it grows).
    const big = walkDir(dir).filter((f) => statSync(f).size > 48_000);
    expect(big).toEqual([]);
  });

  it('data for a first query in one plan ≤ 70 KB brotli (with the ~20 KB of code: ≤ 100 KB)', async () => {
    for (const slug of corpusSlugs())
      for (const q of QUERIES) {
        const bytes = await firstQuery(q, slug);
        expect(bytes, `${slug} ${q}: ${(bytes / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(
          70 * 1024,
        );
      }
  });

  it('data for a first query across all plans ≤ 200 KB brotli (with code: ≤ 250 KB)', async () => {
    for (const q of QUERIES) {
      const bytes = await firstQuery(q, null);
      expect(bytes, `${q}: ${(bytes / 1024).toFixed(1)} KB`).toBeLessThanOrEqual(200 * 1024);
    }
    const manifest = JSON.parse(
      readFileSync(join(corpusSearchDir(), searchPath({ kind: 'manifest' })), 'utf8'),
    ) as SearchManifest;
    expect(manifest.plans.map((p) => p.slug)).toEqual(corpusSlugs());
  });
});
