import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../scripts/tools/static-server.ts';
import { TYPE_ORDER } from '../../src/model/entity-labels.ts';
import type { EntityIndex } from '../../src/model/types.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, usePagePerTest, useSiteBrowser } from '../support/browser.ts';

/**
 * The entity pages in Chromium, over the built dist/ (run `npm run build`
 * first): the index by type, and an entity's mentions each opening its clause.
 */
const entities = (): EntityIndex =>
  JSON.parse(readFileSync(join(DIST, 'licang-14/data/entities.json'), 'utf8')) as EntityIndex;

const site = useSiteBrowser();
const current = usePagePerTest(site);

const go = (path: string) => current.page.goto(`${site.server.origin}${path}`);
const hrefs = (selector: string) =>
  current.page.$$eval(selector, (links) =>
    links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!),
  );

/** Open a clause URL and return the text of the element its anchor names (or the page's h1). */
async function clauseText(href: string): Promise<string> {
  await go(href);
  const id = new URL(href, site.server.origin).hash.slice(1);
  return current.page.evaluate((anchor) => {
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
    await go('/licang-14/entities/');
    const groups = await current.page.$$eval('section.entity-group', (sections) =>
      sections.map((s) => ({
        type: s.querySelector('h2')!.id,
        heading: s.querySelector('h2')!.textContent!,
        links: s.querySelectorAll('ul.entity-list a').length,
      })),
    );
    // Every type of the index that has an entity, in the index's order.
    expect(groups.map((g) => g.type)).toEqual(TYPE_ORDER.filter((type) => index.counts[type] > 0));
    for (const g of groups) {
      const count = index.counts[g.type as keyof EntityIndex['counts']];
      expect(g.links).toBe(count);
      expect(g.heading).toContain(`${count} 个`);
    }
    const links = await hrefs('ul.entity-list a');
    expect(new Set(links)).toEqual(
      new Set(index.entities.map((e) => `/licang-14/entities/${e.id}/`)),
    );
  });

  it('has a page for each entity, reachable from the index', async () => {
    await go('/licang-14/entities/');
    await current.page.click('ul.entity-list a:text-is("青岛国际院士港")');
    await current.page.waitForURL('**/entities/qing-dao-guo-ji-yuan-shi-gang/');
    expect(await current.page.textContent('h1')).toBe('青岛国际院士港');
    expect(await current.page.textContent('.entity-facts')).toContain('院士港');
  });
});

describe('an entity page', () => {
  it('lists every mention, and each opens the clause that holds it', async () => {
    const river = entities().entities.find((e) => e.name === '李村河')!;
    await go(`/licang-14/entities/${river.id}/`);
    const items = await current.page.$$eval('ol.mentions > li', (lis) =>
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
        item.href.endsWith(`#${item.node}`) ||
          item.href === `/licang-14/${item.node.replace('.', '/')}/`,
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
    await go(`/licang-14/entities/${street.id}/`);
    const within = await current.page.$eval('ol.mentions .within a', (a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(within[0]).toBe('振华路街道四流中路社区卫生服务中心新迁址工程');
    await current.page.click('ol.mentions a.where');
    await current.page.waitForURL('**/9/3/#B8.2');
    expect(await current.page.textContent('[id="B8.2"]')).toContain('振华路街道');
  });

  it('takes 全区森林覆盖率 from its 表2 row to 推进“山水园圈”工程', async () => {
    await go('/licang-14/entities/quan-qu-sen-lin-fu-gai-lv/');
    expect(await hrefs('.entity-facts a')).toContain('/licang-14/indicators/#T2.21');
    const mentions = await hrefs('ol.mentions a.where');
    expect(mentions).toEqual(['/licang-14/indicators/#T2.21', '/licang-14/7/1/#7.1.1']);
    expect(await clauseText('/licang-14/7/1/#7.1.1')).toContain('到2025年，森林覆盖率达到16.5%');
  });
});

describe('accessibility (axe-core): no serious or critical violation', () => {
  for (const width of [1280, 390]) {
    for (const path of [
      '/licang-14/entities/',
      '/licang-14/entities/qing-dao-guo-ji-yuan-shi-gang/',
    ]) {
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
