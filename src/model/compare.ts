/**
 * Comparing plans: the reviewed list of shared metrics (`content/compare/metrics.yaml`, one
 * zod schema, read by scripts/compare/metric-list.ts with file:line: field errors) and the
 * file the build makes of it, `compare/metrics.json` (scripts/compare/metrics.ts). The
 * matching rule is in docs/compare.md.
 */
import { z } from 'zod';

/** The categories the compare pages group and filter by (each plan names its own). */
export const METRIC_CATEGORIES = [
  '经济发展',
  '科技创新',
  '民生福祉',
  '绿色生态',
  '安全保障',
  '社会文明',
] as const;
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];

/**
 * What a metric's figures measure. Rows of different bases are never matched, whatever
 * their names: a level (a stock or a ratio: 森林覆盖率), an average annual rate (年均增长),
 * a reduction over the plan period (降低, 下降率: how five-year plans state intensity
 * targets), or a five-year total (累计). A cumulative metric takes only rows that print
 * their figure as cumulative (累计 in the name or the cell, [ ] or 〔 〕).
 */
export const METRIC_BASES = ['level', 'growth', 'reduction', 'cumulative'] as const;
export type MetricBasis = (typeof METRIC_BASES)[number];

/** The words for each basis, as the pages print them. */
export const BASIS_LABELS: Readonly<Record<MetricBasis, string>> = {
  level: '水平值',
  growth: '年均增速',
  reduction: '期内降低',
  cumulative: '五年累计',
};

/** A metric's ID: its URL segment, /compare/indicators/<id>/. */
export const METRIC_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const text = z.string().trim().min(1);

/** One entry of content/compare/metrics.yaml. */
export const metricEntrySchema = z
  .object({
    /** Lower-case words joined by -, e.g. rd-intensity. Never changes once published. */
    id: z.string().regex(METRIC_ID, 'expected lower-case words joined by -, like rd-intensity'),
    /** The canonical name the compare pages show, e.g. 研发经费投入强度. */
    name: text.max(60),
    /** The canonical unit, e.g. %, 万元/人 ('' for a pure ratio). */
    unit: z.string().max(20),
    /**
     * The units the plans print for this metric, when a plan prints another spelling of the
     * same unit (南京 prints 万元 for 全员劳动生产率, meaning 万元/人): the canonical unit
     * first. Needs a `note` saying why they are one unit.
     */
    units: z.array(z.string().max(20)).min(2).optional(),
    category: z.enum(METRIC_CATEGORIES),
    basis: z.enum(METRIC_BASES),
    /** The names plans print for it, each matched after normalisation (docs/compare.md). */
    wordings: z.array(text.max(80)).min(1),
    /** Why these wordings (and units) are one metric, for the reviewer and the page. */
    note: text.max(300).optional(),
  })
  .strict()
  .refine((m) => !m.units || m.units[0] === m.unit, {
    message: 'expected the canonical unit first in "units"',
    path: ['units'],
  })
  .refine((m) => !m.units || m.note, {
    message: 'a metric with several units needs a "note" saying why they are one unit',
    path: ['note'],
  });

/** Two wordings that must never be one metric, and why. */
export const distinctEntrySchema = z
  .object({
    wordings: z.array(text.max(80)).length(2),
    reason: text.max(300),
  })
  .strict();

export const metricListSchema = z
  .object({
    metrics: z.array(metricEntrySchema),
    distinct: z.array(distinctEntrySchema).default([]),
  })
  .strict();

export type MetricEntry = z.output<typeof metricEntrySchema>;
export type DistinctEntry = z.output<typeof distinctEntrySchema>;

/** The list as read, each entry with the line it starts on (for messages). */
export interface MetricList {
  file: string;
  metrics: (MetricEntry & { line: number })[];
  distinct: (DistinctEntry & { line: number })[];
}

/* ------------------------------------------------------------------------ */
/* compare/metrics.json                                                      */
/* ------------------------------------------------------------------------ */

/** One figure of a plan's series: a cell of one of its indicator rows. */
export interface MetricValue {
  /** The indicator row it is read from, e.g. T2.4. */
  row: string;
  /** The column header as printed (2020年, 十三五目标, 年均). */
  column: string;
  /** The year it refers to: the column's, or for a 年均 column the table's target year. */
  year: number;
  kind: 'actual' | 'target';
  /** The cell as normalised by the table reader (25左右*, ＞10, 完成省定目标). */
  text: string;
  /** The number, or null when the cell states none (完成省定目标). */
  value: number | null;
  comparator: '>' | '<' | '≥' | '≤' | null;
  approximate: boolean;
  cumulative: boolean;
  /** `*`: the table's note says what it means (李沧: a city figure; 南京: not yet published). */
  starred: boolean;
}

/** One indicator row matched into a metric. */
export interface MetricRow {
  id: string;
  /** The plan path of the row, e.g. /indicators/#T2.4 (planUrl makes the site URL). */
  url: string;
  /** The table's label: 表1, 专栏2. */
  table: string;
  /** The name as the plan prints it (a sub-row's with its row's: 每千人口拥有医护人员数：注册护士数). */
  name: string;
  unit: string;
  attribute: '预期性' | '约束性' | '';
  /** Whether the row's table sets the plan's own targets (else it reports a past period). */
  current: boolean;
}

/** A clause linked to one of the metric's rows: a measure that pursues it, or the review. */
export interface MetricMeasure {
  id: string;
  /** The row it is linked from. */
  row: string;
  kind: 'explicit' | 'topical';
  /**
   * `pursues`: the clause works toward the row's target (IndicatorNode.measures); `reports`: a
   * clause of the plan's review reports the row's previous-period result (reportedIn, 回顾).
   */
  relation: 'pursues' | 'reports';
  title: string;
  /** The plan path of the measure, e.g. /7/1/#7.1.1. */
  url: string;
}

/** What one plan says of one metric. */
export interface MetricPlan {
  slug: string;
  rows: MetricRow[];
  /** The latest actual figure before the plan period (2020 for 2021–2025), or null. */
  baseline: MetricValue | null;
  /** The plan's target for its own end year (2025 for 2021–2025), or null when it sets none. */
  target: MetricValue | null;
  /** The attribute of the row that sets the target (or of the latest row). */
  attribute: '预期性' | '约束性' | '';
  /** Every figure of every row, by year, targets before actuals in a year. */
  series: MetricValue[];
  measures: MetricMeasure[];
}

/** A metric: one reviewed entry (or one exact wording) and the rows of every plan that state it. */
export interface Metric {
  id: string;
  name: string;
  unit: string;
  category: MetricCategory | string;
  basis: MetricBasis;
  /** In content/compare/metrics.yaml; false for rows grouped by exact name only. */
  reviewed: boolean;
  note?: string;
  /** The plans that state it, in corpus order. */
  plans: MetricPlan[];
}

/** compare/metrics.json. */
export interface CompareMetricsFile {
  /** Bumped when the shape of this file changes. */
  schema: 1;
  /** The plans compared, in corpus order (the columns of /compare/indicators/). */
  plans: {
    slug: string;
    shortName: string;
    /** A short label for charts and column heads: 广州, 李沧. */
    label: string;
    region: string;
    period: { start: number; end: number };
  }[];
  /** Every metric, those of two plans or more first, then by category and name. */
  metrics: Metric[];
  /** Wordings of the list that match no row of the corpus, for the reviewer. */
  unusedWordings: string[];
  /** Rows a wording names that do not join its metric (another unit or basis), and why. */
  rejected: { slug: string; row: string; name: string; metric: string; reason: string }[];
}

/** Whether a metric is shared, i.e. stated by two plans or more. */
export const isShared = (metric: Metric): boolean => metric.plans.length >= 2;
