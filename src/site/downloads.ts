import type { DocumentNode } from '../model/types.ts';
import { indicatorsCsv } from './indicators-csv.ts';
import { artifactText, loadDocument, planArtifactOf } from './load-artifacts.ts';
import { planMarkdown } from './markdown.ts';

/**
 * The bodies of the download files, shared by the endpoints that serve them
 * and the downloads page that lists their sizes. What the build wrote
 * (plan.json, targets.csv, targets.json, entities.json) is served as it is;
 * indicators.csv and plan.md are made here from the tree.
 */
export function downloadBodies(document: DocumentNode = loadDocument()): Map<string, string> {
  return new Map<string, string>([
    ['/data/plan.json', artifactText(planArtifactOf('plan'))],
    ['/data/indicators.csv', indicatorsCsv(document)],
    ['/data/plan.md', planMarkdown(document)],
    ['/data/targets.csv', artifactText(planArtifactOf('targetsCsv'))],
    ['/data/targets.json', artifactText(planArtifactOf('targets'))],
    ['/data/entities.json', artifactText(planArtifactOf('entities'))],
  ]);
}

/** 12345 → 12.1 KB */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  return kb < 1024 ? `${kb.toFixed(1)} KB` : `${(kb / 1024).toFixed(1)} MB`;
}

export function downloadSizes(): Map<string, string> {
  const sizes = new Map<string, string>();
  for (const [href, body] of downloadBodies())
    sizes.set(href, formatSize(Buffer.byteLength(body, 'utf8')));
  return sizes;
}
