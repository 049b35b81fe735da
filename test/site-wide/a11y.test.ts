import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openPage, useSiteBrowser } from './browser.ts';

/** axe-core on the main page types, at laptop and phone widths: no serious or critical violation. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['/', '/7/1/', '/indicators/', '/4/1/', '/cite/'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

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
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }
          ).axe;
          const result = await axe.run();
          return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target })),
          }));
        });
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        const describeAll = serious.map(
          (v) =>
            `${v.impact} ${v.id}: ${v.help} (${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join('; ')})`,
        );
        expect(describeAll).toEqual([]);
        await context.close();
      });
    }
  }
});
