import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/model/csv.ts';
import { TYPE_LABELS } from '../../src/model/entity-labels.ts';
import type { EntityIndex, PlanFile, PlanNode } from '../../src/model/types.ts';
import { CSV_HEADER, indicatorsCsv } from '../../src/site/indicators-csv.ts';
import { downloadBody } from '../../src/site/downloads.ts';
import { boldLead, planMarkdown } from '../../src/site/markdown.ts';
import { downloadsOf } from '../../src/site/pages.ts';
import { artifactFile } from '../../src/site/load-artifacts.ts';
import { corpusEntries, loadSitePlan } from '../../src/site/site-plan.ts';
import { walk } from '../../src/model/tree.ts';
import { planArtifact } from '../../src/model/artifacts.ts';
import { absoluteUrl, DATA_FILES } from '../../src/model/urls.ts';
import { LICANG } from '../support/real-plan.ts';

/**
 * Each plan's files under /<slug>/data/: what the endpoints generate, and what dist/ holds after
 * a build; the Licang plan's also at /data/, where the site served them before the corpus. They
 * speak one language (docs/site.md, “Downloads”): every file stamped, every CSV with the one
 * header convention, every node and entity with its URL, plan.md anchored by the site's IDs.
 */
const plan = loadSitePlan(LICANG);
const document = plan.document;
const stamp = plan.entities.stamp!;
const stampColumns = [stamp.dataVersion, stamp.buildDate, stamp.sourceSha256];

describe('indicators.csv', () => {
  const csv = indicatorsCsv(plan);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  const url = (id: string) => absoluteUrl(`/${LICANG}/indicators/#${id}`);

  it('is UTF-8 with a BOM, the one header convention and one line per value cell', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    // 22 rows × 3 value columns in 表1, 21 × 3 in 表2.
    expect(lines).toHaveLength(1 + 22 * 3 + 21 * 3);
    expect(lines).toContain(
      [
        'T2,表2,T2.18,18,,绿色生态,单位地区生产总值二氧化碳排放降低,%,约束性,年均,growth,,完成市下达任务,,false,false,false,,T2.17,',
        url('T2.18'),
        ...stampColumns,
      ].join(','),
    );
    expect(lines).toContain(
      [
        'T2,表2,T2.2,2,,经济发展,全员劳动生产率,万元/人,预期性,2025年,target,2025,25左右*,25,true,false,true,,,25 左右*',
        url('T2.2'),
        ...stampColumns,
      ].join(','),
    );
  });

  it('quotes fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(7.5)).toBe('7.5');
  });
});

describe('one language for every download', () => {
  it('gives every CSV of every plan the same header convention, closed by the stamp', () => {
    for (const { slug } of corpusEntries()) {
      const other = loadSitePlan(slug);
      const { dataVersion, buildDate, sourceSha256 } = other.entities.stamp!;
      for (const name of ['indicators.csv', 'targets.csv'] as const) {
        const records = parse(downloadBody(other, name), {
          bom: true,
          columns: true,
        }) as Record<string, string>[];
        const header = Object.keys(records[0] ?? {});
        for (const key of header) expect(key, `${slug} ${name}`).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(header.slice(-3), `${slug} ${name}`).toEqual([
          'data_version',
          'build_date',
          'source_sha256',
        ]);
        for (const record of records) {
          expect([record.data_version, record.build_date, record.source_sha256]).toEqual([
            dataVersion,
            buildDate,
            sourceSha256,
          ]);
          // Booleans as the JSON writes them.
          for (const key of ['city_level', 'cumulative', 'approximate', 'due_stated'])
            if (key in record) expect(['true', 'false']).toContain(record[key]);
        }
      }
    }
  });

  it('stamps plan.json and gives every node its URL and citation, the tree otherwise as built', () => {
    const served = JSON.parse(downloadBody(plan, 'plan.json')) as PlanFile & {
      stamp: unknown;
      url: string;
    };
    const built = JSON.parse(
      readFileSync(artifactFile(planArtifact(LICANG, 'plan')), 'utf8'),
    ) as PlanFile;
    expect(Object.keys(served).slice(0, 2)).toEqual(['schema', 'stamp']);
    expect(served.stamp).toEqual(stamp);
    expect(served.url).toBe(absoluteUrl(`/${LICANG}/`));
    let nodes = 0;
    const strip = (node: PlanNode & { url?: string }): PlanNode => {
      nodes++;
      expect(node.url, node.id).toBe(absoluteUrl(plan.urls.get(node.id)!));
      expect(node.citation.length, node.id).toBeGreaterThan(0);
      const rest: Record<string, unknown> = { ...node };
      delete rest.url;
      return { ...rest, children: node.children.map(strip) } as PlanNode;
    };
    expect(strip(served.document)).toEqual(built.document);
    expect(nodes).toBe([...walk(built.document)].length);
    const measure = [...walk(served.document)].find((w) => w.node.id === '7.1.1')!.node;
    expect((measure as PlanNode & { url: string }).url).toBe(absoluteUrl(`/${LICANG}/7/1/#7.1.1`));
  });

  it('gives every entity of entities.json its type label and its URL', () => {
    const served = JSON.parse(downloadBody(plan, 'entities.json')) as EntityIndex;
    expect(served.stamp).toEqual(stamp);
    expect(served.entities.length).toBe(plan.entities.entities.length);
    for (const e of served.entities) {
      expect(e.typeLabel).toBe(TYPE_LABELS[e.type]);
      expect(e.url).toBe(absoluteUrl(`/${LICANG}/entities/${e.id}/`));
    }
  });
});

describe('plan.md', () => {
  const markdown = planMarkdown(plan);
  const tree = unified().use(remarkParse).parse(markdown);
  const text = toString(tree, { includeHtml: false });

  it('closes every bold lead even for a parser without CJK rules', () => {
    expect(boldLead('推进“山水园圈”工程。')).toBe('**推进“山水园圈”工程**。');
    expect(boldLead('——坚持党的全面领导。')).toBe('——**坚持党的全面领导**。');
    expect(text).not.toContain('**');
  });

  it('opens with the plan’s facts, its address and the data stamp', () => {
    const facts = markdown.split('\n\n')[1]!.split('\n');
    expect(facts).toContain(`- 本站网址：${absoluteUrl(`/${LICANG}/`)}`);
    expect(facts.slice(-3)).toEqual([
      `- 数据版本：${stamp.dataVersion}`,
      `- 生成日期：${stamp.buildDate}`,
      `- 原稿 SHA-256：${stamp.sourceSha256}`,
    ]);
  });

  it('holds every paragraph, measure, box item, figure and note in document order', () => {
    let from = 0;
    for (const { node } of walk(document)) {
      let expected: string | undefined;
      if (node.kind === 'measure') expected = node.lead + node.text;
      else if (
        node.kind === 'paragraph' ||
        node.kind === 'boxItem' ||
        node.kind === 'note' ||
        node.kind === 'figure'
      )
        expected = node.text;
      if (!expected) continue;
      const at = text.indexOf(expected, from);
      expect(at, `${node.id} missing or out of order`).toBeGreaterThanOrEqual(0);
      from = at + expected.length;
    }
  });

  it('anchors every node the site anchors, by the same ID, once', () => {
    const ids = [...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    const anchored = new Set(ids);
    for (const { node } of walk(document)) {
      if (node.kind === 'document') continue;
      expect(anchored.has(node.id), node.id).toBe(true);
    }
    expect(markdown).toContain('<a id="7.1.1"></a>**推进“山水园圈”工程**。');
    expect(markdown).toContain('## <a id="7"></a>第七章 推进生态文明建设，实现绿色发展新进步');
  });

  it('has the structure as headings and the tables as tables', () => {
    const headings = tree.children.filter((n) => n.type === 'heading');
    const plain = (h: (typeof headings)[number]) => toString(h, { includeHtml: false });
    expect(headings.filter((h) => h.depth === 2).map(plain)).toContain(
      '第七章 推进生态文明建设，实现绿色发展新进步',
    );
    expect(headings.filter((h) => h.depth === 3)).toHaveLength(38);
    expect(headings.filter((h) => h.depth === 4)).toHaveLength(5);
    // GFM tables (remark-parse alone does not read them, so count the lines).
    const lines = markdown.split('\n');
    expect(lines.filter((l) => l.startsWith('| 类别 | 序号 | 指标 |'))).toHaveLength(2);
    expect(lines.filter((l) => /^\| \S+ \| \d+ \| /.test(l))).toHaveLength(22 + 21);
    expect(lines).toContain(
      '| 绿色生态 | 18 | <a id="T2.18"></a>单位地区生产总值二氧化碳排放降低（%） | — | — | 完成市下达任务 | 约束性 |',
    );
  });
});

describe('dist/<slug>/data after the build', () => {
  it('serves plan.json, the CSV and the Markdown as the endpoints make them', () => {
    expect(readFileSync(`dist/${LICANG}/data/plan.json`, 'utf8')).toBe(
      downloadBody(plan, 'plan.json'),
    );
    const csv = readFileSync(`dist/${LICANG}/data/indicators.csv`);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toBe(indicatorsCsv(plan));
    expect(readFileSync(`dist/${LICANG}/data/plan.md`, 'utf8')).toBe(planMarkdown(plan));
  });

  it('serves every plan’s six files, and the Licang files at their old paths too', () => {
    for (const { slug } of corpusEntries()) {
      const other = loadSitePlan(slug);
      for (const name of DATA_FILES)
        expect(readFileSync(`dist/${slug}/data/${name}`, 'utf8'), `${slug} ${name}`).toBe(
          downloadBody(other, name),
        );
    }
    for (const name of DATA_FILES)
      expect(readFileSync(`dist/data/${name}`), name).toEqual(
        readFileSync(`dist/${LICANG}/data/${name}`),
      );
  });
});

describe('/<slug>/downloads/ lists what is served', () => {
  it('lists the six files with their URLs under the plan', () => {
    expect(downloadsOf(plan).map((d) => d.href)).toEqual(
      DATA_FILES.map((name) => `/${LICANG}/data/${name}`),
    );
    for (const name of ['entities.json', 'targets.json', 'targets.csv'] as const)
      expect(downloadBody(plan, name).length, name).toBeGreaterThan(1000);
  });
});
