/** /data/entities.json: the entity index as the pipeline wrote it. */
import type { APIRoute } from 'astro';
import { entitiesJson } from '../../site/downloads.ts';

export const GET: APIRoute = () =>
  new Response(entitiesJson(), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
