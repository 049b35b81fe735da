import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../scripts/pipeline/targets.ts';
import { indexById } from '../../src/model/tree.ts';
import { clauseLinks } from '../../src/site/annotations.ts';
import { shortCitation } from '../../src/site/navigation.ts';
import { linkedDocument } from '../support/real-plan.ts';
import { realSitePlan } from '../support/site-plan.ts';

/** The links a reading page shows next to a clause, on the real plan (no build needed). */
const document = linkedDocument();
const targets = extractTargets(document);
const byId = indexById(document);
const plan = realSitePlan(undefined, targets);

describe('clauseLinks', () => {
  it('gives a measure its indicators and targets, and a 表 row its measures', () => {
    const measure = clauseLinks(byId.get('7.1.1')!, plan);
    expect(measure.indicators).toEqual([
      {
        id: 'T2.21',
        href: '/licang-14/indicators/#T2.21',
        text: '全区森林覆盖率',
        where: '表2第21项“全区森林覆盖率”',
        kind: 'explicit',
        basis: 'figure',
      },
    ]);
    expect(measure.targets).toEqual([
      {
        id: '7.1.1.t1',
        href: '/licang-14/targets/#7.1.1.t1',
        text: '森林覆盖率 达到16.5%',
        where: '第七章第一节“推进‘山水园圈’工程”',
      },
    ]);
    const row = clauseLinks(byId.get('T2.21')!, plan);
    expect(row.measures).toEqual([
      {
        id: '7.1.1',
        href: '/licang-14/7/1/#7.1.1',
        text: '推进“山水园圈”工程',
        where: shortCitation(byId.get('7.1.1')!),
        kind: 'explicit',
        basis: 'figure',
      },
    ]);
  });
});
