import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { openPage, useSiteBrowser } from '../support/browser.ts';

/** axe-core on the main page types, at laptop and phone widths: no serious or critical violation. */
const PAGES = ['/', '/7/1/', '/indicators/', '/4/1/', '/cite/'];

const site = useSiteBrowser();

describe('axe', () => {
  for (const width of [1280, 390]) {
    for (const path of PAGES) {
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
  }
});
