import type { EntityIndex, PlanFile, PlanNode } from '../model/types.ts';
import { absoluteUrl, type DataFileName } from '../model/urls.ts';
import { indicatorsCsv } from './indicators-csv.ts';
import { artifactText, planArtifactOf } from './load-artifacts.ts';
import { planMarkdown } from './markdown.ts';
import type { SitePlan } from './site-plan.ts';
import { planStamp } from './stamp.ts';

/**
 * The bodies of a plan's download files, shared by the endpoints that serve them (under
 * `/<slug>/data/`, and the legacy plan's also under `/data/`) and the downloads page that lists
 * their sizes. One language for all of them (docs/site.md, “Downloads”):
 *
 * - every file carries the data stamp (data version, build date, source SHA-256): the JSON files
 *   as `stamp` after `schema`, the CSVs as three columns closing every row, plan.md in its front
 *   matter;
 * - every node of plan.json and every entity of entities.json carries its `url`, its absolute
 *   URL on this deployment (Astro `site` and `base`, src/model/urls.ts absoluteUrl). The build
 *   knows neither, so the site adds them here; the build's files keep plan paths
 *   (entities' `url`: `/entities/<id>/`);
 * - the CSVs share one header convention (snake_case keys of the JSON fields).
 *
 * targets.csv and targets.json are served as the build wrote them (already stamped);
 * indicators.csv and plan.md are made here from the tree.
 */
export function downloadBody(plan: SitePlan, name: DataFileName): string {
  switch (name) {
    case 'plan.json':
      return planJson(plan);
    case 'indicators.csv':
      return indicatorsCsv(plan);
    case 'plan.md':
      return planMarkdown(plan);
    case 'targets.csv':
      return artifactText(planArtifactOf('targetsCsv', plan.slug));
    case 'targets.json':
      return artifactText(planArtifactOf('targets', plan.slug));
    case 'entities.json':
      return entitiesJson(plan);
  }
}

/** The JSON files are written as the build writes its own: one space of indent. */
const json = (value: unknown): string => JSON.stringify(value, null, 1);

/** A node with its `url` right after its `citation`, and its children likewise. */
function withUrl(node: PlanNode, plan: SitePlan): PlanNode {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === 'children' ? (value as PlanNode[]).map((child) => withUrl(child, plan)) : value;
    if (key === 'citation') {
      const url = plan.urls.get(node.id);
      if (url) out.url = absoluteUrl(url);
    }
  }
  return out as unknown as PlanNode;
}

/** plan.json as served: the tree the build wrote, stamped, with every node's URL. */
export function planJson(plan: SitePlan): string {
  const file = JSON.parse(artifactText(planArtifactOf('plan', plan.slug))) as PlanFile;
  const { schema, document, ...rest } = file;
  const stamp = planStamp(plan);
  return json({
    schema,
    ...(stamp ? { stamp } : {}),
    ...rest,
    url: absoluteUrl(plan.href('/')),
    document: withUrl(document, plan),
  });
}

/** entities.json as served: each entity's `url` (and a retired ID's target) absolute. */
export function entitiesJson(plan: SitePlan): string {
  const file = JSON.parse(artifactText(planArtifactOf('entities', plan.slug))) as EntityIndex;
  return json({
    ...file,
    entities: file.entities.map((e) => ({ ...e, url: absoluteUrl(plan.href(e.url)) })),
  });
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
