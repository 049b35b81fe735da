import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/tools/static-server.ts';
import { indexById } from '../../src/model/tree.ts';
import type { IndicatorNode, PlanFile } from '../../src/model/types.ts';
import { usePagePerTest, useSiteBrowser } from '../support/browser.ts';

/**
 * Indicator ↔ measure links on the built pages, in Chromium: from the
 * 全区森林覆盖率 row of 表2 to 推进“山水园圈”工程 and back, and on to its target.
 */
const site = useSiteBrowser();
const current = usePagePerTest(site);

const go = (path: string) => current.page.goto(`${site.server.origin}${path}`);

describe('from 表2 to the measure and back (reading pages)', () => {
  it('has the link in the built plan.json (the pages render what the links stage wrote)', () => {
    const plan = JSON.parse(
      readFileSync(join(DIST, 'licang-14/data/plan.json'), 'utf8'),
    ) as PlanFile;
    const row = indexById(plan.document).get('T2.21') as IndicatorNode;
    expect(row.measures).toContainEqual(expect.objectContaining({ id: '7.1.1', kind: 'explicit' }));
  });

  it('reaches 推进“山水园圈”工程 from the 全区森林覆盖率 row of 表2', async () => {
    await go('/licang-14/indicators/#T2.21');
    const link = current.page.locator('tr[id="T2.21"] a[href="/licang-14/7/1/#7.1.1"]');
    expect(await link.count()).toBeGreaterThan(0);
    await link.first().click();
    await current.page.waitForURL('**/7/1/#7.1.1');
    expect(await current.page.textContent('[id="7.1.1"]')).toContain('森林覆盖率达到16.5%');
  });

  it('reaches the indicator and the target from 推进“山水园圈”工程', async () => {
    await go('/licang-14/7/1/#7.1.1');
    const measure = current.page.locator('[id="7.1.1"]');
    expect(await measure.locator('a[href="/licang-14/indicators/#T2.21"]').count()).toBeGreaterThan(
      0,
    );
    const target = measure.locator('a[href="/licang-14/targets/#7.1.1.t1"]');
    expect(await target.count()).toBeGreaterThan(0);
    await target.first().click();
    await current.page.waitForURL('**/targets/#7.1.1.t1');
    expect(await current.page.textContent('tr[id="7.1.1.t1"]')).toContain('16.5%');
  });
});
