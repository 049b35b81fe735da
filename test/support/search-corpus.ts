import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  buildPlanData,
  corpusFile,
  discoverPlans,
  readCorpusSources,
  readPlanInputs,
} from '../../scripts/build.ts';
import { corpusSearchFiles, inCorpusOrder } from '../../scripts/search-index/build-index.ts';
import { buildPlan } from '../../scripts/build.ts';
import { searchPath } from '../../src/model/artifacts.ts';
import { type Loader, SearchEngine } from '../../src/search/engine.ts';
import { decodeMarked, type SearchManifest, type TextChunk } from '../../src/search/format.ts';
import { compact, fold } from '../../src/search/fold.ts';

/**
 * The search index of the whole corpus, built in-process by the build's own functions
 * (scripts/build.ts, scripts/search-index/), so the search tests never read a stale
 * .generated/. Building the four plans takes a while, so the files are cached on disk under
 * the system's temporary folder, keyed by a hash of every input and of the code that makes
 * them (content/, scripts/, src/model/, src/search/): any change rebuilds.
 */

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|txt|md|json|yaml)$/.test(name)) hash.update(path).update(readFileSync(path));
    }
  };
  for (const dir of ['content', 'scripts', 'src/model', 'src/search']) walk(dir);
  return hash.digest('hex').slice(0, 16);
}

let cached: { dir: string; manifest: SearchManifest } | undefined;

/** The folder holding the corpus's search/ files (like .generated/), built or found in the cache. */
export function corpusSearchDir(): string {
  if (cached) return cached.dir;
  const dir = join(tmpdir(), `plan-kb-search-${sourceHash()}`);
  const done = join(dir, 'done');
  if (!existsSync(done)) {
    const corpus = readCorpusSources();
    const trees = discoverPlans().map((slug) => {
      const inputs = readPlanInputs(slug);
      return { inputs, plan: buildPlan(inputs.bytes, inputs.file, inputs.meta) };
    });
    const built = trees.map((t) => buildPlanData(t.inputs, corpus, t.plan));
    const order = corpusFile(built).plans.map((p) => p.slug);
    const files = corpusSearchFiles(
      inCorpusOrder(
        built.map((d) => d.search),
        order,
      ),
      corpus.topics,
    );
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    writeFileSync(done, new Date().toISOString());
  }
  const manifest = JSON.parse(
    readFileSync(join(dir, searchPath({ kind: 'manifest' })), 'utf8'),
  ) as SearchManifest;
  cached = { dir, manifest };
  return dir;
}

/** A loader reading the corpus's search files (what the CLI does), counting what it read. */
export function corpusLoader(read: string[] = []): Loader {
  const dir = corpusSearchDir();
  return (path) => {
    read.push(path);
    return Promise.resolve(JSON.parse(readFileSync(join(dir, path), 'utf8')) as unknown);
  };
}

let engine: Promise<SearchEngine> | undefined;
/** The engine the worker and the CLI run, over the whole corpus. */
export function corpusEngine(): Promise<SearchEngine> {
  engine ??= SearchEngine.open(corpusLoader());
  return engine;
}

/** The corpus's plans in display order. */
export function corpusSlugs(): string[] {
  corpusSearchDir();
  return cached!.manifest.plans.map((p) => p.slug);
}

/** Every unit's compact text of every plan, joined: where topic targets are looked for. */
export function corpusCompactText(): string {
  const dir = corpusSearchDir();
  const out: string[] = [];
  for (const plan of cached!.manifest.plans)
    for (let n = 0; n < plan.chunks; n++) {
      const chunk = JSON.parse(
        readFileSync(join(dir, searchPath({ kind: 'text', plan: plan.slug, chunk: n })), 'utf8'),
      ) as TextChunk;
      for (const u of chunk.units) out.push(compact(fold(decodeMarked(u.x).text)));
    }
  return out.join('\u0000');
}
