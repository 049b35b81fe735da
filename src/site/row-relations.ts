import type {
  IndicatorCell,
  IndicatorNode,
  LinkBasis,
  LinkKind,
  RowRelation,
  TableNode,
} from '../model/types.ts';
import { rowLinker, type ClauseLink } from './annotations.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * What /indicators/ shows beside each row of an indicator table (docs/entities.md, “What the
 * site shows”): the clauses that pursue it (相关措施, explicit first), or that nothing in the
 * plan's text does (unpursued); the goal clauses that state it (目标表述); the review passages
 * that report its previous-period result (回顾, never called 措施); and the row of the other
 * table that reports the same metric, with both rows' figures in time order, so a reader sees
 * 2015 → 2020 → 2025 in one place.
 */

/** One figure of a row's series: when, what the table prints, and in which unit. */
export interface SeriesValue {
  /** 2015年, 2020年目标, 2021—2025 年均: the column's time, in words. */
  label: string;
  /** The cell as printed (merged cells resolved). */
  text: string;
  /** The row's unit ('' when none). */
  unit: string;
  /** The row the figure comes from. */
  row: string;
  role: IndicatorCell['role'];
}

/** The row of the other table that reports the same metric (or a related one). */
export interface RowLineage {
  /** `previous`: the row of the previous-period table this row carries on; `next`: a row of the target table that carries this row on. */
  direction: 'previous' | 'next';
  /** `same`: the same metric; `related`: a related metric, whose unit or basis may differ. */
  match: RowRelation['match'];
  /** The other row: its ID, URL, name and where it is (表1第1项). */
  row: { id: string; href: string; name: string; label: string; unit: string };
  /** Both rows' figures, the earlier table's first, in time order. */
  series: SeriesValue[];
  /** Every figure has the same unit (shown once), or the rows differ (each figure shows its own). */
  unit: string | null;
}

export interface RowRelations {
  /** The clauses that pursue the row, explicit first; undefined for a row of a previous-period table. */
  measures?: ClauseLink[];
  /** No clause of the plan's text pursues the row: the page says so instead of leaving a blank. */
  unpursued: boolean;
  statedIn: ClauseLink[];
  reportedIn: ClauseLink[];
  lineage: RowLineage[];
}

/** Cells that print no figure. */
const EMPTY = /^[\s—\-－/／]*$/;

/** The years a table's growth columns span: the plan's period, or the one before it. */
function periodOf(plan: SitePlan, table: TableNode | undefined): { start: number; end: number } {
  const { start, end } = plan.meta.period;
  const length = end - start + 1;
  return table?.period === 'previous' ? { start: start - length, end: start - 1 } : { start, end };
}

/** A row's figures as series values, each with its time in words and a sort key. */
function rowValues(
  plan: SitePlan,
  row: IndicatorNode,
  table: TableNode | undefined,
): (SeriesValue & { key: number })[] {
  const period = periodOf(plan, table);
  return row.cells.flatMap((cell) => {
    if (EMPTY.test(cell.text) || cell.role === 'other') return [];
    let label: string;
    let key: number;
    if (cell.role === 'growth' || cell.year === null) {
      label = `${period.start}—${period.end} ${cell.column}`;
      key = period.end + 0.5;
    } else if (cell.role === 'target') {
      label = `${cell.year}年目标`;
      key = cell.year - 0.1;
    } else {
      label = `${cell.year}年`;
      key = cell.year;
    }
    return [{ label, text: cell.text, unit: row.unit, row: row.id, role: cell.role, key }];
  });
}

/**
 * The figures of two rows that report one metric, the earlier table's first, in time order (a
 * year's target before its result, a period's growth after its last year); a figure both rows
 * print for the same time is shown once.
 */
export function seriesOf(
  plan: SitePlan,
  older: IndicatorNode,
  newer: IndicatorNode,
): { series: SeriesValue[]; unit: string | null } {
  const values = [
    ...rowValues(plan, older, tableOf(plan, older)),
    ...rowValues(plan, newer, tableOf(plan, newer)),
  ];
  const sorted = values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => a.v.key - b.v.key || a.i - b.i)
    .map(({ v }) => v);
  const seen = new Set<string>();
  const series: SeriesValue[] = [];
  for (const { label, text, unit, row, role } of sorted) {
    const id = `${label}\u0000${text}\u0000${unit}`;
    if (seen.has(id)) continue;
    seen.add(id);
    series.push({ label, text, unit, row, role });
  }
  const unit = older.unit === newer.unit ? older.unit : null;
  return { series, unit };
}

function tableOf(plan: SitePlan, row: IndicatorNode): TableNode | undefined {
  const table = plan.nodes.get(row.tableId);
  return table?.kind === 'table' ? table : undefined;
}

/** 表1第1项, or 专栏1第1项 for the table of a 专栏. */
function rowLabel(plan: SitePlan, row: IndicatorNode): string {
  const table = tableOf(plan, row);
  const label = table?.label ?? `表${row.table}`;
  const parent = row.parent ? plan.nodes.get(row.parent) : undefined;
  const number =
    parent?.kind === 'indicator' ? `第${parent.number}项之${row.number}` : `第${row.number}项`;
  return `${label}${number}`;
}

/** Each row's relations, for one plan (the clause maps are built once). */
export function rowRelationsOf(plan: SitePlan): (row: IndicatorNode) => RowRelations {
  const links = rowLinker(plan);
  const other = (
    row: IndicatorNode,
    relation: RowRelation,
    direction: RowLineage['direction'],
  ): RowLineage[] => {
    const node = plan.nodes.get(relation.id);
    if (node?.kind !== 'indicator') return [];
    const [older, newer] = direction === 'previous' ? [node, row] : [row, node];
    return [
      {
        direction,
        match: relation.match,
        row: {
          id: node.id,
          href: plan.urls.get(node.id)!,
          name: node.name,
          label: rowLabel(plan, node),
          unit: node.unit,
        },
        ...seriesOf(plan, older, newer),
      },
    ];
  };
  return (row) => {
    const { measures, statedIn, reportedIn } = links(row);
    const relations: RowRelations = {
      unpursued: row.unpursued === true,
      statedIn,
      reportedIn,
      lineage: [
        ...(row.previous ? other(row, row.previous, 'previous') : []),
        ...(row.next ?? []).flatMap((n) => other(row, n, 'next')),
      ],
    };
    if (row.measures) relations.measures = measures;
    return relations;
  };
}

/** The tags of clause–row links, by kind and, for a topical link, by what it rests on. */
export const LINK_TAGS = {
  explicit: { label: '明确对应', meaning: '条文写出了该指标的数值' },
  terms: { label: '主题相关', meaning: '条文涉及该指标的事项，未写出其数值' },
  heading: { label: '章节主题', meaning: '章节标题点明了该指标的事项，整个章节与之相关' },
  field: { label: '领域相关', meaning: '条文针对该指标所属的领域（如制造业之于制造业增加值占比）' },
} as const;

/** A link's tag: 明确对应 for an explicit link, else by its basis (主题相关 when none is given). */
export function linkTag(
  kind: LinkKind,
  basis?: LinkBasis,
): { label: string; meaning: string; key: keyof typeof LINK_TAGS } {
  const key =
    kind === 'explicit' ? 'explicit' : basis === 'heading' || basis === 'field' ? basis : 'terms';
  return { ...LINK_TAGS[key], key };
}
