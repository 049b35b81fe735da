/**
 * The search worker: fetches /search/index.json once, builds the engine
 * (src/search/engine.ts, the same code the CLI runs) and answers
 * queries. Runs off the main thread so loading never blocks reading.
 */
import { SearchEngine } from '../search/engine.ts';
import type { SearchIndexFile } from '../search/format.ts';
import type { FromWorker, ToWorker } from '../search/protocol.ts';

let engine: Promise<SearchEngine> | undefined;

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);

function load(url: string): Promise<SearchEngine> {
  engine ??= (async () => {
    const started = performance.now();
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const built = new SearchEngine((await response.json()) as SearchIndexFile);
    post({ type: 'ready', units: built.units.length, loadMs: performance.now() - started });
    return built;
  })();
  return engine;
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'load') {
    load(message.url).catch((error: unknown) =>
      post({ type: 'error', id: null, message: String(error) }),
    );
    return;
  }
  if (!engine) {
    post({ type: 'error', id: message.id, message: 'search index not loaded' });
    return;
  }
  engine
    .then((e) => {
      const started = performance.now();
      const response = e.search(message.query, message.options);
      post({ type: 'results', id: message.id, response, searchMs: performance.now() - started });
    })
    .catch((error: unknown) => post({ type: 'error', id: message.id, message: String(error) }));
});
