import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../scripts/pipeline/targets.ts';
import { sitePlanOf } from '../../src/site/site-plan.ts';
import { targetsModel } from '../../src/site/targets-page.ts';
import { corpusPlan } from '../support/corpus.ts';
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
      year: 2025,
      deadlineKey: '2025',
      chapterKey: '7',
      indicator: { id: 'T2.21', href: '/licang-14/indicators/#T2.21', name: '全区森林覆盖率' },
      clause: '到2025年，森林覆盖率达到16.5%',
    });
    const floor = targetsModel(plan).rows.find((r) => r.metric === '全区普惠性学位覆盖率')!;
    expect(floor.figure).toBe('不低于90%');
    expect(targetsModel(plan).rows.find((r) => r.id === 'B4.1.t1')!.chapterLabel).toBe('第四章');
  });

  it('offers the filters: each deadline year, one without a year, none; each chapter with targets', () => {
    const model = targetsModel(plan);
    expect(model.deadlines).toEqual([
      { value: '2025', label: '2025年', count: 19 },
      { value: 'other', label: '三到五年内', count: 1 },
      { value: 'none', label: '未写明期限', count: 19 },
    ]);
    for (const o of model.deadlines)
      expect(model.rows.filter((r) => r.deadlineKey === o.value)).toHaveLength(o.count);
    // No parts in 李沧: one group without a label, the chapters as the plan prints them.
    expect(model.chapters).toHaveLength(1);
    expect(model.chapters[0]!.label).toBeUndefined();
    expect(model.chapters[0]!.options.map((o) => [o.value, o.count])).toEqual([
      ['4', 11],
      ['5', 2],
      ['7', 9],
      ['9', 17],
    ]);
    expect(model.chapters[0]!.options[2]!.label).toBe(
      '第七章 推进生态文明建设，实现绿色发展新进步',
    );
  });

  it('groups the chapters under their parts 篇, and keeps a part’s own text (南京 P5.p1)', () => {
    const file = corpusPlan('nanjing-15');
    const ts = extractTargets(file.document, { period: file.meta.period });
    const model = targetsModel(sitePlanOf(file, undefined, ts));
    const groups = model.chapters;
    expect(groups.every((g) => /^第.+篇 /.test(g.label ?? ''))).toBe(true);
    const options = groups.flatMap((g) => g.options);
    expect(options.reduce((n, o) => n + o.count, 0)).toBe(ts.length);
    const p2 = groups.find((g) => g.label!.startsWith('第二篇 '))!;
    expect(p2.options.map((o) => o.value)).toEqual(['4', '5', '7']);
    expect(p2.options[0]!.label).toBe('第四章 建设全国先进制造业基地');
    const own = options.find((o) => o.value === 'P5')!;
    expect(own).toEqual({ value: 'P5', label: '第五篇（篇首）', count: 1 });
    expect(model.rows.find((r) => r.id === 'P5.p1.t1')!.chapterKey).toBe('P5');
    expect(model.deadlines.map((o) => o.value)).toEqual(['2030', 'none']);
  });
});
