import { describe, expect, it } from 'vitest';
import { dataStamp, withStamp } from '../../scripts/pipeline/stamp.ts';
import { CSV_COLUMNS, extractTargets, targetsCsv } from '../../scripts/pipeline/targets.ts';
import { COMPARATORS } from '../../src/model/target-labels.ts';
import { indexById, walk } from '../../src/model/tree.ts';
import type { DocumentNode, PlanNode, Target } from '../../src/model/types.ts';
import { corpusPlan, SLUGS } from '../support/corpus.ts';

/** JSON as prettier prints it, so golden files pass `prettier --check`. */
async function prettyJson(value: unknown): Promise<string> {
  const { format } = await import('prettier');
  return format(JSON.stringify(value), { parser: 'json', printWidth: 100 });
}

const targetsOf = (slug: string): Target[] => {
  const plan = corpusPlan(slug);
  return extractTargets(plan.document, { period: plan.meta.period });
};

/** A one-measure plan: a chapter titled `chapterTitle` holding `text`. */
function tiny(text: string, chapterTitle = '建设美丽城市'): DocumentNode {
  const base = { citation: '', source: { start: 1, end: 1 } };
  const measure = {
    ...base,
    id: '2.1.1',
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
    id: '2.1',
    kind: 'section',
    title: 's',
    number: 1,
    label: '第一节',
    children: [measure],
  };
  const ch = {
    ...base,
    id: '2',
    kind: 'chapter',
    title: chapterTitle,
    number: 2,
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
const PERIOD_14 = { start: 2021, end: 2025 };
const PERIOD_15 = { start: 2026, end: 2030 };
const only = (text: string, period = PERIOD_14, chapterTitle?: string): Partial<Target>[] =>
  extractTargets(tiny(text, chapterTitle), { period }).map(
    ({ metric, comparator, value, valueMax, unit, year, deadline, cumulative, figure }) => ({
      metric,
      comparator,
      value,
      valueMax,
      unit,
      year,
      deadline,
      cumulative,
      figure,
    }),
  );

describe.each(SLUGS)('targets of %s', (slug) => {
  const plan = corpusPlan(slug);
  const targets = targetsOf(slug);
  const byId = indexById(plan.document);
  const textOf = (id: string): string => (byId.get(id) as PlanNode & { text: string }).text;

  it('match the golden file, read in full against the text', async () => {
    await expect(await prettyJson(targets)).toMatchFileSnapshot(`golden/${slug}.json`);
  });

  it('quote every sentence verbatim, and the figure as printed inside its clause', () => {
    for (const t of targets) {
      const text = textOf(t.node);
      expect(text.slice(t.sentenceStart, t.sentenceStart + t.sentence.length)).toBe(t.sentence);
      expect(t.sentence).toContain(t.clause);
      expect(t.clause).toContain(t.valueText);
      expect(t.sentence).toContain(t.figure);
      expect(t.figure.endsWith(t.valueText)).toBe(true);
      expect(t.comparatorLabel).toBe(COMPARATORS[t.comparator].label);
    }
  });

  it('never come from the review or the outlook, nor from a sentence about the previous period', () => {
    for (const t of targets) {
      expect(byId.get(t.node)!.scope ?? 'plan', t.id).not.toMatch(/review|outlook/);
      expect(t.sentence).not.toMatch(/^“?十[三四]五”?(?:时期|期间|以来)/);
    }
  });

  it('carry what /targets/ filters and sorts by: chapter, section, due year, order', () => {
    targets.forEach((t, i) => {
      expect(t.order).toBe(i);
      expect(t.due).toBe(t.year ?? plan.meta.period.end);
      expect(t.dueStated).toBe(t.year !== null);
      expect(t.horizon).toBe(t.due > plan.meta.period.end ? 'long-range' : 'period');
      if (t.chapterId) {
        const chapter = byId.get(t.chapterId)!;
        expect(chapter.kind).toBe('chapter');
        expect(t.chapterTitle).toBe(chapter.title);
      }
      if (t.indicator) expect(byId.get(t.indicator)?.kind).toBe('indicator');
      if (t.year !== null) expect(t.year).toBeGreaterThanOrEqual(plan.meta.period.start);
    });
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
  });
});

describe('李沧 targets (issue 8 §4)', () => {
  const targets = targetsOf('licang-14');
  const { document } = corpusPlan('licang-14');
  const byId = indexById(document);

  it('find every commitment that 到2025年 opens, one per occurrence', () => {
    const opened = targets.filter((t) => t.clause.startsWith('到2025年'));
    const occurrences: string[] = [];
    for (const { node } of walk(document)) {
      if (!('text' in node) || node.scope) continue;
      for (const m of (node.text as string).matchAll(/到2025年/g))
        occurrences.push(`${node.id}@${m.index}`);
    }
    expect(occurrences).toHaveLength(16);
    const starts = opened.map((t) => {
      const text = (byId.get(t.node) as PlanNode & { text: string }).text;
      return `${t.node}@${text.indexOf(t.clause, t.sentenceStart)}`;
    });
    expect(starts.sort()).toEqual(occurrences.sort());
  });

  it('date 9.2.1.t3 by the 到2025年 its sentence opens with, and read 不低于 as at least', () => {
    expect(targets.find((t) => t.id === '9.2.1.t3')).toMatchObject({
      metric: '全区普惠性学位覆盖率',
      comparator: '≥',
      figure: '不低于90%',
      year: 2025,
      deadline: '到2025年',
    });
    expect(targets.filter((t) => t.node === '9.2.1').map((t) => t.year)).toEqual([
      2025,
      2025,
      2025,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('read 达到 as at least, never as equal', () => {
    expect(targets.find((t) => t.id === '7.1.1.t1')).toMatchObject({
      comparator: '≥',
      figure: '达到16.5%',
      indicator: 'T2.21',
    });
  });

  it('read ambitions in Chinese numerals', () => {
    expect(
      targets.filter((t) => t.node === '4.2.2.p1').map((t) => [t.figure, t.value, t.unit]),
    ).toEqual([
      ['百万平米', 100, '万平米'],
      ['千亿产值', 1000, '亿元'],
      ['万人就业', 1, '万人'],
    ]);
  });
});

describe('target rules', () => {
  it('read rate and count forms, comparators and deadlines', () => {
    expect(only('到2025年，森林覆盖率达到16.5%。')).toEqual([
      {
        metric: '森林覆盖率',
        comparator: '≥',
        value: 16.5,
        valueMax: null,
        unit: '%',
        year: 2025,
        deadline: '到2025年',
        cumulative: false,
        figure: '达到16.5%',
      },
    ]);
    expect(only('到2025年城镇调查失业率控制在4%以内。')[0]).toMatchObject({
      metric: '城镇调查失业率',
      comparator: '≤',
      figure: '控制在4%以内',
    });
    expect(only('到2025年，院士科技成果转化数量累计达到300个以上。')[0]).toMatchObject({
      metric: '院士科技成果转化数量',
      comparator: '≥',
      cumulative: true,
    });
    expect(only('引进5名以上国际知名院士和20名以上国际知名专家。')).toMatchObject([
      { metric: '引进国际知名院士', value: 5, comparator: '≥' },
      { metric: '引进国际知名专家', value: 20, comparator: '≥' },
    ]);
    expect(only('三到五年内形成300—500人的科研团队。')[0]).toMatchObject({
      metric: '形成科研团队',
      comparator: 'range',
      value: 300,
      valueMax: 500,
      deadline: '三到五年内',
      year: null,
    });
    expect(only('路网密度达到每平方公里4.8公里。')[0]).toMatchObject({
      unit: '公里/平方公里',
      value: 4.8,
    });
    expect(only('规划新建幼儿园16所。')[0]).toMatchObject({ comparator: '=', figure: '16所' });
  });

  it('read the comparator vocabulary (南京, 苏州, 广州)', () => {
    expect(only('全市人均预期寿命超过85岁。', PERIOD_15)[0]).toMatchObject({
      comparator: '>',
      figure: '超过85岁',
    });
    expect(only('汇聚青年人才不少于30万名。', PERIOD_15)[0]).toMatchObject({
      comparator: '≥',
      unit: '万名',
    });
    expect(only('重大慢性病过早死亡率不超过9%。', PERIOD_15)[0]).toMatchObject({ comparator: '≤' });
    expect(only('新建公共充电设施4万个左右。', PERIOD_15)[0]).toMatchObject({
      comparator: '≈',
      unit: '万个',
    });
    expect(only('禄口国际机场力争达到年旅客吞吐量5000万人次。', PERIOD_15)[0]).toMatchObject({
      metric: '禄口国际机场年旅客吞吐量',
      comparator: '≥',
      unit: '万人次',
    });
    expect(only('婴儿死亡率、孕产妇死亡率分别不超过2.8‰、7.5/10万。', PERIOD_15)).toMatchObject([
      { metric: '婴儿死亡率', comparator: '≤', unit: '‰' },
      { metric: '孕产妇死亡率', comparator: '≤', unit: '/10万' },
    ]);
  });

  it('read the plan’s own deadlines, and none before its period', () => {
    expect(only('到“十五五”末，养老机构护理型床位占比达85%。', PERIOD_15)[0]).toMatchObject({
      year: 2030,
      deadline: '到“十五五”末',
    });
    expect(only('到2030年，旅游总收入达3000亿元。', PERIOD_15)[0]).toMatchObject({
      year: 2030,
      unit: '亿元',
    });
    expect(only('“十五五”期间单位GDP建设用地使用面积下降率达27.5%。', PERIOD_15)[0]).toMatchObject({
      year: 2030,
    });
    expect(only('到2035年，新建绿道100公里。', PERIOD_15)[0]).toMatchObject({ year: 2035 });
    expect(only('力争2030年前建成绿道100公里。', PERIOD_15)[0]).toMatchObject({ year: 2030 });
    expect(only('到2020年，新建绿道100公里。', PERIOD_15)[0]).toMatchObject({ year: null });
  });

  it('apply a deadline that opens a sentence to every figure in it, one met later to its part', () => {
    expect(
      only('到2025年，新建幼儿园16所；普惠性学位覆盖率不低于90%。').map((t) => t.year),
    ).toEqual([2025, 2025]);
    expect(
      only('新建幼儿园16所，到2025年，覆盖率达到90%；新增学位2.8万个。').map((t) => t.year),
    ).toEqual([null, 2025, null]);
  });

  it('read worded figures only under a deadline', () => {
    expect(only('到2025年病媒生物密度控制水平达到B级标准。')[0]).toMatchObject({
      value: null,
      comparator: '≥',
    });
    expect(only('到2025年，居民人均可支配收入增长与GDP增速基本同步。')[0]).toMatchObject({
      value: null,
      comparator: '≈',
    });
    expect(only('病媒生物密度控制水平达到B级标准。')).toEqual([]);
  });

  it('skip years, Latin-glued numbers, names, thresholds, ranks, classes, ages and the past', () => {
    expect(only('建成5G基站，PM2.5浓度下降，达到70MPa。')).toEqual([]);
    expect(only('优化社区“8分钟健身圈”，完善“9+3+1”体系达到新水平。')).toEqual([]);
    expect(only('培育资产过1000亿元的企业，争创民营企业100强。')).toEqual([]);
    expect(only('到2035年实现现代化。')).toEqual([]);
    expect(only('聚焦新一代信息技术等13条产业链。')).toEqual([]);
    expect(only('打造城镇社区15分钟步行生活圈。', PERIOD_15)).toEqual([]);
    expect(only('支持高校新增全球前1%学科。', PERIOD_15)).toEqual([]);
    expect(only('推动红专厂、广州1935项目建设。', PERIOD_15)).toEqual([]);
    expect(only('形成数个千亿级产业集群。')).toEqual([]);
    expect(only('力争全市35岁以下青年人口占比超过35%。', PERIOD_15).map((t) => t.figure)).toEqual([
      '超过35%',
    ]);
    expect(only('“十三五”时期，森林覆盖率达到16.5%。')).toEqual([]);
    expect(only('森林覆盖率达到16.5%。', PERIOD_14, '发展基础')).toEqual([]);
  });

  it('read a magnitude in Chinese numerals with what it counts, or after a comparator', () => {
    expect(only('形成百亿产值、千亿市值的中子技术应用产业集群。').map((t) => t.figure)).toEqual([
      '百亿产值',
      '千亿市值',
    ]);
    expect(only('常住人口总量超千万。', PERIOD_15)[0]).toMatchObject({
      comparator: '>',
      value: 1000,
      unit: '万',
    });
    expect(only('营收超百亿企业达60家。', PERIOD_15)).toMatchObject([
      { metric: '营收超百亿企业', value: 60 },
    ]);
  });
});

describe('targetsCsv', () => {
  const targets = targetsOf('licang-14');
  const stamp = dataStamp(
    { sha256: 'a'.repeat(64), date: '2021-03-31' },
    { version: '1.2.3', sourceDateEpoch: '1767225600' },
  );
  const csv = targetsCsv(targets, stamp);
  const lines = csv.split('\r\n').filter(Boolean);

  it('is UTF-8 with a BOM, one snake_case header and one CRLF line per target', () => {
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(targets.length + 1);
    for (const c of CSV_COLUMNS) expect(c).toMatch(/^[a-z0-9]+(?:_[a-z0-9]+)*$/);
  });

  it('reads the figure as the page does, and closes every row with the stamp', () => {
    const row = lines.find((l) => l.startsWith('9.2.1.t3,'))!;
    expect(row).toContain(',不低于90%,90,');
    expect(row.endsWith(',1.2.3+aaaaaaaa,2026-01-01,' + 'a'.repeat(64))).toBe(true);
    const t = targetsCsv([{ ...targets[0]!, metric: 'a,"b"' }]);
    expect(t).toContain('"a,""b"""');
  });
});

describe('the data stamp', () => {
  it('is deterministic: SOURCE_DATE_EPOCH when given, else the plan’s date, never the clock', () => {
    const meta = { sha256: 'f'.repeat(64), date: '2026-04' };
    expect(dataStamp(meta, { version: '0.1.0' })).toEqual({
      dataVersion: '0.1.0+ffffffff',
      buildDate: '2026-04-01',
      buildDateFrom: 'plan.yaml date',
      sourceSha256: 'f'.repeat(64),
    });
    expect(dataStamp(meta, { version: '0.1.0', sourceDateEpoch: '1767225600' })).toMatchObject({
      buildDate: '2026-01-01',
      buildDateFrom: 'SOURCE_DATE_EPOCH',
    });
  });

  it('comes right after the schema in a JSON file', () => {
    const stamp = dataStamp({ sha256: 'f'.repeat(64), date: '2026' }, { version: '0' });
    expect(Object.keys(withStamp({ schema: 2, entities: [] }, stamp))).toEqual([
      'schema',
      'stamp',
      'entities',
    ]);
  });
});
