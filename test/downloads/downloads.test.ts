import { readFileSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/model/csv.ts';
import { CSV_HEADER, indicatorsCsv } from '../../src/site/indicators-csv.ts';
import { downloadBody } from '../../src/site/downloads.ts';
import { boldLead, planMarkdown } from '../../src/site/markdown.ts';
import { downloadsOf } from '../../src/site/pages.ts';
import { artifactFile } from '../../src/site/load-artifacts.ts';
import { corpusEntries, loadSitePlan } from '../../src/site/site-plan.ts';
import { walk } from '../../src/model/tree.ts';
import { planArtifact } from '../../src/model/artifacts.ts';
import { DATA_FILES } from '../../src/model/urls.ts';
import { LICANG } from '../support/real-plan.ts';

/**
 * Each plan's files under /<slug>/data/: what the endpoints generate, and what dist/ holds after
 * a build; the Licang plan's also at /data/, where the site served them before the corpus.
 */
const plan = loadSitePlan(LICANG);
const document = plan.document;

describe('indicators.csv', () => {
  const csv = indicatorsCsv(plan);
  const lines = csv.slice(1).trimEnd().split('\r\n');

  it('is UTF-8 with a BOM, a Chinese header and one line per value cell', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    // 22 rows × 3 value columns in 表1, 21 × 3 in 表2.
    expect(lines).toHaveLength(1 + 22 * 3 + 21 * 3);
    expect(lines).toContain(
      '表2,T2.18,18,绿色生态,单位地区生产总值二氧化碳排放降低,%,约束性,年均,完成市下达任务,,,,,,T2.17,',
    );
    expect(lines).toContain(
      '表2,T2.2,2,经济发展,全员劳动生产率,万元/人,预期性,2025年,25左右*,25,是,,是,,,25 左右*',
    );
  });

  it('quotes fields that need it', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(7.5)).toBe('7.5');
  });
});

describe('plan.md', () => {
  const markdown = planMarkdown(plan);
  const tree = unified().use(remarkParse).parse(markdown);
  const text = toString(tree);

  it('closes every bold lead even for a parser without CJK rules', () => {
    expect(boldLead('推进“山水园圈”工程。')).toBe('**推进“山水园圈”工程**。');
    expect(boldLead('——坚持党的全面领导。')).toBe('——**坚持党的全面领导**。');
    expect(text).not.toContain('**');
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

  it('has the structure as headings and the tables as tables', () => {
    const headings = tree.children.filter((n) => n.type === 'heading');
    expect(headings.filter((h) => h.depth === 2).map((h) => toString(h))).toContain(
      '第七章 推进生态文明建设，实现绿色发展新进步',
    );
    expect(headings.filter((h) => h.depth === 3)).toHaveLength(38);
    expect(headings.filter((h) => h.depth === 4)).toHaveLength(5);
    // GFM tables (remark-parse alone does not read them, so count the lines).
    const lines = markdown.split('\n');
    expect(lines.filter((l) => l.startsWith('| 类别 | 序号 | 指标 |'))).toHaveLength(2);
    expect(lines.filter((l) => /^\| \S+ \| \d+ \| /.test(l))).toHaveLength(22 + 21);
    expect(lines).toContain(
      '| 绿色生态 | 18 | 单位地区生产总值二氧化碳排放降低（%） | — | — | 完成市下达任务 | 约束性 |',
    );
  });
});

describe('dist/<slug>/data after the build', () => {
  it('serves plan.json byte for byte, and the CSV and Markdown as generated', () => {
    expect(readFileSync(`dist/${LICANG}/data/plan.json`)).toEqual(
      readFileSync(artifactFile(planArtifact(LICANG, 'plan'))),
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
