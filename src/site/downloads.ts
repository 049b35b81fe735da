import { statSync } from 'node:fs';
import { targetsCsv } from '../../scripts/pipeline/targets.ts';
import type { DocumentNode } from '../model/types.ts';
import { indicatorsCsv } from './indicators-csv.ts';
import { loadEntities, loadTargets } from './entities.ts';
import { planMarkdown } from './markdown.ts';
import { loadDocument, planPath } from './load-artifacts.ts';

/** /data/entities.json: the entity index as the pipeline wrote it. */
export const entitiesJson = (): string => JSON.stringify(loadEntities(), null, 1);

/** /data/targets.json: the targets as the pipeline wrote them. */
export const targetsJson = (): string => JSON.stringify(loadTargets(), null, 1);

/** /data/targets.csv: UTF-8 with a BOM, CRLF (docs/entities.md). */
export const targetsCsvBody = (): string => targetsCsv(loadTargets().targets);

/**
 * The bodies of the download files, shared by the endpoints that serve them
 * and the downloads page that lists their sizes.
 */
export function downloadBodies(
  document: DocumentNode = loadDocument(),
): Map<string, string | null> {
  return new Map<string, string | null>([
    // plan.json is served byte for byte from .generated/, see src/pages/data/plan.json.ts.
    ['/data/plan.json', null],
    ['/data/indicators.csv', indicatorsCsv(document)],
    ['/data/plan.md', planMarkdown(document)],
    ['/data/targets.csv', targetsCsvBody()],
    ['/data/targets.json', targetsJson()],
    ['/data/entities.json', entitiesJson()],
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
  for (const [href, body] of downloadBodies()) {
    const bytes = body === null ? statSync(planPath()).size : Buffer.byteLength(body, 'utf8');
    sizes.set(href, formatSize(bytes));
  }
  return sizes;
}
