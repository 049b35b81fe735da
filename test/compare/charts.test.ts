import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadMetricList } from '../../scripts/compare/metric-list.ts';
import { compareMetrics } from '../../scripts/compare/metrics.ts';
import { isShared } from '../../src/model/compare.ts';
import {
  chartInput,
  describe as describeChart,
  numericPoints,
  renderMetricChart,
  type ChartInput,
} from '../../src/site/metric-chart.ts';
import { corpusOrder, corpusPlan, SLUGS } from '../support/corpus.ts';

/**
 * The build-time charts (src/site/metric-chart.ts) for every shared metric of the real corpus:
 * the same bytes every time, nothing a strict Content-Security-Policy refuses, and a text
 * alternative that states every value.
 */
const plans = SLUGS.map(corpusPlan);
const order = corpusOrder(plans);
const file = compareMetrics(plans, loadMetricList(), order);
const inputs = file.metrics.filter(isShared).map((m) => chartInput(m, file.plans));
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('metric charts', () => {
  it('are byte-for-byte the same in any order and in a fresh process', () => {
    const first = inputs.map((i) => renderMetricChart(i));
    const reversed = [...inputs].reverse().map((i) => renderMetricChart(structuredClone(i)));
    expect(reversed.reverse()).toEqual(first);
    const script = `
      import { readFileSync } from 'node:fs';
      import { createHash } from 'node:crypto';
      import { renderMetricChart } from './src/site/metric-chart.ts';
      const inputs = JSON.parse(readFileSync(0, 'utf8'));
      const out = inputs.reverse().map((i) => createHash('sha256').update(renderMetricChart(i)).digest('hex'));
      console.log(JSON.stringify(out.reverse()));`;
    const fresh = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        input: JSON.stringify(inputs),
      },
    );
    expect(JSON.parse(fresh.toString())).toEqual(first.map(sha));
  });

  it('carry no <style> element, no style attribute and no generated ID', () => {
    for (const input of inputs) {
      const html = renderMetricChart(input);
      expect(html).not.toMatch(/<style/i);
      expect(html).not.toMatch(/\sstyle=/i);
      for (const [, id] of html.matchAll(/\sid="([^"]+)"/g)) expect(id).toMatch(/^chart-/);
    }
  });

  it('are images with a title and a description, their drawing hidden from assistive technology', () => {
    const charted = inputs.filter((i) => numericPoints(i) >= 2);
    expect(charted.length).toBeGreaterThanOrEqual(20);
    for (const input of charted) {
      const html = renderMetricChart(input);
      expect(html).toContain(`role="img"`);
      expect(html).toContain(`aria-labelledby="${input.id}-t"`);
      expect(html).toContain(`aria-describedby="${input.id}-d"`);
      expect(html).toMatch(
        new RegExp(`<title id="${input.id}-t">${input.metric.replace(/[()（）]/g, '.')}`),
      );
      expect(html).toContain(`<desc id="${input.id}-d">`);
      expect(html).toMatch(/<\/desc><g aria-hidden="true">/);
      expect(html.match(/aria-hidden="true"/g)!.length).toBe(3); // the drawing and the key's two swatches
    }
  });

  it('state every value in the description, bounds and 左右 in words', () => {
    for (const input of inputs) {
      const desc = describeChart(input);
      for (const s of input.series) {
        expect(desc).toContain(`${s.plan}：`);
        for (const p of s.points) {
          if (p.value === null) expect(desc).toContain(`“${p.text}”`);
          else expect(desc).toContain(`${String(Math.abs(p.value))}${input.unit}`);
        }
      }
      // The rendered chart carries the same description.
      if (numericPoints(input) >= 2) expect(renderMetricChart(input)).toContain(desc);
    }
    const life = describeChart(inputs.find((i) => i.id === 'chart-life-expectancy')!);
    expect(life).toContain(
      '广州：2025年实际84.38岁（2025年完成值） → 2030年目标不低于85岁（2030年目标值）',
    );
    expect(life).toContain('苏州：2030年目标约85岁');
    expect(life).toContain('南京：2025年目标高于83.5岁');
  });

  it('list the figures with no number under the chart instead of plotting them', () => {
    const forest = renderMetricChart(inputs.find((i) => i.id === 'chart-forest-cover')!);
    expect(forest).toContain('未绘制（非数值，见表格）：');
    expect(forest).toContain('广州 2030年目标（完成省下达目标）');
    expect(forest).toContain('南京 2030年目标（完成省定目标）');
  });

  it('give a text figure where fewer than two values can be plotted', () => {
    const income = inputs.find((i) => i.id === 'chart-income-growth')!;
    // One figure only: Guangzhou's “十四五”年均增长5.0; the others are words (与经济增长同步…).
    expect(numericPoints(income)).toBe(1);
    const html = renderMetricChart(income);
    expect(html).toMatch(/^<figure class="mc mc--text" id="chart-income-growth"><p>/);
    expect(html).not.toContain('<svg');
  });

  it('draw one plan’s own series: 李沧 2015 → 十三五目标 → 2020 → 2025', () => {
    const metric = file.metrics.find((m) => m.id === 'gdp-growth')!;
    const input: ChartInput = chartInput(metric, file.plans, {
      id: 'chart-T2.1',
      only: ['licang-14'],
    });
    expect(input.series.map((s) => s.plan)).toEqual(['李沧']);
    expect(describeChart(input)).toBe(
      '地区生产总值年均增长（年均增速，单位：%）。李沧：2015年实际10.6% → ' +
        '2020年目标8%（十三五目标） → 2020年实际8.2%（十三五完成） → 2025年目标约7.5%（年均）。' +
        '实心点为实际值，空心点和虚线为规划目标。',
    );
    const html = renderMetricChart(input);
    expect(html).toContain(
      '<title id="chart-T2.1-t">地区生产总值年均增长：李沧基期值与目标值</title>',
    );
    expect(html.match(/class="mc-target"/g)).toHaveLength(1);
    expect(html.match(/class="mc-actual"/g)).toHaveLength(1);
  });
});
