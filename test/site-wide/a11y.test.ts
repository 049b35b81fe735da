import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { openPage, useSiteBrowser } from '../support/browser.ts';
import { corpusPages } from '../support/page-types.ts';
import { LICANG } from '../support/real-plan.ts';

/**
 * axe-core on the main page types, at laptop and phone widths: no serious or critical
 * violation. Every plan's home, first section and indicator tables (their trees differ: parts,
 * 专栏 tables, category rows), the other page types once each (their templates are shared),
 * the corpus home; at phone width the homes and a reading page. About 25 runs: axe takes 1–4 s
 * on these pages.
 */
const plans = corpusPages();
const PER_PLAN = new Set(['home', 'section', 'indicators']);
const ONCE = ['part', 'glossary', 'appendix', 'targets', 'entities', 'entity', 'downloads', 'cite'];
const firstOf = (type: string) =>
  [...plans]
    .sort((a, b) => Number(b.slug === LICANG) - Number(a.slug === LICANG))
    .flatMap((p) => p.pages)
    .find((p) => p.type === type);
const OTHER = plans.find((p) => p.slug !== LICANG) ?? plans[0]!;
const RUNS: { width: number; path: string }[] = [
  { width: 1280, path: '/' },
  ...plans.flatMap(({ pages }) =>
    pages.filter((p) => PER_PLAN.has(p.type)).map((p) => ({ width: 1280, path: p.path })),
  ),
  ...ONCE.flatMap((type) => {
    const page = firstOf(type);
    return page ? [{ width: 1280, path: page.path }] : [];
  }),
  // A section with sub-parts and 专栏.
  { width: 1280, path: `/${LICANG}/4/1/` },
  { width: 390, path: '/' },
  { width: 390, path: `/${LICANG}/` },
  { width: 390, path: `/${LICANG}/7/1/` },
  { width: 390, path: OTHER.pages.find((p) => p.type === 'section')!.path },
];

const site = useSiteBrowser();

describe('axe', () => {
  for (const { width, path } of RUNS) {
    it(`${path} at ${width} px`, async () => {
      const { context, page } = await openPage(site.browser, site.server.origin, {
        width,
        height: 800,
      });
      await page.goto(site.server.origin + path);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
