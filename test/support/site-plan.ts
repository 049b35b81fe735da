import type { EntityIndex, Target } from '../../src/model/types.ts';
import { sitePlanOf, type SitePlan } from '../../src/site/site-plan.ts';
import { linkedDocument, realPlan } from './real-plan.ts';

/**
 * The Licang plan as the site's view models see it, built in-process (test/support/real-plan.ts)
 * rather than read from .generated/: its tree after the links stage, with the entity index and
 * the targets a test made from it.
 */
export function realSitePlan(entities?: EntityIndex, targets: Target[] = []): SitePlan {
  return sitePlanOf({ ...realPlan(), document: linkedDocument() }, entities, targets);
}
