/**
 * Plan KB's search measured in Node, shared by the search benchmark (bench-search.ts) and the
 * corpus benchmark (bench-corpus.ts): the bytes a first query reads (brotli, as a static host
 * sends them) and query latency, through the engine the site's worker runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SearchEngine } from '../../src/search/engine.ts';
import { percentile, sizes } from './bench-stats.ts';
import { fileLoader } from './search-cli.ts';

const brotliCache = new Map<string, number>();
/** Brotli size of a file (cached: the index does not change during a run). */
export function brotliOf(file: string): number {
  let n = brotliCache.get(file);
  if (n === undefined) brotliCache.set(file, (n = sizes(readFileSync(file)).brotli));
  return n;
}

/** The data (brotli bytes, files) a cold engine reads to answer one query, and the time it took. */
export async function firstQuery(
  dir: string,
  query: string,
  plan: string | null,
): Promise<{ bytes: number; files: number; ms: number }> {
  const read: string[] = [];
  const load = fileLoader(dir);
  const started = performance.now();
  const engine = await SearchEngine.open((path) => {
    read.push(path);
    return load(path);
  });
  await engine.search(query, { plan, limit: 8 });
  const ms = performance.now() - started;
  return { bytes: read.reduce((n, p) => n + brotliOf(join(dir, p)), 0), files: read.length, ms };
}

/** First-query data over a set of queries: median and maximum. */
export async function firstQueries(
  dir: string,
  queries: string[],
  plan: string | null,
): Promise<{ median: number; max: number; maxQuery: string; ms: number }> {
  const all: { q: string; bytes: number; ms: number }[] = [];
  for (const q of queries) all.push({ q, ...(await firstQuery(dir, q, plan)) });
  const worst = all.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    median: percentile(
      all.map((a) => a.bytes),
      50,
    ),
    max: worst.bytes,
    maxQuery: worst.q,
    ms: percentile(
      all.map((a) => a.ms),
      50,
    ),
  };
}

/** Warm query latency (p50, p95) of one engine over the queries, `rounds` times each. */
export async function nodeLatency(
  engine: SearchEngine,
  queries: string[],
  plan: string | null,
  rounds: number,
): Promise<{ p50: number; p95: number }> {
  for (const q of queries) await engine.search(q, { plan, limit: 10 }); // load the shards, warm the JIT
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of queries) {
      const t = performance.now();
      await engine.search(q, { plan, limit: 10 });
      times.push(performance.now() - t);
    }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
