import { readFileSync } from 'node:fs';
import { buildPlan } from '../../scripts/build.ts';
import type { PlanFile } from '../../src/model/types.ts';

export const SOURCE = 'content/licang-14th-five-year-plan.md';
export const sourceBytes = (): Buffer => readFileSync(SOURCE);

let cached: PlanFile | undefined;
/** The real plan, built once per test file. */
export function realPlan(): PlanFile {
  cached ??= buildPlan(sourceBytes(), SOURCE);
  return cached;
}
