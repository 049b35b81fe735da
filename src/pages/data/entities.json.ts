/** /data/entities.json: the entity index as the build wrote it. */
import type { APIRoute } from 'astro';
import { artifactBytes, planArtifactOf } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(artifactBytes(planArtifactOf('entities'))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
