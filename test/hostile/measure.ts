/**
 * Timing the build on hostile input, shared by the hostile suite and the
 * benchmark (`npm run bench:pipeline`): one build of one text through the
 * pure buildPlan, how long it took and how it ended.
 */
import { buildPlan } from '../../scripts/build.ts';
import { PlanError, type PlanIssue } from '../../scripts/pipeline/errors.ts';
import type { SourceForm } from '../../src/model/plan-meta.ts';
import { random } from '../support/real-plan.ts';
import { textMeta } from '../support/plan-text.ts';
import { type HostileClass, normalPlan } from './inputs.ts';

export interface Run {
  ms: number;
  bytes: number;
  /** 'built', or the rules of the problems it reported. */
  outcome: 'built' | { rules: string[]; issues: PlanIssue[] };
  /** Anything thrown that is not a PlanError. */
  crash?: unknown;
}

export function run(text: string | Uint8Array, form: SourceForm): Run {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const file = form.startsWith('markdown') ? 'hostile.md' : 'hostile.txt';
  const start = performance.now();
  try {
    buildPlan(bytes, file, textMeta(form));
    return { ms: performance.now() - start, bytes: bytes.length, outcome: 'built' };
  } catch (error) {
    const ms = performance.now() - start;
    if (error instanceof PlanError) {
      const rules = [...new Set(error.issues.map((i) => i.rule))].sort();
      return { ms, bytes: bytes.length, outcome: { rules, issues: error.issues } };
    }
    return { ms, bytes: bytes.length, outcome: 'built', crash: error };
  }
}

/** The fastest of `times` runs (the least disturbed by the machine's other work). */
export function best(times: number, once: () => Run): Run {
  let fastest: Run | undefined;
  for (let i = 0; i < times; i++) {
    const r = once();
    if (!fastest || r.ms < fastest.ms) fastest = r;
  }
  return fastest!;
}

/** A hostile case at a size, seeded by its name, so any run can be replayed. */
export function hostile(c: HostileClass, form: SourceForm, size: number): string | Uint8Array {
  return c.make(size, form, random(seed(`${c.name}/${form}`)));
}

export function normal(form: SourceForm, size: number): string {
  return normalPlan(size, form);
}

/** A stable 32-bit seed from a name. */
export function seed(name: string): number {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}
