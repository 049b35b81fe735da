/**
 * The search benchmark's report (bench-search.ts): the side-by-side table of
 * docs/benchmarks.md, the goals met or not, and the load average at the start
 * and the end of the run.
 */
import os from 'node:os';
import type { BrowserNumbers } from './bench-search-browser.ts';
import { fmtSizes, kb, ms, type Sizes } from './bench-stats.ts';
import type { Scores } from './relevance.ts';

export interface EngineReport {
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

function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

const LOAD_AT_START = loadAverage();

export function printReport(reports: EngineReport[], _info: { codeFiles: string[] }): void {
  const [plan, baseline, pf] = reports as [EngineReport, EngineReport, EngineReport];
  const col = (r: EngineReport, f: (r: EngineReport) => string) => f(r);
  const rows: [string, (r: EngineReport) => string][] = [
    ['Index build (Node, median)', (r) => ms(r.buildMs)],
    [
      'Index load (Node): open + first query; baseline parse + postings',
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
