import type { PlanMeta } from '../../src/model/plan-meta.ts';
import type { DataStamp } from '../../src/model/types.ts';

export type { DataStamp };

/**
 * The stamp of a plan's generated files (docs/entities.md, "Stamps"): the data version, the
 * build date and the SHA-256 of the source text. Deterministic, so two builds of the same inputs
 * are byte-identical: the date is never the wall clock, but SOURCE_DATE_EPOCH (the
 * reproducible-builds convention; CI sets it to the last commit's time) when the build is given
 * one, else the plan's own date from plan.yaml.
 */
export interface StampInputs {
  /** The build's version (package.json). */
  version: string;
  /** SOURCE_DATE_EPOCH, seconds since 1970, when set. */
  sourceDateEpoch?: string | undefined;
}

/** `2026-04` → `2026-04-01`, `2026` → `2026-01-01`: an ISO date from the plan's date. */
function isoDate(date: string): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}`;
}

export function dataStamp(meta: Pick<PlanMeta, 'sha256' | 'date'>, inputs: StampInputs): DataStamp {
  const epoch = inputs.sourceDateEpoch?.trim();
  const fromEpoch = epoch && /^\d+$/.test(epoch);
  return {
    dataVersion: `${inputs.version}+${meta.sha256.slice(0, 8)}`,
    buildDate: fromEpoch
      ? new Date(Number(epoch) * 1000).toISOString().slice(0, 10)
      : isoDate(meta.date),
    buildDateFrom: fromEpoch ? 'SOURCE_DATE_EPOCH' : 'plan.yaml date',
    sourceSha256: meta.sha256,
  };
}

/** A file's object with the stamp after its schema: `{ schema, stamp, …rest }`. */
export function withStamp<T extends { schema: number }>(
  file: T,
  stamp: DataStamp,
): T & { stamp: DataStamp } {
  const { schema, ...rest } = file;
  return { schema, stamp, ...rest } as unknown as T & { stamp: DataStamp };
}
