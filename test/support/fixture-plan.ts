import type {
  DocumentNode,
  IndicatorCell,
  IndicatorNode,
  PlanFile,
  PlanNode,
  TableRowNode,
} from '../../src/model/types.ts';
import type { PlanMeta } from '../../src/model/plan-meta.ts';

/**
 * A small plan tree with the node kinds the Licang plan lacks, for the site's view models:
 * parts 篇 with opening text, a chapter without sections, sub-parts nested two deep, numbered
 * and ordinal measures, glossary references in a heading and in text, a 专栏 holding an
 * indicator table (a category row, a two-level indicator) and one holding a table of rows, a
 * 名词解释 and an appendix with a table. IDs follow docs/ids.md.
 */
export const FIXTURE_SLUG = 'fixture-15';

const span = { start: 1, end: 1 };
let line = 0;
const at = () => ({ start: ++line, end: line });

/** A node: its fields as the tree holds them, with a citation, a source line and children. */
function node<T extends PlanNode = PlanNode>(fields: {
  id: string;
  kind: PlanNode['kind'];
  title: string;
  children?: PlanNode[];
  [field: string]: unknown;
}): T {
  return {
    citation: `《样例市规划纲要》${fields.id}`,
    source: at(),
    children: [],
    ...fields,
  } as unknown as T;
}

const cell = (column: string, text: string): IndicatorCell => ({
  column,
  raw: text,
  text,
  value: Number.parseFloat(text) || null,
  cityLevel: false,
  cumulative: false,
  approximate: text.endsWith('左右'),
  comparator: null,
  role: 'target',
  year: 2030,
});

function indicator(
  id: string,
  number: number,
  name: string,
  value: string,
  parent?: string,
): IndicatorNode {
  const row = node<IndicatorNode>({
    id,
    kind: 'indicator',
    title: name,
    table: 1,
    tableId: 'B1.table',
    number,
    category: '经济发展',
    name,
    unit: '%',
    attribute: '预期性',
    cells: [cell('2030年', value)],
    raw: [String(number), name, '%', value, '预期性'],
  });
  if (parent) row.parent = parent;
  return row;
}

const row = (id: string, number: number, cells: string[]): TableRowNode =>
  node<TableRowNode>({ id, kind: 'row', title: cells[0] ?? '', number, cells });

export function fixtureDocument(): DocumentNode {
  line = 0;
  const glossary = node({
    id: 'glossary',
    kind: 'glossary',
    title: '名词解释',
    children: [
      node({
        id: 'G1',
        kind: 'term',
        title: '强芯工程',
        number: 1,
        term: '强芯工程',
        text: '“强芯”工程：集成电路产业的专项行动。',
      }),
      node({
        id: 'G2',
        kind: 'term',
        title: '一网统管',
        number: 2,
        term: '一网统管',
        text: '一网统管：城市运行的统一管理平台。',
      }),
    ],
  });
  const box1 = node({
    id: 'B1',
    kind: 'box',
    title: '主要指标',
    number: 1,
    label: '专栏1',
    children: [
      node({
        id: 'B1.table',
        kind: 'table',
        title: '主要指标',
        number: 1,
        label: '专栏1',
        indicators: true,
        caption: '专栏1 主要指标',
        columns: ['序号', '指标', '单位', '2030年', '属性'],
        repeatedHeaders: [],
        children: [
          { ...row('B1.c1', 1, ['一、经济发展']), category: '经济发展' } as TableRowNode,
          indicator('B1.1', 1, '每千人口拥有医护人员数', '8'),
          indicator('B1.2', 1, '注册护士数', '4左右', 'B1.1'),
          indicator('B1.3', 2, '研发经费投入强度', '4.5'),
          node({ id: 'B1.table.note', kind: 'note', title: '', text: '注：带*的为约束性指标。' }),
        ],
      }),
    ],
  });
  const box2 = node({
    id: 'B2',
    kind: 'box',
    title: '重大项目',
    number: 2,
    label: '专栏2',
    children: [
      node({
        id: 'B2.table',
        kind: 'table',
        title: '重大项目',
        number: 2,
        label: '专栏2',
        indicators: false,
        caption: '专栏2 重大项目',
        columns: ['类型', '项目名称'],
        repeatedHeaders: [],
        children: [row('B2.1', 1, ['轨道交通', '地铁三号线']), row('B2.2', 2, ['', '地铁五号线'])],
      }),
    ],
  });
  const section = node({
    id: '1.1',
    kind: 'section',
    title: '建设现代化产业体系',
    number: 1,
    label: '第一节',
    numbering: '节',
    refs: [{ at: 4, term: 'G1', field: 'title' }],
    children: [
      node({
        id: '1.1.p1',
        kind: 'paragraph',
        title: '',
        number: 1,
        text: '推进“强芯”工程和一网统管。',
        refs: [
          { at: 8, term: 'G1', field: 'text' },
          { at: 13, term: 'G2', field: 'text' },
        ],
      }),
      node({
        id: '1.1.1',
        kind: 'subpart',
        title: '先进制造业',
        number: 1,
        label: '一、',
        numbering: '一、',
        children: [
          node({
            id: '1.1.1.1',
            kind: 'subpart',
            title: '集成电路',
            number: 1,
            label: '（一）',
            numbering: '（一）',
            children: [
              node({
                id: '1.1.1.1.1',
                kind: 'measure',
                title: '壮大芯片设计',
                number: 1,
                lead: '壮大芯片设计。',
                text: '支持龙头企业做强。',
                style: 'numbered',
                label: '1.',
              }),
              node({
                id: '1.1.1.1.2',
                kind: 'measure',
                title: '一是做强封测',
                number: 2,
                lead: '一是做强封测，',
                text: '二是补齐材料。',
                style: 'ordinal',
              }),
            ],
          }),
        ],
      }),
      box1,
      box2,
    ],
  });
  const part1 = node({
    id: 'P1',
    kind: 'part',
    title: '创新引领',
    number: 1,
    label: '第一篇',
    numbering: '篇',
    children: [
      node({ id: 'P1.p1', kind: 'paragraph', title: '', number: 1, text: '本篇总述创新。' }),
      node({
        id: '1',
        kind: 'chapter',
        title: '产业强市',
        number: 1,
        label: '第一章',
        numbering: '章',
        children: [
          node({ id: '1.p1', kind: 'paragraph', title: '', number: 1, text: '本章导语。' }),
          section,
        ],
      }),
    ],
  });
  const part2 = node({
    id: 'P2',
    kind: 'part',
    title: '民生为本',
    number: 2,
    label: '第二篇',
    numbering: '篇',
    children: [
      node({
        id: '2',
        kind: 'chapter',
        title: '幸福城市',
        number: 2,
        label: '第二章',
        numbering: '章',
        children: [
          node({
            id: '2.1',
            kind: 'measure',
            title: '办好教育',
            number: 1,
            lead: '办好教育。',
            text: '新建学校10所。',
            style: 'plain',
          }),
        ],
      }),
    ],
  });
  const appendix = node({
    id: 'A1',
    kind: 'appendix',
    title: '重点项目表',
    number: 1,
    label: '附录1',
    children: [
      node({ id: 'A1.p1', kind: 'paragraph', title: '', number: 1, text: '附录说明。' }),
      node({
        id: 'T9',
        kind: 'table',
        title: '重点项目',
        number: 9,
        label: '表9',
        indicators: false,
        caption: '表9 重点项目',
        columns: ['项目', '投资'],
        repeatedHeaders: [],
        children: [row('T9.1', 1, ['新机场', '300亿元'])],
      }),
    ],
  });
  return {
    id: 'plan',
    kind: 'document',
    title: '样例市国民经济和社会发展第十五个五年规划纲要',
    citation: '《样例市规划纲要》',
    source: span,
    toc: [],
    notice: [],
    repairs: [],
    tocDifferences: [],
    children: [
      node({
        id: 'preface',
        kind: 'preface',
        title: '序言',
        children: [
          node({ id: 'preface.p1', kind: 'paragraph', title: '', number: 1, text: '序言正文。' }),
        ],
      }),
      part1,
      part2,
      glossary,
      appendix,
    ],
  };
}

export const FIXTURE_META: PlanMeta = {
  slug: FIXTURE_SLUG,
  title: '样例市国民经济和社会发展第十五个五年规划纲要',
  shortName: '样例市“十五五”规划纲要',
  issuer: '样例市人民政府',
  level: '市',
  region: '样例省样例市',
  period: { start: 2026, end: 2030 },
  date: '2026-04',
  sourceUrl: 'https://example.org/plan',
  form: 'plain-text',
  source: 'source.txt',
  sha256: '0'.repeat(64),
};

export function fixturePlan(): PlanFile {
  return {
    schema: 2,
    slug: FIXTURE_SLUG,
    meta: FIXTURE_META,
    source: `content/plans/${FIXTURE_SLUG}/source.txt`,
    document: fixtureDocument(),
  };
}
