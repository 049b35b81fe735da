import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadMetricList } from '../../scripts/compare/metric-list.ts';
import { compareMetrics } from '../../scripts/compare/metrics.ts';
import {
  COMPARE_CSV_HEADER,
  compareCsv,
  compareJson,
  compareTable,
  planCharts,
  valueWords,
} from '../../src/site/compare.ts';
import { snippetParts, topicSlug } from '../../src/site/compare-topics.ts';
import { corpusOrder, corpusPlan, SLUGS } from '../support/corpus.ts';

/**
 * The compare pages' view models on the real corpus (src/site/compare.ts, compare-topics.ts):
 * what the table, the downloads and a plan's charts hold, without a browser.
 */
const plans = SLUGS.map(corpusPlan);
const order = corpusOrder(plans);
const file = compareMetrics(plans, loadMetricList(), order);
const table = compareTable(file);

describe('the compare table', () => {
  it('has one row per shared metric and one column per plan, null where a plan has none', () => {
    expect(table.plans.map((p) => p.label)).toEqual(['广州', '南京', '苏州', '李沧']);
    expect(table.rows).toHaveLength(27);
    for (const row of table.rows) {
      expect(row.cells).toHaveLength(4);
      expect(row.cells.filter(Boolean)).toHaveLength(row.count);
      expect(row.href).toBe(`/compare/indicators/${row.id}/`);
    }
    expect(table.categories).toEqual([
      '经济发展',
      '科技创新',
      '民生福祉',
      '绿色生态',
      '安全保障',
      '社会文明',
    ]);
  });

  it('links every value to its row on the plan’s indicators page', () => {
    const forest = table.rows.find((r) => r.id === 'forest-cover')!;
    expect(forest.cells[3]!.target).toMatchObject({
      text: '16.5',
      year: 2025,
      href: '/licang-14/indicators/#T2.21',
    });
    expect(forest.cells[0]!.baseline).toMatchObject({ text: '41.65', year: 2025 });
    expect(forest.cells[1]!.baseline).toBeNull();
  });

  it('states bounds, 左右 and cumulative figures in words', () => {
    const v = (over: object) => ({
      row: 'T1',
      column: '2025年',
      year: 2025,
      kind: 'target' as const,
      text: '',
      value: 85,
      comparator: null,
      approximate: false,
      cumulative: false,
      starred: false,
      ...over,
    });
    expect(valueWords(v({ comparator: '≥' }), '岁')).toBe('不低于85 岁');
    expect(valueWords(v({ comparator: '>', value: 10 }), '%')).toBe('高于10%');
    expect(valueWords(v({ approximate: true, value: 4 }), '%')).toBe('约4%');
    expect(valueWords(v({ cumulative: true, value: 20 }), '%')).toBe('期内累计20%');
    expect(valueWords(v({ value: null, text: '完成省定目标' }), '%')).toBe('完成省定目标');
  });
});

describe('the compare downloads', () => {
  it('CSV: one line per metric and plan, Chinese header, through the one writer', () => {
    const csv = compareCsv(file);
    expect(csv.startsWith('\uFEFF指标编号,指标,')).toBe(true);
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...COMPARE_CSV_HEADER]);
    expect(records).toHaveLength(table.rows.reduce((n, r) => n + r.count, 0));
  });

  it('JSON: the same rows, with every figure and link', () => {
    const json = JSON.parse(compareJson(file)) as { metrics: { id: string; plans: object }[] };
    expect(json.metrics.map((m) => m.id)).toEqual(table.rows.map((r) => r.id));
    expect(Object.keys(json.metrics.find((m) => m.id === 'life-expectancy')!.plans)).toEqual([
      'guangzhou-15',
      'nanjing-15',
      'suzhou-15',
      'licang-14',
    ]);
  });
});

describe('a plan’s own charts', () => {
  it('李沧: every series of three figures, two of them numbers, named after its current row', () => {
    const charts = planCharts(file, 'licang-14');
    const ids = charts.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['chart-T2.1', 'chart-T2.4', 'chart-T2.17']));
    expect(ids).not.toContain('chart-T2.2'); // 20.6 → 25: two figures, the table says it all
    const marine = charts.find((c) => c.id === 'chart-T2.4')!;
    expect(marine.series.map((v) => v.text)).toEqual(['17.3', '22', '20左右', '25左右']);
    expect(marine.compare).toBeNull(); // only 李沧 states it
    expect(charts.find((c) => c.id === 'chart-T2.1')!.compare).toBe(
      '/compare/indicators/gdp-growth/',
    );
    for (const c of charts) expect(c.chart).toContain(`id="${c.id}"`);
  });

  it('广州: none, its table gives one year before the plan and one target', () => {
    expect(planCharts(file, 'guangzhou-15')).toEqual([]);
  });
});

describe('topics', () => {
  it('are named in pinyin for their URLs', () => {
    expect(topicSlug('人工智能')).toBe('ren-gong-zhi-neng');
    expect(topicSlug('PM2.5')).toBe('pm2-5');
    expect(topicSlug('海洋经济')).toBe('hai-yang-jing-ji');
  });

  it('mark the matched words of a snippet, as text', () => {
    expect(snippetParts({ text: '推动低空经济发展', marks: [[2, 6]] })).toEqual([
      { text: '推动', mark: false },
      { text: '低空经济', mark: true },
      { text: '发展', mark: false },
    ]);
  });
});
