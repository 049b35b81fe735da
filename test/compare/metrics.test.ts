import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadMetricList,
  METRIC_LIST_FILE,
  readMetricList,
} from '../../scripts/compare/metric-list.ts';
import {
  compareMetrics,
  normaliseName,
  planLabel,
  rejection,
} from '../../scripts/compare/metrics.ts';
import { IssueCollector, PlanError } from '../../scripts/pipeline/errors.ts';
import { isShared, type MetricEntry, type MetricValue } from '../../src/model/compare.ts';
import { indexById } from '../../src/model/tree.ts';
import type { IndicatorNode } from '../../src/model/types.ts';
import { corpusOrder, corpusPlan, SLUGS } from '../support/corpus.ts';
import { prettyJson } from '../support/real-plan.ts';

/**
 * The compare stage on the real corpus (every plan built in-process) with the reviewed list
 * of content/compare/metrics.yaml. golden/metrics.json holds every metric that joins two rows
 * or more, each reviewed by hand against the plans' tables; golden/non-matches.json the rows
 * that look alike but must never be one metric, each with its reason.
 */
const plans = SLUGS.map(corpusPlan);
const order = corpusOrder(plans);
const list = loadMetricList();
const file = compareMetrics(plans, list, order);
const metricOf = new Map<string, string>();
for (const m of file.metrics)
  for (const p of m.plans) for (const r of p.rows) metricOf.set(`${p.slug} ${r.id}`, m.id);

const show = (v: MetricValue | null) => (v ? `${v.text} (${v.year})` : null);

describe('shared metrics across the corpus', () => {
  it('match the reviewed golden file: rows, baseline and target of each plan', async () => {
    const summary = Object.fromEntries(
      file.metrics
        .filter((m) => m.plans.flatMap((p) => p.rows).length >= 2)
        .map((m) => [
          m.id,
          {
            name: m.name,
            unit: m.unit,
            basis: m.basis,
            plans: Object.fromEntries(
              m.plans.map((p) => [
                p.slug,
                {
                  rows: p.rows.map((r) => r.id),
                  baseline: show(p.baseline),
                  target: show(p.target),
                  attribute: p.attribute,
                },
              ]),
            ),
          },
        ]),
    );
    await expect(await prettyJson(summary)).toMatchFileSnapshot('golden/metrics.json');
  });

  it('share 27 metrics: 6 in all four plans, 9 in three, 12 in two', () => {
    const shared = file.metrics.filter(isShared);
    const count = (n: number) => shared.filter((m) => m.plans.length === n).length;
    expect([shared.length, count(4), count(3), count(2)]).toEqual([27, 6, 9, 12]);
    expect(shared.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        'rd-intensity',
        'urbanisation',
        'childcare-places',
        'energy-intensity-reduction',
        'forest-cover',
      ]),
    );
  });

  it('keep the rows that must not match apart (golden/non-matches.json)', () => {
    const pairs = JSON.parse(readFileSync('test/compare/golden/non-matches.json', 'utf8')) as {
      a: string;
      b: string;
      reason: string;
    }[];
    expect(pairs.length).toBeGreaterThanOrEqual(15);
    for (const { a, b, reason } of pairs) {
      expect(metricOf.has(a), a).toBe(true);
      expect(metricOf.has(b), b).toBe(true);
      expect(metricOf.get(a), `${a} and ${b}: ${reason}`).not.toBe(metricOf.get(b));
    }
  });

  it('have every shared metric reviewed, and every wording of the list in use', () => {
    expect(file.metrics.filter((m) => isShared(m) && !m.reviewed).map((m) => m.name)).toEqual([]);
    expect(file.unusedWordings).toEqual([]);
    // The one row a wording names that stays apart: 苏州 does not say its 175 is a total.
    expect(file.rejected.map((r) => `${r.slug} ${r.row} ${r.metric}`)).toEqual([
      'suzhou-15 T1.14 urban-jobs-cumulative',
    ]);
  });

  it('join 李沧 表1 rows to their 表2 successors: 2015 → 十三五目标 → 2020 → 2025', () => {
    const licang = (id: string) =>
      file.metrics.find((m) => m.id === id)!.plans.find((p) => p.slug === 'licang-14')!;
    expect(licang('gdp-growth').series.map((v) => `${v.column}:${v.text}`)).toEqual([
      '2015:10.6',
      '十三五目标:8',
      '十三五完成:8.2',
      '年均:7.5左右',
    ]);
    expect(licang('marine-economy-share').rows.map((r) => r.id)).toEqual(['T1.6', 'T2.4']);
    // 20左右 is printed in both 表1 (十三五完成) and 表2 (2020年): kept once, from 表2.
    expect(
      licang('marine-economy-share').series.map((v) => `${v.row} ${v.year} ${v.text}`),
    ).toEqual(['T1.6 2015 17.3', 'T1.6 2020 22', 'T2.4 2020 20左右', 'T2.4 2025 25左右']);
    expect(licang('marine-economy-share').baseline?.row).toBe('T2.4');
    expect(licang('energy-intensity-reduction').rows.map((r) => r.id)).toEqual(['T1.17', 'T2.17']);
    expect(licang('carbon-intensity-reduction').rows.map((r) => r.id)).toEqual(['T1.18', 'T2.18']);
  });

  it('agree with the links stage’s previous-period rows, but for a level and a rate', () => {
    // The links stage joins a row to its predecessor for the reader (previous/next); the compare
    // rule joins figures that can share a chart. They agree, except where the predecessor is a
    // level in another unit that prints the rate beside it (南京 专栏1 地区生产总值 in 亿元 with
    // its 年均增速 column, 全体居民人均可支配收入 in 元): never across units.
    const apart: string[] = [];
    let same = 0;
    for (const plan of plans) {
      const byId = indexById(plan.document);
      for (const node of byId.values()) {
        if (node.kind !== 'indicator' || !node.previous || node.cells.length === 0) continue;
        const other = byId.get(node.previous.id) as IndicatorNode;
        const a = metricOf.get(`${plan.slug} ${node.id}`);
        const b = metricOf.get(`${plan.slug} ${other.id}`);
        if (node.previous.match === 'related') expect(a, `${node.id} ≁ ${other.id}`).not.toBe(b);
        else if (a === b) same++;
        else {
          expect(node.unit, `${node.id} ~ ${other.id}`).not.toBe(other.unit);
          apart.push(
            `${plan.slug} ${node.id} ${node.unit || '(none)'} / ${other.id} ${other.unit}`,
          );
        }
      }
    }
    expect(same).toBe(13);
    expect(apart).toEqual(['nanjing-15 B2.1 % / B1.1 亿元', 'nanjing-15 B2.8 (none) / B1.10 元']);
  });

  it('take the baseline before the plan period and the target for its end year', () => {
    for (const m of file.metrics)
      for (const p of m.plans) {
        const { start, end } = plans.find((x) => x.slug === p.slug)!.meta.period;
        if (p.baseline) expect(p.baseline.kind === 'actual' && p.baseline.year < start).toBe(true);
        if (p.target) expect(p.target.kind === 'target' && p.target.year === end).toBe(true);
      }
    const nanjing = file.metrics.find((m) => m.id === 'life-expectancy')!.plans[1]!;
    expect(nanjing.slug).toBe('nanjing-15');
    expect([show(nanjing.baseline), show(nanjing.target)]).toEqual(['85 (2025)', '≥85 (2030)']);
  });

  it('point every row at its place on the plan’s indicators page, and carry its measures', () => {
    for (const m of file.metrics)
      for (const p of m.plans) {
        const byId = indexById(plans.find((x) => x.slug === p.slug)!.document);
        for (const r of p.rows) {
          expect(r.url).toBe(`/indicators/#${r.id}`);
          const node = byId.get(r.id) as IndicatorNode;
          expect(node.kind).toBe('indicator');
          for (const link of node.measures ?? [])
            expect(p.measures).toContainEqual(
              expect.objectContaining({ id: link.id, relation: 'pursues' }),
            );
          for (const link of node.reportedIn ?? [])
            expect(p.measures).toContainEqual(
              expect.objectContaining({ id: link.id, relation: 'reports' }),
            );
        }
        for (const measure of p.measures) expect(byId.get(measure.id)?.kind).toBeDefined();
      }
  });

  it('order the plans as the corpus does, with short labels', () => {
    expect(file.plans.map((p) => p.slug)).toEqual(order);
    expect(file.plans.map((p) => p.label)).toEqual(['广州', '南京', '苏州', '李沧']);
    expect(planLabel('李沧区“十四五”规划纲要')).toBe('李沧');
  });
});

describe('the matching rule', () => {
  const entry = (over: Partial<MetricEntry>): MetricEntry => ({
    id: 'x',
    name: 'x',
    unit: '%',
    category: '经济发展',
    basis: 'level',
    wordings: ['x'],
    ...over,
  });

  it('normalises width, spaces, quotes and the plan’s own area, nothing else', () => {
    expect(normaliseName('全区森林覆盖率')).toBe(normaliseName('森林覆盖率'));
    expect(normaliseName('每千人口拥有0－3岁婴幼儿托位数')).toBe('每千人口拥有0-3岁婴幼儿托位数');
    expect(normaliseName('地区生产总值（GDP）年均增长率')).toBe('地区生产总值(GDP)年均增长率');
    expect(normaliseName('“四新”经济增加值')).toBe('四新经济增加值');
    expect(normaliseName('林木覆盖率')).not.toBe(normaliseName('森林覆盖率'));
    expect(normaliseName('全社会研发经费支出')).toBe('全社会研发经费支出');
  });

  it('never matches across units, nor a cumulative figure into a level or a rate', () => {
    const row = { name: 'x', unit: '%', cumulative: false };
    expect(rejection(entry({}), row)).toBeNull();
    expect(rejection(entry({}), { ...row, unit: '万人' })).toMatch(/unit 万人 is not %/);
    expect(rejection(entry({ unit: '万吨' }), { ...row, unit: '亿斤' })).toMatch(/unit/);
    expect(rejection(entry({ basis: 'cumulative' }), row)).toMatch(/cumulative/);
    expect(rejection(entry({ basis: 'growth' }), { ...row, cumulative: true })).toMatch(
      /growth metric/,
    );
    expect(rejection(entry({ basis: 'reduction' }), { ...row, cumulative: true })).toBeNull();
    expect(
      rejection(entry({ unit: '万元/人', units: ['万元/人', '万元'] }), { ...row, unit: '万元' }),
    ).toBeNull();
  });
});

describe('the reviewed list (content/compare/metrics.yaml)', () => {
  const problems = (text: string): string[] => {
    const issues = new IssueCollector('metrics.yaml');
    readMetricList(text, issues);
    return issues.issues.map((i) => `${i.line}: ${i.rule}: ${i.reason}`);
  };
  const good = (over = '') =>
    `metrics:\n  - id: forest-cover\n    name: 森林覆盖率\n    unit: '%'\n    category: 绿色生态\n    basis: level\n    wordings: [森林覆盖率]\n${over}`;

  it('reads as it is', () => {
    expect(problems(readFileSync(METRIC_LIST_FILE, 'utf8'))).toEqual([]);
    expect(list.metrics.length).toBeGreaterThanOrEqual(27);
  });

  it('reports a wrong or missing field on its line, naming it', () => {
    expect(problems(good().replace('category: 绿色生态', 'category: 环境'))).toEqual([
      expect.stringMatching(/^5: compare-category: metrics\.0\.category: /),
    ]);
    expect(problems(good().replace("    unit: '%'\n", ''))).toEqual([
      expect.stringMatching(/^2: compare-unit: metrics\.0\.unit: /),
    ]);
    expect(problems(good().replace('id: forest-cover', 'id: Forest Cover'))).toEqual([
      expect.stringMatching(/^2: compare-id: .*lower-case words/),
    ]);
    expect(problems(good('    colour: green\n'))).toEqual([
      expect.stringMatching(/^8: compare-unknown: unknown field "colour"/),
    ]);
    expect(problems(good().replace("unit: '%'", "unit: '%'\n    units: [万元, '%']"))).toEqual([
      expect.stringMatching(/compare-units: .*canonical unit first/),
      expect.stringMatching(/compare-note: .*needs a "note"/),
    ]);
    expect(problems('metrics: [\n')).toEqual([expect.stringMatching(/compare-yaml/)]);
  });

  it('refuses a wording in two metrics, a duplicate ID and a distinct pair in one metric', () => {
    const two = `${good()}  - id: forest-cover\n    name: 林木覆盖率\n    unit: '%'\n    category: 绿色生态\n    basis: level\n    wordings: [全区森林覆盖率]\n`;
    expect(problems(two)).toEqual([
      expect.stringMatching(/^8: compare-id: metric ID "forest-cover" is already used on line 2/),
    ]);
    const shared = two.replace(/id: forest-cover(?![\s\S]*id: forest-cover)/, 'id: tree-cover');
    expect(problems(shared)).toEqual([
      expect.stringMatching(
        /^13: compare-wording: "全区森林覆盖率" is also a wording of forest-cover/,
      ),
    ]);
    const distinct =
      good().replace('[森林覆盖率]', '[森林覆盖率, 林木覆盖率]') +
      'distinct:\n  - wordings: [森林覆盖率, 林木覆盖率]\n    reason: trees outside forests\n';
    expect(problems(distinct)).toEqual([
      expect.stringMatching(
        /^9: compare-distinct: "森林覆盖率" and "林木覆盖率" must not be one metric/,
      ),
    ]);
  });

  it('fails the build with file:line when the file is missing', () => {
    expect(() => loadMetricList('content/compare/none.yaml')).toThrow(PlanError);
    expect(() => loadMetricList('content/compare/none.yaml')).toThrow(
      /content\/compare\/none\.yaml:1: compare-missing/,
    );
  });
});
