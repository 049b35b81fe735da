/** /compare/indicators.json: the compare table with every figure of every plan and its links. */
import type { APIRoute } from 'astro';
import { compareJson } from '../../site/compare.ts';
import { loadCompareMetrics } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(compareJson(loadCompareMetrics()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
