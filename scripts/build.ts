/**
 * The build: content/ → .generated/, every stage in order (docs/architecture.md).
 *
 * Per plan (content/plans/<slug>/), stages numbered as in docs/architecture.md:
 *   1 inputs (plan.yaml, the text's SHA-256, curated lists)            readPlanFolder()
 *   2 read → 3 front matter → 4 layout → 5 structure → 6 assemble
 *   → 7 validate → 8 links                                             buildPlan()
 *   9 targets → 10 stamp → 11 entities → 12 search index               buildPlanData()
 * Then the corpus: 13 every plan's metadata and counts (corpus.json)   corpusFile()
 * 14 the shared metrics (compare/metrics.json)                         compareMetrics()
 * 15 the corpus's search files                                         corpusSearchFiles()
 * 16 the write: .generated/ replaced as a whole, or not at all         main()
 *
 * `buildPlan`, `buildPlanData` and `corpusFile` are pure: text in, data out;
 * tests call them. `main()` is the CLI (`npm run build:data [-- --only <slug>]`):
 * it reads every plan's inputs, builds them, writes the files named in
 * src/model/artifacts.ts atomically and prints each plan's repair report. On
 * bad input it prints every problem of every plan (file:line: rule: reason)
 * and exits 1 without writing anything.
 *
 * One file because it is the one place that says the order of the stages and
 * what happens on failure (every problem of every plan collected, nothing
 * written unless there is none, `--only` keeping the other plans' files as the
 * last build wrote them); the stages themselves live in scripts/pipeline/,
 * scripts/search-index/ and scripts/compare/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  corpusArtifact,
  GENERATED_DIR,
  PLAN_ARTIFACTS,
  PLAN_META_FILE,
  planArtifact,
  PLANS_DIR,
  type PlanArtifactName,
} from '../src/model/artifacts.ts';
import type { MetricList } from '../src/model/compare.ts';
import type { PlanMeta } from '../src/model/plan-meta.ts';
import type {
  CorpusEntry,
  CorpusFile,
  DocumentNode,
  EntityIndex,
  PlanFile,
  Repair,
  Target,
  TargetFile,
} from '../src/model/types.ts';
import { loadMetricList } from './compare/metric-list.ts';
import { compareMetrics, compareReport } from './compare/metrics.ts';
import { checkCuratedInText, parseCurated } from './pipeline/curated.ts';
import { extractEntities } from './pipeline/entities.ts';
import { formatIssue, IssueCollector, PlanError, type PlanIssue } from './pipeline/errors.ts';
import { linkMeasuresAndIndicators } from './pipeline/links.ts';
import { readPlanMeta } from './pipeline/metadata.ts';
import { assemble } from './pipeline/assemble.ts';
import { readFrontMatter } from './pipeline/front-matter.ts';
import { layoutBlocks } from './pipeline/layout.ts';
import { decodeSource } from './pipeline/read.ts';
import { countKinds, repairReport } from './pipeline/report.ts';
import { structure } from './pipeline/structure.ts';
import { dataStamp, type StampInputs, withStamp } from './pipeline/stamp.ts';
import { extractTargets, targetsCsv } from './pipeline/targets.ts';
import { validateAgainstToc } from './pipeline/validate.ts';
import { recoverOutput, writeAtomically } from './pipeline/write.ts';
import {
  buildSearchArtifacts,
  corpusSearchFiles,
  inCorpusOrder,
  keptPlanSearch,
  planCompactText,
  type PlanSearch,
  SearchBuildError,
} from './search-index/build-index.ts';
import { parseTermList } from './search-index/dictionary.ts';
import { checkTopics, parseTopics, TOPICS_FILE } from './search-index/topics.ts';

/** One plan's inputs, read from its folder (readPlanInputs). */
export interface PlanInputs {
  meta: PlanMeta;
  /** The source text's path, from the working directory (for messages and plan.json). */
  file: string;
  bytes: Uint8Array;
  /** The plan's curated entity list, when it has one. */
  curated: { file: string; text: string } | null;
  /** The plan's extra search terms, when it has them. */
  searchTerms: { file: string; terms: string[] } | null;
}

/** The inputs shared by every plan. */
export interface CorpusSources {
  /** content/search/topics.txt. */
  topics: string;
  /** What the data stamp needs of the build (scripts/pipeline/stamp.ts): version, SOURCE_DATE_EPOCH. */
  stamp?: StampInputs;
}

/** Everything the build makes of one plan: the data as objects, and its files. */
export interface PlanData {
  plan: PlanFile;
  targets: Target[];
  entities: EntityIndex;
  /** Keyed by PLAN_ARTIFACTS name. */
  files: Record<PlanArtifactName, string>;
  /** The plan's search index (its files are under search/, written with the corpus's). */
  search: PlanSearch;
}

/**
 * Stages 2–8, the tree: read → front matter → layout (and its repairs) →
 * structure (parse, classify, boxes, tables) → assemble (leads, IDs,
 * citations) → validate (against the 目录) → links (measures ↔ indicators).
 * Bytes in, plan out; throws a PlanError listing every problem found (file,
 * line, rule, reason).
 */
export function buildPlan(bytes: Uint8Array, file: string, meta: PlanMeta): PlanFile {
  const issues = new IssueCollector(file);
  const repairs: Repair[] = [];
  try {
    // Each stage reports what it finds and hands on what it could read, so one run
    // names every problem of the text; nothing is returned unless there is none.
    const lines = decodeSource(bytes, issues, repairs, meta.encoding);
    if (!lines) throw new PlanError(issues.issues);
    const front = readFrontMatter(lines, issues);
    const squash = (s: string) => s.replace(/\s+/g, '');
    if (
      !squash(front.notice.join('')).includes(squash(meta.title)) &&
      !squash(lines.slice(0, 40).join('')).includes(squash(meta.title))
    )
      issues.add(
        1,
        'metadata-title',
        `the title in plan.yaml, ${meta.title}, is not printed before the body; expected the plan's title as the text prints it`,
      );
    const blocks = layoutBlocks(lines, front.body, meta.form, issues, repairs, front.toc);
    const planTitle = meta.title;
    const structured = structure(
      { blocks, form: meta.form, planTitle, period: meta.period, toc: front.toc },
      issues,
      repairs,
    );
    const children = assemble(structured, planTitle, issues);
    const tocDifferences = validateAgainstToc(children, front.toc, issues);
    issues.throwIfAny();

    const document: DocumentNode = {
      id: 'plan',
      kind: 'document',
      title: planTitle,
      citation: `《${planTitle}》`,
      source: { start: 1, end: lines.length },
      ...(front.header ? { metadata: front.header } : {}),
      toc: front.toc,
      notice: front.notice,
      ...(front.colophon.length ? { colophon: front.colophon } : {}),
      repairs: repairs.sort((a, b) => a.line - b.line),
      tocDifferences,
      children,
    };
    return {
      schema: 2,
      slug: meta.slug,
      meta,
      source: file,
      document: linkMeasuresAndIndicators(document, { period: meta.period }),
    };
  } catch (error) {
    if (error instanceof PlanError) throw error;
    // Not a problem of the text but a failure of the build: still one line, with the
    // problems found before it (PLAN_KB_DEBUG=1 prints the stack).
    issues.add(
      1,
      'internal-error',
      `the build stopped on ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}; this is a bug in the build, not a problem of the text: please report it with the text`,
    );
    throw new PlanError(issues.issues, { cause: error });
  }
}

/**
 * Every stage of one plan: the tree (buildPlan), then targets, entities and
 * the search index, with the plan's files. Problems in the curated list throw
 * a PlanError naming its file; problems in the search inputs a
 * SearchBuildError.
 */
export function buildPlanData(
  inputs: PlanInputs,
  corpus: CorpusSources,
  tree?: PlanFile,
): PlanData {
  const { meta, file, bytes } = inputs;
  // 2–8. the tree (or the one already built)
  const plan = tree ?? buildPlan(bytes, file, meta);
  // 9. targets (quantified commitments)
  const targets = extractTargets(plan.document, { period: meta.period });
  // 10. the stamp of the targets and entities files: data version, build date, source SHA-256.
  const stamp = dataStamp(meta, corpus.stamp ?? { version: '0.0.0' });
  // 11. entities, from the gazetteer the rules derive plus the plan's curated list, if any
  const curatedFile = inputs.curated?.file ?? `${PLANS_DIR}/${meta.slug}/(no curated list)`;
  const curatedIssues = new IssueCollector(curatedFile);
  const curatedText = inputs.curated?.text ?? '{ "entities": [], "stoplist": [] }';
  const curated = parseCurated(curatedText, curatedIssues);
  checkCuratedInText(plan.document, curated, curatedText, curatedIssues);
  const entities = extractEntities(plan.document, curated);
  curatedIssues.throwIfAny();
  // 12. search index
  const { search, files: searchFiles } = buildSearchArtifacts(plan, entities, {
    curatedTerms: inputs.searchTerms?.terms ?? [],
    curatedTermsFile: inputs.searchTerms?.file ?? '(no search terms)',
    topics: corpus.topics,
  });
  return {
    plan,
    targets,
    entities,
    files: {
      plan: JSON.stringify(plan, null, 1),
      entities: JSON.stringify(withStamp(entities, stamp), null, 1),
      targets: JSON.stringify({ schema: 2, stamp, targets } satisfies TargetFile, null, 1),
      targetsCsv: targetsCsv(targets, stamp),
      ...searchFiles,
    },
    search,
  };
}

/** The corpus file: every plan's metadata and counts, districts after their cities, then by period. */
export function corpusFile(
  plans: { plan: PlanFile; targets: Target[]; entities: EntityIndex }[],
): CorpusFile {
  const LEVEL_ORDER = ['国家', '省', '市', '县', '区'];
  const entries: CorpusEntry[] = plans.map(({ plan, targets, entities }) => {
    const counts = countKinds(plan.document);
    return {
      slug: plan.slug,
      meta: plan.meta,
      counts: {
        parts: counts.part ?? 0,
        chapters: counts.chapter ?? 0,
        sections: counts.section ?? 0,
        measures: counts.measure ?? 0,
        boxes: counts.box ?? 0,
        indicators: counts.indicator ?? 0,
        targets: targets.length,
        entities: entities.entities.length,
      },
    };
  });
  entries.sort(
    (a, b) =>
      LEVEL_ORDER.indexOf(a.meta.level) - LEVEL_ORDER.indexOf(b.meta.level) ||
      b.meta.period.start - a.meta.period.start ||
      a.meta.region.localeCompare(b.meta.region, 'zh-CN') ||
      a.slug.localeCompare(b.slug),
  );
  return { schema: 1, plans: entries };
}

/** The plan folders under content/plans/, in name order (anything that is not a folder is skipped). */
export function discoverPlans(dir = PLANS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => {
      if (entry.isDirectory()) return true;
      if (!entry.isSymbolicLink()) return false;
      try {
        return statSync(join(dir, entry.name)).isDirectory();
      } catch {
        return false;
      }
    })
    .map((entry) => entry.name)
    .sort();
}

/**
 * One input file's bytes, or null with an issue naming the path and what was
 * expected when it is missing, a folder, or unreadable: never an fs stack trace.
 */
function readInputFile(
  path: string,
  issues: IssueCollector,
  line: number,
  rule: string,
  expected: string,
): Buffer | null {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    issues.add(line, rule, `${path} does not exist; expected ${expected}`);
    return null;
  }
  if (!stat.isFile()) {
    issues.add(
      line,
      rule,
      `${path} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}; expected ${expected}`,
    );
    return null;
  }
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    issues.add(line, rule, `${path} cannot be read (${code}); expected ${expected}`);
    return null;
  }
}

/**
 * One plan's inputs from its folder: the metadata file, validated; the source
 * text, checked against the metadata's sha256 (the text is kept exactly as
 * collected, so a change to it is never silent); the optional curated lists.
 * `inputs` is null when the text cannot be read at all; `issues` lists every
 * problem found (a text that can be read is still returned with them, so its
 * own problems can be reported in the same run).
 */
export function readPlanFolder(
  slug: string,
  dir = PLANS_DIR,
): { inputs: PlanInputs | null; issues: PlanIssue[] } {
  const folder = `${dir}/${slug}`;
  const metaFile = `${folder}/${PLAN_META_FILE}`;
  const issues = new IssueCollector(metaFile);
  const metaBytes = readInputFile(
    metaFile,
    issues,
    1,
    'metadata-missing',
    `the plan's metadata file ${PLAN_META_FILE} in ${folder} (README: adding a plan)`,
  );
  if (!metaBytes) return { inputs: null, issues: issues.issues };
  const meta = readPlanMeta(metaBytes.toString('utf8'), slug, issues);
  if (!meta) return { inputs: null, issues: issues.issues };
  const file = `${folder}/${meta.source}`;
  const bytes = readInputFile(
    file,
    issues,
    fieldLine(metaBytes, 'source'),
    'metadata-source',
    `the plan's text, named by field "source"`,
  );
  if (!bytes) return { inputs: null, issues: issues.issues };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== meta.sha256)
    issues.add(
      fieldLine(metaBytes, 'sha256'),
      'metadata-sha256',
      `${file} has sha256 ${sha256}, but field "sha256" says ${meta.sha256}; the source text is kept exactly as collected: restore it, or update the field if the new text is a new collection`,
    );
  const optional = (field: 'entities' | 'searchTerms') => {
    const name = meta[field];
    if (!name) return null;
    const path = `${folder}/${name}`;
    const read = readInputFile(
      path,
      issues,
      fieldLine(metaBytes, field),
      'metadata-file',
      `the file named by field "${field}"`,
    );
    return read ? { file: path, text: read.toString('utf8') } : null;
  };
  const curated = optional('entities');
  const terms = optional('searchTerms');
  return {
    inputs: {
      meta,
      file,
      bytes,
      curated,
      searchTerms: terms ? { file: terms.file, terms: parseTermList(terms.text) } : null,
    },
    issues: issues.issues,
  };
}

/** The line of a top-level field in a metadata file (1 when it is not found). */
function fieldLine(metaBytes: Buffer, field: string): number {
  const lines = metaBytes.toString('utf8').split(/\r\n|\r|\n/);
  const at = lines.findIndex((l) => l.startsWith(`${field}:`));
  return at === -1 ? 1 : at + 1;
}

/** One plan's inputs (readPlanFolder), or a PlanError naming every problem. */
export function readPlanInputs(slug: string, dir = PLANS_DIR): PlanInputs {
  const { inputs, issues } = readPlanFolder(slug, dir);
  if (!inputs || issues.length > 0) throw new PlanError(issues);
  return inputs;
}

/** The inputs shared by every plan, read from content/. */
export function readCorpusSources(): CorpusSources {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return {
    topics: readFileSync(TOPICS_FILE, 'utf8'),
    stamp: { version, sourceDateEpoch: process.env.SOURCE_DATE_EPOCH },
  };
}

/** The command line: `[--only <slug>] [--plans <dir>] [--out <dir>]`. */
function parseArguments(argv: string[]): { only: string | null; plansDir: string; outDir: string } {
  const options = { only: null as string | null, plansDir: PLANS_DIR, outDir: GENERATED_DIR };
  const value = (flag: string, at: number): string => {
    const v = argv[at + 1];
    if (!v || v.startsWith('-'))
      throw new UsageError(
        `${flag} needs a value, e.g. ${flag} ${flag === '--only' ? 'licang-14' : 'path/to/dir'}`,
      );
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') options.only = value(arg, i++);
    else if (arg === '--plans') options.plansDir = value(arg, i++);
    else if (arg === '--out') options.outDir = value(arg, i++);
    else
      throw new UsageError(
        `unknown argument "${arg}"; expected --only <slug>, --plans <dir>, --out <dir>`,
      );
  }
  return options;
}

class UsageError extends Error {}

function main(): void {
  const problems: PlanIssue[] = [];
  const searchProblems: string[] = [];
  try {
    const { only, plansDir, outDir } = parseArguments(process.argv.slice(2));
    // A build killed while swapping folders left the previous output aside: put it back first.
    if (recoverOutput(outDir)) console.log(`Restored ${outDir}/ as the last build left it`);
    if (!isFolder(plansDir))
      throw new UsageError(
        `${plansDir} is ${existsSync(plansDir) ? 'not a folder' : 'missing'}; expected one folder per plan (content/plans/<slug>/)`,
      );
    const slugs = discoverPlans(plansDir);
    if (slugs.length === 0) throw new UsageError(`${plansDir} holds no plan folder`);
    if (only && !slugs.includes(only))
      throw new UsageError(`--only ${only}: no such plan; the plans are ${slugs.join(', ')}`);
    const files: Record<string, string> = {};
    const built: PlanData[] = [];
    // Stages 1–8: every plan's tree (the ones --only leaves alone come from the last build).
    const trees = new Map<string, { inputs: PlanInputs; plan: PlanFile }>();
    const kept = new Map<string, NonNullable<ReturnType<typeof keptPlanFiles>>>();
    for (const slug of slugs) {
      if (only && slug !== only) {
        const files = keptPlanFiles(slug, outDir);
        if (!files)
          throw new UsageError(
            `--only ${only}: ${outDir}/plans/${slug}/ is missing; run a full \`npm run build:data\` first`,
          );
        kept.set(slug, files);
        continue;
      }
      // The folder's problems and the text's, in one report: a plan whose text can be read
      // is built even when its metadata has a problem, so every problem shows at once.
      const { inputs, issues } = readPlanFolder(slug, plansDir);
      for (const issue of issues) problems.push(issue);
      if (!inputs) continue;
      try {
        const plan = buildPlan(inputs.bytes, inputs.file, inputs.meta);
        if (issues.length === 0) trees.set(slug, { inputs, plan });
      } catch (error) {
        if (!(error instanceof PlanError)) throw error;
        for (const issue of error.issues) problems.push(issue);
        if (process.env.PLAN_KB_DEBUG && error.cause) console.error(error.cause);
      }
    }
    const corpus: CorpusSources = readCorpusSources();
    // The topic map is shared by every corpus a build may hold: a target none of these plans
    // uses is left out of the index (corpusSearchFiles) and said here, not an error.
    const unusedTargets = checkTopics(
      parseTopics(corpus.topics).topics,
      [...trees.values(), ...[...kept.values()].map((k) => ({ plan: k.data.plan }))]
        .map(({ plan }) => planCompactText(plan))
        .join('\u0000'),
    );
    if (unusedTargets.length > 0)
      console.log(
        `Topic map: ${unusedTargets.length} target(s) occur in no plan of this corpus and are left out of the index:\n` +
          unusedTargets.map((line) => `  ${line}`).join('\n'),
      );
    // The reviewed list of shared metrics (content/compare/metrics.yaml), checked with the plans.
    let metricList: MetricList | null = null;
    try {
      metricList = loadMetricList();
    } catch (error) {
      if (error instanceof PlanError) for (const issue of error.issues) problems.push(issue);
      else throw error;
    }
    // Stages 9–12: each plan's targets, entities and search index.
    for (const slug of slugs) {
      const keptFiles = kept.get(slug);
      if (keptFiles) {
        Object.assign(files, keptFiles.files);
        built.push(keptFiles.data);
        continue;
      }
      const tree = trees.get(slug);
      if (!tree) continue;
      try {
        const data = buildPlanData(tree.inputs, corpus, tree.plan);
        for (const [name, content] of Object.entries(data.files))
          files[planArtifact(slug, name as PlanArtifactName)] = content;
        built.push(data);
        console.log(repairReport(data.plan.document, data.plan.source));
        console.log(treeSummary(data.plan.document));
      } catch (error) {
        if (error instanceof PlanError) for (const issue of error.issues) problems.push(issue);
        else if (error instanceof SearchBuildError)
          for (const p of error.problems) searchProblems.push(`${slug}: ${p}`);
        else throw error;
      }
    }
    if (problems.length > 0 || searchProblems.length > 0) {
      // One write, and no process.exit after it: the whole list reaches a pipe before exit.
      process.stderr.write(
        [
          `Build failed: ${problems.length + searchProblems.length} problem(s); nothing was written.`,
          ...problems.map(formatIssue),
          ...searchProblems.map((problem) => `search index: ${problem}`),
        ].join('\n') + '\n',
      );
      process.exitCode = 1;
      return;
    }
    // 13. The corpus file: every plan's metadata and counts.
    const corpusEntries = corpusFile(built);
    files[corpusArtifact('corpus')] = JSON.stringify(corpusEntries, null, 1);
    // 14. Across plans: indicator rows matched into shared metrics (scripts/compare/metrics.ts).
    const compare = compareMetrics(
      built.map((d) => d.plan),
      metricList!,
      corpusEntries.plans.map((p) => p.slug),
    );
    files[corpusArtifact('compareMetrics')] = JSON.stringify(compare, null, 1);
    console.log(compareReport(compare));
    // 15. Search: every plan's index and the corpus's shards (scripts/search-index/build-index.ts).
    Object.assign(
      files,
      corpusSearchFiles(
        inCorpusOrder(
          built.map((d) => d.search),
          corpusEntries.plans.map((p) => p.slug),
        ),
        corpus.topics,
      ),
    );
    // 16. The write: .generated/ replaced as a whole (scripts/pipeline/write.ts).
    writeAtomically(outDir, files);
    console.log(
      `Wrote ${outDir}/: ${built.length} plan(s) (${built.map((d) => d.plan.slug).join(', ')}), ${Object.keys(files).length} files`,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`build:data: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    // Anything else is a failure of the build itself (a bug, a full disk, an unwritable --out):
    // one line, what the build was doing, the stack only on request. Nothing was written.
    const detail =
      error instanceof Error
        ? `${(error as NodeJS.ErrnoException).code ? `${(error as NodeJS.ErrnoException).code}: ` : ''}${error.message}`
        : String(error);
    console.error(`build:data: the build failed: ${detail}; nothing was written`);
    if (process.env.PLAN_KB_DEBUG) console.error(error);
    process.exitCode = 1;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A plan's files as the last build wrote them (for --only), or null when any is missing. */
function keptPlanFiles(
  slug: string,
  outDir: string,
): { files: Record<string, string>; data: PlanData } | null {
  const files: Record<string, string> = {};
  for (const name of Object.keys(PLAN_ARTIFACTS) as PlanArtifactName[]) {
    const path = `${outDir}/${planArtifact(slug, name)}`;
    if (!existsSync(path)) return null;
    files[planArtifact(slug, name)] = readFileSync(path, 'utf8');
  }
  const plan = JSON.parse(files[planArtifact(slug, 'plan')]!) as PlanFile;
  const targets = (JSON.parse(files[planArtifact(slug, 'targets')]!) as TargetFile).targets;
  const entities = JSON.parse(files[planArtifact(slug, 'entities')]!) as EntityIndex;
  const search = keptPlanSearch(
    slug,
    (path) => existsSync(`${outDir}/${path}`),
    (path) => readFileSync(`${outDir}/${path}`, 'utf8'),
  );
  if (!search) return null;
  return { files, data: { plan, targets, entities, files: {} as PlanData['files'], search } };
}

function treeSummary(document: DocumentNode): string {
  const c = countKinds(document);
  return (
    `Tree: ${c.part ?? 0} parts, ${c.chapter ?? 0} chapters, ${c.section ?? 0} sections, ${c.subpart ?? 0} sub-parts, ${c.measure ?? 0} measures, ` +
    `${c.paragraph ?? 0} paragraphs, ${c.box ?? 0} boxes with ${c.boxItem ?? 0} items, ${c.table ?? 0} tables with ${c.indicator ?? 0} indicator rows`
  );
}

// Run only as the entry point (`tsx scripts/build.ts`), not when a test imports the stages.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
