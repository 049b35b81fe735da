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
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import type { Browser, Page } from 'playwright-core';
import type { EntityIndex, PlanFile } from '../../src/model/types.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import type { SearchIndexFile } from '../../src/search/format.ts';
import { compact } from '../../src/search/fold.ts';
import { bigrams } from '../../src/search/segment.ts';
import { pageOf } from '../../src/model/urls.ts';
import { walk } from '../../src/model/tree.ts';
import { artifactPath, ARTIFACTS } from '../../src/model/artifacts.ts';
import { buildSearchArtifacts } from '../search-index/build-index.ts';
import { collectUnits } from '../search-index/units.ts';
import { evaluate, readRelevanceSet, type RelevanceCase, type Scores } from './relevance.ts';
import { serveStatic, type StaticServer } from './static-server.ts';
import { launch } from './chromium.ts';

/** A snapshot of dist/ taken at start, so a concurrent `npm run build` cannot change the site mid-run. */
let DIST = 'dist';
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const BROWSER = !args.includes('--no-browser');
/** Times each relevance query is typed in the keystroke measurement. */
const ROUNDS = QUICK ? 1 : 2;
const JSON_OUT = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

// ---------- helpers ----------

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function timeIt<T>(fn: () => T, runs: number): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

function sizes(content: Buffer | string): Sizes {
  const b = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function addSizes(...all: Sizes[]): Sizes {
  return all.reduce(
    (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) =>
  Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : 'n/a';
const fmtSizes = (s: Sizes) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** JS files a page loads for search: module scripts of the page, their static imports, and the worker. */
function searchCode(htmlPath: string): string[] {
  const html = readFileSync(htmlPath, 'utf8');
  const queue = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const seen = new Set<string>();
  while (queue.length > 0) {
    const src = queue.shift()!;
    const file = join(DIST, src.replace(/^\//, ''));
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const js = readFileSync(file, 'utf8');
    for (const m of js.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g))
      queue.push(`/_astro/${m[1]!.slice(2)}`);
    for (const m of js.matchAll(/["'/]((?:_astro\/)?search-worker[^"']*\.js)["']/g))
      queue.push(`/_astro/${m[1]!.replace(/^_astro\//, '')}`);
  }
  // Only what the search needs: the scripts that mention the worker, the index or the highlighter.
  return [...seen].filter(
    (f) =>
      /search|SearchBox/.test(f) ||
      /search\/index\.json|plan-kb:search/.test(readFileSync(f, 'utf8')),
  );
}

// ---------- Node: Plan KB ----------

interface EngineReport {
  name: string;
  buildMs: number;
  loadMs: number | null;
  payload: Sizes;
  payloadNote: string;
  nodeP50: number;
  nodeP95: number;
  relevance: Scores;
  browser?: Record<string, BrowserNumbers>;
  files?: number;
  firstQueryBytes?: number;
  laterQueryBytes?: number;
}

interface BrowserNumbers {
  loadMs: number;
  /** Longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms) from first focus to a searchable index; 0 when none. */
  longestLoadTaskMs?: number;
  p50: number;
  p95: number;
  workerP50?: number;
  renderP95?: number;
  workerP95?: number;
  keystrokeP50?: number;
  keystrokeP95?: number;
  mainThreadP50?: number;
  mainThreadP95?: number;
  successAt5?: number;
}

function timingQueries(
  units: { compact: string }[],
  cases: RelevanceCase[],
  count: number,
): string[] {
  // The relevance queries plus real substrings of the plan: typical lengths of typed queries.
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const extra: string[] = [];
  while (extra.length < count) {
    const u = units[Math.floor(next() * units.length)]!;
    const len = 2 + Math.floor(next() * 6);
    const at = Math.floor(next() * Math.max(1, u.compact.length - len));
    const q = u.compact.slice(at, at + len);
    if (/\p{Script=Han}{2}/u.test(q)) extra.push(q);
  }
  return [...cases.map((c) => c.query), ...extra];
}

function nodeLatency(
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

// ---------- Browser ----------

async function newPage(browser: Browser, throttle: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return page;
}

/** Plan KB in the real header search box: type each query, time keystroke → rendered results. */
async function planKbBrowser(
  browser: Browser,
  server: StaticServer,
  cases: RelevanceCase[],
  throttle: number,
  engineBundle: string,
  urlToId: Map<string, string>,
): Promise<BrowserNumbers & { firstBytes: number; laterBytes: number; ids: string[][] }> {
  const page = await newPage(browser, throttle);
  await page.goto(`${server.origin}/7/1/`);
  server.reset();
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.focus('#site-search-q');
  await page.waitForFunction(
    () => performance.getEntriesByName('plan-kb:index-ready').length > 0,
    null,
    { timeout: 60_000 },
  );
  const loadMs = await page.evaluate(
    () => performance.getEntriesByName('plan-kb:index-ready')[0]!.duration,
  );
  const longestLoadTaskMs = Math.max(
    0,
    ...(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)),
  );
  await page.keyboard.type('养老', { delay: 30 });
  await page.waitForSelector('.sbox-list [role=option]');
  const firstBytes = server.total();
  server.reset();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('河长制', { delay: 30 });
  await page.waitForFunction(() =>
    document.querySelector('.sbox-list')?.textContent?.includes('河长制'),
  );
  const laterBytes = server.total();

  const keystrokes: number[] = [];
  const workerTimes: number[] = [];
  const renderTimes: number[] = [];
  const ids: string[][] = [];
  const delay = throttle > 1 ? 140 : 70;
  // Every query typed ROUNDS times: more keystrokes, so one scheduling hiccup moves p95 less.
  const typed = Array.from({ length: ROUNDS }, () => cases).flat();
  for (const c of typed) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(delay);
    await page.evaluate(() => {
      performance.clearMeasures('plan-kb:search');
      performance.clearMeasures('plan-kb:worker-search');
      performance.clearMeasures('plan-kb:search-render');
    });
    await page.keyboard.type(c.query, { delay });
    const expected = compact(c.query).length > 0;
    if (expected) {
      await page
        .waitForFunction((n) => performance.getEntriesByName('plan-kb:search').length >= n, 1, {
          timeout: 10_000,
        })
        .catch(() => undefined);
      await page.waitForTimeout(delay);
    }
    keystrokes.push(
      ...(await page.evaluate(() =>
        performance.getEntriesByName('plan-kb:search').map((e) => e.duration),
      )),
    );
    workerTimes.push(
      ...(await page.evaluate(() =>
        performance.getEntriesByName('plan-kb:worker-search').map((e) => e.duration),
      )),
    );
    renderTimes.push(
      ...(await page.evaluate(() =>
        performance.getEntriesByName('plan-kb:search-render').map((e) => e.duration),
      )),
    );
    const hrefs = await page.$$eval('.sbox-list a.sr-hit', (links) =>
      links.map((a) => (a as HTMLAnchorElement).href),
    );
    if (ids.length < cases.length) {
      ids.push(
        hrefs.map((href) => urlToId.get(new URL(href).pathname + new URL(href).hash) ?? href),
      );
    }
  }

  // The same engine on the main thread, as a bound for a device where the worker gets no separate core.
  await page.addScriptTag({ content: engineBundle });
  const mainThread = await page.evaluate(
    async ({ url, queries }) => {
      const file = await (await fetch(url)).json();
      const g = globalThis as unknown as {
        PlanKbSearch: {
          SearchEngine: new (f: unknown) => { search(q: string, o: object): unknown };
        };
      };
      const t0 = performance.now();
      const engine = new g.PlanKbSearch.SearchEngine(file);
      const build = performance.now() - t0;
      const times: number[] = [];
      for (const q of queries) {
        const t = performance.now();
        engine.search(q, { limit: 8 });
        times.push(performance.now() - t);
      }
      return { build, times };
    },
    { url: `${server.origin}/search/index.json`, queries: cases.map((c) => c.query) },
  );
  await page.context().close();
  return {
    loadMs,
    longestLoadTaskMs,
    p50: percentile(mainThread.times, 50),
    p95: percentile(mainThread.times, 95),
    workerP50: percentile(workerTimes, 50),
    renderP95: percentile(renderTimes, 95),
    workerP95: percentile(workerTimes, 95),
    keystrokeP50: percentile(keystrokes, 50),
    keystrokeP95: percentile(keystrokes, 95),
    mainThreadP50: percentile(mainThread.times, 50),
    mainThreadP95: percentile(mainThread.times, 95),
    firstBytes,
    laterBytes,
    ids,
  };
}

interface PagefindHit {
  url: string;
  subs: string[];
}

/** Pagefind's own JS API in the page: search, then load the top 5 results' data (what a UI renders). */
async function pagefindBrowser(
  browser: Browser,
  server: StaticServer,
  cases: RelevanceCase[],
  throttle: number,
): Promise<BrowserNumbers & { firstBytes: number; laterBytes: number; hits: PagefindHit[][] }> {
  const page = await newPage(browser, throttle);
  await page.goto(`${server.origin}/7/1/`);
  server.reset();
  const run = (query: string) =>
    page.evaluate(async (q) => {
      interface Api {
        init(): Promise<void>;
        search(q: string): Promise<{
          results: { data(): Promise<{ url: string; sub_results: { url: string }[] }> }[];
        }>;
      }
      const w = window as unknown as { __pf?: Promise<Api> };
      // A URL only the page can resolve: kept out of TypeScript's module resolution.
      const entry = '/pagefind/pagefind.js';
      w.__pf ??= (import(/* @vite-ignore */ entry) as Promise<Api>).then(async (pf) => {
        await pf.init();
        return pf;
      });
      const t0 = performance.now();
      const pf = await w.__pf;
      const t1 = performance.now();
      const search = await pf.search(q);
      const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
      const t2 = performance.now();
      return {
        init: t1 - t0,
        ms: t2 - t1,
        hits: data.map((d) => ({ url: d.url, subs: d.sub_results.map((s) => s.url) })),
      };
    }, query);
  const first = await run('养老');
  const firstBytes = server.total();
  server.reset();
  await run('河长制');
  const laterBytes = server.total();
  const times: number[] = [];
  const hits: PagefindHit[][] = [];
  for (const c of cases) {
    const r = await run(c.query);
    times.push(r.ms);
    hits.push(r.hits);
  }
  await page.context().close();
  return {
    loadMs: first.init,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    firstBytes,
    laterBytes,
    hits,
  };
}

// ---------- main ----------

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'search', 'index.json')))
    throw new Error('dist/search/index.json missing: run `npm run build` first');
  const snapshot = mkdtempSync(join(tmpdir(), 'plan-kb-dist-'));
  cpSync(DIST, snapshot, { recursive: true });
  DIST = snapshot;
  const plan = JSON.parse(readFileSync(artifactPath('plan'), 'utf8')) as PlanFile;
  const cases = readRelevanceSet();
  const runs = QUICK ? 1 : 3;
  const reports: EngineReport[] = [];

  // Plan KB
  const entities = JSON.parse(readFileSync(artifactPath('entities'), 'utf8')) as EntityIndex;
  const built = timeIt(() => buildSearchArtifacts(plan, entities), runs);
  const indexJson = built.value[ARTIFACTS.searchIndex]!;
  const file = JSON.parse(indexJson) as SearchIndexFile;
  const load = timeIt(
    () => new SearchEngine(JSON.parse(indexJson) as SearchIndexFile),
    QUICK ? 3 : 7,
  );
  const engine = load.value;
  const queries = timingQueries(engine.units, cases, 200);
  const planLatency = nodeLatency((q) => engine.search(q, { limit: 10 }), queries, QUICK ? 1 : 3);
  const planScores = evaluate(cases, (q) => engine.search(q, { limit: 10 }).hits.map((h) => h.id));
  const distIndex = join(DIST, 'search', 'index.json');
  if (!existsSync(distIndex)) throw new Error(`${distIndex} missing: run \`npm run build\` first`);
  const codeFiles = searchCode(join(DIST, '7', '1', 'index.html'));
  const workerFile = readdirSync(join(DIST, '_astro')).find((f) => f.startsWith('search-worker'));
  if (workerFile && !codeFiles.some((f) => f.endsWith(workerFile)))
    codeFiles.push(join(DIST, '_astro', workerFile));
  const codeSizes = addSizes(...codeFiles.map((f) => sizes(readFileSync(f))));
  const indexSizes = sizes(readFileSync(distIndex));
  const plankb: EngineReport = {
    name: 'Plan KB',
    buildMs: built.ms,
    loadMs: load.ms,
    payload: addSizes(indexSizes, codeSizes),
    payloadNote: `index ${fmtSizes(indexSizes)} + code ${fmtSizes(codeSizes)} (${codeFiles.map((f) => f.replace(`${DIST}/`, '')).join(', ')})`,
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
  const baselineLatency = nodeLatency(baselineSearch, queries, QUICK ? 1 : 3);
  reports.push({
    name: 'Bigram MiniSearch (baseline)',
    buildMs: baselineBuilt.ms,
    loadMs: baselineLoad.ms,
    payload: addSizes(sizes(baselineJson), miniSearchCode),
    payloadNote: `serialized index ${fmtSizes(sizes(baselineJson))} + minisearch ${fmtSizes(miniSearchCode)} (unminified ES build), no snippet text`,
    nodeP50: baselineLatency.p50,
    nodeP95: baselineLatency.p95,
    relevance: evaluate(cases, baselineSearch),
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
    glob: '{preface,indicators,1,2,3,4,5,6,7,8,9,10,11}/**/*.html',
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
    const engineBundle = bundle.outputFiles[0]!.text;
    const server = await serveStatic(DIST, {
      mounts: { '/pagefind/': pagefindDir },
      compress: true,
    });
    const browser = await launch();
    const urlToId = new Map(file.units.map((u) => [decodeURIComponent(u.u), u.id]));
    // A cold first context pays for compiling the scripts: warm the browser up once.
    await planKbBrowser(browser, server, cases.slice(0, 3), 1, engineBundle, urlToId);
    const ids = new Map<string, string>();
    for (const { node, parents } of walk(plan.document)) ids.set(node.id, pageOf(node, parents));
    try {
      plankb.browser = {};
      pfReport.browser = {};
      for (const throttle of [1, 4]) {
        const p = await planKbBrowser(browser, server, cases, throttle, engineBundle, urlToId);
        const browserScores = evaluate(
          cases,
          (q) => p.ids[cases.findIndex((c) => c.query === q)] ?? [],
        );
        plankb.browser[`${throttle}x`] = { ...p, successAt5: browserScores.successAt5 };
        if (throttle === 1) {
          plankb.firstQueryBytes = p.firstBytes;
          plankb.laterQueryBytes = p.laterBytes;
        }
        const f = await pagefindBrowser(browser, server, cases, throttle);
        pfReport.browser[`${throttle}x`] = f;
        if (throttle === 1) {
          pfReport.firstQueryBytes = f.firstBytes;
          pfReport.laterQueryBytes = f.laterBytes;
          // Pagefind returns pages: a result counts when its page holds an expected clause (lenient).
          pfReport.relevance = evaluate(
            cases.map((c) => ({ ...c, expect: c.expect.map((id) => ids.get(id) ?? id) })),
            (q) =>
              (f.hits[cases.findIndex((c) => c.query === q)] ?? []).map(
                (h) => new URL(h.url, server.origin).pathname,
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

function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

const LOAD_AT_START = loadAverage();

function printReport(reports: EngineReport[], _info: { codeFiles: string[] }): void {
  const [plan, baseline, pf] = reports as [EngineReport, EngineReport, EngineReport];
  const col = (r: EngineReport, f: (r: EngineReport) => string) => f(r);
  const rows: [string, (r: EngineReport) => string][] = [
    ['Index build (Node, median)', (r) => ms(r.buildMs)],
    [
      'Index load: parse + build postings (Node)',
      (r) => (r.loadMs === null ? 'n/a' : ms(r.loadMs)),
    ],
    [
      'Index load in Chromium 1× / 4× (first use → searchable)',
      (r) =>
        r.browser
          ? `${ms(r.browser['1x']?.loadMs ?? NaN)} / ${ms(r.browser['4x']?.loadMs ?? NaN)}`
          : 'n/a',
    ],
    [
      'Longest main-thread task while the index loads 1× / 4× (goal < 50 ms)',
      (r) =>
        r.browser?.['1x']?.longestLoadTaskMs !== undefined
          ? `${ms(r.browser['1x'].longestLoadTaskMs)} / ${ms(r.browser['4x']?.longestLoadTaskMs ?? NaN)}`
          : 'n/a',
    ],
    ['Payload for search, raw / gzip / brotli', (r) => fmtSizes(r.payload)],
    [
      'Bytes transferred: first query / later query',
      (r) =>
        r.firstQueryBytes !== undefined
          ? `${kb(r.firstQueryBytes)} / ${kb(r.laterQueryBytes ?? 0)}`
          : 'n/a',
    ],
    [
      'Query latency Node p50 / p95',
      (r) =>
        Number.isFinite(r.nodeP50)
          ? `${ms(r.nodeP50)} / ${ms(r.nodeP95)}`
          : 'n/a (browser-only client)',
    ],
    [
      'Query latency Chromium 1× p50 / p95',
      (r) =>
        r.browser
          ? `${ms(r.browser['1x']?.p50 ?? NaN)} / ${ms(r.browser['1x']?.p95 ?? NaN)}`
          : 'n/a',
    ],
    [
      'Query latency Chromium 4× p50 / p95',
      (r) =>
        r.browser
          ? `${ms(r.browser['4x']?.p50 ?? NaN)} / ${ms(r.browser['4x']?.p95 ?? NaN)}`
          : 'n/a',
    ],
    [
      'Rendering the results (main thread) 1× / 4× p95',
      (r) =>
        r.browser?.['1x']?.renderP95 !== undefined
          ? `${ms(r.browser['1x'].renderP95)} / ${ms(r.browser['4x']?.renderP95 ?? NaN)}`
          : 'n/a',
    ],
    [
      'Engine time in the worker 1× / 4× p95',
      (r) =>
        r.browser?.['1x']?.workerP95 !== undefined
          ? `${ms(r.browser['1x'].workerP95)} / ${ms(r.browser['4x']?.workerP95 ?? NaN)}`
          : 'n/a',
    ],
    [
      'Keystroke → rendered results 1× p50 / p95',
      (r) =>
        r.browser?.['1x']?.keystrokeP50 !== undefined
          ? `${ms(r.browser['1x'].keystrokeP50)} / ${ms(r.browser['1x'].keystrokeP95 ?? NaN)}`
          : 'n/a',
    ],
    [
      'Keystroke → rendered results 4× p50 / p95',
      (r) =>
        r.browser?.['4x']?.keystrokeP50 !== undefined
          ? `${ms(r.browser['4x'].keystrokeP50)} / ${ms(r.browser['4x'].keystrokeP95 ?? NaN)}`
          : 'n/a',
    ],
    [
      'success@1',
      (r) => (Number.isFinite(r.relevance.successAt1) ? r.relevance.successAt1.toFixed(3) : 'n/a'),
    ],
    [
      'success@5',
      (r) => (Number.isFinite(r.relevance.successAt5) ? r.relevance.successAt5.toFixed(3) : 'n/a'),
    ],
    ['MRR', (r) => (Number.isFinite(r.relevance.mrr) ? r.relevance.mrr.toFixed(3) : 'n/a')],
  ];
  const header = `| | ${plan.name} | ${pf.name} | ${baseline.name} |`;
  console.log(`\n${header}\n|---|---|---|---|`);
  for (const [label, f] of rows)
    console.log(`| ${label} | ${col(plan, f)} | ${col(pf, f)} | ${col(baseline, f)} |`);
  console.log('\nNotes:');
  console.log(
    `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average (1, 5, 15 min) at the start ${LOAD_AT_START}, at the end ${loadAverage()}.`,
  );
  for (const r of reports) console.log(`- ${r.name} payload: ${r.payloadNote}`);
  if (plan.browser) {
    console.log(
      `- Plan KB Chromium query latency is the engine run on the main thread (worst case); in the site it runs in a worker. ` +
        `Success@5 measured from the rendered drop-down: 1× ${plan.browser['1x']?.successAt5?.toFixed(3)}, 4× ${plan.browser['4x']?.successAt5?.toFixed(3)} (top 8 shown).`,
    );
    console.log(
      '- Pagefind latency: search() plus data() of the top 5 results (what a results list renders); success@5 is page-level (a result counts when its page holds an expected clause): lenient.',
    );
  }
  const misses = plan.relevance.results.filter((r) => r.rank === null || r.rank > 5);
  if (misses.length) console.log(`- Plan KB misses: ${misses.map((m) => m.case.query).join(', ')}`);
  const pfMisses = pf.relevance.results.filter((r) => r.rank === null || r.rank > 5);
  if (pfMisses.length)
    console.log(
      `- Pagefind misses (${pfMisses.length}): ${pfMisses.map((m) => m.case.query).join(', ')}`,
    );
  const blMisses = baseline.relevance.results.filter((r) => r.rank === null || r.rank > 5);
  if (blMisses.length)
    console.log(
      `- Baseline misses (${blMisses.length}): ${blMisses.map((m) => m.case.query).join(', ')}`,
    );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
