import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../scripts/pipeline/targets.ts';
import { targetsModel } from '../../src/site/targets-page.ts';
import { linkedDocument } from '../support/real-plan.ts';
import { realSitePlan } from '../support/site-plan.ts';

/** The view model of the targets pages, on the real plan (no build needed). */
const document = linkedDocument();
const targets = extractTargets(document);
const plan = realSitePlan(undefined, targets);

describe('targetsModel', () => {
  it('keeps document order by chapter, and sorts by metric in pinyin order', () => {
    const byChapter = targetsModel(plan, 'chapter');
    expect(byChapter.rows.map((r) => r.id)).toEqual(targets.map((t) => t.id));
    const byMetric = targetsModel(plan, 'metric');
    const collator = new Intl.Collator('zh-Hans-CN');
    const metrics = byMetric.rows.map((r) => r.metric);
    expect(metrics).toEqual([...metrics].sort((a, b) => collator.compare(a, b)));
    expect(byChapter.withDeadline).toBe(20);
    expect(byChapter.withIndicator).toBe(8);
  });

  it('reads a row as a reader would: clause link, figure, deadline, indicator', () => {
    const row = targetsModel(plan).rows.find((r) => r.id === '7.1.1.t1')!;
    expect(row).toMatchObject({
      chapterLabel: '第七章',
      href: '/licang-14/7/1/#7.1.1',
      where: '第七章第一节“推进‘山水园圈’工程”',
      figure: '达到16.5%',
      deadline: '到2025年',
      indicator: { id: 'T2.21', href: '/licang-14/indicators/#T2.21', name: '全区森林覆盖率' },
      clause: '到2025年，森林覆盖率达到16.5%',
    });
    const floor = targetsModel(plan).rows.find((r) => r.metric === '全区普惠性学位覆盖率')!;
    expect(floor.figure).toBe('不低于90%');
    expect(targetsModel(plan).rows.find((r) => r.id === 'B4.1.t1')!.chapterLabel).toBe('第四章');
  });
});
