/**
 * The compare stage: indicator rows of every plan matched into metrics (docs/compare.md).
 *
 *   rows of every indicator table → each row's metric (reviewed list, else its exact
 *   normalised name and unit) → per metric and plan: rows, series, baseline, target,
 *   attribute, measures → compare/metrics.json
 *
 * Pure: plan trees and the reviewed list in (content/compare/metrics.yaml, read by
 * metric-list.ts), the file out. The rule, in short: a row joins a metric of the list when its
 * normalised name is one of the metric's wordings, its unit is the metric's unit (or one the
 * list names for it), and its basis agrees (a row printed as 累计 joins only a cumulative
 * metric, a cumulative metric only such rows). A row no wording names is grouped with rows of
 * exactly the same normalised name and unit, and stays on its own when there are none. Nothing
 * is matched by similarity: different names are one metric only when the list says so.
 */
import {
  isShared,
  type CompareMetricsFile,
  type Metric,
  type MetricBasis,
  type MetricEntry,
  type MetricList,
  type MetricMeasure,
  type MetricPlan,
  type MetricRow,
  type MetricValue,
} from '../../src/model/compare.ts';
import { walk } from '../../src/model/tree.ts';
import type {
  IndicatorCell,
  IndicatorNode,
  PlanFile,
  PlanNode,
  TableNode,
} from '../../src/model/types.ts';
import { urlMap } from '../../src/model/urls.ts';

/**
 * A name as compared: Unicode compatibility forms folded (full-width letters, digits and
 * brackets, Ⅲ → III), spaces and quotation marks dropped, and a leading 全区/全市/全县/全省
 * (the plan's own area) taken off. Nothing else: other differences of wording go through the
 * reviewed list.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/["'“”‘’「」]/g, '')
    .replace(/^全[区市县省](?=.)/, '');
}

/** A unit as compared: compatibility forms folded, spaces and brackets dropped. */
export function normaliseUnit(unit: string): string {
  return unit
    .normalize('NFKC')
    .replace(/[\s()]+/g, '')
    .trim();
}

/** A cell that states nothing: empty, a dash, or a lone * (南京: not yet published). */
const NO_FIGURE = /^[—\-－–*＊\s]*$/;

/** The name a row is matched by: a sub-row's with its row's name in front. */
function matchName(row: IndicatorNode, byId: Map<string, PlanNode>): string {
  const parent = row.parent ? byId.get(row.parent) : undefined;
  return parent && parent.kind === 'indicator' ? `${parent.name}：${row.name}` : row.name;
}

/** Whether a row prints its figures as five-year totals: 累计 in its name or a cell, [ ] or 〔 〕. */
function markedCumulative(name: string, cells: IndicatorCell[]): boolean {
  return /累计/.test(name) || cells.some((c) => c.cumulative || /累计/.test(c.text));
}

/** The basis a row's name suggests, for a metric no reviewed entry describes. */
function basisOfName(name: string, cumulative: boolean): MetricBasis {
  if (cumulative && !/降低|下降/.test(name)) return 'cumulative';
  if (/降低|下降/.test(name)) return 'reduction';
  if (/年均|增长|增速/.test(name)) return 'growth';
  return 'level';
}

/** Why a row that a wording names does not join that metric, or null when it does. */
export function rejection(
  entry: MetricEntry,
  row: { name: string; unit: string; cumulative: boolean },
): string | null {
  const units = (entry.units ?? [entry.unit]).map(normaliseUnit);
  if (!units.includes(normaliseUnit(row.unit)))
    return `unit ${row.unit || '(none)'} is not ${units.map((u) => u || '(none)').join(' or ')}`;
  if (entry.basis === 'cumulative' && !row.cumulative)
    return 'a cumulative metric, but the row does not print its figure as cumulative';
  if ((entry.basis === 'level' || entry.basis === 'growth') && row.cumulative)
    return `a ${entry.basis} metric, but the row prints a cumulative figure`;
  return null;
}

/** One indicator row with what matching needs. */
interface RowInfo {
  slug: string;
  node: IndicatorNode;
  table: TableNode;
  /** The table's target year (the latest year of its target columns), or null. */
  tableYear: number | null;
  name: string;
  key: string;
  cumulative: boolean;
  current: boolean;
  order: number;
}

/** Every indicator row with figures (a two-level row's sub-rows hold them), in document order. */
function rowsOf(plan: PlanFile): RowInfo[] {
  const byId = new Map<string, PlanNode>();
  for (const { node } of walk(plan.document)) byId.set(node.id, node);
  const rows: RowInfo[] = [];
  for (const { node } of walk(plan.document)) {
    if (node.kind !== 'table' || node.indicators === false) continue;
    const indicators = [...walk(node)]
      .map((w) => w.node)
      .filter((n): n is IndicatorNode => n.kind === 'indicator');
    const years = indicators.flatMap((r) =>
      r.cells.filter((c) => c.role === 'target' && c.year !== null).map((c) => c.year!),
    );
    const tableYear = years.length ? Math.max(...years) : null;
    for (const row of indicators) {
      if (row.cells.length === 0) continue;
      const name = matchName(row, byId);
      const cumulative = markedCumulative(name, row.cells);
      rows.push({
        slug: plan.slug,
        node: row,
        table: node,
        tableYear,
        name,
        key: `${normaliseName(name)}\u0000${normaliseUnit(row.unit)}`,
        cumulative,
        current: tableYear === plan.meta.period.end,
        order: rows.length,
      });
    }
  }
  return rows;
}

/** The figures of a row: its actual and target cells, and its 年均 cell as a target when no target cell has one. */
function valuesOf(row: RowInfo): MetricValue[] {
  const value = (cell: IndicatorCell, year: number, kind: MetricValue['kind']): MetricValue => ({
    row: row.node.id,
    column: cell.column,
    year,
    kind,
    text: cell.text,
    value: cell.value,
    comparator: cell.comparator,
    approximate: cell.approximate,
    cumulative: cell.cumulative,
    starred: cell.cityLevel,
  });
  const figures = row.node.cells.filter((c) => !NO_FIGURE.test(c.text));
  const out: MetricValue[] = [];
  for (const cell of figures)
    if ((cell.role === 'actual' || cell.role === 'target') && cell.year !== null)
      out.push(value(cell, cell.year, cell.role));
  const growth = figures.find((c) => c.role === 'growth');
  if (
    growth &&
    row.tableYear !== null &&
    !out.some((v) => v.kind === 'target' && v.year === row.tableYear)
  )
    out.push(value(growth, row.tableYear, 'target'));
  return out;
}

/** What one plan says of one metric, from its rows (in document order). */
function planEntry(plan: PlanFile, rows: RowInfo[]): MetricPlan {
  const { start, end } = plan.meta.period;
  const current = new Set(rows.filter((r) => r.current).map((r) => r.node.id));
  // Every figure; a figure two rows both print (表1 十三五完成 and 表2 2020年) is kept once,
  // from the plan's own table.
  const all = rows.flatMap(valuesOf);
  const series: MetricValue[] = [];
  for (const v of [...all].sort(
    (a, b) => Number(current.has(b.row)) - Number(current.has(a.row)),
  )) {
    if (!series.some((s) => s.year === v.year && s.kind === v.kind && s.text === v.text))
      series.push(v);
  }
  const rowOrder = new Map(rows.map((r, i) => [r.node.id, i]));
  series.sort(
    (a, b) =>
      a.year - b.year ||
      (a.kind === b.kind ? 0 : a.kind === 'target' ? -1 : 1) ||
      rowOrder.get(a.row)! - rowOrder.get(b.row)!,
  );
  const preferCurrent = (values: MetricValue[]) =>
    values.find((v) => current.has(v.row)) ?? values[0] ?? null;
  const actuals = series.filter((v) => v.kind === 'actual' && v.year < start);
  const latest = actuals.length ? Math.max(...actuals.map((v) => v.year)) : null;
  const baseline = preferCurrent(actuals.filter((v) => v.year === latest));
  const target = preferCurrent(series.filter((v) => v.kind === 'target' && v.year === end));
  const targetRow = rows.find((r) => r.node.id === target?.row);
  const attributeRow = targetRow ?? [...rows].reverse().find((r) => r.current) ?? rows.at(-1)!;

  const urls = urlMap(plan.document);
  const byId = new Map<string, PlanNode>();
  for (const { node } of walk(plan.document)) byId.set(node.id, node);
  const measures: MetricMeasure[] = [];
  for (const relation of ['pursues', 'reports'] as const)
    for (const row of [...rows].sort((a, b) => Number(b.current) - Number(a.current)))
      for (const link of (relation === 'pursues' ? row.node.measures : row.node.reportedIn) ?? []) {
        if (measures.some((m) => m.id === link.id && m.relation === relation)) continue;
        const node = byId.get(link.id);
        measures.push({
          id: link.id,
          row: row.node.id,
          kind: link.kind,
          relation,
          title: node?.title || link.id,
          url: urls.get(link.id) ?? '/',
        });
      }

  return {
    slug: plan.slug,
    rows: rows.map((r): MetricRow => ({
      id: r.node.id,
      url: urls.get(r.node.id)!,
      table: r.table.label,
      name: r.name,
      unit: r.node.unit,
      attribute: r.node.attribute,
      current: r.current,
    })),
    baseline,
    target,
    attribute: attributeRow.node.attribute,
    series,
    measures,
  };
}

/** A short label for a plan in charts and table headers: 广州, 李沧 (from 李沧区“十四五”…). */
export function planLabel(shortName: string): string {
  const head = shortName.split(/[“"《]/)[0]!.trim();
  return head.length > 2 ? head.replace(/[市区县]$/, '') : head || shortName;
}

type Rejected = CompareMetricsFile['rejected'][number];

/**
 * The compare file: every plan's indicator rows matched into metrics. `list` is the reviewed
 * list; `order` the plans' slugs in display order (corpus.json's), the columns of the compare
 * table.
 */
export function compareMetrics(
  plans: PlanFile[],
  list: MetricList,
  order: readonly string[] = plans.map((p) => p.slug),
): CompareMetricsFile {
  const ordered = [...plans].sort((a, b) => order.indexOf(a.slug) - order.indexOf(b.slug));
  const byWording = new Map<string, MetricEntry>();
  for (const entry of list.metrics)
    for (const w of [entry.name, ...entry.wordings]) byWording.set(normaliseName(w), entry);

  // Each row to its group: a reviewed metric's ID, or its exact name and unit.
  const groups = new Map<string, { entry: MetricEntry | null; rows: RowInfo[] }>();
  const rejected: Rejected[] = [];
  const usedWordings = new Set<string>();
  for (const plan of ordered)
    for (const row of rowsOf(plan)) {
      const normalised = normaliseName(row.name);
      const entry = byWording.get(normalised);
      const why = entry ? rejection(entry, { ...row, unit: row.node.unit }) : null;
      if (entry && why)
        rejected.push({
          slug: row.slug,
          row: row.node.id,
          name: row.name,
          metric: entry.id,
          reason: why,
        });
      const matched = entry && !why ? entry : null;
      if (matched) usedWordings.add(normalised);
      const groupKey = matched ? `list:${matched.id}` : `auto:${row.key}`;
      let group = groups.get(groupKey);
      if (!group) groups.set(groupKey, (group = { entry: matched, rows: [] }));
      group.rows.push(row);
    }

  const metrics: Metric[] = [];
  for (const { entry, rows } of groups.values()) {
    const first = rows[0]!;
    const plansOf = ordered
      .filter((p) => rows.some((r) => r.slug === p.slug))
      .map((p) =>
        planEntry(
          p,
          rows.filter((r) => r.slug === p.slug),
        ),
      );
    metrics.push({
      id: entry?.id ?? `${first.slug}-${first.node.id.toLowerCase().replace(/\./g, '-')}`,
      name: entry?.name ?? first.name,
      unit: entry?.unit ?? first.node.unit,
      category: entry?.category ?? first.node.category,
      basis: entry?.basis ?? basisOfName(first.name, first.cumulative),
      reviewed: entry !== null,
      ...(entry?.note ? { note: entry.note } : {}),
      plans: plansOf,
    });
  }
  // Shared metrics first; the reviewed ones in the list's order, then the others as found.
  const listOrder = new Map(list.metrics.map((m, i) => [m.id, i]));
  const rank = (m: Metric) => listOrder.get(m.id) ?? list.metrics.length;
  const found = new Map(metrics.map((m, i) => [m.id, i]));
  metrics.sort(
    (a, b) =>
      Number(isShared(b)) - Number(isShared(a)) ||
      rank(a) - rank(b) ||
      found.get(a.id)! - found.get(b.id)!,
  );

  const unusedWordings = list.metrics.flatMap((m) =>
    m.wordings.filter((w) => !usedWordings.has(normaliseName(w))),
  );
  return {
    schema: 1,
    plans: ordered.map((p) => ({
      slug: p.slug,
      shortName: p.meta.shortName,
      label: planLabel(p.meta.shortName),
      region: p.meta.region,
      period: p.meta.period,
    })),
    metrics,
    unusedWordings,
    rejected,
  };
}

/** What the build prints: how many metrics each number of plans shares, and what to review. */
export function compareReport(file: CompareMetricsFile): string {
  const byCount = new Map<number, number>();
  for (const m of file.metrics.filter(isShared))
    byCount.set(m.plans.length, (byCount.get(m.plans.length) ?? 0) + 1);
  const lines = [
    `Shared metrics: ${file.metrics.filter(isShared).length} (${[...byCount]
      .sort((a, b) => b[0] - a[0])
      .map(([n, c]) => `${c} in ${n} plans`)
      .join(', ')}), ${file.metrics.length} metrics in all`,
  ];
  const unreviewed = file.metrics.filter((m) => isShared(m) && !m.reviewed);
  if (unreviewed.length)
    lines.push(
      `  not in content/compare/metrics.yaml (matched by exact name and unit only; review them): ${unreviewed.map((m) => `${m.name} (${m.unit})`).join(', ')}`,
    );
  if (file.unusedWordings.length)
    lines.push(`  wordings that match no row: ${file.unusedWordings.join(', ')}`);
  return lines.join('\n');
}
