/**
 * /data/<file>: the legacy plan's downloads at the paths the site had before it held a corpus
 * (/data/plan.json…), the same bytes as /<legacy slug>/data/<file> (src/model/urls.ts LEGACY_PLAN).
 */
import type { APIRoute } from 'astro';
import { DATA_FILES, LEGACY_PLAN } from '../../model/urls.ts';
import { contentType, downloadBody } from '../../site/downloads.ts';
import { corpusEntries, loadSitePlan } from '../../site/site-plan.ts';

export function getStaticPaths() {
  if (!corpusEntries().some((p) => p.slug === LEGACY_PLAN)) return [];
  return DATA_FILES.map((file) => ({ params: { file } }));
}

export const GET: APIRoute = ({ params }) => {
  const file = params.file as (typeof DATA_FILES)[number];
  return new Response(downloadBody(loadSitePlan(LEGACY_PLAN), file), {
    headers: { 'Content-Type': contentType(file) },
  });
};
