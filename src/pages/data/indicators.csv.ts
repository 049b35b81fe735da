/** /data/indicators.csv: 表1 and 表2, UTF-8 with BOM for Excel. */
import type { APIRoute } from 'astro';
import { indicatorsCsv } from '../../site/indicators-csv.ts';
import { loadDocument } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(indicatorsCsv(loadDocument()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
