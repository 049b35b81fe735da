import { buildPlan } from '../../scripts/build.ts';
import { PlanError, type PlanIssue } from '../../scripts/pipeline/errors.ts';
import type { PlanMeta, SourceForm } from '../../src/model/plan-meta.ts';
import type { PlanFile } from '../../src/model/types.ts';

/**
 * A plan built from a text given in the test, through the build's own pure
 * buildPlan: the tree, or every problem it reports. For small cases (one
 * repair, one rule, one hostile input) that need no plan folder.
 */
export const TEXT_TITLE = '样例市国民经济和社会发展第十五个五年规划纲要';

export function textMeta(form: SourceForm, title = TEXT_TITLE): PlanMeta {
  return {
    slug: 'sample-15',
    title,
    shortName: '样例“十五五”规划纲要',
    issuer: '样例市人民政府',
    level: '市',
    region: '样例省样例市',
    period: { start: 2026, end: 2030 },
    date: '2026',
    sourceUrl: 'https://example.org/plan',
    form,
    source: form.startsWith('markdown') ? 'source.md' : 'source.txt',
    sha256: '0'.repeat(64),
  };
}

export interface TextBuild {
  plan: PlanFile | null;
  issues: PlanIssue[];
  /** Anything thrown that is not a PlanError (a crash: never expected). */
  crash: unknown;
}

export function buildText(
  text: string | Uint8Array,
  form: SourceForm,
  file = 'sample.txt',
  title = TEXT_TITLE,
): TextBuild {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  try {
    return { plan: buildPlan(bytes, file, textMeta(form, title)), issues: [], crash: null };
  } catch (error) {
    if (error instanceof PlanError) return { plan: null, issues: error.issues, crash: null };
    return { plan: null, issues: [], crash: error };
  }
}

/** A whole small plan around a body: the title, then the body's lines. */
export function planAround(body: string, title = TEXT_TITLE): string {
  return `${title}\n\n${body}\n`;
}
