/**
 * /<slug>/cite/<file>: a plan's citation files (src/site/citations.ts), made when the site is
 * built. The document's reference to download (`<slug>.bib`, `<slug>.ris`, `<slug>.json`, the
 * links on /cite/), and for each page the BibTeX, RIS and CSL-JSON of everything anchored on it
 * (`pages/7.1.json`), which the clause tools fetch when a reader exports a clause. All carry the
 * build date as the access date; the tools put in the reader's.
 */
import type { APIRoute } from 'astro';
import { documentFiles, pageExportFiles, pageExports } from '../../../site/citations.ts';
import { corpusEntries, loadSitePlan } from '../../../site/site-plan.ts';

const TYPES: Record<string, string> = {
  bib: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function getStaticPaths() {
  return corpusEntries().flatMap(({ slug }) => {
    const plan = loadSitePlan(slug);
    return [
      ...documentFiles(plan).map((f) => ({
        params: { plan: slug, file: f.name },
        props: { text: f.text },
      })),
      ...[...pageExportFiles(plan)].map(([file, ids]) => ({
        params: { plan: slug, file },
        props: { ids },
      })),
    ];
  });
}

interface Props {
  text?: string;
  ids?: string[];
}

export const GET: APIRoute<Props> = ({ params, props }) => {
  const body = props.ids
    ? `${JSON.stringify(pageExports(loadSitePlan(params.plan!), props.ids))}\n`
    : props.text!;
  const type = TYPES[params.file!.split('.').pop()!]!;
  return new Response(body, { headers: { 'Content-Type': type } });
};
