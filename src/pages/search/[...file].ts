/**
 * /search/…: the sharded search index exactly as the build wrote it (.generated/search/,
 * src/search/format.ts): the manifest, the term shards of each scope, each plan's unit table
 * and text chunks, the pinyin shards. The search worker fetches only the files a query needs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchPath } from '../../model/artifacts.ts';
import { type SearchManifest, searchFiles } from '../../search/format.ts';
import { artifactBytes, artifactText } from '../../site/load-artifacts.ts';

export const getStaticPaths = (() => {
  const manifest = JSON.parse(artifactText(searchPath({ kind: 'manifest' }))) as SearchManifest;
  return searchFiles(manifest).map((path) => ({
    params: { file: path.replace(/^search\//, '') },
    props: { path },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(new Uint8Array(artifactBytes((props as { path: string }).path)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
