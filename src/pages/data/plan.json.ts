/** /data/plan.json: the plan tree exactly as the build wrote it. */
import type { APIRoute } from 'astro';
import { artifactBytes, planArtifactOf } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(artifactBytes(planArtifactOf('plan'))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
