import {
  BASIS_LABELS,
  isShared,
  METRIC_CATEGORIES,
  type CompareMetricsFile,
  type Metric,
  type MetricPlan,
  type MetricValue,
} from '../model/compare.ts';
import { toCsv, type CsvValue } from '../model/csv.ts';
import { compareMetricUrl, planUrl, PLAN_PAGES } from '../model/urls.ts';
import { BOUND_WORDS, chartInput, numericPoints, renderMetricChart } from './metric-chart.ts';

/**
 * The compare pages' view models (docs/compare.md), from the build's compare/metrics.json:
 * /compare/indicators/ (one row per shared metric, one column per plan), the page of each
 * metric (its chart and its numbers), its CSV and JSON, and the charts of one plan's own
 * series on its indicators page. Every value links to its row on the plan's indicators page.
 */

/** A plan as a column of the compare table. */
export interface ComparePlanView {
  slug: string;
  /** 广州, 李沧. */
  label: string;
  shortName: string;
  period: string;
  /** The plan's indicators page. */
  href: string;
}

/** One figure, as the pages show it. */
export interface ValueView {
  /** As printed: ＞10, 25左右*, 完成省定目标. */
  text: string;
  year: number;
  kind: 'actual' | 'target';
  /** The number, for sorting; null when the figure states none. */
  value: number | null;
  /** In words: 高于10%, 约25%, 期内累计20%, 84.38 岁. */
  words: string;
  /** Whether the words say more than the number: a bound, 左右 or a cumulative figure. */
  bounded: boolean;
  /** The column it was printed in: 2020年, 十三五目标. */
  column: string;
  /** The row's ID and its place on the plan's indicators page. */
  row: string;
  href: string;
}

export interface MeasureView {
  id: string;
  title: string;
  href: string;
  kind: 'explicit' | 'topical';
}

/** What one plan says of one metric. */
export interface CompareCellView {
  plan: ComparePlanView;
  baseline: ValueView | null;
  target: ValueView | null;
  attribute: string;
  rows: { id: string; table: string; name: string; unit: string; href: string; current: boolean }[];
  /** Clauses that pursue the metric's rows (IndicatorNode.measures). */
  measures: MeasureView[];
  /** Clauses of the plan's review that report a row's previous-period result (回顾). */
  review: MeasureView[];
  series: ValueView[];
}

export interface CompareRowView {
  id: string;
  name: string;
  unit: string;
  category: string;
  basis: string;
  note?: string;
  href: string;
  /** How many plans state it. */
  count: number;
  /** One per plan of the corpus, null where the plan does not state it. */
  cells: (CompareCellView | null)[];
}

export interface CompareTableView {
  plans: ComparePlanView[];
  categories: string[];
  rows: CompareRowView[];
}

/** A figure in words: the bound (不低于, 高于, 约) and the cumulative mark spelled out. */
export function valueWords(v: MetricValue, unit: string): string {
  if (v.value === null) return v.text;
  const bound = v.comparator ? BOUND_WORDS[v.comparator] : v.approximate ? BOUND_WORDS['≈'] : '';
  const n = `${v.value}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
  return `${v.cumulative ? '期内累计' : ''}${bound}${n}`;
}

function planView(plan: CompareMetricsFile['plans'][number]): ComparePlanView {
  return {
    slug: plan.slug,
    label: plan.label,
    shortName: plan.shortName,
    period: `${plan.period.start}–${plan.period.end}`,
    href: planUrl(plan.slug, PLAN_PAGES.indicators),
  };
}

function valueView(
  slug: string,
  v: MetricValue,
  unit: string,
  rows: MetricPlan['rows'],
): ValueView {
  const row = rows.find((r) => r.id === v.row)!;
  return {
    text: v.text,
    year: v.year,
    kind: v.kind,
    value: v.value,
    words: valueWords(v, unit),
    bounded: v.value !== null && (v.comparator !== null || v.approximate || v.cumulative),
    column: v.column,
    row: v.row,
    href: planUrl(slug, row.url),
  };
}

function cellView(metric: Metric, p: MetricPlan, plan: ComparePlanView): CompareCellView {
  const value = (v: MetricValue | null) => (v ? valueView(p.slug, v, metric.unit, p.rows) : null);
  const measure = (m: MetricPlan['measures'][number]): MeasureView => ({
    id: m.id,
    title: m.title,
    href: planUrl(p.slug, m.url),
    kind: m.kind,
  });
  return {
    plan,
    baseline: value(p.baseline),
    target: value(p.target),
    attribute: p.attribute,
    rows: p.rows.map((r) => ({
      id: r.id,
      table: r.table,
      name: r.name,
      unit: r.unit,
      href: planUrl(p.slug, r.url),
      current: r.current,
    })),
    measures: p.measures.filter((m) => m.relation === 'pursues').map(measure),
    review: p.measures.filter((m) => m.relation === 'reports').map(measure),
    series: p.series.map((v) => valueView(p.slug, v, metric.unit, p.rows)),
  };
}

function rowView(metric: Metric, plans: ComparePlanView[]): CompareRowView {
  return {
    id: metric.id,
    name: metric.name,
    unit: metric.unit,
    category: metric.category,
    basis: BASIS_LABELS[metric.basis],
    ...(metric.note ? { note: metric.note } : {}),
    href: compareMetricUrl(metric.id),
    count: metric.plans.length,
    cells: plans.map((plan) => {
      const p = metric.plans.find((x) => x.slug === plan.slug);
      return p ? cellView(metric, p, plan) : null;
    }),
  };
}

/** /compare/indicators/: every shared metric, in the reviewed list's order (by category). */
export function compareTable(file: CompareMetricsFile): CompareTableView {
  const plans = file.plans.map(planView);
  const rows = file.metrics.filter(isShared).map((m) => rowView(m, plans));
  const known = METRIC_CATEGORIES.filter((c) => rows.some((r) => r.category === c));
  const others = [...new Set(rows.map((r) => r.category))].filter(
    (c) => !(METRIC_CATEGORIES as readonly string[]).includes(c),
  );
  return { plans, categories: [...known, ...others], rows };
}

/** The shared metrics' IDs, for the pages' getStaticPaths. */
export const sharedMetricIds = (file: CompareMetricsFile): string[] =>
  file.metrics.filter(isShared).map((m) => m.id);

export interface MetricPageView {
  row: CompareRowView;
  /** The chart as HTML (a figure), rendered at build time. */
  chart: string;
  /** Whether the chart plots anything (else it is a text figure). */
  plotted: boolean;
}

/** /compare/indicators/<id>/: the metric's chart and every figure of every plan. */
export function metricPage(file: CompareMetricsFile, id: string): MetricPageView {
  const metric = file.metrics.find((m) => m.id === id);
  if (!metric) throw new Error(`no metric ${id} in compare/metrics.json`);
  const input = chartInput(metric, file.plans);
  return {
    row: rowView(metric, file.plans.map(planView)),
    chart: renderMetricChart(input),
    plotted: numericPoints(input) >= 2,
  };
}

export interface PlanChartView {
  /** The chart figure's ID (`chart-T2.4`, after the plan's current row), linked from the table. */
  id: string;
  name: string;
  unit: string;
  rows: CompareCellView['rows'];
  series: ValueView[];
  chart: string;
  /** The metric's compare page, when other plans state it too. */
  compare: string | null;
}

/**
 * The charts of one plan's indicators page: each metric whose rows in this plan give a series
 * (three figures or more, two of them numbers: 李沧 表1 → 表2, 2015 → 十三五目标 → 2020 → 2025;
 * 南京 专栏1 → 专栏2), drawn from this plan's figures only.
 */
export function planCharts(file: CompareMetricsFile, slug: string): PlanChartView[] {
  const plans = file.plans.map(planView);
  const plan = plans.find((p) => p.slug === slug);
  if (!plan) return [];
  const views: PlanChartView[] = [];
  for (const metric of file.metrics) {
    const p = metric.plans.find((x) => x.slug === slug);
    if (!p || p.series.length < 3) continue;
    const main = p.rows.find((r) => r.current) ?? p.rows.at(-1)!;
    const id = `chart-${main.id}`;
    const input = chartInput(metric, file.plans, { id, only: [slug] });
    if (numericPoints(input) < 2) continue;
    const cell = cellView(metric, p, plan);
    views.push({
      id,
      name: metric.name,
      unit: metric.unit,
      rows: cell.rows,
      series: cell.series,
      chart: renderMetricChart(input),
      compare: isShared(metric) ? compareMetricUrl(metric.id) : null,
    });
  }
  return views;
}

/* -------------------------------------------------------------- downloads */

/** The compare table's CSV header: one line per metric and plan. */
export const COMPARE_CSV_HEADER = [
  '指标编号',
  '指标',
  '单位',
  '类别',
  '口径',
  '规划',
  '规划简称',
  '基期值',
  '基期年份',
  '目标值',
  '目标年份',
  '属性',
  '表中行',
  '行链接',
  '相关措施',
] as const;

/** /compare/indicators.csv: the compare table, one line per metric and plan, through the one CSV writer. */
export function compareCsv(file: CompareMetricsFile): string {
  const table = compareTable(file);
  const lines: CsvValue[][] = [];
  for (const row of table.rows)
    for (const cell of row.cells) {
      if (!cell) continue;
      lines.push([
        row.id,
        row.name,
        row.unit,
        row.category,
        row.basis,
        cell.plan.shortName,
        cell.plan.label,
        cell.baseline?.text ?? null,
        cell.baseline?.year ?? null,
        cell.target?.text ?? null,
        cell.target?.year ?? null,
        cell.attribute,
        cell.rows.map((r) => `${r.table} ${r.id}`).join('；'),
        cell.rows.map((r) => r.href).join(' '),
        cell.measures.map((m) => `${m.id} ${m.title}`).join('；'),
      ]);
    }
  return toCsv(COMPARE_CSV_HEADER, lines);
}

/** /compare/indicators.json: the same table, with every figure of every plan and its links. */
export function compareJson(file: CompareMetricsFile): string {
  const table = compareTable(file);
  const value = (v: ValueView | null) =>
    v && { text: v.text, value: v.value, year: v.year, words: v.words, row: v.row, url: v.href };
  return JSON.stringify(
    {
      schema: 1,
      plans: table.plans.map((p) => ({
        slug: p.slug,
        label: p.label,
        name: p.shortName,
        period: p.period,
      })),
      metrics: table.rows.map((row) => ({
        id: row.id,
        name: row.name,
        unit: row.unit,
        category: row.category,
        basis: row.basis,
        url: row.href,
        plans: Object.fromEntries(
          row.cells.flatMap((cell) =>
            cell
              ? [
                  [
                    cell.plan.slug,
                    {
                      baseline: value(cell.baseline),
                      target: value(cell.target),
                      attribute: cell.attribute,
                      rows: cell.rows.map((r) => ({
                        id: r.id,
                        table: r.table,
                        name: r.name,
                        url: r.href,
                      })),
                      measures: cell.measures.map((m) => ({
                        id: m.id,
                        title: m.title,
                        url: m.href,
                        kind: m.kind,
                      })),
                      series: cell.series.map(value),
                    },
                  ],
                ]
              : [],
          ),
        ),
      })),
    },
    null,
    1,
  );
}
