import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlanData, readCorpusSources } from '../../scripts/build.ts';
import {
  CORPUS_ARTIFACTS,
  corpusArtifact,
  type CorpusArtifactName,
  GENERATED_DIR,
  PLAN_ARTIFACTS,
  planArtifact,
  type PlanArtifactName,
  searchPath,
} from '../../src/model/artifacts.ts';
import type { CorpusFile } from '../../src/model/types.ts';
import { type SearchManifest, searchFiles } from '../../src/search/format.ts';
import { LICANG, realInputs } from '../support/real-plan.ts';

/**
 * The contract between build and site (src/model/artifacts.ts): the build
 * writes exactly the files it names, and the site's loader fails hard, naming
 * the missing file and the command that writes it.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(GENERATED_DIR, path)];
  });
}

const readJson = <T>(relativePath: string): T =>
  JSON.parse(readFileSync(join(GENERATED_DIR, relativePath), 'utf8')) as T;

describe('the artifacts contract', () => {
  it('names every file the build wrote to .generated/ (run `npm run build:data` first)', () => {
    const corpus = readJson<CorpusFile>(corpusArtifact('corpus'));
    const manifest = readJson<SearchManifest>(searchPath({ kind: 'manifest' }));
    // The manifest names the search index's shards, whose count depends on the corpus.
    expect(manifest.plans.map((p) => p.slug)).toEqual(corpus.plans.map((p) => p.slug));
    const expected = [
      ...searchFiles(manifest),
      ...(Object.keys(CORPUS_ARTIFACTS) as CorpusArtifactName[]).map(corpusArtifact),
      ...corpus.plans.flatMap((p) =>
        (Object.keys(PLAN_ARTIFACTS) as PlanArtifactName[]).map((name) =>
          planArtifact(p.slug, name),
        ),
      ),
    ];
    expect(filesUnder(GENERATED_DIR).sort()).toEqual(expected.sort());
  });

  it('is what the pure build function makes, byte for byte', () => {
    // With the same stamp as the build: the package version and SOURCE_DATE_EPOCH.
    const { files } = buildPlanData(realInputs(), readCorpusSources());
    expect(Object.keys(files).sort()).toEqual(Object.keys(PLAN_ARTIFACTS).sort());
    for (const [name, body] of Object.entries(files)) {
      const path = join(GENERATED_DIR, planArtifact(LICANG, name as PlanArtifactName));
      expect(readFileSync(path, 'utf8'), name).toBe(body);
    }
  });

  it('makes the site fail with the missing file and the command that writes it', async () => {
    const here = process.cwd();
    const empty = mkdtempSync(join(tmpdir(), 'plan-kb-no-data-'));
    try {
      process.chdir(empty);
      const { artifactBytes } = await import('../../src/site/load-artifacts.ts');
      expect(() => artifactBytes(planArtifact(LICANG, 'entities'))).toThrow(
        `.generated/plans/${LICANG}/entities.json is missing: run \`npm run build:data\``,
      );
    } finally {
      process.chdir(here);
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
