/**
 * /search/index.json: the legacy plan's search index at the path the site served it from before
 * it held a corpus; the same bytes as /<legacy slug>/search-index.json.
 */
import type { APIRoute } from 'astro';
import { LEGACY_PLAN } from '../../model/urls.ts';
import { artifactBytes, planArtifactOf } from '../../site/load-artifacts.ts';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(artifactBytes(planArtifactOf('searchIndex', LEGACY_PLAN))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
