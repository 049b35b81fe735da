import type { CorpusEntry } from '../model/types.ts';
import { planUrl } from '../model/urls.ts';
import { chineseDate, periodText } from './pages.ts';

/**
 * The corpus home, `/`: every plan of the corpus (corpus.json, in its display order) with
 * where and when it applies, who issued it, and how much of it the site holds.
 */

export interface CorpusPlanItem {
  slug: string;
  href: string;
  title: string;
  shortName: string;
  /** 山东省青岛市李沧区 · 区级 */
  where: string;
  /** 2021—2025年（远景目标至2035年） */
  period: string;
  issuer: string;
  /** 青李沧政发〔2021〕12号 · 2021年3月31日 */
  issued: string;
  /** What the site holds of it: 11 章 · 38 节 · 122 条措施 … */
  counts: { label: string; value: number }[];
}

export interface CorpusHomeModel {
  plans: CorpusPlanItem[];
  /** Totals over the corpus, for the introduction. */
  totals: { plans: number; measures: number; indicators: number; targets: number };
}

const COUNT_LABELS: [keyof CorpusEntry['counts'], string][] = [
  ['parts', '篇'],
  ['chapters', '章'],
  ['sections', '节'],
  ['measures', '条措施'],
  ['boxes', '个专栏'],
  ['indicators', '项指标'],
  ['targets', '项量化目标'],
  ['entities', '个名称'],
];

export function corpusHomeModel(entries: CorpusEntry[]): CorpusHomeModel {
  const plans = entries.map(({ slug, meta, counts }) => ({
    slug,
    href: planUrl(slug),
    title: meta.title,
    shortName: meta.shortName,
    where: `${meta.region} · ${meta.level}级`,
    period: periodText(meta),
    issuer: meta.issuer,
    issued: [meta.documentNumber, chineseDate(meta.date)].filter(Boolean).join(' · '),
    counts: COUNT_LABELS.filter(([key]) => counts[key] > 0).map(([key, label]) => ({
      label,
      value: counts[key],
    })),
  }));
  const sum = (key: keyof CorpusEntry['counts']) => entries.reduce((n, e) => n + e.counts[key], 0);
  return {
    plans,
    totals: {
      plans: entries.length,
      measures: sum('measures'),
      indicators: sum('indicators'),
      targets: sum('targets'),
    },
  };
}
