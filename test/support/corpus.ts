import {
  buildPlan,
  corpusFile,
  discoverPlans,
  readPlanInputs,
  type PlanInputs,
} from '../../scripts/build.ts';
import type { EntityIndex, PlanFile } from '../../src/model/types.ts';

/**
 * Every plan of the corpus (content/plans/), built in-process by the build's
 * own pure functions, each once per test file.
 */
export const SLUGS = discoverPlans();

const inputs = new Map<string, PlanInputs>();
const plans = new Map<string, PlanFile>();

export function corpusInputs(slug: string): PlanInputs {
  let found = inputs.get(slug);
  if (!found) inputs.set(slug, (found = readPlanInputs(slug)));
  return found;
}

export function corpusPlan(slug: string): PlanFile {
  let plan = plans.get(slug);
  if (!plan) {
    const i = corpusInputs(slug);
    plans.set(slug, (plan = buildPlan(i.bytes, i.file, i.meta)));
  }
  return plan;
}

/** The plans' slugs in the corpus's display order (corpusFile's: level, then period, region). */
export function corpusOrder(plans: PlanFile[]): string[] {
  return corpusFile(
    plans.map((plan) => ({
      plan,
      targets: [],
      entities: { entities: [] } as unknown as EntityIndex,
    })),
  ).plans.map((p) => p.slug);
}
