import { entityUrl, PLAN_PAGES, withBase } from '../model/urls.ts';
import { retiredEntities } from './entity-pages.ts';
import { fullLabel, readingPages } from './navigation.ts';
import { pageTitle } from './pages.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * The legacy plan's pages at the site's root (src/model/urls.ts LEGACY_PLAN): before the site
 * held a corpus it served one plan at `/7/1/`, `/indicators/`, `/entities/<id>/`… Each of those
 * paths keeps a small redirect page to the same page under `/<slug>/` (the anchor is kept by the
 * page's script), so every old link still leads to its clause.
 */
export interface LegacyRedirect {
  /** The plan path, which is also the old path at the root: `/7/1/`. */
  path: string;
  /** The old URL, with the deploy base. */
  from: string;
  /** Where the page is now: `/licang-14/7/1/`. */
  to: string;
  /** The page's title, for the redirect page and its link. */
  title: string;
}

export function legacyRedirects(plan: SitePlan): LegacyRedirect[] {
  const home = plan.href(PLAN_PAGES.home);
  const redirect = (path: string, title: string): LegacyRedirect => ({
    path,
    from: withBase(path),
    to: plan.href(path),
    title: pageTitle(plan, title),
  });
  const reading = readingPages(plan).map((p) =>
    redirect(
      `/${p.path.slice(home.length)}`,
      p.label === p.title ? p.title : `${fullLabel(p)} ${p.title}`,
    ),
  );
  const extras: [string, string][] = [
    [PLAN_PAGES.indicators, '主要指标'],
    [PLAN_PAGES.targets, '量化目标'],
    [PLAN_PAGES.targetsByMetric, '量化目标（按事项）'],
    [PLAN_PAGES.entities, '名称索引'],
    [PLAN_PAGES.downloads, '数据下载'],
    [PLAN_PAGES.cite, '如何引用'],
  ];
  return [
    ...reading,
    ...extras.map(([path, title]) => redirect(path, title)),
    ...plan.entities.entities.map((e) => redirect(entityUrl(e.id), e.name)),
    // An ID no entity carries any more (a former or retired ID) still has its page under the
    // plan, which redirects on (src/site/entity-pages.ts retiredEntities).
    ...retiredEntities(plan).map((r) => redirect(entityUrl(r.id), r.name)),
  ];
}
