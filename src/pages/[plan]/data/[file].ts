/**
 * /<slug>/data/<file>: a plan's downloads (src/model/urls.ts DATA_FILES). What the build wrote is
 * served byte for byte; indicators.csv and plan.md are made from the tree (src/site/downloads.ts).
 */
import type { APIRoute } from 'astro';
import { DATA_FILES } from '../../../model/urls.ts';
import { contentType, downloadBody } from '../../../site/downloads.ts';
import { corpusEntries, loadSitePlan } from '../../../site/site-plan.ts';

export function getStaticPaths() {
  return corpusEntries().flatMap(({ slug }) =>
    DATA_FILES.map((file) => ({ params: { plan: slug, file } })),
  );
}

export const GET: APIRoute = ({ params }) => {
  const file = params.file as (typeof DATA_FILES)[number];
  return new Response(downloadBody(loadSitePlan(params.plan!), file), {
    headers: { 'Content-Type': contentType(file) },
  });
};
