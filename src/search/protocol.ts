/**
 * Messages between the page and the search worker (src/client/search-worker.ts).
 * The worker fetches and parses the index and answers queries, so neither
 * the 250 KB parse nor the index build ever runs on the main thread.
 */
import type { SearchOptions, SearchResponse } from './engine.ts';

export type ToWorker =
  | { type: 'load'; url: string }
  | { type: 'search'; id: number; query: string; options: SearchOptions };

export type FromWorker =
  | { type: 'ready'; units: number; loadMs: number }
  | { type: 'results'; id: number; response: SearchResponse; searchMs: number }
  | { type: 'error'; id: number | null; message: string };
