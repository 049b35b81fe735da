import type { DocumentNode, PlanNode } from './types.ts';
import { walk } from './tree.ts';

/**
 * Every URL of the site is made here (docs/site.md, docs/ids.md). Two kinds of path:
 *
 * - **plan paths**, relative to a plan's home: `/7/1/`, `/7/1/#7.1.1`, `/indicators/#T2.21`,
 *   `/entities/<id>/`. The tree's scheme (pageOf, urlOf, urlMap) and the search index speak
 *   these, so what the build writes for a plan depends neither on its slug nor on where the site
 *   is deployed;
 * - **site URLs**, what pages link to: the deploy base, the plan's slug, then the plan path
 *   (`planUrl('licang-14', '/7/1/')` → `/licang-14/7/1/`). Every site URL goes through
 *   `withBase`, the one place the deploy base is applied.
 *
 * A page's path is its node's ID, lower-case, with dots as slashes: `7.1` → `/7/1/`,
 * `P2.3` → `/p2/3/`, `A1` → `/a1/`, `glossary` → `/glossary/`. Everything else lives on the page
 * of the nearest page-holding node above it, anchored by its ID, so a clause URL is page + `#` +
 * ID and stays stable across rebuilds. Indicator tables, their rows and notes have their
 * canonical place on `/indicators/` (they are also shown on their reading page).
 */

/* ------------------------------------------------------------------ base */

/**
 * The deploy base: Astro's `base` (Vite replaces `import.meta.env.BASE_URL` when it bundles the
 * site and its browser scripts), `/` when the model runs in plain Node (the build, the CLI).
 */
const BASE = ((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/').replace(
  /\/?$/,
  '/',
);

/** A root-relative site path (`/licang-14/7/1/`) with the deploy base in front. */
export function withBase(path: string): string {
  if (!path.startsWith('/')) throw new Error(`not a root-relative path: ${path}`);
  return BASE === '/' ? path : `${BASE.slice(0, -1)}${path}`;
}

/** The deploy base itself, `/` or `/plans/licang/` (always ending in `/`). */
export const deployBase = (): string => BASE;

/**
 * A site URL (with the base) without it: `/plans/licang/licang-14/7/1/` → `/licang-14/7/1/`;
 * undefined for a URL outside the base.
 */
export function withoutBase(url: string): string | undefined {
  if (BASE === '/') return url.startsWith('/') ? url : undefined;
  if (url === BASE.slice(0, -1)) return '/';
  return url.startsWith(BASE) ? url.slice(BASE.length - 1) : undefined;
}

/**
 * Where the site is deployed when the build is not told (`PLAN_KB_SITE`, astro.config.mjs): the
 * address `npm start` serves. Citations, canonical links and the sitemap carry the deploy
 * address, so a real deployment sets it.
 */
export const DEFAULT_SITE = 'http://localhost:4321';

/** Astro's `site` (Vite replaces `import.meta.env.SITE`), DEFAULT_SITE in plain Node. */
const SITE = (import.meta as { env?: { SITE?: string } }).env?.SITE || DEFAULT_SITE;

/** The absolute URL of a site URL (base included): `/licang-14/7/1/#7.1.1` → `https://…/licang-14/7/1/#7.1.1`. */
export function absoluteUrl(url: string): string {
  if (!url.startsWith('/')) throw new Error(`not a root-relative URL: ${url}`);
  return new URL(url, SITE).href;
}

/* ------------------------------------------------------------ plan paths */

/** The kinds of node that have a page of their own; everything else is on one of theirs. */
export const PAGE_KINDS: ReadonlySet<PlanNode['kind']> = new Set([
  'preface',
  'part',
  'chapter',
  'section',
  'glossary',
  'appendix',
]);

/** The page path of a page-holding node's ID: `7.1` → `/7/1/`, `P2.3` → `/p2/3/`. */
export function pagePath(id: string): string {
  return `/${id.toLowerCase().split('.').join('/')}/`;
}

/** Inside an indicator table (the table, its rows, its notes): canonical on /indicators/. */
function inIndicatorTable(node: PlanNode, parents: PlanNode[]): boolean {
  if (node.kind !== 'table' && node.kind !== 'indicator' && node.kind !== 'note') return false;
  return [node, ...parents].some((n) => n.kind === 'table' && n.indicators !== false);
}

/**
 * The plan path of the page a node is on: its own page for a page-holding node, the nearest
 * page-holding ancestor's page otherwise, `/indicators/` for indicator tables and their rows,
 * and the plan home (`/`) for the document and anything outside every page.
 */
export function pageOf(node: PlanNode, parents: PlanNode[]): string {
  if (node.kind === 'document') return '/';
  if (inIndicatorTable(node, parents)) return PLAN_PAGES.indicators;
  const chain = [...parents, node];
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i]!;
    if (PAGE_KINDS.has(n.kind)) return pagePath(n.id);
  }
  return '/';
}

/** The plan path of a node: its page, plus `#ID` for anything that is not the page itself. */
export function urlOf(node: PlanNode, parents: PlanNode[]): string {
  const page = pageOf(node, parents);
  const isPage =
    node.kind === 'document' || (PAGE_KINDS.has(node.kind) && page === pagePath(node.id));
  return isPage ? page : `${page}#${node.id}`;
}

const urlMaps = new WeakMap<DocumentNode, Map<string, string>>();

/** Every node's plan path by ID (computed once per document). */
export function urlMap(document: DocumentNode): Map<string, string> {
  let map = urlMaps.get(document);
  if (!map) {
    map = new Map<string, string>();
    for (const { node, parents } of walk(document)) map.set(node.id, urlOf(node, parents));
    urlMaps.set(document, map);
  }
  return map;
}

/** The pages of a plan beside its text, as plan paths. */
export const PLAN_PAGES = {
  home: '/',
  indicators: '/indicators/',
  targets: '/targets/',
  targetsByMetric: '/targets/by-metric/',
  entities: '/entities/',
  downloads: '/downloads/',
  cite: '/cite/',
} as const;

export type PlanPageName = keyof typeof PLAN_PAGES;

/** The page of an entity: `/entities/<id>/`. */
export const entityUrl = (id: string): string => `${PLAN_PAGES.entities}${id}/`;

/** A target's row on the targets page: `/targets/#<id>`. */
export const targetUrl = (id: string): string => `${PLAN_PAGES.targets}#${id}`;

/** The files a plan's downloads page offers, each at `/data/<name>` of the plan. */
export const DATA_FILES = [
  'plan.json',
  'indicators.csv',
  'plan.md',
  'targets.csv',
  'targets.json',
  'entities.json',
] as const;

export type DataFileName = (typeof DATA_FILES)[number];

/** A download: `/data/plan.json`. */
export const dataPath = (name: DataFileName): string => `/data/${name}`;

/** Where a plan's search index is served, as a plan path. */
export const SEARCH_INDEX_PATH = '/search-index.json';

/* ------------------------------------------------------------- site URLs */

/** The site URL of a plan path: `planUrl('licang-14', '/7/1/#7.1.1')` → `/licang-14/7/1/#7.1.1`. */
export function planUrl(slug: string, path: string = PLAN_PAGES.home): string {
  if (!path.startsWith('/')) throw new Error(`not a plan path: ${path}`);
  return withBase(`/${slug}${path}`);
}

/** The plan a site URL belongs to (its first segment after the base), if it is one of a plan. */
export function slugOfUrl(url: string): string | undefined {
  const path = withoutBase(url);
  const first = path?.split(/[/?#]/)[1];
  return first && isUsableSlug(first) ? first : undefined;
}

/* --------------------------------------------------------- citations */

/**
 * A plan's citation files, under `/cite/` of the plan (src/pages/[plan]/cite/[...file].ts): the
 * document's exports (`licang-14.bib`, `.ris`, `.json`) and, for each page, the exports of
 * everything anchored on it (`pages/7.1.json`), which the clause tools fetch.
 */
export const citeFilePath = (file: string): string => `${PLAN_PAGES.cite}${file}`;

/** The export file of a page (a plan path): `/7/1/` → `pages/7.1.json`, `/` → `pages/home.json`. */
export function citePageFile(page: string): string {
  const key = page
    .replace(/#.*$/, '')
    .replace(/^\/|\/$/g, '')
    .split('/')
    .join('.');
  return `pages/${key || 'home'}.json`;
}

/* --------------------------------------------------- comparing plans */

/** /compare/indicators/: the metrics the plans share (docs/compare.md). */
export const compareIndicatorsUrl = (): string => withBase('/compare/indicators/');

/** /compare/indicators/<id>/: one shared metric, with its chart. */
export const compareMetricUrl = (id: string): string => withBase(`/compare/indicators/${id}/`);

/** The compare table's downloads: /compare/indicators.csv, /compare/indicators.json. */
export const compareDataUrl = (name: 'indicators.csv' | 'indicators.json'): string =>
  withBase(`/compare/${name}`);

/** /compare/topics/: a topic across plans, optionally a query (?topic=养老). */
export function compareTopicsUrl(topic?: string): string {
  return withBase(`/compare/topics/${topic ? `?${new URLSearchParams({ topic })}` : ''}`);
}

/** /compare/topics/<slug>/: a topic of the topic map across plans, built statically. */
export const compareTopicUrl = (slug: string): string => withBase(`/compare/topics/${slug}/`);

/** The corpus home, listing every plan. */
export const corpusUrl = (): string => withBase('/');

/** The search page, optionally with a query and the plan to search. */
export function searchUrl(query?: string, slug?: string): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (slug) params.set('plan', slug);
  const text = params.toString();
  return withBase(`/search/${text ? `?${text}` : ''}`);
}

/**
 * The names at the site's root that are not plans: a plan's slug (its folder's name) must not
 * be one of them, nor look like a node's page (`7`, `p1`, `a1`), which the legacy redirects of
 * LEGACY_PLAN take at the root.
 */
export const RESERVED_ROOT_NAMES: ReadonlySet<string> = new Set([
  '_astro',
  'data',
  'search',
  'compare',
  'favicon.svg',
  'apple-touch-icon.png',
  'robots.txt',
  'sitemap-index.xml',
  'sitemap-0.xml',
  '404.html',
  'preface',
  'glossary',
  ...Object.values(PLAN_PAGES)
    .map((p) => p.split('/')[1]!)
    .filter(Boolean),
]);

/** Whether a slug can be a plan's first URL segment (see RESERVED_ROOT_NAMES). */
export function isUsableSlug(slug: string): boolean {
  return !RESERVED_ROOT_NAMES.has(slug) && !/^(?:[pa]?\d+)$/.test(slug);
}

/**
 * The plan the site served at its root before it held a corpus (`/7/1/`, `/indicators/`,
 * `/data/plan.json`). Its old URLs keep working: every page of it has a redirect page at its old
 * path and its data files are served there too (src/pages/[...legacy].astro, src/pages/data/).
 */
export const LEGACY_PLAN = 'licang-14';
