import type { DocumentNode, PlanNode } from './types.ts';
import { walk } from './tree.ts';

/**
 * Where each node lives on the site. One reading page per section
 * (`/7/1/`), one per chapter for its opening text (`/7/`), `/preface/` for
 * the unheaded opening paragraphs, and `/indicators/` for 表1 and 表2. Every
 * node's anchor is its ID, so a clause URL is page + `#` + ID and stays
 * stable across rebuilds.
 *
 * Paths are relative to the site root, without the deploy base.
 */
export function pageOf(node: PlanNode, parents: PlanNode[]): string {
  if (node.kind === 'document') return '/';
  if (node.kind === 'table' || node.kind === 'indicator' || node.kind === 'note') {
    if ([node, ...parents].some((n) => n.kind === 'table')) return '/indicators/';
  }
  const section = [...parents, node].find((n) => n.kind === 'section');
  if (section) return `/${section.id.replace('.', '/')}/`;
  const chapter = [...parents, node].find((n) => n.kind === 'chapter');
  if (chapter) return `/${chapter.id}/`;
  return '/preface/';
}

/** The URL of a node: its page, plus `#ID` for anything that is not the page itself. */
export function urlOf(node: PlanNode, parents: PlanNode[]): string {
  const page = pageOf(node, parents);
  const isPage =
    node.kind === 'document' ||
    node.kind === 'section' ||
    (node.kind === 'chapter' && page === `/${node.id}/`) ||
    node.kind === 'preface';
  return isPage ? page : `${page}#${node.id}`;
}

/** Every node's URL by ID. */
export function urlMap(document: DocumentNode): Map<string, string> {
  const map = new Map<string, string>();
  for (const { node, parents } of walk(document)) map.set(node.id, urlOf(node, parents));
  return map;
}

/** The page of an entity: `/entities/<id>/`. */
export const entityUrl = (id: string): string => `/entities/${id}/`;

/** A target's row on the targets page: `/targets/#<id>`. */
export const targetUrl = (id: string): string => `/targets/#${id}`;
