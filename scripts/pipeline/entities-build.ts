import type { DocumentNode, EntityIndex, TargetFile } from '../../src/model/types.ts';
import type { IssueCollector } from './errors.ts';
import { checkCuratedInText, extractEntities, parseCurated } from './entities.ts';
import { extractTargets, targetsCsv } from './targets.ts';

/** The curated gazetteer list (docs/entities.md). */
export const CURATED_FILE = 'content/entities/curated.json';

/**
 * The entity and target files for .generated/: `entities.json` (an
 * EntityIndex), `targets.json` (a TargetFile) and `targets.csv`. Pass the
 * document after `linkMeasuresAndIndicators` and the text of CURATED_FILE;
 * problems in the curated list go to `issues` (call `issues.throwIfAny()`
 * before writing anything).
 */
export function entityFiles(
  document: DocumentNode,
  curatedText: string,
  issues: IssueCollector,
): Record<'entities.json' | 'targets.json' | 'targets.csv', string> {
  return buildEntityData(document, curatedText, issues).files;
}

/** entityFiles() with the entity index as an object too (the search index needs it). */
export function buildEntityData(
  document: DocumentNode,
  curatedText: string,
  issues: IssueCollector,
): {
  entities: EntityIndex;
  files: Record<'entities.json' | 'targets.json' | 'targets.csv', string>;
} {
  const curated = parseCurated(curatedText, issues);
  checkCuratedInText(document, curated, curatedText, issues);
  const targets = extractTargets(document);
  const entities = extractEntities(document, curated);
  return {
    entities,
    files: {
      'entities.json': JSON.stringify(entities, null, 1),
      'targets.json': JSON.stringify({ schema: 1, targets } satisfies TargetFile, null, 1),
      'targets.csv': targetsCsv(targets),
    },
  };
}
