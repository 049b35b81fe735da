/** /data/targets.json: the targets as the pipeline wrote them. */
import type { APIRoute } from 'astro';
import { loadTargets } from '../../lib/site/entities.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadTargets(), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
