/** /data/indicators.csv: 表1 and 表2, UTF-8 with BOM for Excel. */
import type { APIRoute } from 'astro';
import { indicatorsCsv } from '../../lib/site/csv.ts';
import { loadDocument } from '../../lib/site/plan.ts';

export const GET: APIRoute = () =>
  new Response(indicatorsCsv(loadDocument()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
