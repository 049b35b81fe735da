import type { DataStamp } from '../model/types.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * The stamp of a plan's data (docs/entities.md, “Stamps”): data version, build date and the
 * source text's SHA-256, as the build wrote it into entities.json and targets.json. The files the
 * site serves carry the same stamp: plan.json (`stamp` after `schema`), indicators.csv (three
 * columns closing each row, as targets.csv) and plan.md (its front matter).
 */
export function planStamp(plan: SitePlan): DataStamp | undefined {
  return plan.entities.stamp;
}

/** The stamp's columns, closing every row of a CSV (the header convention, docs/site.md). */
export const STAMP_COLUMNS = ['data_version', 'build_date', 'source_sha256'] as const;

export function stampValues(stamp: DataStamp | undefined): [string, string, string] | [] {
  return stamp ? [stamp.dataVersion, stamp.buildDate, stamp.sourceSha256] : [];
}
