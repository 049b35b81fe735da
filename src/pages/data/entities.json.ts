/** /data/entities.json: the entity index as the pipeline wrote it. */
import type { APIRoute } from 'astro';
import { loadEntities } from '../../lib/site/entities.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadEntities(), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
