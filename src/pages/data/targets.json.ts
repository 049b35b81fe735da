/** /data/targets.json: the targets as the build wrote them. */
import type { APIRoute } from 'astro';
import { artifactBytes, planArtifactOf } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(artifactBytes(planArtifactOf('targets'))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
