import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../scripts/pipeline/entities.ts';
import { TYPE_ORDER } from '../../src/model/entity-labels.ts';
import { entityIndexModel, entityPageModel } from '../../src/site/entity-pages.ts';
import { indexById } from '../../src/model/tree.ts';
import { curatedList, linkedDocument } from '../support/real-plan.ts';
import { realSitePlan } from '../support/site-plan.ts';

/** The view models of the entity pages, on the real plan (no build needed). */
const document = linkedDocument();
const index = extractEntities(document, curatedList());
const byId = indexById(document);
const plan = realSitePlan(index);

describe('entityIndexModel', () => {
  const model = entityIndexModel(plan);
  it('groups every entity by type, in a fixed order, with counts (types with none left out)', () => {
    expect(model.groups.map((g) => g.type)).toEqual(
      TYPE_ORDER.filter((type) => index.counts[type] > 0),
    );
    expect(model.groups.reduce((n, g) => n + g.count, 0)).toBe(index.entities.length);
    for (const g of model.groups) {
      expect(g.count).toBe(index.counts[g.type]);
      expect(g.entities.map((e) => e.id)).toEqual([...g.entities.map((e) => e.id)].sort());
    }
  });
});

describe('entityPageModel', () => {
  it('gives each mention its clause URL and a snippet around the name', () => {
    const forest = index.entities.find((e) => e.name === '全区森林覆盖率')!;
    const page = entityPageModel(forest, plan);
    expect(page.mentions.map((m) => [m.href, m.match])).toEqual([
      ['/licang-14/indicators/#T2.21', '全区森林覆盖率'],
      ['/licang-14/7/1/#7.1.1', '森林覆盖率'],
    ]);
    expect(page.mentions[1]!.after).toBe('达到16.5%。');
    expect(page.mentions[1]!.before.startsWith('…')).toBe(true);
    expect(page.nodes).toEqual([
      { id: 'T2.21', href: '/licang-14/indicators/#T2.21', where: '表2第21项“全区森林覆盖率”' },
    ]);
  });

  it('lists mentions in document order and names the longer name a mention sits in', () => {
    const street = index.entities.find((e) => e.name === '振华路街道')!;
    const page = entityPageModel(street, plan);
    expect(page.mentions).toHaveLength(1);
    expect(page.mentions[0]!.within?.name).toBe('振华路街道四流中路社区卫生服务中心新迁址工程');
    const gang = entityPageModel(
      index.entities.find((e) => e.name === '青岛国际院士港')!,
      plan,
    );
    const order = [...byId.keys()];
    const positions = gang.mentions.map((m) => order.indexOf(m.node));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
