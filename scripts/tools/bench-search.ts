/**
 * Search benchmark: `npm run bench:search` (needs a built site: `npm run build`).
 *
 * Prints, side by side, for Plan KB's search, Pagefind indexing the same
 * built site, and a plain character-bigram MiniSearch baseline:
 *   - index build time;
 *   - payload (index + search code: raw, gzip, brotli);
 *   - bytes transferred for a first and a later query (browser, at the wire);
 *   - query latency p50/p95 in Node and in headless Chromium, at 1× and 4×
 *     CPU throttling (CDP Emulation.setCPUThrottlingRate), and for Plan KB
 *     keystroke-to-rendered-results in the real header search box;
 *   - success@1, success@5 and MRR on test/search/relevance.json.
 *
 * Options: --quick (fewer timing repetitions), --no-browser, --json PATH
 * (also write the raw numbers). Timings are wall-clock on whatever else the
 * machine is doing: run it on an idle machine, and read p95 with the load
 * average it prints.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import type { EntityIndex, PlanFile } from '../../src/model/types.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import { decodeMarked, type TextChunk } from '../../src/search/format.ts';
import { compact } from '../../src/search/fold.ts';
import { bigrams } from '../../src/search/segment.ts';
import { pageOf } from '../../src/model/urls.ts';
import { walk } from '../../src/model/tree.ts';
import {
  artifactPath,
  corpusArtifact,
  planArtifact,
  searchPath,
} from '../../src/model/artifacts.ts';
import type { CorpusFile } from '../../src/model/types.ts';
import { readCorpusSources, readPlanInputs } from '../build.ts';
import { buildPlanSearch } from '../search-index/build-index.ts';
import { collectUnits } from '../search-index/units.ts';
import { evaluate, planOf, readRelevanceSet, type RelevanceCase } from './relevance.ts';
import { serveStatic } from './static-server.ts';
import { launch } from './chromium.ts';
import { type EngineReport, printReport } from './bench-search-report.ts';
import { addSizes, fmtSizes, kb, percentile, sizes, timeIt } from './bench-stats.ts';
import { pagefindBrowser, planKbBrowser } from './bench-search-browser.ts';
import { firstQueries, nodeLatency, searchCode } from './bench-search-node.ts';
import { fileLoader } from './search-cli.ts';

/** A snapshot of dist/ taken at start, so a concurrent `npm run build` cannot change the site mid-run. */
let DIST = 'dist';
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const BROWSER = !args.includes('--no-browser');
/** Times each relevance query is typed in the keystroke measurement. */
const ROUNDS = QUICK ? 1 : 2;
const JSON_OUT = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

// ---------- helpers ----------

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

// ---------- Node: Plan KB ----------

/** The relevance queries plus real substrings of the plan: typical lengths of typed queries. */
function timingQueries(texts: string[], cases: RelevanceCase[], count: number): string[] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const extra: string[] = [];
  while (extra.length < count) {
    const text = texts[Math.floor(next() * texts.length)]!;
    const len = 2 + Math.floor(next() * 6);
    const at = Math.floor(next() * Math.max(1, text.length - len));
    const q = text.slice(at, at + len);
    if (/\p{Script=Han}{2}/u.test(q)) extra.push(q);
  }
  return [...cases.map((c) => c.query), ...extra];
}

/** Latency of a synchronous search function (the baseline). */
function syncLatency(
  search: (q: string) => unknown,
  queries: string[],
  rounds: number,
): { p50: number; p95: number } {
  for (const q of queries.slice(0, 20)) search(q); // warm up the JIT
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      search(q);
      times.push(performance.now() - t);
    }
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

// ---------- Baseline: plain character-bigram MiniSearch ----------

const BASELINE_OPTIONS = {
  fields: ['text'],
  storeFields: ['id'],
  // Plain: lower-case, character bigrams of the text as printed; nothing else.
  tokenize: (text: string) => bigrams(text.toLowerCase().replace(/\s+/g, '')),
  processTerm: (t: string) => t,
};

// ---------- main ----------

async function main(): Promise<void> {
  if (!existsSync(join(DIST, searchPath({ kind: 'manifest' }))))
    throw new Error(
      `dist/${searchPath({ kind: 'manifest' })} missing: run \`npm run build\` first`,
    );
  const snapshot = mkdtempSync(join(tmpdir(), 'plan-kb-dist-'));
  cpSync(DIST, snapshot, { recursive: true });
  DIST = snapshot;
  // The plan the relevance set was first written for (Licang), when the corpus has it.
  const slugs = (
    JSON.parse(readFileSync(artifactPath(corpusArtifact('corpus')), 'utf8')) as CorpusFile
  ).plans.map((p) => p.slug);
  const slug = slugs.includes('licang-14') ? 'licang-14' : slugs[0]!;
  const plan = JSON.parse(
    readFileSync(artifactPath(planArtifact(slug, 'plan')), 'utf8'),
  ) as PlanFile;
  const inputs = readPlanInputs(slug);
  const cases = readRelevanceSet().filter((c) => planOf(c) === slug);
  const runs = QUICK ? 1 : 3;
  const reports: EngineReport[] = [];

  // Plan KB: the plan's index as the site serves it (dist/search/), searched in the plan's scope.
  const entities = JSON.parse(
    readFileSync(artifactPath(planArtifact(slug, 'entities')), 'utf8'),
  ) as EntityIndex;
  const sources = {
    curatedTerms: inputs.searchTerms?.terms ?? [],
    curatedTermsFile: inputs.searchTerms?.file ?? '',
    topics: readCorpusSources().topics,
  };
  const built = timeIt(() => buildPlanSearch(plan, entities, sources), runs);
  const chunks = built.value.chunks;
  const opened: number[] = [];
  let engine!: SearchEngine;
  for (let i = 0; i < (QUICK ? 3 : 7); i++) {
    const t = performance.now();
    engine = await SearchEngine.open(fileLoader(DIST));
    await engine.search('养老', { plan: slug, limit: 8 });
    opened.push(performance.now() - t);
  }
  const texts = chunks.flatMap((c: TextChunk) =>
    c.units.map((u) => compact(decodeMarked(u.x).text)),
  );
  const queries = timingQueries(texts, cases, 200);
  const planLatency = await nodeLatency(engine, queries, slug, QUICK ? 1 : 3);
  const planScores = await evaluate(cases, async (q) =>
    (await engine.search(q, { limit: 10, plan: slug })).hits.map((h) => h.id),
  );
  const data = await firstQueries(
    DIST,
    cases.map((c) => c.query),
    slug,
  );
  const codeFiles = searchCode(DIST, join(DIST, slug, '7', '1', 'index.html'));
  const codeSizes = addSizes(...codeFiles.map((f) => sizes(readFileSync(f))));
  const plankb: EngineReport = {
    name: 'Plan KB',
    buildMs: built.ms,
    loadMs: percentile(opened, 50),
    payload: { raw: NaN, gzip: NaN, brotli: codeSizes.brotli + data.median },
    payloadNote: `code ${fmtSizes(codeSizes)} (${codeFiles.map((f) => f.replace(`${DIST}/`, '')).join(', ')}) + the index files a first query reads, brotli: median ${kb(data.median)}, largest ${kb(data.max)} (${data.maxQuery}), over the ${cases.length} relevance queries`,
    nodeP50: planLatency.p50,
    nodeP95: planLatency.p95,
    relevance: planScores,
  };
  reports.push(plankb);

  // Baseline
  const units = collectUnits(plan.document);
  const baselineBuilt = timeIt(() => {
    const ms = new MiniSearch(BASELINE_OPTIONS);
    ms.addAll(units.map((u, i) => ({ id: i, text: u.text })));
    return ms;
  }, runs);
  const baseline = baselineBuilt.value;
  const baselineJson = JSON.stringify(baseline);
  const baselineLoad = timeIt(
    () => MiniSearch.loadJSON(baselineJson, BASELINE_OPTIONS),
    QUICK ? 3 : 7,
  );
  const miniSearchCode = sizes(readFileSync('node_modules/minisearch/dist/es/index.js'));
  const baselineSearch = (q: string) => baseline.search(q).map((r) => units[r.id as number]!.id);
  const baselineLatency = syncLatency(baselineSearch, queries, QUICK ? 1 : 3);
  reports.push({
    name: 'Bigram MiniSearch (baseline)',
    buildMs: baselineBuilt.ms,
    loadMs: baselineLoad.ms,
    payload: addSizes(sizes(baselineJson), miniSearchCode),
    payloadNote: `serialized index ${fmtSizes(sizes(baselineJson))} + minisearch ${fmtSizes(miniSearchCode)} (unminified ES build), no snippet text`,
    nodeP50: baselineLatency.p50,
    nodeP95: baselineLatency.p95,
    relevance: await evaluate(cases, (q) => Promise.resolve(baselineSearch(q))),
  });

  // Pagefind over the same built site
  const pagefind = await import('pagefind');
  const pagefindDir = mkdtempSync(join(tmpdir(), 'plan-kb-pagefind-'));
  const pfStart = performance.now();
  const { index } = await pagefind.createIndex({ rootSelector: 'main', forceLanguage: 'zh-cn' });
  if (!index) throw new Error('pagefind: could not create an index');
  // The pages that hold the plan's text (what Plan KB indexes): preface, chapters, sections, indicators.
  // Entity, download and help pages would only add noise to Pagefind's results.
  const added = await index.addDirectory({
    path: DIST,
    glob: `${slug}/{preface,indicators,1,2,3,4,5,6,7,8,9,10,11}/**/*.html`,
  });
  await index.writeFiles({ outputPath: pagefindDir });
  const pfBuildMs = performance.now() - pfStart;
  await pagefind.close();
  const pfFiles = filesUnder(pagefindDir);
  const pfCore = pfFiles.filter((f) =>
    /pagefind\.js$|pagefind-entry\.json$|wasm\.|\.pf_meta$/.test(f),
  );
  const pfAll = addSizes(...pfFiles.map((f) => sizes(readFileSync(f))));
  const pfReport: EngineReport = {
    name: 'Pagefind 1.x',
    buildMs: pfBuildMs,
    loadMs: null,
    payload: addSizes(...pfCore.map((f) => sizes(readFileSync(f)))),
    payloadNote: `core (pagefind.js, wasm, meta) ; whole bundle ${pfFiles.length} files ${fmtSizes(pfAll)} for ${added.page_count} pages, fetched in chunks`,
    nodeP50: NaN,
    nodeP95: NaN,
    relevance: { cases: cases.length, successAt1: NaN, successAt5: NaN, mrr: NaN, results: [] },
    files: pfFiles.length,
  };
  reports.push(pfReport);

  if (BROWSER) {
    const { build } = await import('esbuild');
    const bundle = await build({
      entryPoints: ['src/search/engine.ts'],
      bundle: true,
      format: 'iife',
      globalName: 'PlanKbSearch',
      minify: true,
      write: false,
    });
    // Served from the site's own origin, so the pages' Content-Security-Policy (script-src
    // 'self') lets the benchmark load it; an inline script would be refused.
    const engineDir = mkdtempSync(join(tmpdir(), 'plan-kb-engine-'));
    writeFileSync(join(engineDir, 'engine.js'), bundle.outputFiles[0]!.text);
    const engineBundle = '/bench-engine/engine.js';
    const server = await serveStatic(DIST, {
      mounts: { '/pagefind/': pagefindDir, '/bench-engine/': engineDir },
      compress: true,
    });
    const browser = await launch();
    // The index holds plan paths (/7/1/#7.1.1); the pages link to site URLs (/licang-14/7/1/#7.1.1).
    const urlToId = new Map(
      chunks.flatMap((c) => c.units.map((u) => [decodeURIComponent(`/${slug}${u.u}`), u.id])),
    );
    // A cold first context pays for compiling the scripts: warm the browser up once.
    await planKbBrowser(browser, server, cases.slice(0, 3), 1, engineBundle, urlToId, ROUNDS, slug);
    const ids = new Map<string, string>();
    for (const { node, parents } of walk(plan.document))
      ids.set(node.id, `/${slug}${pageOf(node, parents)}`);
    try {
      plankb.browser = {};
      pfReport.browser = {};
      for (const throttle of [1, 4]) {
        const p = await planKbBrowser(
          browser,
          server,
          cases,
          throttle,
          engineBundle,
          urlToId,
          ROUNDS,
          slug,
        );
        const browserScores = await evaluate(cases, (q) =>
          Promise.resolve(p.ids[cases.findIndex((c) => c.query === q)] ?? []),
        );
        plankb.browser[`${throttle}x`] = { ...p, successAt5: browserScores.successAt5 };
        if (throttle === 1) {
          plankb.firstQueryBytes = p.firstBytes;
          plankb.laterQueryBytes = p.laterBytes;
        }
        const f = await pagefindBrowser(browser, server, cases, throttle, slug);
        pfReport.browser[`${throttle}x`] = f;
        if (throttle === 1) {
          pfReport.firstQueryBytes = f.firstBytes;
          pfReport.laterQueryBytes = f.laterBytes;
          // Pagefind returns pages: a result counts when its page holds an expected clause (lenient).
          pfReport.relevance = await evaluate(
            cases.map((c) => ({ ...c, expect: c.expect.map((id) => ids.get(id) ?? id) })),
            (q) =>
              Promise.resolve(
                (f.hits[cases.findIndex((c) => c.query === q)] ?? []).map(
                  (h) => new URL(h.url, server.origin).pathname,
                ),
              ),
          );
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
  rmSync(pagefindDir, { recursive: true, force: true });
  rmSync(snapshot, { recursive: true, force: true });

  printReport(reports, { codeFiles });
  if (JSON_OUT)
    writeFileSync(
      JSON_OUT,
      JSON.stringify(
        reports.map(({ relevance, ...r }) => ({
          ...r,
          relevance: { ...relevance, results: undefined },
        })),
        null,
        2,
      ),
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
