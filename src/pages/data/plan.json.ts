/** /data/plan.json: the plan tree exactly as the pipeline wrote it. */
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { planPath } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(readFileSync(planPath()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
