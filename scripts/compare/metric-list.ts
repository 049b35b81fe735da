/**
 * Read the reviewed list of shared metrics (`content/compare/metrics.yaml`) with the `yaml`
 * parser and validate it with the model's zod schema (src/model/compare.ts). Every problem is
 * reported as `file:line: compare-<field>: reason`, on the line of the offending field (or of
 * its entry, when the field is missing), as the plan metadata is (scripts/pipeline/metadata.ts).
 * Besides the schema: IDs are unique, a wording belongs to one metric only, and no metric
 * holds both wordings of a `distinct` pair.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isCollection, LineCounter, parseDocument } from 'yaml';
import { metricListSchema, type MetricList } from '../../src/model/compare.ts';
import { IssueCollector } from '../pipeline/errors.ts';
import { normaliseName } from './metrics.ts';

/** Where the list lives, from the working directory. */
export const METRIC_LIST_FILE = 'content/compare/metrics.yaml';

export function readMetricList(text: string, issues: IssueCollector): MetricList | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors)
    issues.add(
      lineCounter.linePos(error.pos[0]).line,
      'compare-yaml',
      `${error.message.split('\n')[0]}; expected "metrics:" with one entry per metric`,
    );
  if (doc.errors.length > 0) return null;

  /** The line of the deepest node on the path that exists. */
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
        { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const raw = doc.toJS() as unknown;
  if (!isCollection(doc.contents)) {
    issues.add(1, 'compare-yaml', 'the file holds no fields; expected "metrics:"');
    return null;
  }
  const parsed = metricListSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as PropertyKey[];
      const field = [...path].reverse().find((p) => typeof p === 'string') ?? 'list';
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          issues.add(
            lineOf([...path, key]),
            'compare-unknown',
            `unknown field "${key}"; expected only the fields of src/model/compare.ts`,
          );
        continue;
      }
      issues.add(lineOf(path), `compare-${String(field)}`, `${path.join('.')}: ${issue.message}`);
    }
    return null;
  }

  const list: MetricList = {
    file: issues.file,
    metrics: parsed.data.metrics.map((m, i) => ({ ...m, line: lineOf(['metrics', i]) })),
    distinct: parsed.data.distinct.map((d, i) => ({ ...d, line: lineOf(['distinct', i]) })),
  };

  const ids = new Map<string, number>();
  const wordings = new Map<string, { id: string; line: number }>();
  list.metrics.forEach((metric, i) => {
    const seen = ids.get(metric.id);
    if (seen !== undefined)
      issues.add(
        lineOf(['metrics', i, 'id']),
        'compare-id',
        `metric ID "${metric.id}" is already used on line ${seen}; expected one entry per metric`,
      );
    else ids.set(metric.id, lineOf(['metrics', i, 'id']));
    for (const [j, wording] of [metric.name, ...metric.wordings].entries()) {
      const key = normaliseName(wording);
      const other = wordings.get(key);
      const line =
        j === 0 ? lineOf(['metrics', i, 'name']) : lineOf(['metrics', i, 'wordings', j - 1]);
      if (other && other.id !== metric.id)
        issues.add(
          line,
          'compare-wording',
          `"${wording}" is also a wording of ${other.id} (line ${other.line}); a wording names one metric`,
        );
      else if (!other) wordings.set(key, { id: metric.id, line });
    }
  });
  list.distinct.forEach((pair, i) => {
    const [a, b] = pair.wordings.map((w) => wordings.get(normaliseName(w))) as [
      { id: string } | undefined,
      { id: string } | undefined,
    ];
    if (a && b && a.id === b.id)
      issues.add(
        lineOf(['distinct', i]),
        'compare-distinct',
        `"${pair.wordings[0]}" and "${pair.wordings[1]}" must not be one metric (${pair.reason}), but both are wordings of ${a.id}`,
      );
  });
  return list;
}

/** The list from its file, or a PlanError naming every problem in it. */
export function loadMetricList(file: string = METRIC_LIST_FILE): MetricList {
  const issues = new IssueCollector(file);
  if (!existsSync(file))
    issues.fail(
      1,
      'compare-missing',
      `${file} is missing; expected the reviewed list of shared metrics`,
    );
  const list = readMetricList(readFileSync(file, 'utf8'), issues);
  issues.throwIfAny();
  return list!;
}
