import { entityUrl, PLAN_PAGES } from '../../src/model/urls.ts';
import { readingPages } from '../../src/site/navigation.ts';
import { corpusPlans, type SitePlan } from '../../src/site/site-plan.ts';

/**
 * The main page types of a plan, one URL each, for the checks that run on every plan of the
 * corpus (axe, screenshots, narrow screens): its home, its first part 篇, chapter and section
 * pages, the glossary when it has one, and the pages beside the text.
 */
export function mainPages(plan: SitePlan): { type: string; path: string }[] {
  const pages = readingPages(plan);
  const first = (kind: string) => pages.find((p) => p.kind === kind);
  const reading = ['part', 'chapter', 'section', 'glossary', 'appendix'].flatMap((kind) => {
    const page = first(kind);
    return page ? [{ type: kind, path: page.path }] : [];
  });
  const entity = plan.entities.entities[0];
  return [
    { type: 'home', path: plan.href(PLAN_PAGES.home) },
    ...reading,
    { type: 'indicators', path: plan.href(PLAN_PAGES.indicators) },
    { type: 'targets', path: plan.href(PLAN_PAGES.targets) },
    { type: 'entities', path: plan.href(PLAN_PAGES.entities) },
    ...(entity ? [{ type: 'entity', path: plan.href(entityUrl(entity.id)) }] : []),
    { type: 'downloads', path: plan.href(PLAN_PAGES.downloads) },
    { type: 'cite', path: plan.href(PLAN_PAGES.cite) },
  ];
}

/** Every plan of the corpus with its main pages. */
export const corpusPages = (): { slug: string; pages: { type: string; path: string }[] }[] =>
  corpusPlans().map((plan) => ({ slug: plan.slug, pages: mainPages(plan) }));
