import { TYPE_ORDER } from '../model/entity-labels.ts';
import { indexById, walk } from '../model/tree.ts';
import type {
  CorpusEntry,
  DocumentNode,
  EntityIndex,
  GlossaryNode,
  PlanFile,
  PlanNode,
  Target,
  TermNode,
} from '../model/types.ts';
import type { PlanMeta } from '../model/plan-meta.ts';
import { isUsableSlug, planUrl, urlMap } from '../model/urls.ts';
import { loadCorpus, loadEntities, loadPlan, loadTargets } from './load-artifacts.ts';

/**
 * One plan of the corpus as the site's view models see it: its metadata, its tree, what the
 * build found in it, and its URLs made once (site URLs, with the plan's slug and the deploy
 * base, src/model/urls.ts). Every view model takes one, so every page says which plan it renders.
 */
export interface SitePlan {
  slug: string;
  meta: PlanMeta;
  document: DocumentNode;
  entities: EntityIndex;
  targets: Target[];
  /** The site URL of a plan path: `href('/7/1/')` → `/licang-14/7/1/`. */
  href(path: string): string;
  /** Every node's site URL by ID: `7.1.1` → `/licang-14/7/1/#7.1.1`. */
  urls: Map<string, string>;
  /** Every node by ID. */
  nodes: Map<string, PlanNode>;
  /** The plan's 名词解释, when it has one. */
  glossary?: GlossaryNode;
  /** Its entries by ID (G54). */
  terms: Map<string, TermNode>;
  /** The source text's path, from the working directory (PlanFile.source): where repairs' lines are. */
  source: string;
}

const NO_ENTITIES: EntityIndex = {
  schema: 2,
  entities: [],
  counts: Object.fromEntries(TYPE_ORDER.map((type) => [type, 0])) as EntityIndex['counts'],
};

/** A SitePlan from a plan file and what the build found in it (tests pass small fixtures). */
export function sitePlanOf(
  plan: PlanFile,
  entities: EntityIndex = NO_ENTITIES,
  targets: Target[] = [],
): SitePlan {
  const { slug, document } = plan;
  if (!isUsableSlug(slug)) throw new Error(`plan slug “${slug}” is taken by a page of the site`);
  const href = (path: string) => planUrl(slug, path);
  const urls = new Map<string, string>();
  for (const [id, path] of urlMap(document)) urls.set(id, href(path));
  const terms = new Map<string, TermNode>();
  let glossary: GlossaryNode | undefined;
  for (const { node } of walk(document)) {
    if (node.kind === 'glossary') glossary ??= node;
    else if (node.kind === 'term') terms.set(node.id, node);
  }
  const site: SitePlan = {
    slug,
    meta: plan.meta,
    document,
    entities,
    targets,
    href,
    urls,
    nodes: indexById(document),
    terms,
    source: plan.source,
  };
  if (glossary) site.glossary = glossary;
  return site;
}

const loaded = new Map<string, SitePlan>();

/** A plan of the corpus, from what the build wrote (once per process). */
export function loadSitePlan(slug: string): SitePlan {
  let plan = loaded.get(slug);
  if (!plan) {
    plan = sitePlanOf(loadPlan(slug), loadEntities(slug), loadTargets(slug).targets);
    loaded.set(slug, plan);
  }
  return plan;
}

/** The corpus's plans, in display order, with their counts. */
export const corpusEntries = (): CorpusEntry[] => loadCorpus().plans;

/** Every plan of the corpus, in display order. */
export const corpusPlans = (): SitePlan[] => corpusEntries().map((p) => loadSitePlan(p.slug));

/** `getStaticPaths` for a route that every plan has: `/<slug>/…`. */
export const planPaths = (): { params: { plan: string } }[] =>
  corpusEntries().map((p) => ({ params: { plan: p.slug } }));

/** The url of a node that must exist (a view model's invariant, not the reader's input). */
export function urlOfId(plan: SitePlan, id: string): string {
  const url = plan.urls.get(id);
  if (!url) throw new Error(`${plan.slug}: no URL for ${id}`);
  return url;
}
