import { readFileSync } from 'node:fs';
import {
  buildPlan,
  readCorpusSources,
  readPlanInputs,
  type PlanInputs,
} from '../../scripts/build.ts';
import { IssueCollector } from '../../scripts/pipeline/errors.ts';
import { parseCurated, type CuratedList } from '../../scripts/pipeline/curated.ts';
import { extractEntities } from '../../scripts/pipeline/entities.ts';
import { linkMeasuresAndIndicators } from '../../scripts/pipeline/links.ts';
import {
  buildPlanSearch,
  type PlanSearch,
  type SearchSources,
} from '../../scripts/search-index/build-index.ts';
import { buildT2sPairs } from '../../scripts/search-index/t2s.ts';
import type { DocumentNode, EntityIndex, PlanFile } from '../../src/model/types.ts';
import { decodeMarked, KIND_CODES, UNIT_KINDS, type UnitKind } from '../../src/search/format.ts';

/**
 * The real plan and what the build makes of it, built in-process by the
 * build's own pure functions (scripts/build.ts and its stages), each once per
 * test file: no `npm run build` needed.
 */

/** The first plan of the corpus, the one the golden files and the relevance set are written for. */
export const LICANG = 'licang-14';

let inputs: PlanInputs | undefined;
/** Its inputs, read from content/plans/licang-14/ the way the build reads them. */
export function realInputs(): PlanInputs {
  inputs ??= readPlanInputs(LICANG);
  return inputs;
}

export const SOURCE = `content/plans/${LICANG}/source.md`;
export const sourceBytes = (): Buffer => readFileSync(SOURCE);

let plan: PlanFile | undefined;
/** The plan tree (stages read → … → links). */
export function realPlan(): PlanFile {
  plan ??= buildPlan(sourceBytes(), SOURCE, realInputs().meta);
  return plan;
}

let linked: DocumentNode | undefined;
/** The real plan after the links stage, built once per test file. */
export function linkedDocument(): DocumentNode {
  linked ??= linkMeasuresAndIndicators(realPlan().document);
  return linked;
}

export const CURATED_FILE = `content/plans/${LICANG}/entities.json`;
export const curatedText = (): string => readFileSync(CURATED_FILE, 'utf8');

/** The plan's curated entity list, failing the test on any problem in it. */
export function curatedList(): CuratedList {
  const issues = new IssueCollector(CURATED_FILE);
  const list = parseCurated(curatedText(), issues);
  issues.throwIfAny();
  return list;
}

let entities: EntityIndex | undefined;
/** The real plan's entity index, extracted the way `npm run build` extracts it. */
export function realEntities(): EntityIndex {
  entities ??= extractEntities(realPlan().document, curatedList());
  return entities;
}

/** The search inputs the build gives the real plan: its extra terms and the topic map. */
export function realSearchSources(): SearchSources {
  const terms = realInputs().searchTerms;
  return {
    curatedTerms: terms?.terms ?? [],
    curatedTermsFile: terms?.file ?? '',
    topics: readCorpusSources().topics,
  };
}

let built: PlanSearch | undefined;
/** The search index of the real plan, built the way `npm run build` builds it. */
export function realSearch(): PlanSearch {
  built ??= buildPlanSearch(realPlan(), realEntities(), realSearchSources());
  return built;
}

/** The real plan's search units as its text chunks hold them: ID, kind, marked and plain text. */
export function realUnits(): { id: string; kind: UnitKind; x: string; text: string }[] {
  const { chunks, table } = realSearch();
  return chunks.flatMap((c) =>
    c.units.map((u, i) => ({
      id: u.id,
      kind: UNIT_KINDS[KIND_CODES.indexOf(table.k[c.from + i]!)]!,
      x: u.x,
      text: decodeMarked(u.x).text,
    })),
  );
}

/** The traditional → simplified pairs the build makes for the real plan's characters. */
export function realT2s(): string {
  return buildT2sPairs(
    realUnits()
      .map((u) => u.text)
      .join(''),
  );
}

/** JSON as prettier prints it, so golden files pass `prettier --check`. */
export async function prettyJson(value: unknown): Promise<string> {
  const { format } = await import('prettier');
  return format(JSON.stringify(value), { parser: 'json', printWidth: 100 });
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
