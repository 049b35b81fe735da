import {
  corpusUrl,
  entityUrl,
  LEGACY_PLAN,
  PLAN_PAGES,
  SEARCH_INDEX_PATH,
  searchUrl,
} from '../model/urls.ts';
import { extraPages, navCurrent, type ReadingKind } from './navigation.ts';
import { SITE_NAME } from './pages.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * The header of every page: the site's name (to the corpus home), the plan the page belongs to,
 * the plan switcher, the plan's nav (指标 · 目标 · 实体 · 下载 · 引用) and the search box, scoped
 * to the plan.
 */

/** What kind of page a reader is on, so the switcher can lead to the same page of another plan. */
export type PageKey =
  | { kind: 'home' }
  | { kind: 'reading'; page: ReadingKind }
  | { kind: 'extra'; path: (typeof PLAN_PAGES)[keyof typeof PLAN_PAGES] }
  | { kind: 'entity'; id: string };

export interface SwitchItem {
  slug: string;
  /** The plan's short name. */
  name: string;
  /** Where and when: 山东省青岛市李沧区 · 2021—2025年. */
  detail: string;
  href: string;
  current: boolean;
}

export interface SearchScope {
  /** The plan searched: the page's plan, or the corpus's first plan on pages outside every plan. */
  slug: string;
  name: string;
  /** The plan's search index. */
  index: string;
  /** The plan's home, which the index's plan paths are relative to. */
  root: string;
  /** The search page (a plain GET form without JavaScript). */
  action: string;
}

export interface HeaderModel {
  site: { href: string; name: string };
  /** The plan the page belongs to; absent on the corpus home, search and 404. */
  plan?: { slug: string; href: string; name: string; title: string };
  nav: { href: string; label: string; title: string; current: 'page' | 'true' | undefined }[];
  switcher: SwitchItem[];
  search: SearchScope;
}

/** The same kind of page in another plan where it has one, else that plan's home. */
export function switchHref(to: SitePlan, key: PageKey | undefined): string {
  const home = to.href(PLAN_PAGES.home);
  if (!key) return home;
  switch (key.kind) {
    case 'home':
      return home;
    case 'extra':
      return to.href(key.path);
    case 'entity':
      return to.entities.entities.some((e) => e.id === key.id)
        ? to.href(entityUrl(key.id))
        : to.href(PLAN_PAGES.entities);
    case 'reading':
      return key.page === 'glossary' && to.glossary ? to.urls.get(to.glossary.id)! : home;
  }
}

/**
 * The plan searched from pages outside every plan (the corpus home, /search/ without ?plan=):
 * the legacy plan, which /search/?q=… links meant before the corpus, else the first plan.
 * Search across plans replaces this (issue 11).
 */
export function defaultSearchPlan(plans: SitePlan[]): SitePlan {
  const plan = plans.find((p) => p.slug === LEGACY_PLAN) ?? plans[0];
  if (!plan) throw new Error('the corpus has no plan');
  return plan;
}

export function searchScope(plan: SitePlan): SearchScope {
  return {
    slug: plan.slug,
    name: plan.meta.shortName,
    index: plan.href(SEARCH_INDEX_PATH),
    root: plan.href(PLAN_PAGES.home),
    action: searchUrl(),
  };
}

/**
 * The header for a page at `path` (a site URL). `plan` is the page's plan; `plans` the corpus,
 * in display order.
 */
export function headerModel(
  plans: SitePlan[],
  plan: SitePlan | undefined,
  key: PageKey | undefined,
  path: string,
): HeaderModel {
  const model: HeaderModel = {
    site: { href: corpusUrl(), name: SITE_NAME },
    nav: plan ? extraPages(plan).map((p) => ({ ...p, current: navCurrent(p.href, path) })) : [],
    switcher: plans.map((p) => ({
      slug: p.slug,
      name: p.meta.shortName,
      detail: `${p.meta.region} · ${p.meta.period.start}—${p.meta.period.end}年`,
      href: p === plan ? path : switchHref(p, key),
      current: p === plan,
    })),
    search: searchScope(plan ?? defaultSearchPlan(plans)),
  };
  if (plan)
    model.plan = {
      slug: plan.slug,
      href: plan.href(PLAN_PAGES.home),
      name: plan.meta.shortName,
      title: plan.meta.title,
    };
  return model;
}
