/**
 * Build the data: content/ → .generated/ (plan.json, entities.json,
 * targets.json/csv, search/index.json), which the
 * Astro site then renders and serves under dist/data/. Prints the repair
 * report; on bad input prints every problem (file:line: rule: reason) and
 * exits 1 without writing anything.
 */
import { readFileSync } from 'node:fs';
import { buildPlan } from './pipeline/index.ts';
import { IssueCollector, PlanError } from './pipeline/errors.ts';
import { CURATED_FILE, buildEntityData } from './pipeline/entities-build.ts';
import { countKinds, repairReport } from './pipeline/report.ts';
import { writeAtomically } from './pipeline/write.ts';
import { buildSearchArtifacts, SearchBuildError } from './search-index/build-index.ts';

export const SOURCE_FILE = 'content/licang-14th-five-year-plan.md';
export const OUT_DIR = '.generated';

function main(): void {
  const source = process.argv[2] ?? SOURCE_FILE;
  const outDir = process.argv[3] ?? OUT_DIR;
  try {
    const plan = buildPlan(readFileSync(source), source);
    const curatedIssues = new IssueCollector(CURATED_FILE);
    const { entities: entityIndex, files: entities } = buildEntityData(
      plan.document,
      readFileSync(CURATED_FILE, 'utf8'),
      curatedIssues,
    );
    curatedIssues.throwIfAny();
    const search = buildSearchArtifacts(plan, entityIndex);
    writeAtomically(outDir, { 'plan.json': JSON.stringify(plan, null, 1), ...entities, ...search });
    console.log(repairReport(plan.document, source));
    const counts = countKinds(plan.document);
    console.log(
      `Tree: ${counts.chapter} chapters, ${counts.section} sections, ${counts.subpart} sub-parts, ${counts.measure} measures, ` +
        `${counts.paragraph} paragraphs, ${counts.box} boxes with ${counts.boxItem} items, ${counts.table} tables with ${counts.indicator} indicator rows`,
    );
    console.log(
      `Wrote ${outDir}/: ${['plan.json', ...Object.keys(entities), ...Object.keys(search)].join(', ')}`,
    );
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

main();
