/**
 * What a first visit transfers, per page type: the HTML plus every
 * stylesheet, script and module it references, each gzip-compressed (as any
 * static host serves them), against the 100 KB budget. Search indexes are
 * not counted: they load only when someone searches.
 *
 * Usage: npm run build && npm run bench:size [-- dist]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { htmlFiles, pageUrl } from './check-links.ts';

export const BUDGET = 100 * 1024;

export interface PageCost {
  path: string;
  html: number;
  css: number;
  js: number;
  /** Assets referenced: path → gzip bytes. */
  assets: Map<string, number>;
  total: number;
}

const gz = (bytes: Buffer) => gzipSync(bytes).length;

/** Stylesheets, scripts and module preloads a page references (same-site paths only). */
export function assetsOf(html: string): { css: string[]; js: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const href = /\shref="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    if (/rel="stylesheet"/.test(tag)) css.push(href);
    else if (/rel="modulepreload"/.test(tag)) js.push(href);
  }
  for (const m of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/gi)) js.push(m[1]!);
  // Counted once each, and only files of this site.
  const local = (list: string[]) =>
    [...new Set(list)].filter((u) => u.startsWith('/') && !u.startsWith('//'));
  return { css: local(css), js: local(js) };
}

export function pageCost(dist: string, file: string): PageCost {
  const html = readFileSync(file);
  const { css, js } = assetsOf(html.toString('utf8'));
  const assets = new Map<string, number>();
  const sum = (list: string[]) =>
    list.reduce((total, url) => {
      const path = join(dist, decodeURIComponent(url.split(/[?#]/)[0]!));
      const bytes = existsSync(path) ? gz(readFileSync(path)) : 0;
      assets.set(url, bytes);
      return total + bytes;
    }, 0);
  const cost = {
    path: pageUrl(dist, file),
    html: gz(html),
    css: sum(css),
    js: sum(js),
    assets,
    total: 0,
  };
  cost.total = cost.html + cost.css + cost.js;
  return cost;
}

/**
 * The page types of the site and which pages belong to each (src/model/urls.ts): the corpus
 * home `/`, a plan's home `/<slug>/`, its part 篇 pages `/<slug>/p2/`, chapter pages
 * `/<slug>/7/` (`/<slug>/p2/3/` when chapters restart in each 篇), section pages and the
 * preface, glossary and appendices, and its indicators. The legacy redirect pages at the root
 * are not counted.
 */
export function pageType(path: string): string | undefined {
  if (path === '/') return 'corpus';
  const m = /^\/([a-z][a-z0-9-]*)(\/.*)$/.exec(path);
  if (!m || /^(search|data|_astro)$/.test(m[1]!) || !/-/.test(m[1]!)) return undefined;
  const rest = m[2]!;
  if (rest === '/') return 'home';
  if (/^\/p\d+\/$/.test(rest)) return 'part';
  if (/^\/(p\d+\/)?\d+\/$/.test(rest)) return 'chapter';
  if (/^\/(p\d+\/)?\d+\/\d+\/$/.test(rest) || /^\/(preface|glossary|a\d+)\/$/.test(rest))
    return 'section';
  if (rest === '/indicators/') return 'indicators';
  return undefined;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function main(): void {
  const dist = resolve(process.argv[2] ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`${dist}/index.html is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  const byType = new Map<string, PageCost[]>();
  for (const file of htmlFiles(dist)) {
    const type = pageType(pageUrl(dist, file));
    if (!type) continue;
    const costs = byType.get(type) ?? [];
    costs.push(pageCost(dist, file));
    byType.set(type, costs);
  }
  const rows: string[][] = [
    ['page type', 'pages', 'largest page', 'HTML', 'CSS', 'JS', 'total (gzip)', 'budget', ''],
  ];
  let over = 0;
  for (const type of ['corpus', 'home', 'part', 'chapter', 'section', 'indicators']) {
    const costs = byType.get(type) ?? [];
    const worst = costs.reduce<PageCost | undefined>(
      (a, b) => (!a || b.total > a.total ? b : a),
      undefined,
    );
    if (!worst) continue;
    const ok = worst.total <= BUDGET;
    if (!ok) over++;
    rows.push([
      type,
      String(costs.length),
      worst.path,
      kb(worst.html),
      kb(worst.css),
      kb(worst.js),
      kb(worst.total),
      kb(BUDGET),
      ok ? `ok (${Math.round((100 * worst.total) / BUDGET)}%)` : 'OVER',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  const inline = [...home.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1]!)
    .join('');
  console.log(
    '\nFirst visit = HTML + the CSS and JS it references, gzip (level 6, as static hosts serve it);',
    'the largest page of each type. Search index excluded.',
    `\nInline scripts count in the HTML column (${kb(Buffer.byteLength(inline))} raw, ${kb(gz(Buffer.from(inline)))} gzip on /).`,
  );
  if (over) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
