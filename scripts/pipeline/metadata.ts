/**
 * Read a plan's metadata file (`content/plans/<slug>/plan.yaml`) with the
 * `yaml` parser and validate it with the model's zod schema. Every problem
 * is reported as `file:line: metadata-<field>: reason`, naming the field and
 * what was expected; the line is the field's own (or 1 for a missing one).
 */
import { isMap, LineCounter, parseDocument } from 'yaml';
import { planMetaSchema, SLUG, type PlanMeta } from '../../src/model/plan-meta.ts';
import type { IssueCollector } from './errors.ts';

export function readPlanMeta(text: string, slug: string, issues: IssueCollector): PlanMeta | null {
  if (!SLUG.test(slug)) {
    issues.add(
      1,
      'metadata-slug',
      `the plan folder "${slug}" is not a slug; expected lower-case words joined by -, like nanjing-15`,
    );
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const line = lineCounter.linePos(error.pos[0]).line;
    issues.add(
      line,
      'metadata-yaml',
      `${error.message.split('\n')[0]}; expected YAML fields like "title: …"`,
    );
  }
  if (doc.errors.length > 0) return null;
  if (!isMap(doc.contents)) {
    issues.add(
      1,
      'metadata-yaml',
      'the file holds no fields; expected YAML fields like "title: …"',
    );
    return null;
  }
  const lineOf = (field: PropertyKey | undefined): number => {
    if (typeof field !== 'string') return 1;
    const pair =
      doc.contents && isMap(doc.contents)
        ? doc.contents.items.find((p) => String((p.key as { value?: unknown })?.value) === field)
        : undefined;
    const offset = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    return offset === undefined ? 1 : lineCounter.linePos(offset).line;
  };
  const raw = doc.toJS() as Record<string, unknown>;
  const parsed = planMetaSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          issues.add(
            lineOf(key),
            'metadata-unknown',
            `unknown field "${key}"; expected only the fields of src/model/plan-meta.ts`,
          );
        continue;
      }
      const name = typeof field === 'string' ? field : '(file)';
      const missing = typeof field === 'string' && !(field in raw);
      issues.add(
        lineOf(field),
        `metadata-${name}`,
        missing
          ? `field "${name}" is missing; ${expectedOf(name)}`
          : `field "${name}": ${issue.message}`,
      );
    }
    return null;
  }
  return { ...parsed.data, slug };
}

/** What each field holds, for the "missing" message. */
function expectedOf(field: string): string {
  const examples: Record<string, string> = {
    title: 'expected the plan title as printed',
    shortName: 'expected a short name such as 南京“十五五”规划纲要',
    issuer: 'expected the issuing body such as 南京市人民政府',
    level: 'expected one of 区, 县, 市, 省, 国家',
    region: 'expected the region such as 江苏省南京市',
    period: 'expected the plan period such as 2026–2030',
    date: 'expected the date of issue such as 2026-05-21',
    sourceUrl: 'expected the address the text was collected from',
    form: 'expected markdown-from-pdf, markdown-from-html, plain-text or pdf-text',
    source: 'expected the source file name such as source.md',
    sha256: 'expected the sha256sum of the source file',
  };
  return examples[field] ?? 'see src/model/plan-meta.ts';
}
