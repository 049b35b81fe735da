import { describe, expect, it } from 'vitest';
import { indicatorsModel } from '../../src/site/indicators.ts';
import { breadcrumbs, prevNext, readingPages, toc } from '../../src/site/navigation.ts';
import { citeModel } from '../../src/site/citations.ts';
import { chineseDate, homeModel, readingModel } from '../../src/site/pages.ts';
import { loadSitePlan } from '../../src/site/site-plan.ts';
import { blockIds } from '../support/blocks.ts';
import { LICANG } from '../support/real-plan.ts';

/** View models for every route, on the real plan.json (`npm run build:data` first). */
const plan = loadSitePlan(LICANG);
const document = plan.document;
const TITLE = plan.meta.title;
/** A Licang site URL: /7/1/ → /licang-14/7/1/. */
const u = (path: string) => `/${LICANG}${path}`;

describe('reading pages', () => {
  const pages = readingPages(plan);

  it('are the preface, 11 chapter pages and 38 section pages, in document order', () => {
    expect(pages).toHaveLength(1 + 11 + 38);
    expect(pages.slice(0, 5).map((p) => p.path)).toEqual([
      u('/preface/'),
      u('/1/'),
      u('/1/1/'),
      u('/1/2/'),
      u('/1/3/'),
    ]);
    expect(pages.at(-1)?.path).toBe(u('/11/3/'));
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
  });

  it('link to their neighbours', () => {
    expect(prevNext(plan, u('/7/1/'))).toEqual({
      prev: { href: u('/7/'), label: '第七章', title: '推进生态文明建设，实现绿色发展新进步' },
      next: { href: u('/7/2/'), label: '第七章第二节', title: '打好污染防治攻坚战' },
    });
    expect(prevNext(plan, u('/2/'))).toMatchObject({
      prev: { href: u('/1/3/') },
      next: { href: u('/2/1/') },
    });
    expect(prevNext(plan, u('/preface/')).prev).toBeUndefined();
    expect(prevNext(plan, u('/11/3/')).next).toBeUndefined();
    expect(() => prevNext(plan, u('/12/'))).toThrow();
  });
});

describe('table of contents', () => {
  const chaptersOf = (model: ReturnType<typeof toc>) =>
    model.entries.filter((e) => e.kind === 'chapter');

  it('lists the 11 chapters, the current chapter’s sections, and marks the current page only', () => {
    const model = toc(plan, u('/7/1/'));
    expect(model.entries[0]).toMatchObject({
      kind: 'preface',
      href: u('/preface/'),
      current: false,
    });
    expect(chaptersOf(model)).toHaveLength(11);
    // Only the chapter the reader is in lists its sections: a short 目录 on every page.
    expect(chaptersOf(model).map((c) => c.children.length)).toEqual([
      0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0,
    ]);
    const current = [
      ...model.entries,
      ...model.entries.flatMap((c) => c.children),
      ...model.extras,
    ].filter((i) => i.current);
    expect(current).toEqual([
      {
        kind: 'section',
        href: u('/7/1/'),
        label: '第一节',
        title: '加快推动绿色低碳发展',
        current: true,
        open: true,
        children: [],
      },
    ]);
    expect(model.entries.filter((c) => c.open).map((c) => c.href)).toEqual([u('/7/')]);
  });

  it('marks a chapter page and the extra pages', () => {
    const chapter = toc(plan, u('/3/'));
    expect(chaptersOf(chapter)[2]).toMatchObject({ href: u('/3/'), current: true, open: true });
    const indicators = toc(plan, u('/indicators/'));
    expect(indicators.extras.filter((e) => e.current).map((e) => e.href)).toEqual([
      u('/indicators/'),
    ]);
    expect(indicators.entries.some((c) => c.open)).toBe(false);
    expect(indicators.entries.every((c) => c.children.length === 0)).toBe(true);
  });

  it('follows the plan’s own 目录 (chapter and section titles as printed in the body)', () => {
    const model = toc(plan, u('/'), true);
    const tocSections = document.toc.filter((e) => e.kind === 'section');
    expect(chaptersOf(model).map((c) => c.title)).toEqual(
      document.toc.filter((e) => e.kind === 'chapter').map((e) => e.title),
    );
    const differences = new Map(document.tocDifferences.map((d) => [d.toc, d.heading]));
    expect(chaptersOf(model).flatMap((c) => c.children.map((s) => s.title))).toEqual(
      tocSections.map((e) => differences.get(e.title) ?? e.title),
    );
  });
});

describe('breadcrumbs', () => {
  it('go 首页 › 第七章 › 第一节 › the measure', () => {
    expect(breadcrumbs(plan, '7.1.1')).toEqual([
      { href: u('/'), label: '李沧区“十四五”规划纲要', title: '' },
      { href: u('/7/'), label: '第七章', title: '推进生态文明建设，实现绿色发展新进步' },
      { href: u('/7/1/'), label: '第一节', title: '加快推动绿色低碳发展' },
      { href: u('/7/1/#7.1.1'), label: '推进“山水园圈”工程', title: '' },
    ]);
  });

  it('pass through sub-parts and boxes, and put indicators on their table', () => {
    expect(breadcrumbs(plan, 'B5.2').map((c) => c.label)).toEqual([
      '李沧区“十四五”规划纲要',
      '第四章',
      '第二节',
      '三、',
      '专栏5',
      '先进核能技术与材料',
    ]);
    expect(breadcrumbs(plan, 'B5.2').at(-1)?.href).toBe(u('/4/2/#B5.2'));
    expect(breadcrumbs(plan, 'T2.21').slice(-2)).toEqual([
      { href: u('/indicators/#T2'), label: '表2', title: '李沧区“十四五”时期经济社会发展主要指标' },
      { href: u('/indicators/#T2.21'), label: '全区森林覆盖率', title: '' },
    ]);
    expect(breadcrumbs(plan, 'preface.p1').map((c) => c.href)).toEqual([
      u('/'),
      u('/preface/'),
      u('/preface/#preface.p1'),
    ]);
    expect(() => breadcrumbs(plan, 'nope')).toThrow();
  });
});

describe('home', () => {
  const model = homeModel(plan);

  it('shows the facts from the plan’s metadata file, and the notice', () => {
    expect(model.title).toBe(TITLE);
    expect(model.facts).toEqual([
      { label: '制发机关', value: '李沧区人民政府' },
      { label: '文号', value: '青李沧政发〔2021〕12号' },
      { label: '成文日期', value: '2021年3月31日' },
      { label: '规划期', value: '2021—2025年（远景目标至2035年）' },
      { label: '地区', value: '山东省青岛市李沧区（区级）' },
      { label: '文本来源', value: 'http://www.qdlc.gov.cn/', href: 'http://www.qdlc.gov.cn/' },
    ]);
    expect(chineseDate('2021-03-31')).toBe('2021年3月31日');
    expect(chineseDate('2026-04')).toBe('2026年4月');
    expect(chineseDate('2026')).toBe('2026年');
    expect(model.notice).toContain(`关于印发《${TITLE}》的通知`);
    expect(model.notice).toContain('各街道办事处，区政府各部门，区直各单位，各有关单位：');
  });

  it('gives the whole 目录: 11 chapters and their sections, and the entry points', () => {
    const [preface, ...chapters] = model.contents;
    expect(preface).toMatchObject({ kind: 'preface', href: u('/preface/') });
    expect(chapters.map((c) => c.children.length)).toEqual([3, 3, 4, 3, 3, 3, 4, 3, 6, 3, 3]);
    expect(chapters[6]?.children[0]).toEqual({
      kind: 'section',
      href: u('/7/1/'),
      label: '第一节',
      title: '加快推动绿色低碳发展',
      children: [],
    });
    expect(model.entries.map((e) => e.href)).toEqual([
      u('/indicators/'),
      u('/targets/'),
      u('/entities/'),
      u('/downloads/'),
      u('/cite/'),
    ]);
    expect(model.entries[0]?.title).toBe('表1、表2');
  });
});

describe('reading model', () => {
  it('renders a section in document order with its measures', () => {
    const model = readingModel(plan, u('/7/1/'));
    expect(model.heading).toEqual({
      label: '第一节',
      title: '加快推动绿色低碳发展',
      titleParts: [{ text: '加快推动绿色低碳发展' }],
    });
    expect(model.parent).toEqual(model.chapter);
    expect(model.chapter).toEqual({
      href: u('/7/'),
      label: '第七章',
      title: '推进生态文明建设，实现绿色发展新进步',
    });
    expect(model.title).toBe('第七章第一节 加快推动绿色低碳发展 · 李沧区“十四五”规划纲要');
    expect(blockIds(model.blocks)).toEqual(['7.1.p1', '7.1.1', '7.1.2', '7.1.3', '7.1.4']);
    expect(model.blocks[1]).toMatchObject({
      kind: 'measure',
      lead: '推进“山水园圈”工程。',
      url: u('/7/1/#7.1.1'),
      citation: `《${TITLE}》第七章第一节“推进‘山水园圈’工程”`,
    });
    expect(model.citation).toBe(`《${TITLE}》第七章第一节“加快推动绿色低碳发展”`);
    expect(model.children).toEqual([]);
  });

  it('nests sub-parts and their boxes one heading level down', () => {
    const model = readingModel(plan, u('/4/1/'));
    expect(model.blocks.map((b) => b.kind)).toEqual(['paragraph', 'subpart', 'subpart']);
    const subpart = model.blocks[1];
    if (subpart?.kind !== 'subpart') throw new Error('expected a sub-part');
    expect(subpart).toMatchObject({
      id: '4.1.1',
      level: 2,
      label: '一、',
      title: '智慧新能源交通',
    });
    const box = subpart.children.at(-1);
    expect(box).toMatchObject({ kind: 'box', id: 'B1', level: 3, label: '专栏1' });
    if (box?.kind !== 'box') throw new Error('expected a box');
    expect(box.items[0]).toMatchObject({
      id: 'B1.1',
      lead: '氢能及其应用装备。',
      url: u('/4/1/#B1.1'),
    });
    expect(box.items[0]?.text.startsWith('研发氢燃料电池')).toBe(true);
  });

  it('shows tables T1 and T2 in their reading pages', () => {
    const t1 = readingModel(plan, u('/1/1/')).blocks.find((b) => b.kind === 'table');
    const t2 = readingModel(plan, u('/2/3/')).blocks.find((b) => b.kind === 'table');
    expect(t1?.kind === 'table' && t1.table.kind === 'indicators' && t1.table.rowCount).toBe(22);
    expect(t2?.kind === 'table' && t2.table.kind === 'indicators' && t2.table.rowCount).toBe(21);
  });

  it('gives a chapter page its opening text, figure and list of sections', () => {
    const model = readingModel(plan, u('/3/'));
    expect(blockIds(model.blocks)).toEqual(['3.p1', 'F1']);
    expect(model.children.map((s) => s.href)).toEqual([
      u('/3/1/'),
      u('/3/2/'),
      u('/3/3/'),
      u('/3/4/'),
    ]);
    expect(model.crumbs.map((c) => c.label)).toEqual(['李沧区“十四五”规划纲要', '第三章']);
    expect(readingModel(plan, u('/2/')).blocks).toEqual([]);
  });

  it('renders every node once, with ids unique on every page', () => {
    const seen = new Map<string, string>();
    for (const page of readingPages(plan)) {
      const ids = blockIds(readingModel(plan, page.path).blocks);
      expect(new Set(ids).size, page.path).toBe(ids.length);
      for (const id of ids) {
        // Table rows appear on their reading page and on /indicators/; everything else once.
        expect(seen.has(id), `${id} on ${page.path} and ${seen.get(id)}`).toBe(false);
        seen.set(id, page.path);
      }
    }
    const expected = new Set<string>();
    const visit = (n: (typeof document.children)[number]) => {
      if (!['preface', 'chapter', 'section'].includes(n.kind)) expected.add(n.id);
      n.children.forEach(visit);
    };
    document.children.forEach(visit);
    expect([...seen.keys()].sort()).toEqual([...expected].sort());
  });
});

describe('indicators', () => {
  const model = indicatorsModel(plan);
  const [t1, t2] = model.tables;

  it('has 表1 with 22 rows and 表2 with 21 rows, grouped by category', () => {
    expect(model.tables.map((t) => [t.id, t.rowCount])).toEqual([
      ['T1', 22],
      ['T2', 21],
    ]);
    expect(t1?.groups.map((g) => [g.category, g.rows.length])).toEqual([
      ['经济发展', 8],
      ['社会民生', 6],
      ['生态建设', 8],
    ]);
    expect(t1?.valueColumns).toEqual(['单位', '属性', '2015', '十三五目标', '十三五完成']);
    expect(t2?.valueColumns).toEqual(['2020年', '2025年', '年均', '属性']);
    expect(t2?.note?.id).toBe('T2.note');
    expect(model.context.map((c) => c.href)).toEqual([u('/1/1/'), u('/2/3/')]);
  });

  it('shows the resolved value in both cells of each merged pair', () => {
    const rows = new Map(t2!.groups.flatMap((g) => g.rows).map((r) => [r.id, r]));
    const cell = (id: string, column: string) =>
      rows.get(id)!.cells[t2!.valueColumns.indexOf(column)]!;
    for (const [a, b, column] of [
      ['T2.17', 'T2.18', '年均'],
      ['T2.19', 'T2.20', '2025年'],
    ] as const) {
      expect(cell(a, column)).toMatchObject({ text: '完成市下达任务', mergedWith: { id: b } });
      expect(cell(b, column)).toMatchObject({ text: '完成市下达任务', mergedWith: { id: a } });
    }
    expect(rows.get('T2.2')?.name).toBe('全员劳动生产率（万元/人）');
  });

  it('spells out the marks', () => {
    const rows = new Map(t2!.groups.flatMap((g) => g.rows).map((r) => [r.id, r]));
    expect(rows.get('T2.2')?.cells[1]).toEqual({
      text: '25左右*',
      notes: ['市级指标数据', '约数'],
    });
    expect(rows.get('T2.11')?.cells[2]).toEqual({ text: '[12]', notes: ['五年累计数'] });
    expect(model.legend.map((f) => f.mark)).toEqual(['*', '[ ]', '左右', '>']);
  });
});

describe('citations', () => {
  // The formats themselves, exactly: test/citations/citations.test.ts.
  it('give /cite/ the document reference and a clause as the example', () => {
    const cite = citeModel(plan, '7.1.1');
    expect(cite.document.reference).toMatch(
      new RegExp(
        `^李沧区人民政府\\. ${TITLE}: 青李沧政发〔2021〕12号\\[Z/OL\\]\\. \\(2021-03-31\\)`,
      ),
    );
    expect(cite.example.place).toBe('第七章第一节第1条');
    expect(cite.example.tools.url).toMatch(new RegExp(`${u('/7/1/#7.1.1')}$`));
  });
});
