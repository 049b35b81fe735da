/**
 * Plan KB's search measured in Node, shared by the search benchmark (bench-search.ts) and the
 * corpus benchmark (bench-corpus.ts): the bytes a first query reads (brotli, as a static host
 * sends them) and query latency, through the engine the site's worker runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * The JS files a page loads for search: its module scripts and their static imports that
 * mention the search, and the worker with the engine.
 */
export function searchCode(dist: string, htmlPath: string): string[] {
  const html = readFileSync(htmlPath, 'utf8');
  const queue = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const seen = new Set<string>();
  while (queue.length > 0) {
    const src = queue.shift()!;
    const file = join(dist, src.replace(/^\//, ''));
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const js = readFileSync(file, 'utf8');
    for (const m of js.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g))
      queue.push(`/_astro/${m[1]!.slice(2)}`);
    for (const m of js.matchAll(/["'/]((?:_astro\/)?search-worker[^"']*\.js)["']/g))
      queue.push(`/_astro/${m[1]!.replace(/^_astro\//, '')}`);
  }
  // Only what the search needs: the scripts that mention the worker, the index or the highlighter.
  const files = [...seen].filter(
    (f) =>
      /search|SearchBox/.test(f) || /plan-kb:search|search-worker/.test(readFileSync(f, 'utf8')),
  );
  const worker = readdirSync(join(dist, '_astro')).find((f) => f.startsWith('search-worker'));
  if (worker && !files.some((f) => f.endsWith(worker))) files.push(join(dist, '_astro', worker));
  return files;
}
