/**
 * The page's handle on the search worker: created on first use (focus or
 * typing in a search box), never at page load, so the index is only
 * downloaded by people who search.
 *
 * Search is scoped to one plan: the header form says which (`data-plan`, its
 * index in `data-index`, its home in `data-root`, src/components/SearchBox.astro);
 * the /search/ page may choose another with `useScope` before the first search.
 * The index's URLs are plan paths (`/7/1/#7.1.1`), made site URLs here.
 */
import type { Hit, SearchOptions, SearchResponse } from '../search/engine.ts';
import type { FromWorker, ToWorker } from '../search/protocol.ts';
import { searchUrl } from '../model/urls.ts';

/** The plan a page searches: its slug, its index's URL and its home (with the deploy base). */
export interface Scope {
  slug: string;
  index: string;
  root: string;
}

let scope: Scope | undefined;

/** Search another plan than the header form's (the /search/ page's ?plan=); before any search. */
export function useScope(chosen: Scope): void {
  if (worker) throw new Error('the search scope is set before the index loads');
  scope = chosen;
}

/** The plan searched: set by useScope, else the header form's. */
export function currentScope(): Scope {
  if (scope) return scope;
  const form = document.querySelector<HTMLFormElement>('form.search[data-index]');
  const { plan, index, root } = form?.dataset ?? {};
  if (!plan || !index || !root) throw new Error('no search scope on this page');
  scope = { slug: plan, index, root };
  return scope;
}

/** The /search/ page for a query, in the plan searched. */
export const allResultsHref = (q: string): string => searchUrl(q, currentScope().slug);

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (r: SearchResponse) => void; reject: (e: Error) => void }
>();
const pendingByPlan = new Map<
  number,
  { resolve: (r: Record<string, Hit[]>) => void; reject: (e: Error) => void }
>();

function start(): Worker {
  if (worker) return worker;
  const started = performance.now();
  worker = new Worker(new URL('./search-worker.ts', import.meta.url), {
    type: 'module',
    name: 'plan-kb-search',
  });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'ready') {
      // From first use to a searchable index (download, parse, build): read by the benchmark.
      performance.measure('plan-kb:index-ready', { start: started, end: performance.now() });
      return;
    }
    if (message.type === 'by-plan') {
      pendingByPlan.get(message.id)?.resolve(message.plans);
      pendingByPlan.delete(message.id);
      return;
    }
    if (message.type === 'error' && message.id !== null && pendingByPlan.has(message.id)) {
      pendingByPlan.get(message.id)!.reject(new Error(message.message));
      pendingByPlan.delete(message.id);
      return;
    }
    const waiting = message.id === null ? undefined : pending.get(message.id);
    if (message.type === 'results' && waiting) {
      // Time the engine took inside the worker: read by the benchmark.
      performance.measure('plan-kb:worker-search', {
        start: performance.now() - message.searchMs,
        duration: message.searchMs,
      });
      pending.delete(message.id);
      waiting.resolve(message.response);
    } else if (message.type === 'error') {
      if (waiting && message.id !== null) {
        pending.delete(message.id);
        waiting.reject(new Error(message.message));
      } else {
        for (const [, p] of pending) p.reject(new Error(message.message));
        pending.clear();
      }
    }
  });
  const load: ToWorker = {
    type: 'load',
    url: new URL(currentScope().index, location.href).href,
  };
  worker.postMessage(load);
  return worker;
}

/** Start downloading the index (idempotent). */
export function preload(): void {
  start();
}

/** Run a query in the worker. */
export function search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
  const w = start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const message: ToWorker = { type: 'search', id, query, options };
    w.postMessage(message);
  });
}

/**
 * A result's link: the clause's page in the plan searched and its anchor, with the matched
 * words for search-highlight.ts. `url` is a plan path from the index.
 */
export function resultHref(url: string, matched: readonly string[]): string {
  const [path, hash] = url.split('#') as [string, string | undefined];
  const params = new URLSearchParams();
  for (const term of matched.slice(0, 8)) params.append('hl', term);
  const query = params.toString();
  const root = currentScope().root;
  return `${root}${path.replace(/^\//, '')}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
}

/** The best hits of each plan for a query (/compare/topics/?topic=…): every plan, [] where none. */
export function searchByPlan(
  query: string,
  options: Omit<SearchOptions, 'plan' | 'offset'> = {},
): Promise<Record<string, Hit[]>> {
  const w = start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pendingByPlan.set(id, { resolve, reject });
    const message: ToWorker = { type: 'by-plan', id, query, options };
    w.postMessage(message);
  });
}
