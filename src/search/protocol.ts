/**
 * Messages between the page and the search worker (src/client/search-worker.ts).
 * The worker fetches the index's files (only those a query needs) and answers
 * queries, so neither the fetching nor the parsing ever runs on the main thread.
 *
 * `load` names the scope searched by default: a plan's slug, or null for every
 * plan (全部规划); a search may name another (`options.plan`). `url`, from pages
 * that point at a plan's search entry (`/<slug>/search-index.json`), is read
 * for its plan. `base` is where the index's files are served (the deploy base
 * + `search/`), absent: the worker's own base.
 */
import type { Hit, SearchOptions, SearchResponse } from './engine.ts';

export type ToWorker =
  | { type: 'load'; plan?: string | null; url?: string; base?: string }
  | { type: 'search'; id: number; query: string; options: SearchOptions }
  | {
      type: 'by-plan';
      id: number;
      query: string;
      options: Omit<SearchOptions, 'plan' | 'offset'>;
    };

export type FromWorker =
  | {
      type: 'ready';
      /** The scope searched by default (null: every plan) and the plans of the corpus. */
      plan: string | null;
      plans: { slug: string; name: string }[];
      loadMs: number;
    }
  | { type: 'results'; id: number; response: SearchResponse; searchMs: number }
  | {
      type: 'by-plan';
      id: number;
      plans: Record<string, Hit[]>;
      searchMs: number;
    }
  | { type: 'error'; id: number | null; message: string };
