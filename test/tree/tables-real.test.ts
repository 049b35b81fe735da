import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../scripts/pipeline/errors.ts';
import {
  type CellForm,
  linkNote,
  parseItemTable,
  parseTable,
  type TableInput,
  tableKind,
} from '../../scripts/pipeline/tables.ts';
import { hanOnly } from '../../src/model/text.ts';
import type {
  BoxItemNode,
  IndicatorNode,
  NoteNode,
  PlanNode,
  Repair,
  TableNode,
  TableRowNode,
} from '../../src/model/types.ts';

/**
 * The real tables of the three 十五五 plans, cut from their sources by the line
 * ranges of the structure inventory (the caption or 专栏 title line, then the
 * table's lines), read by the tables stage alone. Counts, names, units,
 * attributes and targets below were checked against the printed text by hand.
 */
const SOURCES: Record<string, string> = {
  nanjing: 'content/plans/nanjing-15/source.txt',
  guangzhou: 'content/plans/guangzhou-15/source.md',
  suzhou: 'content/plans/suzhou-15/source.txt',
};
const FORMS: Record<string, CellForm> = { nanjing: 'spaces', guangzhou: 'pipe', suzhou: 'pdf' };
const lines = (plan: string) => readFileSync(SOURCES[plan]!, 'utf8').split('\n');
const cache = new Map<string, string[]>();
const source = (plan: string) => cache.get(plan) ?? cache.set(plan, lines(plan)).get(plan)!;

/** `— 13 —`: the structure stage drops PDF page footers before tables see the lines. */
const FOOTER = /^—\s*\d+\s*—$/;

function cut(plan: string, label: string, caption: number, from: number, to: number): TableInput {
  const text = source(plan);
  const captionText = text[caption - 1]!;
  // The ranges are the inventory's: the caption line must be where it says.
  expect(captionText.replace(/[\s|]/g, '')).toContain(label.replace(/\s/g, ''));
  const [, kind = '', n = ''] = /^(表|专栏)(\d+)$/.exec(label) ?? [];
  const prefix = kind === '表' ? `T${n}` : `B${n}`;
  return {
    id: kind === '表' ? prefix : `${prefix}.table`,
    rowPrefix: prefix,
    number: Number(n),
    label,
    title: captionText.replace(/^[|\s]*(表|专栏)\s*\d+\s*/, '').replace(/[\s|]+$/, ''),
    caption: { text: captionText, line: caption },
    lines: text
      .slice(from - 1, to)
      .map((t, i) => ({ text: t, line: from + i }))
      .filter((l) => !FOOTER.test(l.text)),
    cells: FORMS[plan]!,
    planTitle: plan,
    period: { start: 2026, end: 2030 },
  };
}

interface Read {
  table: TableNode;
  repairs: Repair[];
  issues: string[];
}

function read(input: TableInput): Read {
  const issues = new IssueCollector(input.label);
  const repairs: Repair[] = [];
  const table = parseTable(input, issues, repairs);
  return { table, repairs, issues: issues.issues.map((i) => `${i.line}: ${i.rule}: ${i.reason}`) };
}

const indicators = (t: TableNode) => t.children.filter((c) => c.kind === 'indicator');
/** Top-level indicators (sub-rows excluded): what the table numbers. */
const numbered = (t: TableNode) => indicators(t).filter((c) => !c.parent);
/** Rows that hold figures: plain indicators and sub-rows, not the rows that only name a two-level indicator. */
const valueRows = (t: TableNode) => indicators(t).filter((c) => c.cells.length > 0);
const rowOf = (t: TableNode, id: string) => t.children.find((c) => c.id === id) as IndicatorNode;
const target = (row: IndicatorNode) => row.cells.find((c) => c.role === 'target')!;

/**
 * Every Han character of the table's lines lands in exactly one node, in order:
 * caption, header as printed, repeated headers, rows, 注.
 */
function expectFidelity(input: TableInput, table: TableNode, items: PlanNode[] = []): void {
  const expected = hanOnly([input.caption.text, ...input.lines.map((l) => l.text)].join('\n'));
  const header = table.headerLines ?? [{ line: input.caption.line + 1, cells: table.columns }];
  const pieces = [
    { line: input.caption.line, text: table.caption },
    ...header.map((h) => ({ line: h.line, text: h.cells.join('') })),
    ...table.repeatedHeaders.map((h) => ({ line: h.line, text: h.cells.join('') })),
    ...[...table.children, ...items].map((n) => ({
      line: n.source.start,
      text:
        n.kind === 'indicator'
          ? n.raw.join('')
          : n.kind === 'row'
            ? n.cells.join('')
            : (n as NoteNode | BoxItemNode).text,
    })),
  ];
  const actual = hanOnly(
    pieces
      .map((p, order) => ({ ...p, order }))
      .sort((a, b) => a.line - b.line || a.order - b.order)
      .map((p) => p.text)
      .join(''),
  );
  expect(actual).toBe(expected);
}

describe('南京 专栏1: the 十四五 completion table (spaces, a header over five lines)', () => {
  const input = cut('nanjing', '专栏1', 289, 290, 331);
  const { table, repairs, issues } = read(input);

  it('reads 28 indicators on 28 rows, no problem', () => {
    expect(issues).toEqual([]);
    expect(tableKind(input)).toBe('indicator');
    expect(numbered(table)).toHaveLength(28);
    expect(valueRows(table)).toHaveLength(28);
  });

  it('reads the header over its five lines into six columns, keeping the lines as printed', () => {
    expect(table.columns).toEqual([
      '序号',
      '指标',
      '属性',
      '规划目标（2025年）',
      '年均增速〔累计〕',
      '2025年完成情况',
    ]);
    expect(table.headerLines?.map((h) => h.line)).toEqual([290, 291, 292, 293, 294]);
    const roles = rowOf(table, 'B1.1').cells.map((c) => [c.role, c.year]);
    expect(roles).toEqual([
      ['target', 2025],
      ['growth', null],
      ['actual', 2025],
    ]);
  });

  it('joins wrapped cells (296, 306, 314–315, 322–323) and records each', () => {
    expect(rowOf(table, 'B1.1').raw.slice(3)).toEqual([
      '20000以上',
      '6.5%左右',
      '19428.78，年均增速4.8%',
    ]);
    expect(rowOf(table, 'B1.10').raw.at(-1)).toBe('78243，年均增速超过经济增速');
    expect(rowOf(table, 'B1.17').raw.slice(3)).toEqual(['完成省下达指标', '', '完成省下达指标']);
    expect(repairs.filter((r) => r.kind === 'wrapped-cell').map((r) => r.line)).toEqual([
      291, 293, 294, 296, 306, 314, 315, 322, 323,
    ]);
  });

  it('reads names, units, attributes and figures as printed', () => {
    expect(rowOf(table, 'B1.1')).toMatchObject({
      name: '地区生产总值',
      unit: '亿元',
      attribute: '预期性',
    });
    expect(target(rowOf(table, 'B1.1'))).toMatchObject({ value: 20000, comparator: '≥' });
    expect(rowOf(table, 'B1.18')).toMatchObject({ unit: '%', attribute: '约束性' });
    expect(target(rowOf(table, 'B1.18'))).toMatchObject({ value: 20, cumulative: true });
    // “*” here means 尚未公布 (注 1), not a city-level figure.
    expect(rowOf(table, 'B1.18').cells[2]).toMatchObject({
      text: '*',
      cityLevel: false,
      value: null,
    });
    expect(rowOf(table, 'B1.25').cells[1]).toMatchObject({
      text: '〔＞15〕',
      value: 15,
      comparator: '>',
      cumulative: true,
    });
    expect(rowOf(table, 'B1.26')).toMatchObject({ name: '社会文明程度测评指数', unit: '' });
    const note = table.children.at(-1) as NoteNode;
    expect(note.items?.map((i) => i.number)).toEqual([1, 2]);
  });

  it('keeps every Han character once, in order', () => expectFidelity(input, table));
});

describe('南京 专栏2: the 十五五 indicators (spaces, merged 分类, two two-level indicators)', () => {
  const input = cut('nanjing', '专栏2', 365, 366, 396);
  const { table, repairs, issues } = read(input);

  it('reads 24 indicators in 26 value rows', () => {
    expect(issues).toEqual([]);
    expect(numbered(table)).toHaveLength(24);
    expect(valueRows(table)).toHaveLength(26);
  });

  it('carries 分类 down the rows that leave it blank', () => {
    expect(numbered(table).map((r) => r.category)).toEqual([
      ...Array(7).fill('经济强'),
      ...Array(5).fill('百姓富'),
      ...Array(4).fill('环境美'),
      ...Array(5).fill('社会文明程度高'),
      ...Array(3).fill('城市安全韧性'),
    ]);
  });

  it('reads 10 and 24 as two-level indicators, the sub-names in a column the header lacks', () => {
    expect(rowOf(table, 'B2.10')).toMatchObject({ name: '每千人口拥有医护人员数', cells: [] });
    expect(rowOf(table, 'B2.10.1')).toMatchObject({
      parent: 'B2.10',
      name: '执业（助理）医师数',
      unit: '人',
      attribute: '预期性',
    });
    expect(target(rowOf(table, 'B2.10.2'))).toMatchObject({ text: '5.5', value: 5.5, year: 2030 });
    expect(rowOf(table, 'B2.24.2')).toMatchObject({
      name: '死亡人数下降',
      unit: '%',
      attribute: '约束性',
    });
    expect(target(rowOf(table, 'B2.24.2'))).toMatchObject({ value: 16, cumulative: true });
    expect(repairs.map((r) => `${r.kind} ${r.line}`)).toEqual([
      'wrapped-cell 375',
      'wrapped-cell 378',
      'merged-cell 394',
    ]);
  });

  it('reads targets as printed', () => {
    expect(target(rowOf(table, 'B2.1'))).toMatchObject({
      text: '5以上',
      value: 5,
      comparator: '≥',
    });
    expect(target(rowOf(table, 'B2.8')).text).toBe('与经济增长保持同步');
    expect(target(rowOf(table, 'B2.9'))).toMatchObject({ value: 85, comparator: '≥' });
    expect(target(rowOf(table, 'B2.19'))).toMatchObject({ value: 6.5, approximate: true });
    expect(rowOf(table, 'B2.15')).toMatchObject({
      name: '细颗粒物（PM2.5）年均浓度',
      unit: '微克/立方米',
      attribute: '约束性',
    });
  });

  it('keeps every Han character once, in order', () => expectFidelity(input, table));
});

describe('南京: the tables of 专栏3, 5, 13, 17, 21 (rows, not indicators)', () => {
  const cases: [string, number, number, number, number][] = [
    ['专栏3', 428, 429, 455, 26],
    ['专栏5', 524, 525, 537, 11],
    ['专栏13', 959, 960, 964, 4],
    ['专栏17', 1065, 1066, 1075, 9],
    ['专栏21', 1262, 1263, 1268, 5],
  ];
  for (const [label, caption, from, to, rows] of cases)
    it(`${label}: ${rows} rows`, () => {
      const input = cut('nanjing', label, caption, from, to);
      const { table, issues } = read(input);
      expect(issues).toEqual([]);
      expect(tableKind(input)).toBe('rows');
      expect(table.children.filter((c) => c.kind === 'row')).toHaveLength(rows);
      expectFidelity(input, table);
    });

  it('专栏3: a chain row belongs to the cluster printed above it', () => {
    const { table } = read(cut('nanjing', '专栏3', 428, 429, 455));
    const row = table.children.find((c) => c.id === 'B3.26') as TableRowNode;
    expect(row.cells).toEqual(['', '26．服务消费机器人']);
    expect(row.resolved).toEqual(['10．机器人', '26．服务消费机器人']);
  });

  it('专栏5: 江北新区 ⏎ （浦口区） is one cell', () => {
    const { table, repairs } = read(cut('nanjing', '专栏5', 524, 525, 537));
    expect((table.children[0] as TableRowNode).cells[0]).toBe('江北新区（浦口区）');
    expect(repairs.map((r) => r.line)).toEqual([527]);
  });
});

describe('广州 专栏1: the 十五五 indicators (pipe, merged 类别, an unnamed sub-name column)', () => {
  const input = cut('guangzhou', '专栏1', 379, 380, 417);
  const { table, repairs, issues } = read(input);

  it('reads 29 indicators in 30 value rows', () => {
    expect(issues).toEqual([]);
    expect(numbered(table)).toHaveLength(29);
    expect(valueRows(table)).toHaveLength(30);
    expect(numbered(table).map((r) => r.number)).toEqual(
      Array.from({ length: 29 }, (_, i) => i + 1),
    );
  });

  it('reads the categories, the names without 1. and *, the units of the 单位 column', () => {
    expect([...new Set(numbered(table).map((r) => r.category))]).toEqual([
      '经济发展',
      '科技创新',
      '对外开放',
      '绿色低碳',
      '民生福祉',
      '安全保障',
    ]);
    expect(rowOf(table, 'B1.1')).toMatchObject({ name: '地区生产总值年均增长', unit: '%' });
    expect(rowOf(table, 'B1.13')).toMatchObject({
      name: '机场旅客/货邮吞吐量',
      unit: '万人次/万吨',
    });
    expect(rowOf(table, 'B1.22')).toMatchObject({ name: '城乡居民人均可支配收入比值', unit: '' });
    expect(rowOf(table, 'B1.29')).toMatchObject({ unit: '人/百亿元', attribute: '约束性' });
  });

  it('links the * on names 4, 7 and 17 to 注 items 1, 2 and 3', () => {
    expect(
      numbered(table)
        .filter((r) => r.note)
        .map((r) => [r.number, r.note]),
    ).toEqual([
      [4, 1],
      [7, 2],
      [17, 3],
    ]);
    expect(rowOf(table, 'B1.4').name).toBe('“15+8”产业增加值占地区生产总值比重');
  });

  it('reads 24 as a two-level indicator; its second sub-row takes 属性 from the first', () => {
    expect(rowOf(table, 'B1.24')).toMatchObject({ name: '每千人口拥有医护人员数', cells: [] });
    expect(rowOf(table, 'B1.24.1')).toMatchObject({
      name: '每千人口拥有执业（助理）医师数',
      unit: '人',
    });
    expect(rowOf(table, 'B1.24.2')).toMatchObject({
      name: '每千人口拥有注册护士数',
      attribute: '预期性',
    });
    expect(rowOf(table, 'B1.24.2').cells.map((c) => c.value)).toEqual([5.21, 5.3]);
    expect(repairs.map((r) => `${r.kind} ${r.line}`)).toEqual(['merged-cell 406']);
  });

  it('reads the 2025 figures and 2030 targets', () => {
    expect(rowOf(table, 'B1.16').cells.map((c) => [c.role, c.year, c.text])).toEqual([
      ['actual', 2025, '21.5'],
      ['target', 2030, '≤20'],
    ]);
    expect(target(rowOf(table, 'B1.6'))).toMatchObject({
      raw: '“十五五”年均增长 5.0左右',
      text: '“十五五”年均增长5.0左右',
      approximate: true,
    });
    expect(target(rowOf(table, 'B1.27'))).toMatchObject({ value: 85, comparator: '≥' });
  });

  it('keeps every Han character once, in order', () => expectFidelity(input, table));
});

describe('广州 专栏2–12: item tables (pipe, name and description in one cell)', () => {
  const boxes: [string, number, number, string[]][] = [
    ['专栏2', 437, 442, ['汽车', '电子信息', '绿色石化与新材料', '时尚消费品']],
    [
      '专栏3',
      460,
      468,
      [
        '低空经济与航空航天',
        '生物医药',
        '人工智能',
        '新能源与新型储能',
        '轨道交通',
        '智能装备与机器人',
        '船舶与海洋工程',
      ],
    ],
    ['专栏4', 482, 487, ['具身智能', '前沿新材料', '未来网络', '量子科技']],
    [
      '专栏5',
      551,
      558,
      ['人工智能', '生物医药', '脑机接口', '量子科技', '深海深空', '高端科学仪器'],
    ],
    [
      '专栏6',
      642,
      646,
      [
        '5个世界级地标商圈（天河路—珠江新城、广州塔—琶洲、金融城—黄埔湾、长隆—万博、白鹅潭）',
        '2个具有世界影响力的岭南特色商圈（北京路—海珠广场、大西关）',
        '4个枢纽型国际商圈（广州北站—白云机场、广州南站、广州东部枢纽、南沙湾〔广州南沙国际邮轮母港〕）',
      ],
    ],
    [
      '专栏7',
      660,
      671,
      [
        '珠江“一江两岸”都市文旅功能区',
        '环南昆山—罗浮山县镇村高质量发展文旅协作示范区',
        '环王子山—九龙湖生态文旅协作示范区',
        '白云机场—广州北站枢纽会商文旅体展功能区',
        '长隆—万博文商旅体功能区',
        '莲花山—狮子洋岭南水乡文旅功能区',
        '南沙国际邮轮游艇海洋文旅功能区',
        '白云山—泛南湖生态文旅功能区',
        '长洲岛—南海神庙海丝文化旅游功能区',
        '中新广州知识城智创文旅功能区',
      ],
    ],
    [
      '专栏8',
      739,
      747,
      [
        '航空及低空项目',
        '航运项目',
        '国家铁路及枢纽项目',
        '城际轨道交通项目',
        '城市轨道项目',
        '高速公路项目',
        '市政路桥项目',
      ],
    ],
    ['专栏9', 769, 772, ['清洁能源场景', '现代农业场景']],
    ['专栏10', 976, 981, ['能源领域', '工业领域', '建筑领域', '交通领域']],
    ['专栏11', 1093, 1099, ['基础教育', '高等教育', '职业教育', '特殊教育', '专门教育']],
    ['专栏12', 1113, 1118, ['综合医院', '专科医院', '中医医院', '专业公共卫生机构']],
  ];
  for (const [label, title, to, names] of boxes)
    it(`${label}: ${names.length} items`, () => {
      const input = cut('guangzhou', label, title, title + 1, to);
      expect(tableKind(input)).toBe('items');
      const issues = new IssueCollector(label);
      const items = parseItemTable(input, issues, []);
      expect(issues.issues).toEqual([]);
      expect(items.map((i) => i.title)).toEqual(names);
      expect(items.map((i) => i.id)).toEqual(names.map((_, k) => `${input.rowPrefix}.${k + 1}`));
      const empty: TableNode = { ...read(input).table, children: [], columns: [] };
      expectFidelity(input, empty, items);
    });
});

describe('苏州 表 1: the 十五五 indicators (PDF text, category rows, a header repeated after a page break)', () => {
  const input = cut('suzhou', '表1', 556, 557, 594);
  const { table, repairs, issues } = read(input);

  it('reads 30 rows and 4 category rows; the footer at 572 never reaches the table', () => {
    expect(issues).toEqual([]);
    expect(numbered(table)).toHaveLength(30);
    expect(valueRows(table)).toHaveLength(30);
    const categories = table.children.filter((c) => c.kind === 'row') as TableRowNode[];
    expect(categories.map((c) => [c.id, c.category, c.source.start])).toEqual([
      ['T1.c1', '经济强', 558],
      ['T1.c2', '百姓富', 574],
      ['T1.c3', '环境美', 582],
      ['T1.c4', '社会文明程度高', 589],
    ]);
    expect(numbered(table).filter((r) => r.category === '经济强')).toHaveLength(12);
  });

  it('keeps the header repeated at 573 on the table, never a row', () => {
    expect(table.columns).toEqual(['序号', '指标', '2030年目标', '属性']);
    expect(table.repeatedHeaders).toEqual([
      { line: 573, cells: ['序号', '指 标', '2030 年目标', '属性'] },
    ]);
    expect(repairs.map((r) => `${r.kind} ${r.line}`)).toEqual([
      'wrapped-cell 567',
      'repeated-table-header 573',
    ]);
  });

  it('assigns cells from the ends: spaces inside names and targets stay inside', () => {
    expect(rowOf(table, 'T1.1')).toMatchObject({
      name: '地区生产总值年均增长',
      unit: '%',
      attribute: '预期性',
    });
    expect(target(rowOf(table, 'T1.1'))).toMatchObject({
      raw: '5 左右',
      value: 5,
      approximate: true,
      year: 2030,
    });
    expect(target(rowOf(table, 'T1.5'))).toMatchObject({ text: '提高1个百分点以上', value: null });
    expect(rowOf(table, 'T1.8')).toMatchObject({
      name: '规上数字经济核心产业营业收入占规上企业营业收入比重',
      source: { start: 566, end: 567 },
    });
    expect(target(rowOf(table, 'T1.8')).value).toBe(32.5);
    expect(rowOf(table, 'T1.12')).toMatchObject({ unit: '亿斤', attribute: '约束性' });
    expect(rowOf(table, 'T1.16')).toMatchObject({
      name: '3岁以下婴幼儿入托率',
      raw: ['16', '3 岁以下婴幼儿入托率（%）', '25', '预期性'],
    });
    expect(rowOf(table, 'T1.23')).toMatchObject({
      name: '细颗粒物（PM2.5）年均浓度',
      unit: '微克/立方米',
    });
    expect(target(rowOf(table, 'T1.25'))).toMatchObject({ value: 7.64, comparator: '≥' });
    expect(rowOf(table, 'T1.29')).toMatchObject({ unit: '分', attribute: '预期性' });
  });

  it('keeps every Han character once, in order', () => expectFidelity(input, table));
});

describe('a 注 read apart from its table (linkNote)', () => {
  /** The note as a structure stage that reads 注 itself would make it. */
  const noteOf = (plan: string, id: string, from: number, to: number): NoteNode => {
    const text = source(plan)
      .slice(from - 1, to)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    return {
      id: `${id}.note`,
      kind: 'note',
      title: '注',
      text: text.join('\n'),
      citation: '',
      source: { start: from, end: to },
      children: [],
    };
  };

  it('广州 专栏1: links the * on names to 注 items 1–3 and finds their lines', () => {
    const { table } = read(cut('guangzhou', '专栏1', 379, 380, 411));
    expect(numbered(table).filter((r) => r.note)).toEqual([]);
    const note = noteOf('guangzhou', table.id, 413, 417);
    linkNote(table, note);
    expect(note.items?.map((i) => [i.number, i.line])).toEqual([
      [1, 413],
      [2, 415],
      [3, 417],
    ]);
    expect(
      numbered(table)
        .filter((r) => r.note)
        .map((r) => [r.number, r.note]),
    ).toEqual([
      [4, 1],
      [7, 2],
      [17, 3],
    ]);
  });

  it('南京 专栏1: a * that the 注 says means 尚未公布 is not a city-level figure', () => {
    const { table } = read(cut('nanjing', '专栏1', 289, 290, 328));
    expect(rowOf(table, 'B1.18').cells[2]!.cityLevel).toBe(true);
    linkNote(table, noteOf('nanjing', table.id, 330, 331));
    expect(rowOf(table, 'B1.18').cells[2]!.cityLevel).toBe(false);
  });
});
