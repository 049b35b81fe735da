import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../scripts/pipeline/targets.ts';
import { targetsModel } from '../../src/site/targets-page.ts';
import { linkedDocument } from '../support/real-plan.ts';

/** The view model of the targets pages, on the real plan (no build needed). */
const document = linkedDocument();
const targets = extractTargets(document);

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
