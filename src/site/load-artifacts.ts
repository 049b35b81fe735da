import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  artifactPath,
  BUILD_DATA_COMMAND,
  corpusArtifact,
  planArtifact,
  type PlanArtifactName,
} from '../model/artifacts.ts';
import type { CompareMetricsFile } from '../model/compare.ts';
import type { SourceEncoding } from '../model/plan-meta.ts';
import type {
  CorpusFile,
  DocumentNode,
  EntityIndex,
  PlanFile,
  TargetFile,
} from '../model/types.ts';

/**
 * The site's one way in to what the build wrote: every artifact named in
 * src/model/artifacts.ts, read from the working directory (where
 * `npm run build` and the tests run) rather than imported, because the data
 * endpoints serve the files' bytes as they are and Astro's bundling would
 * move any `import.meta.url`-relative path. Each file is read once per
 * process. A missing file is an error that names it and the command that
 * writes it: a site built without its data would be wrong, not smaller.
 */

/** The absolute path of an artifact (a path relative to .generated/). */
export function artifactFile(relative: string): string {
  return resolve(process.cwd(), artifactPath(relative));
}

const bytesCache = new Map<string, Buffer>();

/** An artifact's bytes, exactly as the build wrote them. */
export function artifactBytes(relative: string): Buffer {
  let bytes = bytesCache.get(relative);
  if (!bytes) {
    const path = artifactFile(relative);
    if (!existsSync(path)) {
      throw new Error(
        `${artifactPath(relative)} is missing: run \`${BUILD_DATA_COMMAND}\` (scripts/build.ts writes it) before building the site`,
      );
    }
    bytes = readFileSync(path);
    bytesCache.set(relative, bytes);
  }
  return bytes;
}

/** An artifact's text (UTF-8), exactly as the build wrote it. */
export const artifactText = (relative: string): string => artifactBytes(relative).toString('utf8');

const jsonCache = new Map<string, unknown>();

function artifactJson<T>(relative: string): T {
  if (!jsonCache.has(relative)) jsonCache.set(relative, JSON.parse(artifactText(relative)));
  return jsonCache.get(relative) as T;
}

/** `.generated/corpus.json`: every plan's metadata and counts, in display order. */
export const loadCorpus = (): CorpusFile => artifactJson<CorpusFile>(corpusArtifact('corpus'));

/** The slugs of the corpus's plans, in display order. */
export const planSlugs = (): string[] => loadCorpus().plans.map((p) => p.slug);

/** A plan's artifact, relative to .generated/ (for the data endpoints). */
export const planArtifactOf = (name: PlanArtifactName, slug: string): string =>
  planArtifact(slug, name);

/** `.generated/plans/<slug>/plan.json`: the plan tree. */
export const loadPlan = (slug: string): PlanFile =>
  artifactJson<PlanFile>(planArtifact(slug, 'plan'));

export const loadDocument = (slug: string): DocumentNode => loadPlan(slug).document;

/** `.generated/plans/<slug>/entities.json`: the entity index. */
export const loadEntities = (slug: string): EntityIndex =>
  artifactJson<EntityIndex>(planArtifact(slug, 'entities'));

/** `.generated/plans/<slug>/targets.json`: the targets. */
export const loadTargets = (slug: string): TargetFile =>
  artifactJson<TargetFile>(planArtifact(slug, 'targets'));

/** `.generated/compare/metrics.json`: every plan's indicator rows matched into metrics. */
export const loadCompareMetrics = (): CompareMetricsFile =>
  artifactJson<CompareMetricsFile>(corpusArtifact('compareMetrics'));

/**
 * A plan's source text as collected (PlanFile.source, a path from the working directory), read
 * only to place the build's wording repairs in the text (src/site/edits.ts): the repairs record
 * a source line, not a column; decoded as plan.yaml's `encoding` says. Fails, naming the file,
 * when it is missing.
 */
export function loadSourceText(path: string, encoding: SourceEncoding = 'utf-8'): string {
  const file = resolve(process.cwd(), path);
  if (!existsSync(file))
    throw new Error(`${path} is missing: the plan's source text, as plan.yaml names it`);
  return new TextDecoder(encoding).decode(readFileSync(file));
}
