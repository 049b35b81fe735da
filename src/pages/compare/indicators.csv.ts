/**
 * /compare/indicators.csv: the compare table, one line per metric and plan, UTF-8 with a BOM and
 * CRLF line ends (the one CSV writer, src/model/csv.ts) so that spreadsheets read the Chinese.
 */
import type { APIRoute } from 'astro';
import { compareCsv } from '../../site/compare.ts';
import { loadCompareMetrics } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(compareCsv(loadCompareMetrics()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
