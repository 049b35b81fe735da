/**
 * Corpus benchmark: `npm run bench:corpus`. Builds the project with 1, 2 and 4 plans of the
 * corpus (each in a copy of the working tree whose content/plans/ holds only those plans) and
 * prints, side by side with how each grows from 1 to 4 plans:
 *
 *   - build time: data (`scripts/build.ts`) and site (`astro build`), wall clock;
 *   - output size: .generated/, dist/ and the search index (files, bytes);
 *   - search payload (brotli, as a static host sends it): code + the index files a first query
 *     reads, in one plan and across all plans (median and largest over the relevance queries);
 *   - search latency: the engine in Node (warm p50/p95), in one plan and across all plans, and
 *     keystroke → rendered results in Chromium's header box (bench-search-browser.ts).
 *
 * Options: --quick (one plan count per size, fewer repetitions), --no-site (data only),
 * --no-browser, --sizes 1,2,4, --json PATH. Timings are wall-clock on whatever else the machine
 * is doing: the load average is printed with the table.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { searchPath } from '../../src/model/artifacts.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import type { SearchManifest } from '../../src/search/format.ts';
import { discoverPlans } from '../build.ts';
import { planKbBrowser } from './bench-search-browser.ts';
import { brotliOf, firstQueries, nodeLatency, searchCode } from './bench-search-node.ts';
import { kb, ms } from './bench-stats.ts';
import { launch } from './chromium.ts';
import { planOf, readRelevanceSet } from './relevance.ts';
import { fileLoader } from './search-cli.ts';
import { serveStatic } from './static-server.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const QUICK = flag('--quick');
const SITE = !flag('--no-site');
const BROWSER = SITE && !flag('--no-browser');
const SIZES = (value('--sizes') ?? '1,2,4').split(',').map(Number);
const JSON_OUT = value('--json');
/** The order plans join the corpus: the one the relevance set began with, then the others. */
const PREFERRED = ['licang-14', 'nanjing-15', 'guangzhou-15', 'suzhou-15'];
/** What the copy leaves out: dependencies are linked, outputs are rebuilt. */
const SKIP = new Set(['node_modules', '.git', 'dist', '.generated', '.astro', 'test-results']);

interface Row {
  plans: string[];
  dataMs: number;
  siteMs: number;
  generated: { files: number; bytes: number };
  dist: { files: number; bytes: number };
  search: { files: number; bytes: number; brotli: number };
  codeBrotli: number;
  /** First-query data (brotli) in one plan: the largest plan's median and maximum. */
  planFirst: { median: number; max: number; maxQuery: string };
  /** … across all plans. */
  allFirst: { median: number; max: number; maxQuery: string };
  planLatency: { p50: number; p95: number };
  allLatency: { p50: number; p95: number };
  /** Keystroke → rendered results in the header box of a plan's page (its plan) … */
  keystroke?: { p50: number; p95: number; worker95: number };
  /** … and of the corpus home (every plan). */
  keystrokeAll?: { p50: number; p95: number; worker95: number };
  /** Bytes the browser received for its first query (养老), at the wire, compressed. */
  browserFirstBytes?: { plan: number; all: number };
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const s = statSync(path);
      if (s.isDirectory()) walk(path);
      else {
        files++;
        bytes += s.size;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { files, bytes };
}

function run(cwd: string, command: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  const r = spawnSync(command[0]!, command.slice(1), {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(
      `${command.join(' ')} failed in ${cwd}:\n${(r.stderr || r.stdout).slice(-2000)}`,
    );
  return performance.now() - started;
}

/** A copy of the working tree holding only these plans, with node_modules linked. */
function project(plans: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), `plan-kb-corpus-${plans.length}-`));
  for (const name of readdirSync('.')) {
    if (SKIP.has(name)) continue;
    cpSync(name, join(dir, name), {
      recursive: true,
      filter: (src) =>
        !src.startsWith('content/plans/') ||
        plans.some((p) => src === `content/plans/${p}` || src.startsWith(`content/plans/${p}/`)),
    });
  }
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function measure(plans: string[]): Promise<Row> {
  const dir = project(plans);
  try {
    const dataMs = run(dir, [process.execPath, '--import', 'tsx', 'scripts/build.ts']);
    const siteMs = SITE
      ? run(dir, [process.execPath, 'node_modules/astro/astro.js', 'build'])
      : NaN;
    const generated = join(dir, '.generated');
    const manifest = JSON.parse(
      readFileSync(join(generated, searchPath({ kind: 'manifest' })), 'utf8'),
    ) as SearchManifest;
    const searchDir = join(generated, 'search');
    const searchSize = sizeOf(searchDir);
    let searchBrotli = 0;
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        if (statSync(path).isDirectory()) walk(path);
        else searchBrotli += brotliOf(path);
      }
    };
    walk(searchDir);
    const cases = readRelevanceSet().filter((c) => plans.includes(planOf(c)));
    // The largest plan of the corpus measured (its shards are the biggest).
    const largest = manifest.plans.reduce((a, b) => (b.units > a.units ? b : a)).slug;
    const mine = cases.filter((c) => planOf(c) === largest).map((c) => c.query);
    const all = cases.map((c) => c.query);
    const planFirst = await firstQueries(generated, mine, largest);
    const allFirst = await firstQueries(generated, all, null);
    const engine = await SearchEngine.open(fileLoader(generated));
    const rounds = QUICK ? 1 : 3;
    const planLatency = await nodeLatency(engine, mine, largest, rounds);
    const allLatency = await nodeLatency(engine, all, null, rounds);
    const dist = join(dir, 'dist');
    const home = () =>
      readdirSync(dist).includes(plans[0]!)
        ? join(dist, plans[0]!, 'index.html')
        : join(dist, 'index.html');
    const codeBrotli = SITE ? searchCode(dist, home()).reduce((n, f) => n + brotliOf(f), 0) : NaN;
    const row: Row = {
      plans,
      dataMs,
      siteMs,
      generated: sizeOf(generated),
      dist: sizeOf(dist),
      search: { ...searchSize, brotli: searchBrotli },
      codeBrotli,
      planFirst,
      allFirst,
      planLatency,
      allLatency,
    };
    if (BROWSER) {
      const server = await serveStatic(dist, { compress: true });
      const browser = await launch();
      try {
        const slug = plans[0]!;
        const typed = readRelevanceSet().filter((c) => planOf(c) === slug);
        const p = await planKbBrowser(browser, server, typed, 1, '', new Map(), 1, slug, false);
        row.keystroke = {
          p50: p.keystrokeP50 ?? NaN,
          p95: p.keystrokeP95 ?? NaN,
          worker95: p.workerP95 ?? NaN,
        };
        // The corpus home's box searches every plan.
        const all = await planKbBrowser(
          browser,
          server,
          typed,
          1,
          '',
          new Map(),
          1,
          slug,
          false,
          '/',
        );
        row.keystrokeAll = {
          p50: all.keystrokeP50 ?? NaN,
          p95: all.keystrokeP95 ?? NaN,
          worker95: all.workerP95 ?? NaN,
        };
        row.browserFirstBytes = { plan: p.firstBytes, all: all.firstBytes };
      } finally {
        await browser.close();
        await server.close();
      }
    }
    return row;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(rows: Row[]): void {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const growth = (f: (r: Row) => number) => {
    const a = f(first);
    const b = f(last);
    return Number.isFinite(a) && Number.isFinite(b) && a > 0 ? `×${(b / a).toFixed(2)}` : '—';
  };
  const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : kb(n));
  const lines: [string, (r: Row) => string, (r: Row) => number][] = [
    ['Build: data (scripts/build.ts)', (r) => ms(r.dataMs), (r) => r.dataMs],
    ['Build: site (astro build)', (r) => ms(r.siteMs), (r) => r.siteMs],
    ['Build: data + site', (r) => ms(r.dataMs + r.siteMs), (r) => r.dataMs + r.siteMs],
    [
      'Output: .generated/',
      (r) => `${r.generated.files} files, ${size(r.generated.bytes)}`,
      (r) => r.generated.bytes,
    ],
    ['Output: dist/', (r) => `${r.dist.files} files, ${size(r.dist.bytes)}`, (r) => r.dist.bytes],
    [
      'Search index (files, raw, brotli)',
      (r) => `${r.search.files}, ${size(r.search.bytes)}, ${size(r.search.brotli)}`,
      (r) => r.search.brotli,
    ],
    ['Search code (brotli)', (r) => kb(r.codeBrotli), (r) => r.codeBrotli],
    [
      'One plan: first query data, median / largest',
      (r) => `${kb(r.planFirst.median)} / ${kb(r.planFirst.max)}`,
      (r) => r.planFirst.median,
    ],
    [
      'One plan: first query, code + data, median / largest (budget 100 KB)',
      (r) => `${kb(r.codeBrotli + r.planFirst.median)} / ${kb(r.codeBrotli + r.planFirst.max)}`,
      (r) => r.codeBrotli + r.planFirst.max,
    ],
    [
      'All plans: first query data, median / largest',
      (r) => `${kb(r.allFirst.median)} / ${kb(r.allFirst.max)}`,
      (r) => r.allFirst.median,
    ],
    [
      'All plans: first query, code + data, median / largest (budget 250 KB)',
      (r) => `${kb(r.codeBrotli + r.allFirst.median)} / ${kb(r.codeBrotli + r.allFirst.max)}`,
      (r) => r.codeBrotli + r.allFirst.max,
    ],
    [
      'One plan: query latency Node p50 / p95',
      (r) => `${ms(r.planLatency.p50)} / ${ms(r.planLatency.p95)}`,
      (r) => r.planLatency.p95,
    ],
    [
      'All plans: query latency Node p50 / p95',
      (r) => `${ms(r.allLatency.p50)} / ${ms(r.allLatency.p95)}`,
      (r) => r.allLatency.p95,
    ],
    [
      'Keystroke → rendered results, one plan, Chromium 1× p50 / p95',
      (r) => (r.keystroke ? `${ms(r.keystroke.p50)} / ${ms(r.keystroke.p95)}` : 'n/a'),
      (r) => r.keystroke?.p95 ?? NaN,
    ],
    [
      'Keystroke → rendered results, all plans, Chromium 1× p50 / p95',
      (r) => (r.keystrokeAll ? `${ms(r.keystrokeAll.p50)} / ${ms(r.keystrokeAll.p95)}` : 'n/a'),
      (r) => r.keystrokeAll?.p95 ?? NaN,
    ],
    [
      'Bytes at the wire for a first query (养老) in Chromium: one plan / all plans',
      (r) =>
        r.browserFirstBytes
          ? `${kb(r.browserFirstBytes.plan)} / ${kb(r.browserFirstBytes.all)}`
          : 'n/a',
      (r) => r.browserFirstBytes?.all ?? NaN,
    ],
    [
      'Engine time in the worker, Chromium 1× p95',
      (r) => (r.keystroke ? ms(r.keystroke.worker95) : 'n/a'),
      (r) => r.keystroke?.worker95 ?? NaN,
    ],
  ];
  console.log(
    `\n| | ${rows.map((r) => `${r.plans.length} plan${r.plans.length > 1 ? 's' : ''}`).join(' | ')} | growth ${first.plans.length}→${last.plans.length} |`,
  );
  console.log(`|---|${rows.map(() => '---|').join('')}---|`);
  for (const [label, cell, num] of lines)
    console.log(`| ${label} | ${rows.map(cell).join(' | ')} | ${growth(num)} |`);
  console.log('\nNotes:');
  console.log(`- Plans: ${rows.map((r) => r.plans.join(', ')).join(' / ')}.`);
  console.log(
    `- "One plan" is the largest plan of each corpus; the largest first query is ${rows.map((r) => `${r.planFirst.maxQuery} (one plan) and ${r.allFirst.maxQuery} (all)`).join('; ')}.`,
  );
  console.log(
    `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average at the end ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}.`,
  );
}

async function main(): Promise<void> {
  const available = discoverPlans();
  const order = [
    ...PREFERRED.filter((p) => available.includes(p)),
    ...available.filter((p) => !PREFERRED.includes(p)),
  ];
  const rows: Row[] = [];
  for (const n of SIZES.filter((n) => n <= order.length)) {
    console.log(`building and measuring ${n} plan(s)…`);
    rows.push(await measure(order.slice(0, n)));
  }
  print(rows);
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(rows, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
