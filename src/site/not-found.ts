import { PLAN_PAGES } from '../model/urls.ts';
import type { ContentsEntry } from './pages.ts';
import { homeModel } from './pages.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * The 404 page: each plan with its 目录 down to its chapters (a part lists its chapters; sections
 * are one click further, on the chapter's page), so the page stays small for a corpus of long
 * plans.
 */
export interface NotFoundPlan {
  slug: string;
  shortName: string;
  title: string;
  href: string;
  entries: ContentsEntry[];
}

export function notFoundModel(plans: SitePlan[]): { plans: NotFoundPlan[] } {
  return {
    plans: plans.map((plan) => ({
      slug: plan.slug,
      shortName: plan.meta.shortName,
      title: plan.meta.title,
      href: plan.href(PLAN_PAGES.home),
      entries: homeModel(plan).contents.map((e) => ({
        ...e,
        children: e.kind === 'part' ? e.children.map((c) => ({ ...c, children: [] })) : [],
      })),
    })),
  };
}
