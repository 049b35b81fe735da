/**
 * Timing and size helpers for the benchmarks: percentiles, a median timer,
 * and raw / gzip / brotli sizes as a static host would send them.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function timeIt<T>(fn: () => T, runs: number): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export function sizes(content: Buffer | string): Sizes {
  const b = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: b.length,
    gzip: gzipSync(b, { level: 9 }).length,
    brotli: brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function addSizes(...all: Sizes[]): Sizes {
  return all.reduce(
    (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

export const kb = (n: number) => (Number.isFinite(n) ? `${(n / 1024).toFixed(1)} KB` : '—');
export const ms = (n: number) =>
  Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms` : 'n/a';
export const fmtSizes = (s: Sizes) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;
