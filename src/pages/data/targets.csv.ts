/** /data/targets.csv: the targets as CSV (UTF-8 with BOM for Excel), as the build wrote it. */
import type { APIRoute } from 'astro';
import { artifactBytes, planArtifactOf } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(artifactBytes(planArtifactOf('targetsCsv'))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
