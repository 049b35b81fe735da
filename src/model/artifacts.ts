/**
 * The contract between the build and the site: every file `npm run build:data`
 * (scripts/build.ts) writes to `.generated/`, and what reads it. The single
 * answer to "what does the site read from the build?"; docs/architecture.md
 * has the same table.
 *
 * Each plan of the corpus has its own folder, `plans/<slug>/`, holding the
 * PLAN_ARTIFACTS; the corpus as a whole has the CORPUS_ARTIFACTS. Paths are
 * relative to the output folder (planArtifact, corpusArtifact) or to the
 * working directory, where npm runs (artifactPath). Plain strings, no Node
 * imports: the model is shared with the browser.
 */

/** Where the build writes, relative to the working directory. */
export const GENERATED_DIR = '.generated';

/** Where the plans are, relative to the working directory: one folder per plan. */
export const PLANS_DIR = 'content/plans';

/** Each plan folder's metadata file (src/model/plan-meta.ts). */
export const PLAN_META_FILE = 'plan.yaml';

/** The command that writes every artifact, for error messages. */
export const BUILD_DATA_COMMAND = 'npm run build:data';

/** The files of one plan, in `plans/<slug>/`. */
export const PLAN_ARTIFACTS = {
  /** The plan tree (PlanFile). Read by every page of the plan; served as /<slug>/data/plan.json. */
  plan: 'plan.json',
  /** The entity index (EntityIndex). Entity pages, mention links; /<slug>/data/entities.json. */
  entities: 'entities.json',
  /** The targets (TargetFile). Targets page, links under clauses; /<slug>/data/targets.json. */
  targets: 'targets.json',
  /** The targets as CSV (UTF-8 with BOM, CRLF). Served as /<slug>/data/targets.csv. */
  targetsCsv: 'targets.csv',
  /** The search index (SearchIndexFile). Served to the search worker; read by the CLI. */
  searchIndex: 'search/index.json',
  /** The domain dictionary the index was segmented with, for review. Read by nothing. */
  searchTerms: 'search/terms.txt',
} as const;

export type PlanArtifactName = keyof typeof PLAN_ARTIFACTS;

/** The files of the corpus as a whole. */
export const CORPUS_ARTIFACTS = {
  /** Every plan's metadata and counts, in display order (CorpusFile). Home page, plan switcher. */
  corpus: 'corpus.json',
  /**
   * Every plan's indicator rows matched into metrics (CompareMetricsFile, src/model/compare.ts).
   * /compare/indicators/ and its pages, the charts on each plan's indicators page.
   */
  compareMetrics: 'compare/metrics.json',
} as const;

export type CorpusArtifactName = keyof typeof CORPUS_ARTIFACTS;

/** `plans/<slug>/plan.json` and so on: a plan's artifact, relative to the output folder. */
export function planArtifact(slug: string, name: PlanArtifactName): string {
  return `plans/${slug}/${PLAN_ARTIFACTS[name]}`;
}

/** `corpus.json`: a corpus artifact, relative to the output folder. */
export function corpusArtifact(name: CorpusArtifactName): string {
  return CORPUS_ARTIFACTS[name];
}

/** `.generated/plans/licang-14/plan.json`: where an artifact is, from the working directory. */
export function artifactPath(relative: string, dir: string = GENERATED_DIR): string {
  return `${dir}/${relative}`;
}

/**
 * The search index (src/search/format.ts): one folder, `search/`, for the whole corpus, served
 * at the same path under the site root (`/search/manifest.json`) by src/pages/search/[...file].ts
 * and read as files by the CLI. The manifest, the corpus's term shards (a search across plans),
 * and per plan its unit table, its own term shards (a search in that plan) and its text
 * chunks; for each scope, the pinyin map by first letter.
 */
export type SearchFile =
  | { kind: 'manifest' }
  | { kind: 'terms'; plan: string | null; shard: number }
  | { kind: 'pinyin'; plan: string | null; letter: string }
  | { kind: 'units'; plan: string }
  | { kind: 'text'; plan: string; chunk: number };

/** Where a search file is, relative to the output folder (and to the site root). */
export function searchPath(file: SearchFile): string {
  if (file.kind === 'manifest') return 'search/manifest.json';
  const scope = (plan: string | null) => (plan === null ? 'search/corpus' : `search/plans/${plan}`);
  switch (file.kind) {
    case 'terms':
      return `${scope(file.plan)}/terms/${file.shard}.json`;
    case 'pinyin':
      return `${scope(file.plan)}/pinyin/${file.letter}.json`;
    case 'units':
      return `${scope(file.plan)}/units.json`;
    case 'text':
      return `${scope(file.plan)}/text/${file.chunk}.json`;
  }
}
