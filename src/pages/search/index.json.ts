/**
 * /search/index.json: the search index exactly as the build wrote it
 * (scripts/search-index/build-index.ts via scripts/build.ts), fetched by the
 * search worker on first use.
 */
import type { APIRoute } from 'astro';
import { artifactBytes, planArtifactOf } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(artifactBytes(planArtifactOf('searchIndex'))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
