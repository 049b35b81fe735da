/** /data/targets.csv: the targets as CSV, UTF-8 with BOM for Excel. */
import type { APIRoute } from 'astro';
import { targetsCsvBody } from '../../site/downloads.ts';

export const GET: APIRoute = () =>
  new Response(targetsCsvBody(), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
