import { describe, expect, it } from 'vitest';
import { extractTargets, targetsCsv } from '../../scripts/pipeline/targets.ts';
import { indexById, walk } from '../../src/model/tree.ts';
import type { DocumentNode, PlanNode, Target } from '../../src/model/types.ts';
import { linkedDocument, prettyJson } from '../support/real-plan.ts';

const document = linkedDocument();
const targets = extractTargets(document);
const byId = indexById(document);
const textOf = (id: string): string => (byId.get(id) as PlanNode & { text: string }).text;

/** A one-measure plan in chapter `chapter`, for the rules' edge cases. */
function tiny(text: string, chapter = 2): DocumentNode {
  const base = { citation: '', source: { start: 1, end: 1 } };
  const measure = {
    ...base,
    id: `${chapter}.1.1`,
    kind: 'measure',
    title: 'm',
    number: 1,
    lead: 'm。',
    text,
    style: 'bold',
    children: [],
  };
  const section = {
    ...base,
    id: `${chapter}.1`,
    kind: 'section',
    title: 's',
    number: 1,
    label: '第一节',
    children: [measure],
  };
  const ch = {
    ...base,
    id: `${chapter}`,
    kind: 'chapter',
    title: 'c',
    number: chapter,
    label: '第二章',
    children: [section],
  };
  return {
    ...base,
    id: 'plan',
    kind: 'document',
    title: 'p',
    children: [ch],
  } as unknown as DocumentNode;
}
const only = (text: string, chapter?: number): Partial<Target>[] =>
  extractTargets(tiny(text, chapter)).map(
    ({ metric, comparator, value, valueMax, unit, year, deadline, cumulative }) => ({
      metric,
      comparator,
      value,
      valueMax,
      unit,
      year,
      deadline,
      cumulative,
    }),
  );

describe('targets in the real plan', () => {
  it('match the hand-reviewed golden file', async () => {
    await expect(await prettyJson(targets)).toMatchFileSnapshot('golden/targets.json');
  });

  it('find all 16 commitments that 到2025年 opens, one per occurrence', () => {
    const opened = targets.filter((t) => t.clause.startsWith('到2025年'));
    expect(opened).toHaveLength(16);
    // Every 到2025年 in the text of chapters 2–11 opens exactly one target's clause.
    const occurrences: string[] = [];
    for (const { node, parents } of walk(document)) {
      if (!('text' in node) || !parents.some((p) => p.kind === 'chapter' && p.number >= 2))
        continue;
      for (const m of node.text.matchAll(/到2025年/g)) occurrences.push(`${node.id}@${m.index}`);
    }
    expect(occurrences).toHaveLength(16);
    const starts = opened.map(
      (t) => `${t.node}@${textOf(t.node).indexOf(t.clause, t.sentenceStart)}`,
    );
    expect(starts.sort()).toEqual(occurrences.sort());
    for (const t of opened) expect(t).toMatchObject({ year: 2025, deadline: '到2025年' });
  });

  it('include the sentence the page break split (人均预期寿命 in 9.4.1)', () => {
    expect(targets.find((t) => t.node === '9.4.1')).toMatchObject({
      metric: '人均预期寿命',
      value: 83.65,
      unit: '岁',
      year: 2025,
      indicator: 'T2.16',
      sentence: '到2025年，人均预期寿命达83.65岁。',
    });
  });

  it('quote every sentence verbatim from its node’s text, at the offset given', () => {
    for (const t of targets) {
      const text = textOf(t.node);
      expect(text.slice(t.sentenceStart, t.sentenceStart + t.sentence.length)).toBe(t.sentence);
      expect(t.sentence).toContain(t.clause);
      expect(t.clause).toContain(t.valueText);
    }
  });

  it('name the holding node, its measure and chapter, and a 表2 indicator where one matches', () => {
    for (const t of targets) {
      const node = byId.get(t.node)!;
      expect(['measure', 'paragraph', 'boxItem']).toContain(node.kind);
      if (t.measure) expect(byId.get(t.measure)?.kind).toBe('measure');
      if (node.kind === 'measure') expect(t.measure).toBe(t.node);
      expect(t.id).toMatch(new RegExp(`^${t.node.replace(/\./g, '\\.')}\\.t\\d+$`));
      if (t.indicator) expect(byId.get(t.indicator)).toMatchObject({ kind: 'indicator', table: 2 });
    }
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
    expect(targets.find((t) => t.node === '7.1.1')).toMatchObject({
      indicator: 'T2.21',
      value: 16.5,
      unit: '%',
    });
  });

  it('leave chapter 1 (the 十三五 results) out', () => {
    expect(targets.every((t) => t.chapter >= 2)).toBe(true);
  });
});

describe('target rules', () => {
  it('reads rate and count forms, comparators and deadlines', () => {
    expect(only('到2025年，森林覆盖率达到16.5%。')).toEqual([
      {
        metric: '森林覆盖率',
        comparator: '=',
        value: 16.5,
        valueMax: null,
        unit: '%',
        year: 2025,
        deadline: '到2025年',
        cumulative: false,
      },
    ]);
    expect(only('到2025年城镇调查失业率控制在4%以内。')[0]).toMatchObject({
      metric: '城镇调查失业率',
      comparator: '≤',
      value: 4,
    });
    expect(only('全区普惠性学位覆盖率不低于90%。')[0]).toMatchObject({
      comparator: '≥',
      year: null,
      deadline: null,
    });
    expect(only('到2025年，院士科技成果转化数量累计达到300个以上。')[0]).toMatchObject({
      comparator: '≥',
      cumulative: true,
    });
    expect(only('引进5名以上国际知名院士和20名以上国际知名专家。')).toMatchObject([
      { metric: '引进国际知名院士', value: 5, comparator: '≥' },
      { metric: '引进国际知名专家', value: 20, comparator: '≥' },
    ]);
    expect(only('三到五年内形成300—500人的科研团队。')).toMatchObject([
      {
        metric: '形成科研团队',
        comparator: 'range',
        value: 300,
        valueMax: 500,
        deadline: '三到五年内',
        year: null,
      },
    ]);
    expect(only('路网密度达到每平方公里4.8公里。')[0]).toMatchObject({
      unit: '公里/平方公里',
      value: 4.8,
    });
  });

  it('limits a deadline to its sentence part', () => {
    expect(
      only('到2025年，新建幼儿园16所；普惠性学位覆盖率不低于90%。').map((t) => t.year),
    ).toEqual([2025, null]);
  });

  it('reads worded figures only under a deadline', () => {
    expect(only('到2025年病媒生物密度控制水平达到B级标准。')[0]).toMatchObject({
      value: null,
      comparator: '=',
    });
    expect(only('到2025年，居民人均可支配收入增长与GDP增速基本同步。')[0]).toMatchObject({
      value: null,
      comparator: '≈',
    });
    expect(only('病媒生物密度控制水平达到B级标准。')).toEqual([]);
  });

  it('skips years, Latin-glued numbers, quoted names, thresholds, rankings and chapter 1', () => {
    expect(only('建成5G基站，PM2.5浓度下降，达到70MPa。')).toEqual([]);
    expect(only('优化社区“8分钟健身圈”，完善“9+3+1”体系达到新水平。')).toEqual([]);
    expect(only('培育资产过1000亿元的企业，争创民营企业100强。')).toEqual([]);
    expect(only('到2035年实现现代化。')).toEqual([]);
    expect(only('森林覆盖率达到16.5%。', 1)).toEqual([]);
    expect(only('聚焦新一代信息技术等13条产业链。')).toEqual([]);
  });
});

describe('targetsCsv', () => {
  const csv = targetsCsv(targets);
  it('is UTF-8 with a BOM, one header and one CRLF line per target', () => {
    expect(csv.startsWith('\uFEFFid,chapter,node,measure,metric,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(targets.length + 1);
  });
  it('keeps the sentence whole and quotes cells with ASCII commas or quotes', () => {
    const line = csv.split('\r\n').find((l) => l.startsWith('7.4.2.t2,'))!;
    expect(line.endsWith(',到2025年，道路长度达383.5公里，路网密度达到每平方公里4.8公里。')).toBe(
      true,
    );
    const t = targetsCsv([{ ...targets[0]!, metric: 'a,"b"' }]);
    expect(t).toContain('"a,""b"""');
  });
});
