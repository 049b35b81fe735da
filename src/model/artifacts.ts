/**
 * The contract between the build and the site: every file `npm run build:data`
 * (scripts/build.ts) writes to `.generated/`, and what reads it. The single
 * answer to "what does the site read from the build?"; docs/architecture.md
 * has the same table.
 *
 * Paths are relative to the output folder (ARTIFACTS) or to the working
 * directory, where npm runs (artifactPath). Plain strings, no Node imports:
 * the model is shared with the browser.
 */

/** Where the build writes, relative to the working directory. */
export const GENERATED_DIR = '.generated';

/** The command that writes every artifact, for error messages. */
export const BUILD_DATA_COMMAND = 'npm run build:data';

export const ARTIFACTS = {
  /** The plan tree (PlanFile). Read by every page; served as /data/plan.json. */
  plan: 'plan.json',
  /** The entity index (EntityIndex). Entity pages, mention links; /data/entities.json. */
  entities: 'entities.json',
  /** The targets (TargetFile). /targets/, links under clauses; /data/targets.json. */
  targets: 'targets.json',
  /** The targets as CSV (UTF-8 with BOM, CRLF). Served as /data/targets.csv. */
  targetsCsv: 'targets.csv',
  /** The search index (SearchIndexFile). Served as /search/index.json; read by the CLI. */
  searchIndex: 'search/index.json',
  /** The domain dictionary the index was segmented with, for review. Read by nothing. */
  searchTerms: 'search/terms.txt',
} as const;

export type ArtifactName = keyof typeof ARTIFACTS;

/** `.generated/plan.json` and so on: where an artifact is, from the working directory. */
export function artifactPath(name: ArtifactName, dir: string = GENERATED_DIR): string {
  return `${dir}/${ARTIFACTS[name]}`;
}
