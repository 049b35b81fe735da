import { describe, expect, it } from 'vitest';
import {
  annotations,
  mentionSpans,
  partsText,
  textParts,
  type ReadingLinks,
  type TextPart,
} from '../../src/site/annotations.ts';
import type { Block } from '../../src/site/blocks.ts';
import { indicatorsModel } from '../../src/site/indicators.ts';
import { readingPages } from '../../src/site/navigation.ts';
import { readingModel } from '../../src/site/pages.ts';
import { loadSitePlan } from '../../src/site/site-plan.ts';
import { indexById } from '../../src/model/tree.ts';
import type { BoxItemNode, ClauseLinkFields, EntityIndex } from '../../src/model/types.ts';
import { LICANG } from '../support/real-plan.ts';

/**
 * What the reading pages add to the text (src/site/annotations.ts), on
 * the real plan.json, entities.json and targets.json (`npm run build:data`
 * first): mention links that leave the text as it is, the first mention of an
 * entity per clause, and the links under measures and on 表 rows.
 */
const plan = loadSitePlan(LICANG);
const document = plan.document;
const index = plan.entities;
const targets = plan.targets;
const byId = indexById(document);
const ann = annotations(plan);
/** A Licang site URL: /7/1/ → /licang-14/7/1/. */
const u = (path: string) => `/${LICANG}${path}`;

/** Every text run the blocks render, with the node and the string it must join back to. */
interface Run {
  node: string;
  expected: string;
  parts: TextPart[];
}

function runs(blocks: Block[]): Run[] {
  return blocks.flatMap((b): Run[] => {
    switch (b.kind) {
      case 'subpart':
        return runs(b.children);
      case 'measure':
        return [
          { node: b.id, expected: b.lead, parts: b.leadParts },
          { node: b.id, expected: b.text, parts: b.textParts },
          ...runs(b.children),
        ];
      case 'box':
        return [
          ...b.items.flatMap((i) => [
            { node: i.id, expected: i.lead, parts: i.leadParts },
            { node: i.id, expected: i.text, parts: i.textParts },
          ]),
          ...runs(b.content),
        ];
      case 'paragraph':
      case 'figure':
      case 'note':
        return [{ node: b.id, expected: b.text, parts: b.textParts }];
      case 'table':
      case 'term':
        return [];
    }
  });
}

const pages = readingPages(plan).map((p) => readingModel(plan, p.path, ann));
const allRuns = pages.flatMap((p) => runs(p.blocks));

describe('mention links on reading pages', () => {
  it('leave every text exactly as it is', () => {
    expect(allRuns.length).toBeGreaterThan(300);
    for (const run of allRuns) expect(partsText(run.parts), run.node).toBe(run.expected);
    // Box items: bold lead and rest together are the item's text.
    for (const page of pages) {
      for (const block of page.blocks.flatMap(function flat(b): Block[] {
        return b.kind === 'subpart' ? b.children.flatMap(flat) : [b];
      })) {
        if (block.kind !== 'box') continue;
        for (const item of block.items) {
          const node = byId.get(item.id) as BoxItemNode;
          expect(partsText(item.leadParts) + partsText(item.textParts)).toBe(node.text);
        }
      }
    }
  });

  it('link each entity at most once per clause, to its page, and link many', () => {
    const names = new Map(index.entities.map((e) => [u(`/entities/${e.id}/`), e]));
    const perNode = new Map<string, string[]>();
    for (const run of allRuns) {
      for (const part of run.parts.filter((p) => p.href)) {
        const entity = names.get(part.href!);
        expect(entity, part.href).toBeDefined();
        expect([entity!.name, ...entity!.aliases]).toContain(part.text);
        if (part.title) expect(part.title).toBe(entity!.name);
        perNode.set(run.node, [...(perNode.get(run.node) ?? []), part.href!]);
      }
    }
    for (const [node, hrefs] of perNode) expect(new Set(hrefs).size, node).toBe(hrefs.length);
    const links = [...perNode.values()].reduce((n, l) => n + l.length, 0);
    // Every node and entity with a top-level mention in a rendered field gets its one link.
    const expected = new Set(
      index.entities.flatMap((e) =>
        e.mentions
          .filter((m) => !m.within && (m.field === 'lead' || m.field === 'text'))
          .map((m) => `${m.node} ${e.id}`),
      ),
    );
    expect(links).toBe(expected.size);
    expect(links).toBeGreaterThan(500);
  });

  it('link the first mention in reading order: a measure’s lead before its text', () => {
    const measure = runs(readingModel(plan, u('/7/1/'), ann).blocks).filter(
      (r) => r.node === '7.1.1',
    );
    expect(measure[0]!.parts.filter((p) => p.href).map((p) => p.text)).toEqual(['“山水园圈”工程']);
    const text = measure[1]!.parts.filter((p) => p.href);
    expect(text.map((p) => p.text)).toContain('森林覆盖率');
    expect(text.find((p) => p.text === '森林覆盖率')).toEqual({
      text: '森林覆盖率',
      href: u('/entities/quan-qu-sen-lin-fu-gai-lv/'),
      title: '全区森林覆盖率',
    });
  });

  it('never link a mention inside a longer one, nor in headings or 表 names', () => {
    const spans = mentionSpans(index, plan.href);
    const linked = new Set(
      [...spans].flatMap(([node, list]) =>
        list.map((s) => `${node} ${s.field} ${s.start} ${s.end}`),
      ),
    );
    expect([...spans.values()].flat().every((s) => s.field === 'lead' || s.field === 'text')).toBe(
      true,
    );
    const within = index.entities.flatMap((e) => e.mentions.filter((m) => m.within));
    expect(within.length).toBeGreaterThan(0);
    for (const m of within)
      expect(linked.has(`${m.node} ${m.field} ${m.start} ${m.end}`)).toBe(false);
  });

  it('keep a mention that crosses a box item’s bold lead as plain text', () => {
    const item = byId.get('B1.1') as BoxItemNode;
    const lead = item.lead!;
    const crossing: EntityIndex = {
      schema: 2,
      counts: index.counts,
      entities: [
        {
          id: 'x',
          type: 'industry',
          typeLabel: '产业',
          url: '/entities/x/',
          name: item.text.slice(lead.length - 2, lead.length + 2),
          aliases: [],
          sources: ['curated'],
          mentions: [
            {
              node: 'B1.1',
              field: 'text',
              start: lead.length - 2,
              end: lead.length + 2,
              text: item.text.slice(lead.length - 2, lead.length + 2),
            },
          ],
        },
      ],
    };
    const parts = annotations(plan, crossing, []).boxItemParts(item, lead);
    expect(parts.lead).toEqual([{ text: lead }]);
    expect(parts.text).toEqual([{ text: item.text.slice(lead.length) }]);
  });

  it('fail loudly when the offsets do not hold the mention (stale entities.json)', () => {
    expect(() => textParts('李村河', [{ start: 0, end: 3, text: '楼山河', href: '/x/' }])).toThrow(
      /does not match/,
    );
    expect(textParts('', [])).toEqual([{ text: '' }]);
    expect(textParts('在李村河边', [{ start: 1, end: 4, text: '李村河', href: '/x/' }])).toEqual([
      { text: '在' },
      { text: '李村河', href: '/x/' },
      { text: '边' },
    ]);
  });
});

describe('links under clauses', () => {
  const measures = (path: string) =>
    readingModel(plan, u(path), ann).blocks.flatMap(function flat(b): Block[] {
      return b.kind === 'subpart' ? b.children.flatMap(flat) : [b];
    });

  it('give 推进“山水园圈”工程 its 表2 row and its target', () => {
    const measure = measures('/7/1/').find((b) => b.id === '7.1.1');
    expect(measure?.kind === 'measure' && measure.links).toEqual({
      explicit: [
        {
          id: 'T2.21',
          href: u('/indicators/#T2.21'),
          text: '全区森林覆盖率',
          where: '表2第21项“全区森林覆盖率”',
          kind: 'explicit',
          basis: 'figure',
        },
      ],
      topical: [],
      states: [],
      reports: [],
      targets: [
        {
          id: '7.1.1.t1',
          href: u('/targets/#7.1.1.t1'),
          text: '森林覆盖率 达到16.5%',
          where: '第七章第一节“推进‘山水园圈’工程”',
        },
      ],
    });
    const plain = measures('/7/1/').find((b) => b.id === '7.1.3');
    expect(plain && 'links' in plain).toBe(false);
  });

  it('list explicit links before topical ones', () => {
    const measure = measures('/9/1/').find((b) => b.id === '9.1.2');
    if (measure?.kind !== 'measure') throw new Error('expected 9.1.2');
    expect(measure.links?.explicit.map((l) => l.id)).toEqual(['T2.12']);
    expect(measure.links?.topical.map((l) => l.id)).toEqual(['T2.11']);
  });

  it('give box items their targets', () => {
    const page = plan.urls
      .get('B4.1')!
      .split('#')[0]!
      .slice(LICANG.length + 1);
    const box = measures(page).find((b) => b.id === 'B4');
    if (box?.kind !== 'box') throw new Error('expected 专栏4');
    const item = box.items.find((i) => i.id === 'B4.1');
    expect(item?.links?.targets.map((t) => t.href)).toEqual([
      u('/targets/#B4.1.t1'),
      u('/targets/#B4.1.t2'),
      u('/targets/#B4.1.t3'),
    ]);
  });

  it('show every target and every link of every clause somewhere on the reading pages', () => {
    const shown = new Set<string>();
    const add = (id: string, links: ReadingLinks | undefined) => {
      if (!links) return;
      for (const l of [...links.explicit, ...links.topical]) shown.add(`${id} pursues ${l.id}`);
      for (const l of links.states) shown.add(`${id} states ${l.id}`);
      for (const l of links.reports) shown.add(`${id} reports ${l.id}`);
      for (const t of links.targets) shown.add(t.id);
    };
    const collect = (blocks: Block[]) => {
      for (const b of blocks) {
        if (b.kind === 'subpart') collect(b.children);
        if (b.kind === 'measure') collect(b.children);
        if (b.kind === 'box') {
          for (const i of b.items) add(i.id, i.links);
          collect(b.content);
        }
        if ('links' in b) add(b.id, b.links);
      }
    };
    for (const page of pages) {
      add(page.id, ann.links(byId.get(page.id)!));
      collect(page.blocks);
    }
    for (const t of targets) expect(shown.has(t.id), t.id).toBe(true);
    let links = 0;
    for (const node of byId.values()) {
      if (node.kind === 'table' || node.kind === 'indicator') continue;
      const clause = node as ClauseLinkFields;
      for (const [field, verb] of [
        ['indicators', 'pursues'],
        ['states', 'states'],
        ['reports', 'reports'],
      ] as const) {
        for (const l of clause[field] ?? []) {
          links++;
          expect(shown.has(`${node.id} ${verb} ${l.id}`), `${node.id} ${verb} ${l.id}`).toBe(true);
        }
      }
    }
    // 李沧: 21 pursue (measures, paragraphs, sub-parts, a section's heading), 2 state, 15 report.
    expect(links).toBe(38);
  });

  it('label the review 回顾: its clauses report (never pursue), its page and its links say so', () => {
    const review = readingModel(plan, u('/1/1/'), ann);
    expect(byId.get('1.1')?.scope).toBe('review');
    expect(review.blocks.every((b) => b.scope === 'review')).toBe(true);
    const measure = review.blocks.find((b) => b.id === '1.1.1');
    if (measure?.kind !== 'measure') throw new Error('expected 1.1.1');
    expect(measure.links?.scope).toBe('review');
    expect(measure.links?.explicit).toEqual([]);
    expect(measure.links?.topical).toEqual([]);
    // 1.1.1 综合实力迈上新台阶 states six 表1 results and the 2020 baseline of 表2's T2.5.
    expect(measure.links?.reports.map((l) => l.id)).toEqual([
      'T1.1',
      'T1.2',
      'T1.3',
      'T1.4',
      'T1.5',
      'T1.6',
      'T2.5',
    ]);
    // The goals state 表2 rows in words: 2.3.1 states T2.1's growth.
    const goals = readingModel(plan, u('/2/3/'), ann);
    expect(goals.blocks.every((b) => b.scope === 'goals')).toBe(true);
    const stated = goals.blocks.find((b) => b.id === '2.3.1');
    expect(stated?.kind === 'measure' && stated.links?.states.map((l) => l.id)).toContain('T2.1');
    // A section pursuing a row as a whole shows it under its heading, tagged by its basis.
    const green = readingModel(plan, u('/7/1/'), ann);
    expect(green.blocks.some((b) => b.scope)).toBe(false);
    expect(ann.links(byId.get('7.1')!)?.topical.map((l) => [l.id, l.basis])).toEqual([
      ['T2.18', 'heading'],
    ]);
    // The plan proper carries no scope; the front parts their own: 1.3 远景 inside 第一章 形势.
    expect(byId.get('1')?.scope).toBe('outlook');
    expect(byId.get('1.3')?.scope).toBe('vision');
  });
});

describe('/indicators/ rows', () => {
  const rows = new Map(
    indicatorsModel(plan)
      .tables.flatMap((t) => t.groups.flatMap((g) => g.rows))
      .map((r) => [r.id, r]),
  );

  it('list the measures that pursue each row, explicit first, with the clause URL', () => {
    expect(rows.get('T2.21')?.measures).toEqual([
      {
        id: '7.1.1',
        href: u('/7/1/#7.1.1'),
        text: '推进“山水园圈”工程',
        kind: 'explicit',
        basis: 'figure',
        where: '第七章第一节“推进‘山水园圈’工程”',
      },
    ]);
    // The review of the previous period (第一章第一节) never pursues a 表2 row.
    expect(rows.get('T2.10')?.measures?.map((m) => [m.id, m.kind])).toEqual([
      ['9.1.1', 'explicit'],
    ]);
    expect(rows.get('T2.2')?.measures).toEqual([]);
  });

  it('agree with the links on the clauses (measures, paragraphs, box items, headings)', () => {
    for (const row of rows.values()) {
      for (const m of row.measures ?? []) {
        const clause = byId.get(m.id) as { indicators?: { id: string; kind: string }[] };
        expect(clause.indicators, m.id).toContainEqual(
          expect.objectContaining({ id: row.id, kind: m.kind }),
        );
      }
    }
  });
});

describe('/indicators/ relations beside each row', () => {
  const rows = new Map(
    indicatorsModel(plan)
      .tables.flatMap((t) => t.groups.flatMap((g) => g.rows))
      .map((r) => [r.id, r.relations!]),
  );

  it('say when nothing in the text pursues a row, and list the goal clauses that state it', () => {
    expect(rows.get('T2.1')).toMatchObject({ measures: [], unpursued: true });
    expect(rows.get('T2.1')?.statedIn.map((l) => l.id)).toEqual(['2.3.1']);
    expect(rows.get('T2.2')).toMatchObject({ measures: [], unpursued: true });
    expect(rows.get('T2.21')?.unpursued).toBe(false);
    // Rows of the previous period's table are never pursued: no 相关措施 at all.
    expect(rows.get('T1.1')?.measures).toBeUndefined();
  });

  it('show the review passages that report a row apart from its measures', () => {
    expect(rows.get('T1.1')?.reportedIn.map((l) => [l.id, l.href])).toEqual([
      ['1.1.1', u('/1/1/#1.1.1')],
    ]);
    // T2.5's 2020 baseline is reported in 1.1.1, which never pursues it.
    expect(rows.get('T2.5')?.reportedIn.map((l) => l.id)).toEqual(['1.1.1']);
    expect(rows.get('T2.5')?.measures?.map((l) => l.id)).not.toContain('1.1.1');
  });

  it('join a 表2 row to its 表1 predecessor: 2015 → 2020 → 2025 in one place', () => {
    const gdp = rows.get('T2.1')!.lineage;
    expect(gdp).toHaveLength(1);
    expect(gdp[0]).toMatchObject({
      direction: 'previous',
      match: 'same',
      row: { id: 'T1.1', href: u('/indicators/#T1.1'), label: '表1第1项' },
      unit: '%',
    });
    expect(gdp[0]!.series.map((v) => `${v.label} ${v.text}`)).toEqual([
      '2015年 10.6',
      '2020年目标 8',
      '2020年 8.2',
      '2021—2025 年均 7.5左右',
    ]);
    // The same 2020 figure in both tables is shown once.
    const ocean = rows.get('T2.4')!.lineage[0]!;
    expect(ocean.series.map((v) => `${v.label} ${v.text}`)).toEqual([
      '2015年 17.3',
      '2020年目标 22',
      '2020年 20左右',
      '2025年目标 25左右',
    ]);
    // And back: 表1's row names the 表2 row that carries it on.
    expect(rows.get('T1.6')!.lineage.map((l) => [l.direction, l.row.id])).toEqual([
      ['next', 'T2.4'],
    ]);
  });

  it('say a related metric is one, with each figure in its own unit', () => {
    const air = rows.get('T2.19')!.lineage[0]!;
    expect(air).toMatchObject({ match: 'related', unit: null, row: { id: 'T1.15', unit: '天' } });
    expect(air.series.map((v) => `${v.label} ${v.text}${v.unit}`)).toEqual([
      '2015年 274天',
      '2020年目标 292天',
      '2020年 304天',
      '2020年 83.1%',
      '2025年目标 完成市下达任务%',
    ]);
  });
});
