import type { DataFileName } from '../model/urls.ts';
import { indicatorsCsv } from './indicators-csv.ts';
import { artifactText, planArtifactOf } from './load-artifacts.ts';
import { planMarkdown } from './markdown.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * The bodies of a plan's download files, shared by the endpoints that serve them (under
 * `/<slug>/data/`, and the legacy plan's also under `/data/`) and the downloads page that lists
 * their sizes. What the build wrote (plan.json, targets.csv, targets.json, entities.json) is
 * served as it is; indicators.csv and plan.md are made here from the tree.
 */
export function downloadBody(plan: SitePlan, name: DataFileName): string {
  switch (name) {
    case 'plan.json':
      return artifactText(planArtifactOf('plan', plan.slug));
    case 'indicators.csv':
      return indicatorsCsv(plan);
    case 'plan.md':
      return planMarkdown(plan);
    case 'targets.csv':
      return artifactText(planArtifactOf('targetsCsv', plan.slug));
    case 'targets.json':
      return artifactText(planArtifactOf('targets', plan.slug));
    case 'entities.json':
      return artifactText(planArtifactOf('entities', plan.slug));
  }
}

/** What each file is served as. */
export const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export function contentType(name: string): string {
  return CONTENT_TYPES[name.split('.').pop()!] ?? 'application/octet-stream';
}

/** 12345 → 12.1 KB */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  return kb < 1024 ? `${kb.toFixed(1)} KB` : `${(kb / 1024).toFixed(1)} MB`;
}

/** The size of one download, as the downloads page shows it. */
export function downloadSize(plan: SitePlan, name: DataFileName): string {
  return formatSize(Buffer.byteLength(downloadBody(plan, name), 'utf8'));
}
