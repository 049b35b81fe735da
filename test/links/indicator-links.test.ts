import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fieldTerms,
  findIndicatorLinks,
  keyTerm,
  keyTerms,
  linkMeasuresAndIndicators,
  listed,
  measureSentences,
  rowRelations,
  similarity,
} from '../../scripts/pipeline/links.ts';
import {
  fiveYearPlanNumber,
  periodName,
  reviewSentence,
  scopeMap,
  scopesNamed,
} from '../../scripts/pipeline/scope.ts';
import { indexById, walk } from '../../src/model/tree.ts';
import type {
  DocumentNode,
  IndicatorLink,
  IndicatorNode,
  PlanNode,
  TableNode,
} from '../../src/model/types.ts';
import { corpusPlan, SLUGS } from '../support/corpus.ts';

/** JSON as prettier prints it, so golden files pass `prettier --check`. */
async function prettyJson(value: unknown): Promise<string> {
  const { format } = await import('prettier');
  return format(JSON.stringify(value), { parser: 'json', printWidth: 100 });
}

const plans = new Map(SLUGS.map((slug) => [slug, corpusPlan(slug)]));
const evidenceOf = (slug: string) => {
  const plan = plans.get(slug)!;
  return findIndicatorLinks(plan.document, { period: plan.meta.period });
};

interface Review {
  links: { link: string; accept: boolean; note?: string }[];
}
const review = (slug: string): Review =>
  JSON.parse(readFileSync(`test/links/golden/${slug}.review.json`, 'utf8')) as Review;

/**
 * The measured precision of docs/entities.md ("Indicator links", "Precision"): links, and links
 * a reader would accept, as the hand review of test/links/golden/<slug>.review.json found them.
 */
const DOCUMENTED: Record<string, { links: number; accepted: number }> = {
  'licang-14': { links: 38, accepted: 38 },
  'nanjing-15': { links: 56, accepted: 55 },
  'guangzhou-15': { links: 67, accepted: 64 },
  'suzhou-15': { links: 58, accepted: 53 },
};

describe.each(SLUGS)('indicator links of %s', (slug) => {
  const plan = plans.get(slug)!;
  const { document } = plan;
  const byId = indexById(document);
  const evidence = evidenceOf(slug);

  it('match the golden file (every link with its relation, basis, terms, figure and sentence)', async () => {
    const relations = rowRelations(document, { period: plan.meta.period });
    await expect(await prettyJson({ links: evidence, rows: relations })).toMatchFileSnapshot(
      `golden/${slug}.json`,
    );
  });

  it('were each reviewed by hand, with the precision docs/entities.md states', () => {
    const keys = evidence.map((e) => `${e.relation}|${e.clause}|${e.indicator}`);
    const reviewed = review(slug).links;
    expect(reviewed.map((r) => r.link)).toEqual(keys);
    const accepted = reviewed.filter((r) => r.accept).length;
    expect({ links: keys.length, accepted }).toEqual(DOCUMENTED[slug]);
    for (const r of reviewed) if (!r.accept) expect(r.note, r.link).toBeTruthy();
    expect(accepted / keys.length).toBeGreaterThanOrEqual(0.9);
  });

  it('never let a target row be pursued by a clause outside the plan proper', () => {
    for (const { node } of walk(document)) {
      if (node.kind !== 'indicator') continue;
      for (const link of node.measures ?? []) {
        const clause = byId.get(link.id)!;
        expect(clause.scope, `${node.id} ← ${link.id}`).toBeUndefined();
      }
      for (const link of node.reportedIn ?? [])
        expect(byId.get(link.id)!.scope === 'review' || !byId.get(link.id)!.scope).toBe(true);
      for (const link of node.statedIn ?? []) expect(byId.get(link.id)!.scope).toBe('goals');
    }
  });

  it('give every row of a target table its measures, or say that none pursues it', () => {
    for (const { node } of walk(document)) {
      if (node.kind !== 'table' || !node.indicators) continue;
      expect(['previous', 'current']).toContain(node.period);
      for (const { node: row } of walk(node)) {
        if (row.kind !== 'indicator') continue;
        if (node.period === 'previous') {
          expect(row.measures, row.id).toBeUndefined();
          continue;
        }
        // A two-level row is pursued through its sub-rows, and a sub-row through its row.
        const near = [...row.children, ...(row.parent ? [byId.get(row.parent)!] : [])].some(
          (c) => c.kind === 'indicator' && (c.measures ?? []).length > 0,
        );
        expect(Array.isArray(row.measures), row.id).toBe(true);
        expect(row.unpursued === true, row.id).toBe(row.measures!.length === 0 && !near);
      }
    }
  });

  it('are symmetric, list explicit links first, and point at real nodes', () => {
    const pairs: Record<string, string[]> = { clause: [], row: [] };
    const ROW_FIELD = {
      indicators: 'measures',
      states: 'statedIn',
      reports: 'reportedIn',
    } as const;
    for (const { node } of walk(document)) {
      const n = node as PlanNode & Record<string, IndicatorLink[] | undefined>;
      for (const [clauseField, rowField] of Object.entries(ROW_FIELD)) {
        const asClause = node.kind === 'table' ? undefined : n[clauseField];
        const asRow = node.kind === 'indicator' ? n[rowField] : undefined;
        for (const list of [asClause, asRow]) {
          if (!list) continue;
          const kinds = list.map((l) => l.kind);
          expect(kinds).toEqual(
            [...kinds].sort((a, b) => (a === b ? 0 : a === 'explicit' ? -1 : 1)),
          );
        }
        for (const l of asClause ?? []) {
          expect(byId.get(l.id)?.kind).toBe('indicator');
          pairs.clause!.push(`${rowField}|${node.id}|${l.id}|${l.kind}|${l.basis}`);
        }
        for (const l of asRow ?? [])
          pairs.row!.push(`${rowField}|${l.id}|${node.id}|${l.kind}|${l.basis}`);
      }
    }
    expect(pairs.clause!.sort()).toEqual(pairs.row!.sort());
  });

  it('quote the sentence that carries the terms, and the figure in it', () => {
    for (const link of evidence) {
      const node = byId.get(link.clause)!;
      const sentences =
        node.kind === 'measure'
          ? measureSentences(node)
          : 'text' in node
            ? [node.text as string]
            : [node.title];
      expect(sentences.some((s) => s.includes(link.sentence) || link.sentence.includes(s))).toBe(
        true,
      );
      if (link.figure) expect(link.sentence).toContain(link.figure);
      expect(link.kind === 'explicit').toBe(link.basis === 'figure');
    }
  });

  it('join rows of the two tables only across them, previous ↔ current', () => {
    for (const { node } of walk(document)) {
      if (node.kind !== 'indicator') continue;
      if (node.previous) {
        const p = byId.get(node.previous.id) as IndicatorNode;
        const table = byId.get(p.tableId) as TableNode;
        expect(table.period).toBe('previous');
        expect(p.next).toContainEqual({ id: node.id, match: node.previous.match });
      }
    }
  });

  it('do not change the input tree, and give the same tree when run again', () => {
    const before = JSON.stringify(document);
    const again = linkMeasuresAndIndicators(document, { period: plan.meta.period });
    expect(JSON.stringify(document)).toBe(before);
    expect(JSON.stringify(again)).toBe(before);
    expect(again).not.toBe(document);
  });
});

describe('李沧 表2 (issue 8 §1)', () => {
  const { document } = plans.get('licang-14')!;
  const byId = indexById(document);
  const row = (id: string) => byId.get(id) as IndicatorNode;
  const chapterOf = (id: string) => id.split('.')[0];

  it('links no 表2 row into 第一章 (the 十三五 record), in any relation but the review', () => {
    for (let n = 1; n <= 21; n += 1) {
      const r = row(`T2.${n}`);
      for (const l of [...(r.measures ?? []), ...(r.statedIn ?? [])])
        expect(chapterOf(l.id), `T2.${n} ← ${l.id}`).not.toBe('1');
    }
  });

  it('gives the rows the plan pursues their measures', () => {
    expect(row('T2.8').measures).toContainEqual(expect.objectContaining({ id: '4.2.2' })); // 数字经济
    expect(row('T2.18').measures).toContainEqual(expect.objectContaining({ id: '7.1' })); // 绿色低碳
    expect(row('T2.3').measures).toContainEqual(expect.objectContaining({ id: '4.1.2' })); // 智能制造
    expect(row('T2.11').measures).toContainEqual(expect.objectContaining({ id: '9.1.2' })); // 就业
    expect(row('T2.21').measures).toEqual([{ id: '7.1.1', kind: 'explicit', basis: 'figure' }]);
  });

  it('says so where no measure pursues a row', () => {
    expect(row('T2.2')).toMatchObject({ measures: [], unpursued: true }); // 全员劳动生产率
    expect(row('T2.1')).toMatchObject({ measures: [], unpursued: true });
    expect(row('T2.1').statedIn).toEqual([{ id: '2.3.1', kind: 'topical', basis: 'terms' }]);
  });

  it('gives the 十三五 record its own relation to 表1', () => {
    expect(row('T1.6').reportedIn).toEqual([{ id: '1.1.1', kind: 'explicit', basis: 'figure' }]);
    const m = byId.get('1.1.1')!;
    expect(m.scope).toBe('review');
    expect(m.kind === 'measure' && m.indicators).toBeFalsy();
    expect(m.kind === 'measure' && m.reports?.map((l) => l.id)).toContain('T1.6');
  });

  it('joins each 表2 row to its 表1 predecessor', () => {
    expect(row('T2.4').previous).toEqual({ id: 'T1.6', match: 'same' }); // 海洋经济
    expect(row('T2.17').previous).toEqual({ id: 'T1.17', match: 'same' }); // 能耗
    expect(row('T2.18').previous).toEqual({ id: 'T1.18', match: 'same' }); // 二氧化碳
    expect(row('T2.1').previous).toEqual({ id: 'T1.1', match: 'same' }); // 生产总值
    expect(row('T1.6').next).toEqual([{ id: 'T2.4', match: 'same' }]);
    expect(row('T2.3').previous).toBeUndefined(); // 制造业: 表1 has 服务业, another metric
  });
});

describe('南京 专栏1 ↔ 专栏2', () => {
  const { document } = plans.get('nanjing-15')!;
  const byId = indexById(document);
  it('joins the rows of the same metric', () => {
    const prev = (id: string) => (byId.get(id) as IndicatorNode).previous;
    expect(prev('B2.2')).toEqual({ id: 'B1.7', match: 'same' }); // 制造业增加值占比
    expect(prev('B2.9')).toEqual({ id: 'B1.12', match: 'same' }); // 人均预期寿命
    expect(prev('B2.10.1')).toEqual({ id: 'B1.13', match: 'same' }); // 执业（助理）医师
    expect(prev('B2.14')).toEqual({ id: 'B1.20', match: 'related' }); // 地表水
    expect(prev('B2.16')).toBeUndefined(); // 森林覆盖率 is not 林木覆盖率
  });
});

describe('scopes', () => {
  it('read the front chapters and sections by their titles', () => {
    expect(scopesNamed('决胜全面建成小康社会取得决定性成就')).toEqual(['review']);
    expect(scopesNamed('发展基础和发展环境')).toEqual(['review', 'outlook']);
    expect(scopesNamed('2035年远景目标')).toEqual(['vision']);
    expect(scopesNamed('指导思想、基本要求和发展目标')).toEqual(['goals']);
    expect(scopesNamed('面临形势和机遇挑战')).toEqual(['outlook']);
    expect(scopesNamed('打造院士创新特区，构建区域发展新格局')).toEqual([]);
  });

  it('classify each plan’s front, and nothing after it', () => {
    const scopes = (slug: string) => scopeMap(plans.get(slug)!.document);
    const licang = scopes('licang-14');
    expect(['1.1', '1.1.1', 'T1', 'T1.6'].map((id) => licang.get(id))).toEqual(
      Array(4).fill('review'),
    );
    expect(licang.get('1.2')).toBe('outlook');
    expect(licang.get('1.3')).toBe('vision');
    expect(licang.get('2.3.5')).toBe('goals');
    expect(licang.get('3.1.1')).toBeUndefined();
    expect(scopes('nanjing-15').get('1.1')).toBe('review');
    expect(scopes('nanjing-15').get('55.1')).toBeUndefined(); // 提升空气环境质量
    expect(scopes('guangzhou-15').get('1.1.1')).toBe('review');
    expect(scopes('guangzhou-15').get('1.2')).toBe('outlook');
    expect(scopes('suzhou-15').get('1.3')).toBe('review');
    expect(scopes('suzhou-15').get('3.3.p2')).toBe('vision'); // 到2035年…
  });

  it('name the previous period from the plan’s own', () => {
    expect(fiveYearPlanNumber({ start: 2021, end: 2025 })).toBe(14);
    expect(periodName(fiveYearPlanNumber({ start: 2026, end: 2030 }) - 1)).toBe('十四五');
    expect(
      reviewSentence('“十三五”时期，全区生产总值达到545.9亿元。', { start: 2021, end: 2025 }),
    ).toBe(true);
    expect(reviewSentence('“十四五”时期，面对错综复杂的局势…', { start: 2026, end: 2030 })).toBe(
      true,
    );
    expect(
      reviewSentence('“十五五”时期，广州经济社会发展总体目标是…', { start: 2026, end: 2030 }),
    ).toBe(false);
  });
});

describe('key terms and fields', () => {
  it('drop scope, per-head and per-output qualifiers and measurement suffixes', () => {
    expect(keyTerm('全区森林覆盖率')).toBe('森林覆盖率');
    expect(keyTerm('地区生产总值（GDP）年均增长率')).toBe('生产总值');
    expect(keyTerm('每万人口拥有高价值发明专利数')).toBe('高价值发明专利');
    expect(keyTerm('单位地区生产总值二氧化碳排放降低')).toBe('二氧化碳排放');
    expect(keyTerm('“四新”经济增加值占地区生产总值比重')).toBe('四新经济增加值');
    expect(keyTerm('制造业增加值占比')).toBe('制造业增加值');
    expect(keyTerm('地表水达到或好于三类水体比例')).toBe('地表水');
    expect(keyTerm('3岁以下婴幼儿入托率')).toBe('婴幼儿入托率');
    expect(keyTerm('空气优良天数')).toBe('空气优良天数');
  });

  it('widen a key term by the synonyms that name its subject, not its qualifier', () => {
    expect(keyTerms({ id: 'X', name: '单位地区生产总值能源消耗降低' })).toEqual([
      ['能源消耗', '能耗'],
    ]);
    expect(keyTerms({ id: 'X', name: '常住居民人均可支配收入年均增速' })[0]).toContain('居民收入');
    expect(keyTerms({ id: 'X', name: '城乡居民人均可支配收入比值' })[0]).not.toContain('居民收入');
    expect(keyTerms({ id: 'X', name: '机场旅客/货邮吞吐量' })[0]).toEqual(
      expect.arrayContaining(['机场旅客吞吐量', '货邮吞吐量']),
    );
  });

  it('name the field of a sector’s output, and the field words of other metrics', () => {
    expect(fieldTerms({ name: '数字经济核心产业增加值占地区生产总值比重' })).toEqual(['数字经济']);
    expect(fieldTerms({ name: '制造业增加值占地区生产总值比重' })).toEqual(['制造业']);
    expect(fieldTerms({ name: '城镇新增就业人数' })).toEqual(['就业']);
    expect(fieldTerms({ name: '人均预期寿命' })).toEqual(['健康']);
    expect(fieldTerms({ name: '居民人均可支配收入增长' })).toEqual([]);
  });

  it('tell a list item from a named field', () => {
    const at = (text: string, term: string) => listed(text, text.indexOf(term), term);
    expect(at('强化资金、土地、能耗等要素统筹', '能耗')).toBe(true);
    expect(at('扩大旅游、文化、家政和托育等服务供给', '托育')).toBe(true);
    expect(at('劳动报酬提高和劳动生产率提高同步', '劳动生产率')).toBe(false);
    expect(at('加强能耗和能效评价', '能耗')).toBe(false);
  });

  it('measure how alike two key terms are', () => {
    expect(similarity('空气优良天数', '空气质量优良天数')).toBeGreaterThanOrEqual(0.65);
    expect(similarity('制造业增加值', '服务业增加值')).toBeLessThan(0.65);
  });
});

describe('the links stage on a small plan', () => {
  /** A plan with a review chapter, a goals chapter with a target table, and one measure. */
  function tiny(measureText: string): DocumentNode {
    const base = { citation: '', source: { start: 1, end: 1 }, children: [] };
    const cell = (column: string, role: string, year: number | null, text: string) => ({
      column,
      raw: text,
      text,
      value: Number.isNaN(Number(text)) ? null : Number(text),
      cityLevel: false,
      cumulative: false,
      approximate: false,
      comparator: null,
      role,
      year,
    });
    const row = {
      ...base,
      id: 'T1.1',
      kind: 'indicator',
      title: '全区森林覆盖率',
      table: 1,
      tableId: 'T1',
      number: 1,
      category: '',
      name: '全区森林覆盖率',
      unit: '%',
      attribute: '',
      cells: [cell('2025年', 'actual', 2025, '15'), cell('2030年', 'target', 2030, '16.5')],
      raw: [],
    };
    const table = {
      ...base,
      id: 'T1',
      kind: 'table',
      title: '主要指标',
      number: 1,
      label: '表1',
      indicators: true,
      caption: '',
      columns: [],
      repeatedHeaders: [],
      children: [row],
    };
    const heading = (id: string, title: string, children: unknown[]) => ({
      ...base,
      id,
      kind: 'chapter',
      title,
      number: Number(id),
      label: '',
      numbering: '章',
      children,
    });
    const measure = (id: string, text: string) => ({
      ...base,
      id,
      kind: 'measure',
      title: 'm',
      number: 1,
      lead: '推进生态建设。',
      text,
      style: 'bold',
    });
    return {
      ...base,
      id: 'plan',
      kind: 'document',
      title: 'p',
      toc: [],
      notice: [],
      repairs: [],
      tocDifferences: [],
      children: [
        heading('1', '发展基础', [measure('1.1', '“十四五”时期，森林覆盖率达到15%。')]),
        heading('2', '主要目标', [table]),
        heading('3', '建设美丽城市', [measure('3.1', measureText)]),
      ],
    } as unknown as DocumentNode;
  }
  const period = { start: 2026, end: 2030 };

  it('links the plan proper by figure, the review by its result, and not the other way round', () => {
    const linked = indexById(
      linkMeasuresAndIndicators(tiny('到2030年，森林覆盖率达到16.5%。'), { period }),
    );
    expect((linked.get('T1.1') as IndicatorNode).measures).toEqual([
      { id: '3.1', kind: 'explicit', basis: 'figure' },
    ]);
    expect((linked.get('T1.1') as IndicatorNode).reportedIn).toEqual([
      { id: '1.1', kind: 'explicit', basis: 'figure' },
    ]);
    expect(linked.get('1.1')!.scope).toBe('review');
    expect((linked.get('T1') as TableNode).period).toBe('current');
  });

  it('marks a row nothing pursues', () => {
    const linked = indexById(linkMeasuresAndIndicators(tiny('加强城市管理。'), { period }));
    expect(linked.get('T1.1')).toMatchObject({ measures: [], unpursued: true });
  });
});
