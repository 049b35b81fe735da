/** /data/targets.json: the targets as the pipeline wrote them. */
import type { APIRoute } from 'astro';
import { targetsJson } from '../../site/downloads.ts';

export const GET: APIRoute = () =>
  new Response(targetsJson(), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
