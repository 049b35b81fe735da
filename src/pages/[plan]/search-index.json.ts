/**
 * /<slug>/search-index.json: a plan's search index exactly as the build wrote it
 * (scripts/search-index/build-index.ts via scripts/build.ts), fetched by the search worker on
 * first use when a reader searches that plan. Its URLs are plan paths (src/model/urls.ts).
 */
import type { APIRoute } from 'astro';
import { artifactBytes, planArtifactOf } from '../../site/load-artifacts.ts';
import { planPaths } from '../../site/site-plan.ts';

export const getStaticPaths = planPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(artifactBytes(planArtifactOf('searchIndex', params.plan!))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
