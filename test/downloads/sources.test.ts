import { describe, expect, it } from 'vitest';
import { wordingEdits } from '../../src/site/edits.ts';
import { loadSourceText } from '../../src/site/load-artifacts.ts';
import { corpusEntries, loadSitePlan } from '../../src/site/site-plan.ts';
import { REPAIR_LABELS, sourcesModel } from '../../src/site/sources-page.ts';
import { openPage, useSiteBrowser } from '../support/browser.ts';
import { LICANG } from '../support/real-plan.ts';

/**
 * Where the build changed the text, shown to the reader (issue 8 §4): the stray English words it
 * replaced by 和/等 are marked in the clause with the original beside them, and /<slug>/sources/
 * lists every repair of the build's report, by kind, linked from the downloads page (run
 * `npm run build` first for the pages).
 */
const plan = loadSitePlan(LICANG);
const site = useSiteBrowser();

describe('wording edits', () => {
  it('are placed at the word the build replaced, by the context of its source line', () => {
    const { placed, unplaced } = wordingEdits(plan, () => loadSourceText(plan.source));
    expect(unplaced).toEqual([]);
    const around = placed.map((e) => {
      const node = plan.nodes.get(e.node) as { text: string };
      return `${e.node} ${node.text.slice(e.start - 6, e.start)}[${e.original}→${e.text}]${node.text.slice(e.end, e.end + 4)}`;
    });
    // B5.4 prints 等 five times; the one that was “etc” is after 核事故应急管理.
    expect(around).toEqual([
      'B5.4 事故应急管理[etc→等]环境特性',
      '7.2.2 产业结构调整[and→和]产业升级',
      '9.5.2 社区自治活动[and→和]专业化服',
    ]);
  });

  it('need no source text when a plan has none', () => {
    for (const { slug } of corpusEntries()) {
      const other = loadSitePlan(slug);
      if (other.document.repairs.some((r) => r.kind === 'stray-word')) continue;
      const edits = wordingEdits(other, () => {
        throw new Error('not read');
      });
      expect(edits, slug).toEqual({ placed: [], unplaced: [] });
    }
  });
});

describe('/<slug>/sources/', () => {
  it('lists every repair of the build’s report, grouped by kind, the wording first', () => {
    for (const { slug } of corpusEntries()) {
      const other = loadSitePlan(slug);
      const model = sourcesModel(other);
      expect(model.groups.flatMap((g) => g.repairs).length, slug).toBe(
        other.document.repairs.length,
      );
      for (const g of model.groups) expect(REPAIR_LABELS[g.kind], g.kind).toBeDefined();
    }
    const model = sourcesModel(plan);
    expect(model.total).toBe(149);
    expect(model.groups[0]).toMatchObject({ kind: 'stray-word', wording: true });
    expect(model.groups[0]!.repairs.map((r) => [r.line, r.before, r.after, r.marked])).toEqual([
      [442, ' etc ', '等', true],
      [567, ' and ', '和', true],
      [704, ' and ', '和', true],
    ]);
    expect(model.groups[0]!.repairs[1]!.clause).toMatchObject({
      id: '7.2.2',
      href: `/${LICANG}/7/2/#7.2.2`,
    });
  });

  it('is linked from the downloads page, and the reading page marks the edit', async () => {
    const { context, page } = await openPage(site.browser, site.server.origin, {
      javaScriptEnabled: false,
    });
    await page.goto(`${site.server.origin}/${LICANG}/downloads/`);
    await page.click(`a[href="/${LICANG}/sources/"]`);
    await page.waitForURL(`**/${LICANG}/sources/`);
    expect(await page.locator('table.repairs tbody tr').count()).toBe(149);
    expect(await page.textContent('#stray-word')).toContain('英文误词改回中文');
    await page.goto(`${site.server.origin}/${LICANG}/7/2/`);
    const edit = page.locator('[id="7.2.2"] ins.edit');
    expect(await edit.textContent()).toBe('和');
    expect(await edit.getAttribute('data-original')).toBe('and');
    // The original is on the page, beside the word, and the clause's text is the plan's.
    expect(
      await edit.evaluate((el) => getComputedStyle(el, '::after').content.includes('and')),
    ).toBe(true);
    expect(await page.textContent('[id="7.2.2"] p')).toContain('产业结构调整和产业升级');
    await context.close();
  });
});
