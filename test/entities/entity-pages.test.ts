import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../scripts/pipeline/entities.ts';
import { extractTargets } from '../../scripts/pipeline/targets.ts';
import { TYPE_ORDER } from '../../src/model/entity-labels.ts';
import { clauseLinks } from '../../src/site/annotations.ts';
import { entityIndexModel, entityPageModel } from '../../src/site/entity-pages.ts';
import { shortCitation } from '../../src/site/navigation.ts';
import { targetsModel } from '../../src/site/targets-page.ts';
import { indexById } from '../../src/model/tree.ts';
import { curatedList, linkedDocument } from './plan.ts';

/** The view models of the entity and target pages, on the real plan (no build needed). */
const document = linkedDocument();
const index = extractEntities(document, curatedList());
const targets = extractTargets(document);
const byId = indexById(document);

describe('entityIndexModel', () => {
  const model = entityIndexModel(index);
  it('groups every entity by type, in a fixed order, with counts', () => {
    expect(model.groups.map((g) => g.type)).toEqual([...TYPE_ORDER]);
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
    const page = entityPageModel(forest, document, index);
    expect(page.mentions.map((m) => [m.href, m.match])).toEqual([
      ['/indicators/#T2.21', '全区森林覆盖率'],
      ['/7/1/#7.1.1', '森林覆盖率'],
    ]);
    expect(page.mentions[1]!.after).toBe('达到16.5%。');
    expect(page.mentions[1]!.before.startsWith('…')).toBe(true);
    expect(page.nodes).toEqual([
      { id: 'T2.21', href: '/indicators/#T2.21', where: '表2第21项“全区森林覆盖率”' },
    ]);
  });

  it('lists mentions in document order and names the longer name a mention sits in', () => {
    const street = index.entities.find((e) => e.name === '振华路街道')!;
    const page = entityPageModel(street, document, index);
    expect(page.mentions).toHaveLength(1);
    expect(page.mentions[0]!.within?.name).toBe('振华路街道四流中路社区卫生服务中心新迁址工程');
    const gang = entityPageModel(
      index.entities.find((e) => e.name === '青岛国际院士港')!,
      document,
      index,
    );
    const order = [...byId.keys()];
    const positions = gang.mentions.map((m) => order.indexOf(m.node));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('targetsModel', () => {
  it('keeps document order by chapter, and sorts by metric in pinyin order', () => {
    const byChapter = targetsModel(targets, document, 'chapter');
    expect(byChapter.rows.map((r) => r.id)).toEqual(targets.map((t) => t.id));
    const byMetric = targetsModel(targets, document, 'metric');
    const collator = new Intl.Collator('zh-Hans-CN');
    const metrics = byMetric.rows.map((r) => r.metric);
    expect(metrics).toEqual([...metrics].sort((a, b) => collator.compare(a, b)));
    expect(byChapter.withDeadline).toBe(19);
    expect(byChapter.withIndicator).toBe(8);
  });

  it('reads a row as a reader would: clause link, figure, deadline, indicator', () => {
    const row = targetsModel(targets, document).rows.find((r) => r.id === '7.1.1.t1')!;
    expect(row).toMatchObject({
      chapterLabel: '第七章',
      href: '/7/1/#7.1.1',
      where: '第七章第一节“推进‘山水园圈’工程”',
      figure: '16.5%',
      deadline: '到2025年',
      indicator: { id: 'T2.21', href: '/indicators/#T2.21', name: '全区森林覆盖率' },
      clause: '到2025年，森林覆盖率达到16.5%',
    });
    const floor = targetsModel(targets, document).rows.find(
      (r) => r.metric === '全区普惠性学位覆盖率',
    )!;
    expect(floor.figure).toBe('不低于90%');
    expect(targetsModel(targets, document).rows.find((r) => r.id === 'B4.1.t1')!.chapterLabel).toBe(
      '第四章',
    );
  });
});

describe('clauseLinks', () => {
  it('gives a measure its indicators and targets, and a 表 row its measures', () => {
    const measure = clauseLinks(byId.get('7.1.1')!, document, targets);
    expect(measure.indicators).toEqual([
      {
        id: 'T2.21',
        href: '/indicators/#T2.21',
        text: '全区森林覆盖率',
        where: '表2第21项“全区森林覆盖率”',
        kind: 'explicit',
      },
    ]);
    expect(measure.targets).toEqual([
      {
        id: '7.1.1.t1',
        href: '/targets/#7.1.1.t1',
        text: '森林覆盖率 16.5%',
        where: '第七章第一节“推进‘山水园圈’工程”',
      },
    ]);
    const row = clauseLinks(byId.get('T2.21')!, document, targets);
    expect(row.measures).toEqual([
      {
        id: '7.1.1',
        href: '/7/1/#7.1.1',
        text: '推进“山水园圈”工程',
        where: shortCitation(byId.get('7.1.1')!),
        kind: 'explicit',
      },
    ]);
  });
});
