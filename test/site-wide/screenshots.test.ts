import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, useSiteBrowser } from '../support/browser.ts';
import { corpusPages } from '../support/page-types.ts';
import { LICANG } from '../support/real-plan.ts';

/**
 * Screenshots of the corpus home, each plan's home and some reading pages on a phone and a
 * laptop, written to test-results/screenshots/ for a person to look at; the test itself checks
 * that nothing overflows sideways at 390 px and that no request left the site.
 */
const OUT = 'test-results/screenshots';
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
];
const plans = corpusPages();
/** A plan with parts 篇 when the corpus has one. */
const OTHER = plans.find((p) => p.slug !== LICANG && p.pages.some((x) => x.type === 'part'));
const PAGES = [
  { name: 'corpus-home', path: '/' },
  { name: `${LICANG}-home`, path: `/${LICANG}/` },
  ...(OTHER ? [{ name: `${OTHER.slug}-home`, path: `/${OTHER.slug}/` }] : []),
  { name: `${LICANG}-section-7-1`, path: `/${LICANG}/7/1/` },
  { name: `${LICANG}-indicators`, path: `/${LICANG}/indicators/` },
];

const site = useSiteBrowser();

beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

describe('narrow screens', () => {
  it('no page scrolls sideways at 360 px', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      width: 360,
      height: 740,
    });
    const wide: string[] = [];
    const paths = [
      '/',
      ...plans.flatMap(({ pages }) => pages.map((p) => p.path)),
      `/${LICANG}/preface/`,
      `/${LICANG}/3/`,
      `/${LICANG}/4/2/`,
      `/${LICANG}/7/1/`,
      `/${LICANG}/1/1/`,
    ];
    for (const path of paths) {
      await page.goto(site.server.origin + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      if (overflow > 0) wide.push(`${path}: ${overflow}px too wide`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });
});

describe('screenshots', () => {
  for (const viewport of VIEWPORTS) {
    for (const target of PAGES) {
      it(`${target.name} at ${viewport.width}×${viewport.height}`, async () => {
        const { context, page, outside } = await openPage(
          site.browser,
          site.server.origin,
          viewport,
        );
        await page.goto(site.server.origin + target.path);
        await page.screenshot({
          path: `${OUT}/${target.name}-${viewport.width}x${viewport.height}.png`,
        });
        await page.screenshot({
          path: `${OUT}/${target.name}-${viewport.width}x${viewport.height}-full.png`,
          fullPage: true,
        });
        // The page itself must not scroll sideways (wide tables scroll inside their own box).
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        expect(outside).toEqual([]);
        await context.close();
      });
    }
  }
});
