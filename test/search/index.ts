import { realPlan } from '../pipeline/plan.ts';
import { curatedList } from '../entities/plan.ts';
import { extractEntities } from '../../scripts/pipeline/entities.ts';
import { type BuiltIndex, buildSearchIndex } from '../../scripts/search-index/build-index.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import type { EntityIndex } from '../../src/model/types.ts';

let built: BuiltIndex | undefined;
let entities: EntityIndex | undefined;

/** The real plan's entity index, extracted the way `npm run build` extracts it (once per test file). */
export function realEntities(): EntityIndex {
  entities ??= extractEntities(realPlan().document, curatedList());
  return entities;
}

let engine: SearchEngine | undefined;

/** The search index of the real plan, built in-process the way `npm run build` builds it (once per test file). */
export function realIndex(): BuiltIndex {
  built ??= buildSearchIndex(realPlan(), realEntities());
  return built;
}

/** The engine the browser worker and the CLI run, over the real index. */
export function realEngine(): SearchEngine {
  engine ??= new SearchEngine(realIndex().file);
  return engine;
}

/** A small seeded PRNG (mulberry32), so a failing property case can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
