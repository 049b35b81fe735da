import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walk } from '../../src/model/tree.ts';
import { DATA_FILES, PAGE_KINDS, PLAN_PAGES, SEARCH_INDEX_PATH } from '../../src/model/urls.ts';
import { partsText, type TextPart } from '../../src/site/annotations.ts';
import type { Block } from '../../src/site/blocks.ts';
import { indicatorsModel } from '../../src/site/indicators.ts';
import { readingPages } from '../../src/site/navigation.ts';
import { citeModel } from '../../src/site/citations.ts';
import { homeModel, readingModel } from '../../src/site/pages.ts';
import { corpusEntries, loadSitePlan } from '../../src/site/site-plan.ts';
import { DIST } from '../../scripts/tools/static-server.ts';
import { blockIds } from '../support/blocks.ts';

/**
 * Every plan of the corpus as the build wrote it (.generated/, and dist/ after `npm run build`):
 * each reading page's model, every node rendered once with its text intact, the indicator
 * tables, and the built pages and files under /<slug>/.
 */

/** Text runs of the blocks with the field they must join back to (glossary references add none). */
function runs(blocks: Block[]): { id: string; expected: string; parts: TextPart[] }[] {
  return blocks.flatMap((b) => {
    switch (b.kind) {
      case 'subpart':
        return runs(b.children);
      case 'measure':
        return [
          { id: b.id, expected: b.lead, parts: b.leadParts },
          { id: b.id, expected: b.text, parts: b.textParts },
          ...runs(b.children),
        ];
      case 'box':
        return [
          ...b.items.flatMap((i) => [
            { id: i.id, expected: i.lead + i.text, parts: [...i.leadParts, ...i.textParts] },
          ]),
          ...runs(b.content),
        ];
      case 'paragraph':
      case 'figure':
      case 'note':
        return [{ id: b.id, expected: b.text, parts: b.textParts }];
      default:
        return [];
    }
  });
}

for (const { slug } of corpusEntries()) {
  describe(slug, () => {
    const plan = loadSitePlan(slug);
    const pages = readingPages(plan);
    const models = pages.map((p) => readingModel(plan, p.path));

    it('renders every node on one reading page, once, with unique ids and its text intact', () => {
      const seen = new Map<string, string>();
      for (const model of models) {
        for (const id of blockIds(model.blocks)) {
          expect(seen.has(id), `${id} on ${model.path} and ${seen.get(id)}`).toBe(false);
          seen.set(id, model.path);
        }
        for (const run of runs(model.blocks))
          expect(partsText(run.parts), `${slug} ${run.id}`).toBe(run.expected);
      }
      const expected = [...walk(plan.document)]
        .map(({ node }) => node)
        .filter((n) => n.kind !== 'document' && !PAGE_KINDS.has(n.kind))
        .map((n) => n.id);
      expect([...seen.keys()].sort()).toEqual(expected.sort());
    });

    it('puts back every glossary reference as a link to its entry', () => {
      const refs = [...walk(plan.document)].reduce(
        (n, { node }) => n + (node.refs?.length ?? 0),
        0,
      );
      const shown = models
        .flatMap((m) => [
          ...m.heading.titleParts,
          ...runs(m.blocks).flatMap((r) => r.parts),
          ...m.blocks.flatMap(function titles(b): TextPart[] {
            if (b.kind === 'subpart') return [...b.titleParts, ...b.children.flatMap(titles)];
            if (b.kind === 'box') return [...b.titleParts, ...b.content.flatMap(titles)];
            if (b.kind === 'term') return b.textParts;
            return [];
          }),
        ])
        .filter((p) => p.ref);
      expect(shown).toHaveLength(refs);
      for (const part of shown)
        expect(part.ref!.href).toMatch(new RegExp(`^/${slug}/glossary/#G\\d+$`));
    });

    it('has a home, indicator tables, and a citation from its metadata', () => {
      const home = homeModel(plan);
      expect(home.title).toBe(plan.meta.title);
      expect(home.contents.length).toBeGreaterThan(0);
      const indicators = indicatorsModel(plan);
      for (const table of indicators.tables) expect(table.rowCount, table.id).toBeGreaterThan(0);
      expect(indicators.context).toHaveLength(indicators.tables.length);
      expect(citeModel(plan).document.reference).toContain(
        `${plan.meta.issuer}. ${plan.meta.title}${plan.meta.documentNumber ? `: ${plan.meta.documentNumber}` : ''}[Z/OL]. (${plan.meta.date})[`,
      );
    });

    it('is built under /<slug>/: every reading page, the pages beside the text, its files', () => {
      const missing = [
        ...pages.map((p) => p.path),
        ...Object.values(PLAN_PAGES).map((p) => plan.href(p)),
      ].filter((path) => !existsSync(join(DIST, path, 'index.html')));
      for (const file of [...DATA_FILES.map((f) => `/data/${f}`), SEARCH_INDEX_PATH])
        if (!existsSync(join(DIST, plan.href(file)))) missing.push(plan.href(file));
      expect(missing).toEqual([]);
    });
  });
}
