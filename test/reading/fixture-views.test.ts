import { describe, expect, it } from 'vitest';
import { walk } from '../../src/model/tree.ts';
import { pagePath, pageOf, urlOf } from '../../src/model/urls.ts';
import { withRefs } from '../../src/site/annotations.ts';
import { termLength, type Block } from '../../src/site/blocks.ts';
import { headerModel, switchHref } from '../../src/site/header.ts';
import { indicatorsModel, tableView } from '../../src/site/indicators.ts';
import { indicatorsCsv } from '../../src/site/indicators-csv.ts';
import { planMarkdown } from '../../src/site/markdown.ts';
import { breadcrumbs, prevNext, readingPages, toc } from '../../src/site/navigation.ts';
import { homeModel, readingModel } from '../../src/site/pages.ts';
import { sitePlanOf } from '../../src/site/site-plan.ts';
import type { TableNode } from '../../src/model/types.ts';
import { blockIds } from '../support/blocks.ts';
import { FIXTURE_SLUG, fixturePlan } from '../support/fixture-plan.ts';

/**
 * The view models on a small tree with what the Licang plan lacks (test/support/fixture-plan.ts):
 * parts 篇, a chapter without sections, nested sub-parts, numbered and ordinal measures,
 * glossary references, 专栏 tables (indicators with a category row and a two-level indicator;
 * rows), a 名词解释 and an appendix.
 */
const plan = sitePlanOf(fixturePlan());
const u = (path: string) => `/${FIXTURE_SLUG}${path}`;

function find(blocks: Block[], id: string): Block | undefined {
  for (const b of blocks) {
    if ('id' in b && b.id === id) return b;
    const inner =
      b.kind === 'subpart' || b.kind === 'measure'
        ? find(b.children, id)
        : b.kind === 'box'
          ? find(b.content, id)
          : undefined;
    if (inner) return inner;
  }
  return undefined;
}

describe('URLs of every node kind', () => {
  it('make a page path from an ID: dots as slashes, lower-case', () => {
    expect(pagePath('7.1')).toBe('/7/1/');
    expect(pagePath('P2.3')).toBe('/p2/3/');
    expect(pagePath('P2.3.1')).toBe('/p2/3/1/');
    expect(pagePath('A1')).toBe('/a1/');
    expect(pagePath('glossary')).toBe('/glossary/');
  });

  it('put each node on the page of its nearest page-holding node, indicator tables on /indicators/', () => {
    const urls = new Map<string, string>();
    for (const { node, parents } of walk(plan.document)) urls.set(node.id, urlOf(node, parents));
    expect(Object.fromEntries(urls)).toMatchObject({
      plan: '/',
      preface: '/preface/',
      P1: '/p1/',
      'P1.p1': '/p1/#P1.p1',
      '1': '/1/',
      '1.1': '/1/1/',
      '1.1.1.1': '/1/1/#1.1.1.1',
      '1.1.1.1.2': '/1/1/#1.1.1.1.2',
      B1: '/1/1/#B1',
      'B1.table': '/indicators/#B1.table',
      'B1.c1': '/1/1/#B1.c1',
      'B1.2': '/indicators/#B1.2',
      'B1.table.note': '/indicators/#B1.table.note',
      'B2.table': '/1/1/#B2.table',
      'B2.1': '/1/1/#B2.1',
      '2': '/2/',
      '2.1': '/2/#2.1',
      glossary: '/glossary/',
      G2: '/glossary/#G2',
      A1: '/a1/',
      'T9.1': '/a1/#T9.1',
    });
    expect(plan.urls.get('G2')).toBe(u('/glossary/#G2'));
    const table = plan.nodes.get('B1.table')!;
    expect(pageOf(table, [])).toBe('/indicators/');
  });
});

describe('navigation with parts, a glossary and an appendix', () => {
  it('reads 序言, 第一篇, 第一章, 第一节, 第二篇, 第二章, 名词解释, 附录1', () => {
    expect(readingPages(plan).map((p) => [p.kind, p.path])).toEqual([
      ['preface', u('/preface/')],
      ['part', u('/p1/')],
      ['chapter', u('/1/')],
      ['section', u('/1/1/')],
      ['part', u('/p2/')],
      ['chapter', u('/2/')],
      ['glossary', u('/glossary/')],
      ['appendix', u('/a1/')],
    ]);
    expect(prevNext(plan, u('/p2/'))).toEqual({
      prev: { href: u('/1/1/'), label: '第一章第一节', title: '建设现代化产业体系' },
      next: { href: u('/2/'), label: '第二章', title: '幸福城市' },
    });
    expect(prevNext(plan, u('/p1/')).prev).toEqual({
      href: u('/preface/'),
      label: '',
      title: '序言',
    });
  });

  it('opens the 目录 on the way to the current page only', () => {
    const model = toc(plan, u('/1/1/'));
    expect(model.entries.map((e) => [e.label, e.open, e.children.length])).toEqual([
      ['序言', false, 0],
      ['第一篇', true, 1],
      ['第二篇', false, 0],
      ['名词解释', false, 0],
      ['附录1', false, 0],
    ]);
    const chapter = model.entries[1]!.children[0]!;
    expect(chapter).toMatchObject({ label: '第一章', open: true });
    expect(chapter.children).toEqual([
      {
        kind: 'section',
        href: u('/1/1/'),
        label: '第一节',
        title: '建设现代化产业体系',
        current: true,
        open: true,
        children: [],
      },
    ]);
    // The plan home lists everything.
    const all = homeModel(plan).contents;
    expect(all.map((e) => e.kind)).toEqual(['preface', 'part', 'part', 'glossary', 'appendix']);
    expect(all[2]!.children[0]).toMatchObject({ href: u('/2/'), label: '第二章' });
  });

  it('gives breadcrumbs through the part, one crumb for a 专栏 and its table', () => {
    expect(breadcrumbs(plan, '1.1.1.1.1').map((c) => c.label)).toEqual([
      '样例市“十五五”规划纲要',
      '第一篇',
      '第一章',
      '第一节',
      '一、',
      '（一）',
      '壮大芯片设计',
    ]);
    expect(breadcrumbs(plan, 'B1.2').map((c) => [c.label, c.href])).toEqual([
      ['样例市“十五五”规划纲要', u('/')],
      ['第一篇', u('/p1/')],
      ['第一章', u('/1/')],
      ['第一节', u('/1/1/')],
      ['专栏1', u('/1/1/#B1')],
      ['注册护士数', u('/indicators/#B1.2')],
    ]);
  });
});

describe('reading pages of every kind', () => {
  it('give a part its opening text and its chapters', () => {
    const model = readingModel(plan, u('/p1/'));
    expect(model.heading).toMatchObject({ label: '第一篇', title: '创新引领' });
    expect(model.parent).toBeUndefined();
    expect(blockIds(model.blocks)).toEqual(['P1.p1']);
    expect(model.children).toEqual([{ href: u('/1/'), label: '第一章', title: '产业强市' }]);
    expect(model.childrenHeading).toBe('本篇各章');
    expect(model.title).toBe('第一篇 创新引领 · 样例市“十五五”规划纲要');
    // A chapter in a part shows the part above its heading.
    expect(readingModel(plan, u('/1/')).parent).toEqual({
      href: u('/p1/'),
      label: '第一篇',
      title: '创新引领',
    });
  });

  it('hold a chapter without sections whole', () => {
    const model = readingModel(plan, u('/2/'));
    expect(blockIds(model.blocks)).toEqual(['2.1']);
    expect(model.children).toEqual([]);
    expect(model.blocks[0]).toMatchObject({ kind: 'measure', style: 'plain', lead: '办好教育。' });
  });

  it('nest sub-parts one heading level down each, numbered and ordinal measures inside', () => {
    const { blocks } = readingModel(plan, u('/1/1/'));
    expect(find(blocks, '1.1.1')).toMatchObject({ kind: 'subpart', level: 2, label: '一、' });
    expect(find(blocks, '1.1.1.1')).toMatchObject({ kind: 'subpart', level: 3, label: '（一）' });
    expect(find(blocks, '1.1.1.1.1')).toMatchObject({
      kind: 'measure',
      style: 'numbered',
      label: '1.',
      lead: '壮大芯片设计。',
    });
    expect(find(blocks, '1.1.1.1.2')).toMatchObject({ style: 'ordinal', label: '' });
  });

  it('put glossary references back in text and headings, as links to the entry', () => {
    const model = readingModel(plan, u('/1/1/'));
    const ref = (id: string, number: number, term: string) => ({
      text: '',
      ref: { id, number, term, href: u(`/glossary/#${id}`) },
    });
    expect(find(model.blocks, '1.1.p1')).toMatchObject({
      textParts: [
        { text: '推进“强芯”工程' },
        ref('G1', 1, '强芯工程'),
        { text: '和一网统管' },
        ref('G2', 2, '一网统管'),
        { text: '。' },
      ],
    });
    expect(model.heading.titleParts).toEqual([
      { text: '建设现代' },
      ref('G1', 1, '强芯工程'),
      { text: '化产业体系' },
    ]);
    // A reference inside a mention link goes after the link.
    expect(
      withRefs(
        [{ text: '推进' }, { text: '强芯工程', href: '/e/' }, { text: '。' }],
        [{ at: 4, ref: ref('G1', 1, '强芯工程').ref }],
      ),
    ).toEqual([
      { text: '推进' },
      { text: '强芯工程', href: '/e/' },
      ref('G1', 1, '强芯工程'),
      { text: '。' },
    ]);
  });

  it('show a 专栏’s indicator table with its category row and two-level indicator, and a table of rows', () => {
    const { blocks } = readingModel(plan, u('/1/1/'));
    const box1 = find(blocks, 'B1');
    if (box1?.kind !== 'box') throw new Error('expected 专栏1');
    expect(box1.items).toEqual([]);
    const table = box1.content[0];
    if (table?.kind !== 'table' || table.table.kind !== 'indicators')
      throw new Error('expected an indicator table');
    expect(table.table.fixed).toEqual({ category: '', number: '序号', name: '指标' });
    expect(table.table.valueColumns).toEqual(['单位', '2030年', '属性']);
    expect(table.table.groups).toHaveLength(1);
    expect(table.table.groups[0]!.heading).toEqual({ id: 'B1.c1', text: '一、经济发展' });
    expect(table.table.groups[0]!.rows.map((r) => [r.id, r.parent])).toEqual([
      ['B1.1', undefined],
      ['B1.2', 'B1.1'],
      ['B1.3', undefined],
    ]);
    expect(table.table.groups[0]!.rows[1]!.cells.map((c) => c.text)).toEqual([
      '%',
      '4左右',
      '预期性',
    ]);
    const rows = find(blocks, 'B2');
    if (rows?.kind !== 'box' || rows.content[0]?.kind !== 'table')
      throw new Error('expected 专栏2');
    expect(rows.content[0].table).toMatchObject({
      kind: 'rows',
      label: '专栏2',
      columns: ['类型', '项目名称'],
      rows: [
        { id: 'B2.1', cells: ['轨道交通', '地铁三号线'], url: u('/1/1/#B2.1') },
        { id: 'B2.2', cells: ['', '地铁五号线'], url: u('/1/1/#B2.2') },
      ],
    });
  });

  it('list the glossary’s entries with their term in bold, and an appendix’s text and table', () => {
    const glossary = readingModel(plan, u('/glossary/'));
    expect(glossary.heading.label).toBe('');
    expect(glossary.blocks[0]).toMatchObject({
      kind: 'term',
      id: 'G1',
      number: 1,
      termParts: [{ text: '“强芯”工程' }],
      textParts: [{ text: '：集成电路产业的专项行动。' }],
      url: u('/glossary/#G1'),
    });
    expect(termLength('一网统管：城市运行。', '一网统管')).toBe(4);
    expect(termLength('没有冒号的条目', '没有')).toBe(2);
    expect(blockIds(readingModel(plan, u('/a1/')).blocks)).toEqual(['A1.p1', 'T9', 'T9.1']);
  });

  it('render every node once, ids unique on every page', () => {
    const seen = new Map<string, string>();
    for (const page of readingPages(plan)) {
      for (const id of blockIds(readingModel(plan, page.path).blocks)) {
        expect(seen.has(id), `${id} on ${page.path} and ${seen.get(id)}`).toBe(false);
        seen.set(id, page.path);
      }
    }
    const expected = [...walk(plan.document)]
      .map(({ node }) => node)
      .filter(
        (n) =>
          !['document', 'preface', 'part', 'chapter', 'section', 'glossary', 'appendix'].includes(
            n.kind,
          ),
      );
    expect([...seen.keys()].sort()).toEqual(expected.map((n) => n.id).sort());
  });
});

describe('the plan’s other pages and files', () => {
  it('/indicators/ lists the 专栏’s indicator table, said to be in its section', () => {
    const model = indicatorsModel(plan);
    expect(model.tables.map((t) => t.id)).toEqual(['B1.table']);
    expect(model.context).toEqual([
      { table: '专栏1', href: u('/1/1/'), label: '第一章第一节“建设现代化产业体系”' },
    ]);
    expect(model.legend.map((f) => f.mark)).toEqual(['左右']);
    expect(homeModel(plan).entries.map((e) => e.label)).toEqual([
      '主要指标',
      '量化目标',
      '名称索引',
      '名词解释',
      '数据下载',
      '如何引用',
    ]);
  });

  it('indicators.csv names a 专栏’s table by its label; plan.md has the references and tables', () => {
    // A sub-row names its row (parent); the plan has no stamp, so no stamp columns.
    expect(indicatorsCsv(plan)).toContain(
      'B1.table,专栏1,B1.2,1,B1.1,经济发展,注册护士数,%,预期性,2030年,target,2030,4左右,4,false,false,true,',
    );
    const md = planMarkdown(plan);
    expect(md).toContain('推进“强芯”工程<sup>1</sup>和一网统管<sup>2</sup>。');
    expect(md).toMatch(/## <a id="[^"]+"><\/a>第一篇 创新引领/);
    expect(md).toMatch(/### <a id="[^"]+"><\/a>第一章 产业强市/);
    expect(md).toMatch(/##### <a id="[^"]+"><\/a>一、先进制造业/);
    expect(md).toContain('| 类型 | 项目名称 |');
    expect(md).toMatch(/\| <a id="[^"]+"><\/a>新机场 \| 300亿元 \|/);
    expect(md).toContain('- 规划期：2026—2030年');
    const t9 = plan.nodes.get('T9') as TableNode;
    expect(tableView(t9, plan).kind).toBe('rows');
  });
});

describe('the header’s plan switcher', () => {
  const other = sitePlanOf({ ...fixturePlan(), slug: 'other-15' });
  const plans = [plan, other];

  it('leads to the same page of another plan where it has one, else to its home', () => {
    expect(switchHref(other, { kind: 'extra', path: '/indicators/' })).toBe(
      '/other-15/indicators/',
    );
    expect(switchHref(other, { kind: 'reading', page: 'section' })).toBe('/other-15/');
    expect(switchHref(other, { kind: 'reading', page: 'glossary' })).toBe('/other-15/glossary/');
    expect(switchHref(other, { kind: 'entity', id: 'nope' })).toBe('/other-15/entities/');
    const header = headerModel(plans, plan, { kind: 'extra', path: '/cite/' }, u('/cite/'));
    expect(header.switcher.map((s) => [s.slug, s.href, s.current])).toEqual([
      [FIXTURE_SLUG, u('/cite/'), true],
      ['other-15', '/other-15/cite/', false],
    ]);
    expect(header.plan).toMatchObject({ slug: FIXTURE_SLUG, href: u('/') });
    expect(header.nav.find((n) => n.href === u('/cite/'))?.current).toBe('page');
    expect(header.search).toMatchObject({
      slug: FIXTURE_SLUG,
      index: u('/search-index.json'),
      root: u('/'),
      action: '/search/',
    });
  });

  it('on pages outside every plan, the search box searches the default plan', () => {
    const header = headerModel(plans, undefined, undefined, '/');
    expect(header.plan).toBeUndefined();
    expect(header.nav).toEqual([]);
    expect(header.search.slug).toBe(FIXTURE_SLUG);
  });

  it('refuses a slug that a page of the site takes', () => {
    expect(() => sitePlanOf({ ...fixturePlan(), slug: 'indicators' })).toThrow(/taken/);
    expect(() => sitePlanOf({ ...fixturePlan(), slug: 'p1' })).toThrow(/taken/);
  });
});
