import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { artifactPath, BUILD_DATA_COMMAND, type ArtifactName } from '../model/artifacts.ts';
import type { DocumentNode, EntityIndex, PlanFile, TargetFile } from '../model/types.ts';

/**
 * The site's one way in to what the build wrote: every artifact named in
 * src/model/artifacts.ts, read from the working directory (where
 * `npm run build` and the tests run) rather than imported, because the data
 * endpoints serve the files' bytes as they are and Astro's bundling would
 * move any `import.meta.url`-relative path. Each file is read once per
 * process. A missing file is an error that names it and the command that
 * writes it: a site built without its data would be wrong, not smaller.
 */

/** The absolute path of an artifact. */
export function artifactFile(name: ArtifactName): string {
  return resolve(process.cwd(), artifactPath(name));
}

const bytesCache = new Map<ArtifactName, Buffer>();

/** An artifact's bytes, exactly as the build wrote them. */
export function artifactBytes(name: ArtifactName): Buffer {
  let bytes = bytesCache.get(name);
  if (!bytes) {
    const path = artifactFile(name);
    if (!existsSync(path)) {
      throw new Error(
        `${artifactPath(name)} is missing: run \`${BUILD_DATA_COMMAND}\` (scripts/build.ts writes it) before building the site`,
      );
    }
    bytes = readFileSync(path);
    bytesCache.set(name, bytes);
  }
  return bytes;
}

/** An artifact's text (UTF-8), exactly as the build wrote it. */
export const artifactText = (name: ArtifactName): string => artifactBytes(name).toString('utf8');

const jsonCache = new Map<ArtifactName, unknown>();

function artifactJson<T>(name: ArtifactName): T {
  if (!jsonCache.has(name)) jsonCache.set(name, JSON.parse(artifactText(name)));
  return jsonCache.get(name) as T;
}

/** `.generated/plan.json`: the plan tree. */
export const loadPlan = (): PlanFile => artifactJson<PlanFile>('plan');

export const loadDocument = (): DocumentNode => loadPlan().document;

/** `.generated/entities.json`: the entity index. */
export const loadEntities = (): EntityIndex => artifactJson<EntityIndex>('entities');

/** `.generated/targets.json`: the targets. */
export const loadTargets = (): TargetFile => artifactJson<TargetFile>('targets');
