/**
 * The search worker: opens the sharded index (src/search/engine.ts, the same
 * engine the CLI runs, here with a loader that fetches the index's files from
 * the site) and answers queries. Only the files a query needs are fetched:
 * the manifest, the shards of the query's characters, the plans' unit tables
 * and the text chunks of the units shown. Runs off the main thread so loading
 * never blocks reading.
 */
import { SearchEngine } from '../search/engine.ts';
import { SearchIndexError } from '../search/format.ts';
import type { FromWorker, ToWorker } from '../search/protocol.ts';

/** Where the index's files are: the deploy base (Vite fills it in), then the file's path. */
const SITE_BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

let engine: Promise<SearchEngine> | undefined;
/** The scope searched when a search does not name one. */
let scope: string | null = null;

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new SearchIndexError(`${url}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new SearchIndexError(`${url}: not JSON`);
  }
}

function load(message: Extract<ToWorker, { type: 'load' }>): Promise<SearchEngine> {
  engine ??= (async () => {
    const started = performance.now();
    if (message.url) {
      // A plan's search entry (`/<slug>/search-index.json`): which plan the page searches.
      const entry = (await fetchJson(message.url)) as { plan?: unknown };
      if (typeof entry?.plan !== 'string')
        throw new SearchIndexError(`${message.url}: not a plan's search entry`);
      scope = entry.plan;
    } else scope = message.plan ?? null;
    const base = new URL(message.base ?? SITE_BASE, self.location.href).href;
    const opened = await SearchEngine.open((path) => fetchJson(new URL(path, base).href));
    post({ type: 'ready', plan: scope, plans: opened.plans, loadMs: performance.now() - started });
    // The plan's unit table, which its first query needs, while the first characters are typed.
    opened.warm(scope).catch(() => undefined);
    return opened;
  })();
  return engine;
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'load') {
    load(message).catch((error: unknown) =>
      post({
        type: 'error',
        id: null,
        message: String(error instanceof Error ? error.message : error),
      }),
    );
    return;
  }
  if (!engine) {
    post({ type: 'error', id: message.id, message: 'search index not loaded' });
    return;
  }
  engine
    .then(async (e) => {
      const started = performance.now();
      if (message.type === 'by-plan') {
        const { plans } = await e.searchByPlan(message.query, message.options);
        post({ type: 'by-plan', id: message.id, plans, searchMs: performance.now() - started });
        return;
      }
      const options = {
        ...message.options,
        plan: message.options.plan === undefined ? scope : message.options.plan,
      };
      const response = await e.search(message.query, options);
      post({ type: 'results', id: message.id, response, searchMs: performance.now() - started });
    })
    .catch((error: unknown) =>
      post({
        type: 'error',
        id: message.id,
        message: String(error instanceof Error ? error.message : error),
      }),
    );
});
