/**
 * The build: content/ → .generated/, every stage in order (docs/architecture.md).
 *
 *   read → preamble → repair → parse → structure (→ tables) → validate → links   buildPlan()
 *   → targets → entities → search index                                           buildPlanData()
 *   → write (.generated/ replaced as a whole, or not at all)                      main()
 *
 * `buildPlan` and `buildPlanData` are pure: text in, data out; tests call
 * them. `main()` is the CLI (`npm run build:data [source] [outDir]`): it reads
 * the inputs, calls buildPlanData, writes the files named in
 * src/model/artifacts.ts atomically and prints the repair report. On bad input
 * it prints every problem (file:line: rule: reason) and exits 1 without
 * writing anything.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS, GENERATED_DIR } from '../src/model/artifacts.ts';
import type {
  DocumentNode,
  EntityIndex,
  PlanFile,
  Repair,
  Target,
  TargetFile,
} from '../src/model/types.ts';
import { checkCuratedInText, parseCurated } from './pipeline/curated.ts';
import { extractEntities } from './pipeline/entities.ts';
import { IssueCollector, PlanError } from './pipeline/errors.ts';
import { linkMeasuresAndIndicators } from './pipeline/links.ts';
import { parseMarkdown } from './pipeline/parse.ts';
import { readPreamble } from './pipeline/preamble.ts';
import { decodeSource } from './pipeline/read.ts';
import { repair } from './pipeline/repair.ts';
import { countKinds, repairReport } from './pipeline/report.ts';
import { structure } from './pipeline/structure.ts';
import { extractTargets, targetsCsv } from './pipeline/targets.ts';
import { validateAgainstToc } from './pipeline/validate.ts';
import { writeAtomically } from './pipeline/write.ts';
import { buildSearchArtifacts, SearchBuildError } from './search-index/build-index.ts';
import { readCuratedTerms } from './search-index/dictionary.ts';
import { readTopics } from './search-index/topics.ts';

/** The plan as converted from PDF. */
export const SOURCE_FILE = 'content/licang-14th-five-year-plan.md';
/** The curated gazetteer list (docs/entities.md). */
export const CURATED_FILE = 'content/entities/curated.json';

/** The inputs besides the plan's text, as text (read from content/ by main()). */
export interface PlanSources {
  /** content/entities/curated.json. */
  curated: string;
  /** content/search/terms.txt, one term a line. */
  searchTerms: string[];
  /** content/search/topics.txt. */
  topics: string;
}

/** Everything the build makes: the data as objects, and the files for .generated/. */
export interface PlanData {
  plan: PlanFile;
  targets: Target[];
  entities: EntityIndex;
  /** Keyed by the paths of src/model/artifacts.ts (ARTIFACTS). */
  files: Record<string, string | Uint8Array>;
}

/**
 * Stages 1–7, the tree: read → preamble → repair → parse → structure
 * (→ tables) → validate → links (measures ↔ indicators). Bytes in, plan out;
 * throws a PlanError listing every problem found (file, line, rule, reason).
 */
export function buildPlan(bytes: Uint8Array, file: string): PlanFile {
  const issues = new IssueCollector(file);
  const lines = decodeSource(bytes, file);
  const preamble = readPreamble(lines, issues);
  const { lines: repaired, repairs } = repair(
    lines.slice(preamble.bodyStart),
    preamble.bodyStart + 1,
    issues,
  );
  issues.throwIfAny();

  const markdown = repaired.map((l) => l.text).join('\n');
  const root = parseMarkdown(markdown);
  const tableRepairs: Repair[] = [];
  const planTitle = preamble.metadata.title;
  const { preface, chapters } = structure(
    { root, lines: repaired, planTitle },
    issues,
    tableRepairs,
  );
  const tocDifferences = validateAgainstToc(chapters, preamble.toc, issues);
  issues.throwIfAny();

  const document: DocumentNode = {
    id: 'plan',
    kind: 'document',
    title: planTitle,
    citation: `《${planTitle}》`,
    source: { start: 1, end: lines.length },
    metadata: preamble.metadata,
    toc: preamble.toc,
    notice: preamble.notice,
    repairs: [...repairs, ...tableRepairs].sort((a, b) => a.line - b.line),
    tocDifferences,
    children: [preface, ...chapters],
  };
  return { schema: 1, source: file, document: linkMeasuresAndIndicators(document) };
}

/**
 * Every stage: the tree (buildPlan), then targets, entities and the search
 * index, with the files to write. Problems in the curated list throw a
 * PlanError naming CURATED_FILE; problems in the search inputs a
 * SearchBuildError.
 */
export function buildPlanData(bytes: Uint8Array, file: string, sources: PlanSources): PlanData {
  // 1–7. the tree
  const plan = buildPlan(bytes, file);
  // 8. targets (quantified commitments)
  const targets = extractTargets(plan.document);
  // 9. entities, from the gazetteer the rules derive plus the curated list
  const curatedIssues = new IssueCollector(CURATED_FILE);
  const curated = parseCurated(sources.curated, curatedIssues);
  checkCuratedInText(plan.document, curated, sources.curated, curatedIssues);
  const entities = extractEntities(plan.document, curated);
  curatedIssues.throwIfAny();
  // 10. search index
  const search = buildSearchArtifacts(plan, entities, {
    curatedTerms: sources.searchTerms,
    topics: sources.topics,
  });
  return {
    plan,
    targets,
    entities,
    files: {
      [ARTIFACTS.plan]: JSON.stringify(plan, null, 1),
      [ARTIFACTS.entities]: JSON.stringify(entities, null, 1),
      [ARTIFACTS.targets]: JSON.stringify({ schema: 1, targets } satisfies TargetFile, null, 1),
      [ARTIFACTS.targetsCsv]: targetsCsv(targets),
      ...search,
    },
  };
}

/** The inputs besides the plan's text, read from content/. */
export function readSources(): PlanSources {
  return {
    curated: readFileSync(CURATED_FILE, 'utf8'),
    searchTerms: readCuratedTerms(),
    topics: readTopics(),
  };
}

function main(): void {
  const source = process.argv[2] ?? SOURCE_FILE;
  const outDir = process.argv[3] ?? GENERATED_DIR;
  try {
    const { plan, files } = buildPlanData(readFileSync(source), source, readSources());
    writeAtomically(outDir, files);
    console.log(repairReport(plan.document, source));
    const counts = countKinds(plan.document);
    console.log(
      `Tree: ${counts.chapter} chapters, ${counts.section} sections, ${counts.subpart} sub-parts, ${counts.measure} measures, ` +
        `${counts.paragraph} paragraphs, ${counts.box} boxes with ${counts.boxItem} items, ${counts.table} tables with ${counts.indicator} indicator rows`,
    );
    console.log(`Wrote ${outDir}/: ${Object.keys(files).join(', ')}`);
  } catch (error) {
    if (error instanceof PlanError) {
      console.error(`Build failed: ${error.issues.length} problem(s); nothing was written.`);
      console.error(error.message);
      process.exit(1);
    }
    if (error instanceof SearchBuildError) {
      console.error(
        `Build failed: ${error.problems.length} problem(s) in the search data; nothing was written.`,
      );
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

// Run only as the entry point (`tsx scripts/build.ts`), not when a test imports the stages.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
