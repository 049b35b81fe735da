/**
 * The page's handle on the search worker: created on first use (focus or
 * typing in a search box), never at page load, so the index is only
 * downloaded by people who search.
 *
 * A search has a scope: one plan (a slug), or every plan (null, 全部规划). The
 * header form says which plan a page searches by default (`data-plan`,
 * src/components/SearchBox.astro; on pages outside every plan, every plan);
 * the box and the /search/ page switch scope with `useScope`, one click away.
 * The worker fetches only the index files a query needs (src/search/format.ts),
 * whatever the scope. The index's URLs are plan paths (`/7/1/#7.1.1`), made
 * site URLs of the hit's own plan here.
 */
import type { Hit, SearchOptions, SearchResponse } from '../search/engine.ts';
import { ALL_PLANS } from '../search/format.ts';
import type { FromWorker, ToWorker } from '../search/protocol.ts';
import { planUrl, searchUrl } from '../model/urls.ts';

let scope: string | null | undefined;

/** Search this plan (a slug) or every plan (null) from now on. */
export function useScope(chosen: string | null): void {
  scope = chosen;
}

/** The scope searched: set by useScope, else the header form's default. */
export function currentScope(): string | null {
  if (scope !== undefined) return scope;
  const form = document.querySelector<HTMLFormElement>('form.search[data-plan]');
  const { plan, scope: wanted } = form?.dataset ?? {};
  if (!plan) throw new Error('no search scope on this page');
  scope = wanted === ALL_PLANS ? null : plan;
  return scope;
}

/** The /search/ page for a query, in the scope searched. */
export const allResultsHref = (q: string): string => searchUrl(q, currentScope() ?? ALL_PLANS);

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
  const load: ToWorker = { type: 'load', plan: currentScope() };
  worker.postMessage(load);
  return worker;
}

/** Start downloading the index (idempotent). */
export function preload(): void {
  start();
}

/** Run a query in the worker, in the scope searched unless `options.plan` names one. */
export function search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
  const w = start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const message: ToWorker = {
      type: 'search',
      id,
      query,
      options: { ...options, plan: options.plan === undefined ? currentScope() : options.plan },
    };
    w.postMessage(message);
  });
}

/**
 * A result's link: the clause's page in the hit's plan and its anchor, with the matched words
 * for search-highlight.ts. `hit.url` is a plan path from the index.
 */
export function resultHref(hit: Pick<Hit, 'url' | 'matched' | 'plan'>): string {
  const [path, hash] = hit.url.split('#') as [string, string | undefined];
  const params = new URLSearchParams();
  for (const term of hit.matched.slice(0, 8)) params.append('hl', term);
  const query = params.toString();
  return `${planUrl(hit.plan.slug, path)}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
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
