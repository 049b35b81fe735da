import { describe, expect, it } from 'vitest';
import {
  findIndicatorLinks,
  keyTerms,
  linkMeasuresAndIndicators,
  measureSentences,
  TOPICAL_EXCLUSIONS,
} from '../../scripts/pipeline/links.ts';
import { indexById, walk } from '../../src/model/tree.ts';
import type { IndicatorNode, MeasureNode, PlanNode } from '../../src/model/types.ts';
import { prettyJson, realPlan } from '../support/real-plan.ts';

const { document } = realPlan();
const linked = linkMeasuresAndIndicators(document);
const byId = indexById(linked);
const measure = (id: string) => byId.get(id) as MeasureNode;
const indicator = (id: string) => byId.get(id) as IndicatorNode;

describe('indicator ↔ measure links', () => {
  it('match the hand-reviewed golden file (every link with its terms, figure and sentence)', async () => {
    const evidence = findIndicatorLinks(document);
    await expect(await prettyJson(evidence)).toMatchFileSnapshot('golden/links.json');
  });

  it('link 表2 全区森林覆盖率 (T2.21) and 推进“山水园圈”工程 (7.1.1) explicitly, both ways', () => {
    expect(measure('7.1.1').indicators).toContainEqual({ id: 'T2.21', kind: 'explicit' });
    expect(indicator('T2.21').measures).toEqual([{ id: '7.1.1', kind: 'explicit' }]);
  });

  it.each([
    ['T2.16', '9.4.1'], // 人均预期寿命 83.65
    ['T2.13', '9.3.1'], // 执业（助理）医师数 5.1
    ['T2.7', '5.1.3'], // 高价值发明专利 2
    ['T2.9', '5.2.3'], // 院士科技成果转化 300
    ['T2.10', '9.1.1'], // 居民人均可支配收入增长 与GDP增速基本同步
    ['T1.1', '1.1.1'], // 生产总值 年均增长 8.2%
    ['T1.7', '1.1.3'], // 科技创新平台 68
    ['T1.16', '1.1.7'], // 绿化覆盖率 45%
  ])('link %s and %s explicitly', (i, m) => {
    expect(indicator(i).measures).toContainEqual({ id: m, kind: 'explicit' });
    expect(measure(m).indicators).toContainEqual({ id: i, kind: 'explicit' });
  });

  it('keep topical links apart and labelled: terms without the figure', () => {
    const topical = findIndicatorLinks(document).filter((l) => l.kind === 'topical');
    expect(topical.length).toBeGreaterThan(0);
    for (const link of topical) {
      expect(link.figure).toBeNull();
      expect(link.column).toBeNull();
    }
    // 1.1.9 reports 城镇居民人均可支配收入 (59344元) but not 表2's 与GDP增速基本同步.
    expect(measure('1.1.9').indicators).toContainEqual({ id: 'T2.10', kind: 'topical' });
  });

  it('leave out the topical links the review rejected', () => {
    for (const e of TOPICAL_EXCLUSIONS) {
      expect(measure(e.measure).indicators ?? []).not.toContainEqual({
        id: e.indicator,
        kind: 'topical',
      });
    }
  });

  it('are symmetric, list explicit links first, and point at real nodes', () => {
    const pairs = (kind: 'measure' | 'indicator') =>
      [...walk(linked)]
        .map((w) => w.node)
        .filter((n) => n.kind === kind)
        .flatMap((n) => {
          const links =
            (n.kind === 'measure'
              ? n.indicators
              : n.kind === 'indicator'
                ? n.measures
                : undefined) ?? [];
          const kinds = links.map((l) => l.kind);
          expect(kinds).toEqual(
            [...kinds].sort((a, b) => (a === b ? 0 : a === 'explicit' ? -1 : 1)),
          );
          return links.map((l) =>
            kind === 'measure' ? `${n.id}|${l.id}|${l.kind}` : `${l.id}|${n.id}|${l.kind}`,
          );
        });
    expect(pairs('measure').sort()).toEqual(pairs('indicator').sort());
    for (const p of pairs('measure')) {
      const [m, i] = p.split('|');
      expect(byId.get(m!)?.kind).toBe('measure');
      expect(byId.get(i!)?.kind).toBe('indicator');
    }
  });

  it('state the figure in the sentence they quote, and the sentence is the measure’s', () => {
    for (const link of findIndicatorLinks(document)) {
      expect(measureSentences(measure(link.measure))).toContain(link.sentence);
      if (link.figure) expect(link.sentence).toContain(link.figure);
      for (const term of link.terms) expect(link.sentence.replace(/[“”]/g, '')).toContain(term);
    }
  });

  it('do not change the input tree, and change nothing else in the copy', () => {
    const before = JSON.stringify(document);
    const again = linkMeasuresAndIndicators(document);
    expect(JSON.stringify(document)).toBe(before);
    const strip = (n: PlanNode): unknown => {
      const { children, ...rest } = n as PlanNode & { indicators?: unknown; measures?: unknown };
      delete rest.indicators;
      delete rest.measures;
      return { ...rest, children: children.map(strip) };
    };
    expect(strip(again)).toEqual(strip(document));
    expect(again).not.toBe(document);
  });
});

describe('keyTerms', () => {
  const terms = (id: string, name: string) => keyTerms({ id, name });
  it('drops scope prefixes, per-head qualifiers and measurement suffixes', () => {
    expect(terms('X', '全区森林覆盖率')).toEqual([['森林覆盖率']]);
    expect(terms('X', '全区生产总值年均增长率')).toEqual([['生产总值']]);
    expect(terms('X', '每万人口高价值发明专利拥有量')).toEqual([['高价值发明专利']]);
    expect(terms('X', '每千人口拥有执业（助理）医师数')).toEqual([['执业（助理）医师']]);
    expect(terms('X', '院士科技成果转化数量')).toEqual([['院士科技成果转化']]);
  });
  it('keeps the subject of 占…比重 names, without quotes', () => {
    expect(terms('X', '“四新”经济增加值占地区生产总值比重')).toEqual([['四新经济增加值']]);
  });
  it('uses the overrides for rows the text words differently', () => {
    expect(terms('T1.4', '社会消费品零售额年均增长率')).toEqual([['社会消费品零售']]);
  });
});
