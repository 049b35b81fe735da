/**
 * The browser half of the search benchmark (bench-search.ts): Plan KB's real
 * header search box and Pagefind's JS API, in Debian's Chromium with CDP CPU
 * throttling, against the benchmark's static server.
 */
import type { Browser, Page } from 'playwright-core';
import { compact } from '../../src/search/fold.ts';
import { percentile } from './bench-stats.ts';
import type { RelevanceCase } from './relevance.ts';
import type { StaticServer } from './static-server.ts';

export interface BrowserNumbers {
  loadMs: number;
  /** Longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms) from first focus to a searchable index; 0 when none. */
  longestLoadTaskMs?: number;
  p50: number;
  p95: number;
  workerP50?: number;
  renderP95?: number;
  workerP95?: number;
  keystrokeP50?: number;
  keystrokeP95?: number;
  mainThreadP50?: number;
  mainThreadP95?: number;
  successAt5?: number;
}

async function newPage(browser: Browser, throttle: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return page;
}

/** Plan KB in the real header search box: type each query, time keystroke → rendered results. */
export async function planKbBrowser(
  browser: Browser,
  server: StaticServer,
  cases: RelevanceCase[],
  throttle: number,
  /** The URL path of the engine bundle (esbuild IIFE, global PlanKbSearch), on the site's origin. */
  engineBundle: string,
  urlToId: Map<string, string>,
  /** Times each relevance query is typed. */
  rounds: number,
  /** The plan searched: its pages' header box searches it. */
  slug: string,
  /** Also time the engine on the main thread (needs `engineBundle`). */
  mainThreadToo = true,
  /** The page typed on: a reading page of the plan searches it; the home page, every plan. */
  path = `/${slug}/7/1/`,
): Promise<BrowserNumbers & { firstBytes: number; laterBytes: number; ids: string[][] }> {
  const page = await newPage(browser, throttle);
  await page.goto(`${server.origin}${path}`);
  server.reset();
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.focus('#site-search-q');
  await page.waitForFunction(
    () => performance.getEntriesByName('plan-kb:index-ready').length > 0,
    null,
    { timeout: 60_000 },
  );
  const loadMs = await page.evaluate(
    () => performance.getEntriesByName('plan-kb:index-ready')[0]!.duration,
  );
  const longestLoadTaskMs = Math.max(
    0,
    ...(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)),
  );
  await page.keyboard.type('养老', { delay: 30 });
  await page.waitForSelector('.sbox-list [role=option]');
  const firstBytes = server.total();
  server.reset();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('河长制', { delay: 30 });
  await page.waitForFunction(() =>
    document.querySelector('.sbox-list')?.textContent?.includes('河长制'),
  );
  const laterBytes = server.total();

  const keystrokes: number[] = [];
  const workerTimes: number[] = [];
  const renderTimes: number[] = [];
  const ids: string[][] = [];
  const delay = throttle > 1 ? 140 : 70;
  // Every query typed `rounds` times: more keystrokes, so one scheduling hiccup moves p95 less.
  const typed = Array.from({ length: rounds }, () => cases).flat();
  for (const c of typed) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(delay);
    await page.evaluate(() => {
      performance.clearMeasures('plan-kb:search');
      performance.clearMeasures('plan-kb:worker-search');
      performance.clearMeasures('plan-kb:search-render');
    });
    await page.keyboard.type(c.query, { delay });
    const expected = compact(c.query).length > 0;
    if (expected) {
      await page
        .waitForFunction((n) => performance.getEntriesByName('plan-kb:search').length >= n, 1, {
          timeout: 10_000,
        })
        .catch(() => undefined);
      await page.waitForTimeout(delay);
    }
    keystrokes.push(
      ...(await page.evaluate(() =>
        performance.getEntriesByName('plan-kb:search').map((e) => e.duration),
      )),
    );
    workerTimes.push(
      ...(await page.evaluate(() =>
        performance.getEntriesByName('plan-kb:worker-search').map((e) => e.duration),
      )),
    );
    renderTimes.push(
      ...(await page.evaluate(() =>
        performance.getEntriesByName('plan-kb:search-render').map((e) => e.duration),
      )),
    );
    const hrefs = await page.$$eval('.sbox-list a.sr-hit', (links) =>
      links.map((a) => (a as HTMLAnchorElement).href),
    );
    if (ids.length < cases.length) {
      ids.push(
        hrefs.map((href) => urlToId.get(new URL(href).pathname + new URL(href).hash) ?? href),
      );
    }
  }

  // The same engine on the main thread, as a bound for a device where the worker gets no separate core.
  if (mainThreadToo) await page.addScriptTag({ url: `${server.origin}${engineBundle}` });
  const mainThread = !mainThreadToo
    ? { build: NaN, times: [] as number[] }
    : await page.evaluate(
        async ({ origin, plan, queries }) => {
          interface Engine {
            search(q: string, o: object): Promise<unknown>;
          }
          const g = globalThis as unknown as {
            PlanKbSearch: {
              SearchEngine: { open(loader: (path: string) => Promise<unknown>): Promise<Engine> };
            };
          };
          const t0 = performance.now();
          const engine = await g.PlanKbSearch.SearchEngine.open(async (path) =>
            (await fetch(`${origin}/${path}`)).json(),
          );
          const build = performance.now() - t0;
          // Each query once to fetch its shards and chunks, then timed warm.
          for (const q of queries) await engine.search(q, { limit: 8, plan });
          const times: number[] = [];
          for (const q of queries) {
            const t = performance.now();
            await engine.search(q, { limit: 8, plan });
            times.push(performance.now() - t);
          }
          return { build, times };
        },
        { origin: server.origin, plan: slug, queries: cases.map((c) => c.query) },
      );
  await page.context().close();
  return {
    loadMs,
    longestLoadTaskMs,
    p50: percentile(mainThread.times, 50),
    p95: percentile(mainThread.times, 95),
    workerP50: percentile(workerTimes, 50),
    renderP95: percentile(renderTimes, 95),
    workerP95: percentile(workerTimes, 95),
    keystrokeP50: percentile(keystrokes, 50),
    keystrokeP95: percentile(keystrokes, 95),
    mainThreadP50: percentile(mainThread.times, 50),
    mainThreadP95: percentile(mainThread.times, 95),
    firstBytes,
    laterBytes,
    ids,
  };
}

interface PagefindHit {
  url: string;
  subs: string[];
}

/** Pagefind's own JS API in the page: search, then load the top 5 results' data (what a UI renders). */
export async function pagefindBrowser(
  browser: Browser,
  server: StaticServer,
  cases: RelevanceCase[],
  throttle: number,
  slug: string,
): Promise<BrowserNumbers & { firstBytes: number; laterBytes: number; hits: PagefindHit[][] }> {
  const page = await newPage(browser, throttle);
  await page.goto(`${server.origin}/${slug}/7/1/`);
  server.reset();
  const run = (query: string) =>
    page.evaluate(async (q) => {
      interface Api {
        init(): Promise<void>;
        search(q: string): Promise<{
          results: { data(): Promise<{ url: string; sub_results: { url: string }[] }> }[];
        }>;
      }
      const w = window as unknown as { __pf?: Promise<Api> };
      // A URL only the page can resolve: kept out of TypeScript's module resolution.
      const entry = '/pagefind/pagefind.js';
      w.__pf ??= (import(/* @vite-ignore */ entry) as Promise<Api>).then(async (pf) => {
        await pf.init();
        return pf;
      });
      const t0 = performance.now();
      const pf = await w.__pf;
      const t1 = performance.now();
      const search = await pf.search(q);
      const data = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
      const t2 = performance.now();
      return {
        init: t1 - t0,
        ms: t2 - t1,
        hits: data.map((d) => ({ url: d.url, subs: d.sub_results.map((s) => s.url) })),
      };
    }, query);
  const first = await run('养老');
  const firstBytes = server.total();
  server.reset();
  await run('河长制');
  const laterBytes = server.total();
  const times: number[] = [];
  const hits: PagefindHit[][] = [];
  for (const c of cases) {
    const r = await run(c.query);
    times.push(r.ms);
    hits.push(r.hits);
  }
  await page.context().close();
  return {
    loadMs: first.init,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    firstBytes,
    laterBytes,
    hits,
  };
}
