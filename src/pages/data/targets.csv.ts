/** /data/targets.csv: the targets as CSV, UTF-8 with BOM for Excel. */
import type { APIRoute } from 'astro';
import { targetsCsv } from '../../../scripts/pipeline/targets.ts';
import { loadTargets } from '../../lib/site/entities.ts';

export const GET: APIRoute = () =>
  new Response(targetsCsv(loadTargets().targets), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
