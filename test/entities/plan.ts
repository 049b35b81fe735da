import { readFileSync } from 'node:fs';
import { IssueCollector } from '../../scripts/pipeline/errors.ts';
import { CURATED_FILE } from '../../scripts/build.ts';
import { parseCurated, type CuratedList } from '../../scripts/pipeline/entities.ts';
import { linkMeasuresAndIndicators } from '../../scripts/pipeline/links.ts';
import type { DocumentNode } from '../../src/model/types.ts';
import { realPlan } from '../pipeline/plan.ts';

export { realPlan };

let linked: DocumentNode | undefined;
/** The real plan after the links stage, built once per test file. */
export function linkedDocument(): DocumentNode {
  linked ??= linkMeasuresAndIndicators(realPlan().document);
  return linked;
}

export const curatedText = (): string => readFileSync(CURATED_FILE, 'utf8');

/** content/entities/curated.json, failing the test on any problem in it. */
export function curatedList(): CuratedList {
  const issues = new IssueCollector(CURATED_FILE);
  const list = parseCurated(curatedText(), issues);
  issues.throwIfAny();
  return list;
}

/** JSON as prettier prints it, so golden files pass `prettier --check`. */
export async function prettyJson(value: unknown): Promise<string> {
  const { format } = await import('prettier');
  return format(JSON.stringify(value), { parser: 'json', printWidth: 100 });
}
