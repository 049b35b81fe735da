/**
 * The golden list of the URLs the site served before it held a corpus: every page and file of
 * a dist/ built then (the Licang plan at the root: /7/1/, /indicators/, /data/plan.json…), with
 * every id on each page, and where each leads now. Written once from that build into
 * test/corpus/golden/legacy-urls.txt; test/corpus/legacy-urls.test.ts walks every line
 * against the current dist/.
 *
 * Usage: tsx scripts/tools/legacy-golden.ts <old dist> [out]
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LEGACY_PLAN, SEARCH_INDEX_PATH, planUrl } from '../../src/model/urls.ts';
import { idsOf, pageUrl } from './check-links.ts';

export const GOLDEN = 'test/corpus/golden/legacy-urls.txt';

const HEADER = `# Every URL the site served before it held a corpus (the ${LEGACY_PLAN} plan at the root), with
# every id on each page, and where it leads now. Made from that site's dist/ by
# scripts/tools/legacy-golden.ts; test/corpus/legacy-urls.test.ts walks every line.
#
#   page <old> <new>   a redirect page at <old> sends the reader to <new>, keeping the #fragment;
#                      each id indented below it is on <new>
#   home <old> <new>   <old> is now the corpus home, which links to <new>; the ids are on <new>
#   same <url>         still served at <url>; the ids are there
#   file <old> <new>   a file still served at <old>, the same bytes as <new>
`;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Where an old URL leads now. */
export function mapping(url: string): { kind: 'page' | 'home' | 'same' | 'file'; to: string } {
  if (url === '/') return { kind: 'home', to: planUrl(LEGACY_PLAN) };
  if (url === '/search/' || url === '/404.html' || url === '/favicon.svg')
    return { kind: url.endsWith('/') || url.endsWith('.html') ? 'same' : 'file', to: url };
  if (url === '/search/index.json')
    return { kind: 'file', to: planUrl(LEGACY_PLAN, SEARCH_INDEX_PATH) };
  if (url.startsWith('/data/')) return { kind: 'file', to: planUrl(LEGACY_PLAN, url) };
  return { kind: 'page', to: planUrl(LEGACY_PLAN, url) };
}

export function goldenText(oldDist: string): string {
  const dist = resolve(oldDist);
  const lines: string[] = [];
  const all = files(dist)
    .filter((f) => !relative(dist, f).startsWith(`_astro${sep}`))
    .map((f) => ({ file: f, url: pageUrl(dist, f) }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  for (const { file, url } of all) {
    const { kind, to } = mapping(url);
    if (kind === 'file') {
      lines.push(`file ${url} ${to}`);
      continue;
    }
    lines.push(kind === 'same' ? `same ${url}` : `${kind} ${url} ${to}`);
    for (const id of idsOf(readFileSync(file, 'utf8')).keys()) lines.push(`  #${id}`);
  }
  return `${HEADER}${lines.join('\n')}\n`;
}

function main(): void {
  const [oldDist, out = GOLDEN] = process.argv.slice(2);
  if (!oldDist) {
    console.error('usage: tsx scripts/tools/legacy-golden.ts <old dist> [out]');
    process.exit(2);
  }
  writeFileSync(out, goldenText(oldDist));
  console.log(`wrote ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
