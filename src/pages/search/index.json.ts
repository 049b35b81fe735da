/**
 * /search/index.json: the search index exactly as the build wrote it
 * (scripts/search-index/build-index.ts via scripts/build.ts), fetched by the search
 * worker on first use.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { APIRoute } from 'astro';

const SEARCH_INDEX_PATH = '.generated/search/index.json';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(readFileSync(resolve(process.cwd(), SEARCH_INDEX_PATH))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
