import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DocumentNode, PlanFile } from '../model/types.ts';

/**
 * The built plan, read once per process. Read from the working directory
 * (where `npm run build` and the tests run) rather than imported, because the
 * data endpoints serve the file's bytes as-is and Astro's bundling would move
 * any `import.meta.url`-relative path.
 */
export const PLAN_PATH = '.generated/plan.json';

let cached: PlanFile | undefined;

export function planPath(): string {
  return resolve(process.cwd(), PLAN_PATH);
}

export function loadPlan(): PlanFile {
  cached ??= JSON.parse(readFileSync(planPath(), 'utf8')) as PlanFile;
  return cached;
}

export function loadDocument(): DocumentNode {
  return loadPlan().document;
}
