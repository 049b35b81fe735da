import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityIndex, IndicatorNode, PlanFile, TargetFile } from '../../src/model/types.ts';
import { indexById } from '../../src/model/tree.ts';
import { launch, openPage } from '../site/browser.ts';
import { DIST, serveStatic, type StaticServer } from '../../scripts/tools/static-server.ts';

/**
 * The entity and target pages in Chromium, over the built dist/ (run
 * `npm run build` first): the index by type, an entity's mentions each
 * opening its clause, the targets table with its links and sorting, the
 * downloads, and the path 表2 全区森林覆盖率 ↔ 推进“山水园圈”工程 ↔ its target.
 */
const readDist = (path: string): string => readFileSync(join(DIST, path), 'utf8');
const entities = (): EntityIndex => JSON.parse(readDist('data/entities.json')) as EntityIndex;
const targets = (): TargetFile => JSON.parse(readDist('data/targets.json')) as TargetFile;

let server: StaticServer;
let browser: Browser;
let page: Page;
let outside: string[];

beforeAll(async () => {
  server = await serveStatic();
  browser = await launch();
  ({ page, outside } = await openPage(browser, server.origin));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const go = (path: string) => page.goto(`${server.origin}${path}`);
const hrefs = (selector: string) =>
  page.$$eval(selector, (links) =>
    links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!),
  );

/** Open a clause URL and return the text of the element its anchor names (or the page's h1). */
async function clauseText(href: string): Promise<string> {
  await go(href);
  const id = new URL(href, server.origin).hash.slice(1);
  return page.evaluate((anchor) => {
    const el = anchor
      ? document.getElementById(decodeURIComponent(anchor))
      : document.querySelector('h1');
    return el?.textContent ?? '';
  }, id);
}

describe('/entities/', () => {
  it('lists every entity by type, with the counts of entities.json', async () => {
    const index = entities();
    expect(index.entities.length).toBeGreaterThan(300);
    await go('/entities/');
    const groups = await page.$$eval('section.entity-group', (sections) =>
      sections.map((s) => ({
        type: s.querySelector('h2')!.id,
        heading: s.querySelector('h2')!.textContent!,
        links: s.querySelectorAll('ul.entity-list a').length,
      })),
    );
    expect(groups.map((g) => g.type)).toEqual([
      'organization',
      'place',
      'project',
      'industry',
      'policy',
      'indicator',
    ]);
    for (const g of groups) {
      const count = index.counts[g.type as keyof EntityIndex['counts']];
      expect(g.links).toBe(count);
      expect(g.heading).toContain(`${count} 个`);
    }
    const links = await hrefs('ul.entity-list a');
    expect(new Set(links)).toEqual(new Set(index.entities.map((e) => `/entities/${e.id}/`)));
  });

  it('has a page for each entity, reachable from the index', async () => {
    await go('/entities/');
    await page.click('ul.entity-list a:text-is("青岛国际院士港")');
    await page.waitForURL('**/entities/qing-dao-guo-ji-yuan-shi-gang/');
    expect(await page.textContent('h1')).toBe('青岛国际院士港');
    expect(await page.textContent('.entity-facts')).toContain('院士港');
  });
});

describe('an entity page', () => {
  it('lists every mention, and each opens the clause that holds it', async () => {
    const river = entities().entities.find((e) => e.name === '李村河')!;
    await go(`/entities/${river.id}/`);
    const items = await page.$$eval('ol.mentions > li', (lis) =>
      lis.map((li) => ({
        node: (li as HTMLElement).dataset.node!,
        href: li.querySelector('a.where')!.getAttribute('href')!,
        mark: li.querySelector('mark')!.textContent!,
        snippet: li.querySelector('.snippet')!.textContent!,
      })),
    );
    expect(items).toHaveLength(river.mentions.length);
    for (const item of items) {
      expect(item.mark).toBe('李村河');
      expect(
        item.href.endsWith(`#${item.node}`) || item.href === `/${item.node.replace('.', '/')}/`,
      ).toBe(true);
      const text = await clauseText(item.href);
      expect(text, item.href).toContain('李村河');
      // The snippet is the clause's own wording.
      expect(text.replace(/\s+/g, '')).toContain(
        item.snippet.replace(/…/g, '').replace(/\s+/g, '').slice(0, 12),
      );
    }
  });

  it('shows a name found inside a longer one with a link to that one', async () => {
    const street = entities().entities.find((e) => e.name === '振华路街道')!;
    await go(`/entities/${street.id}/`);
    const within = await page.$eval('ol.mentions .within a', (a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(within[0]).toBe('振华路街道四流中路社区卫生服务中心新迁址工程');
    await page.click('ol.mentions a.where');
    await page.waitForURL('**/9/3/#B8.2');
    expect(await page.textContent('[id="B8.2"]')).toContain('振华路街道');
  });

  it('takes 全区森林覆盖率 from its 表2 row to 推进“山水园圈”工程', async () => {
    await go('/entities/quan-qu-sen-lin-fu-gai-lv/');
    expect(await hrefs('.entity-facts a')).toContain('/indicators/#T2.21');
    const mentions = await hrefs('ol.mentions a.where');
    expect(mentions).toEqual(['/indicators/#T2.21', '/7/1/#7.1.1']);
    expect(await clauseText('/7/1/#7.1.1')).toContain('到2025年，森林覆盖率达到16.5%');
  });
});

describe('/targets/', () => {
  it('lists every target in a table that works without JavaScript', async () => {
    const { context, page: plain } = await openPage(browser, server.origin, {
      javaScriptEnabled: false,
    });
    await plain.goto(`${server.origin}/targets/`);
    const ids = await plain.$$eval('table.targets-table tbody tr', (rows) => rows.map((r) => r.id));
    expect(ids).toEqual(targets().targets.map((t) => t.id));
    expect(await plain.$$('table.targets-table button')).toHaveLength(0);
    await plain.click('a:text-is("按事项")');
    await plain.waitForURL('**/targets/by-metric/');
    const byMetric = await plain.$$eval('table.targets-table tbody th.metric', (ths) =>
      ths.map((t) => t.textContent!.trim()),
    );
    const collator = new Intl.Collator('zh-Hans-CN');
    expect(byMetric).toEqual([...byMetric].sort((a, b) => collator.compare(a, b)));
    await context.close();
  });

  it('links each target to its clause and to its 表2 indicator', async () => {
    await go('/targets/');
    const row = await page.$eval('tr[id="7.1.1.t1"]', (tr) => ({
      clause: tr.querySelector('a.clause')!.getAttribute('href'),
      indicator: tr.querySelector('a.indicator-link')?.getAttribute('href'),
      metric: tr.querySelector('th.metric')!.textContent!.trim(),
      figure: tr.querySelector('.figure')!.textContent!.trim(),
      deadline: tr.querySelector('.deadline')!.textContent!.trim(),
    }));
    expect(row).toEqual({
      clause: '/7/1/#7.1.1',
      indicator: '/indicators/#T2.21',
      metric: '森林覆盖率',
      figure: '16.5%',
      deadline: '到2025年',
    });
    expect(await clauseText(row.clause!)).toContain('森林覆盖率达到16.5%');
    expect(await clauseText(row.indicator!)).toContain('全区森林覆盖率');
  });

  it('sorts by 章节 and by 事项 in place when JavaScript runs', async () => {
    await go('/targets/');
    const order = () =>
      page.$$eval('table.targets-table tbody tr', (rows) => rows.map((r) => r.id));
    const documentOrder = await order();
    await page.click('th[data-sort="metric"] button');
    const byMetric = await order();
    expect(byMetric).not.toEqual(documentOrder);
    expect(await page.getAttribute('th[data-sort="metric"]', 'aria-sort')).toBe('ascending');
    expect(await page.getAttribute('th[data-sort="chapter"]', 'aria-sort')).toBeNull();
    await go('/targets/by-metric/');
    expect(await order()).toEqual(byMetric);
    await go('/targets/');
    await page.click('th[data-sort="metric"] button');
    await page.click('th[data-sort="chapter"] button');
    expect(await order()).toEqual(documentOrder);
  });
});

describe('downloads', () => {
  it('serve entities.json, targets.json and targets.csv', async () => {
    for (const path of ['/data/entities.json', '/data/targets.json', '/data/targets.csv']) {
      const response = await page.request.get(`${server.origin}${path}`);
      expect(response.status(), path).toBe(200);
    }
    const csv = await (await page.request.get(`${server.origin}/data/targets.csv`)).body();
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(targets().targets.length + 1);
    expect(entities().schema).toBe(1);
  });
});

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe('accessibility (axe-core): no serious or critical violation', () => {
  for (const width of [1280, 390]) {
    for (const path of [
      '/entities/',
      '/entities/qing-dao-guo-ji-yuan-shi-gang/',
      '/targets/',
      '/targets/by-metric/',
    ]) {
      it(`${path} at ${width} px`, async () => {
        const { context, page: p } = await openPage(browser, server.origin, { width, height: 800 });
        await p.goto(server.origin + path);
        await p.addScriptTag({ content: AXE });
        const violations = await p.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run(): Promise<{
                  violations: {
                    id: string;
                    impact: string | null;
                    nodes: { target: string[] }[];
                  }[];
                }>;
              };
            }
          ).axe;
          const result = await axe.run();
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v) =>
                `${v.impact} ${v.id}: ${v.nodes
                  .slice(0, 3)
                  .map((n) => n.target.join(' '))
                  .join('; ')}`,
            );
        });
        expect(violations).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('from 表2 to the measure and back (reading pages)', () => {
  const plan = JSON.parse(readDist('data/plan.json')) as PlanFile;
  const row = indexById(plan.document).get('T2.21') as IndicatorNode;
  // The reading pages render links once the pipeline writes them into plan.json.
  const wired = Boolean(row.measures?.length);

  it.skipIf(!wired)('reaches 推进“山水园圈”工程 from the 全区森林覆盖率 row of 表2', async () => {
    await go('/indicators/#T2.21');
    const link = page.locator('tr[id="T2.21"] a[href="/7/1/#7.1.1"]');
    expect(await link.count()).toBeGreaterThan(0);
    await link.first().click();
    await page.waitForURL('**/7/1/#7.1.1');
    expect(await page.textContent('[id="7.1.1"]')).toContain('森林覆盖率达到16.5%');
  });

  it.skipIf(!wired)('reaches the indicator and the target from 推进“山水园圈”工程', async () => {
    await go('/7/1/#7.1.1');
    const measure = page.locator('[id="7.1.1"]');
    expect(await measure.locator('a[href="/indicators/#T2.21"]').count()).toBeGreaterThan(0);
    const target = measure.locator('a[href="/targets/#7.1.1.t1"]');
    expect(await target.count()).toBeGreaterThan(0);
    await target.first().click();
    await page.waitForURL('**/targets/#7.1.1.t1');
    expect(await page.textContent('tr[id="7.1.1.t1"]')).toContain('16.5%');
  });

  it('never requests anything outside the site', () => {
    expect(outside).toEqual([]);
  });
});
