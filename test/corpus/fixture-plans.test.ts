import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildPlan,
  buildPlanData,
  readCorpusSources,
  readPlanInputs,
  type PlanInputs,
} from '../../scripts/build.ts';
import { PlanError, type PlanIssue } from '../../scripts/pipeline/errors.ts';
import { indexById, walk } from '../../src/model/tree.ts';
import type {
  CorpusFile,
  HeadingNode,
  MeasureNode,
  PlanFile,
  PlanNode,
  TableNode,
} from '../../src/model/types.ts';
import { fidelity } from '../support/fidelity.ts';
import { outline } from '../support/outline.ts';

/**
 * Plans the pipeline was not written for (test/fixtures/plans/README.md):
 * six shapes real plans take, each in the source forms it comes in, built
 * through the build's own functions from a plans folder (readPlanInputs,
 * buildPlan, buildPlanData). Each fixture has a reviewed outline beside it;
 * every form of a case must give the same IDs; every Han character of the
 * body must land in the tree; and broken variants of each case must fail
 * with the rule, the line and what was expected.
 */
const DIR = 'test/fixtures/plans';
const FIXTURES = readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const caseOf = (name: string) => name.replace(/-(plain|html|pdfmd|pdf)$/, '');
const CASES = [...new Set(FIXTURES.map(caseOf))];

const inputs = new Map<string, PlanInputs>();
const built = new Map<string, PlanFile>();
function fixture(name: string): { inputs: PlanInputs; plan: PlanFile } {
  if (!inputs.has(name)) inputs.set(name, readPlanInputs(name, DIR));
  const i = inputs.get(name)!;
  if (!built.has(name)) built.set(name, buildPlan(i.bytes, i.file, i.meta));
  return { inputs: i, plan: built.get(name)! };
}

/** The outline with what a form may print differently left out: how a measure is marked, and a row's title. */
const shape = (plan: PlanFile) =>
  outline(plan.document)
    .replace(/ measure:\w+ /g, ' measure ')
    .replace(/^(\s*\S+ row) .*$/gm, '$1');

describe.each(FIXTURES)('the fixture plan %s', (name) => {
  it('builds with no problem, matches its reviewed outline and gives every node a unique ID', async () => {
    const { plan } = fixture(name);
    await expect(outline(plan.document)).toMatchFileSnapshot(
      `../fixtures/plans/${name}/outline.txt`,
    );
    const ids = [...walk(plan.document)].map(({ node }) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every Han character of the body exactly once, in order', () => {
    const { inputs, plan } = fixture(name);
    const result = fidelity(inputs.bytes, plan.document);
    if (result.difference) expect.fail(result.difference);
    expect(result.expected.length).toBeGreaterThan(300);
    for (const { node } of walk(plan.document)) {
      expect(node.source.start, node.id).toBeGreaterThan(0);
      expect(node.source.end, node.id).toBeLessThanOrEqual(result.lineCount);
    }
  });

  it('gives the same IDs, levels and titles as the plain-text form of its case', () => {
    const reference = `${caseOf(name)}-plain`;
    expect(shape(fixture(name).plan)).toBe(shape(fixture(reference).plan));
  });
});

describe('what each case proves (independently of the outlines)', () => {
  const nodes = (name: string) => indexById(fixture(name).plan.document);
  const kinds = (name: string, kind: PlanNode['kind']) =>
    [...walk(fixture(name).plan.document)]
      .filter(({ node }) => node.kind === kind)
      .map(({ node }) => node.id);

  it('chapters numbered afresh in every 篇 carry their 篇: P2.1, P2.1.1', () => {
    for (const form of ['plain', 'html', 'pdfmd', 'pdf']) {
      const name = `chapters-restart-${form}`;
      expect(kinds(name, 'part')).toEqual(['P1', 'P2', 'P3']);
      expect(kinds(name, 'chapter')).toEqual(['P1.1', 'P1.2', 'P2.1', 'P2.2', 'P3.1', 'P3.2']);
      expect(kinds(name, 'section')).toEqual([
        'P1.2.1',
        'P1.2.2',
        'P2.1.1',
        'P2.1.2',
        'P3.1.1',
        'P3.1.2',
      ]);
      const chapter = nodes(name).get('P2.1') as HeadingNode;
      expect(chapter.citation).toContain('第二篇第一章“做强先进制造业”');
      // The 篇 title printed over two lines is one heading, in every form.
      expect((nodes(name).get('P2') as HeadingNode).title).toBe(
        '坚持创新驱动，加快构建现代化产业体系',
      );
      // So is a chapter title the PDF wrapped mid-phrase (the 目录 lists it whole).
      expect(nodes(name).get('P3.2')!.title).toBe('推动高水平对外开放建设更高能级国际合作交流平台');
    }
  });

  it('chapters numbered through the plan keep Licang-style IDs under their 篇: 3, 3.1', () => {
    for (const form of ['plain', 'html', 'pdfmd', 'pdf']) {
      const name = `no-toc-${form}`;
      expect(kinds(name, 'chapter')).toEqual(['1', '2', '3', '4', '5']);
      expect(kinds(name, 'section')).toEqual(['2.1', '2.2', '3.1', '3.2', '5.1', '5.2']);
      expect(fixture(name).plan.document.toc).toEqual([]);
      // A chapter title the PDF wrapped mid-phrase is one heading even with no 目录 to say so.
      expect(nodes(name).get('4')!.title).toBe(
        '加快推进数字产业化和产业数字化建设数字经济创新发展高地',
      );
    }
  });

  it('a plan without 章 or 节 takes its levels from its numbering: 一、 > 1. > 1.1', () => {
    for (const form of ['plain', 'html', 'pdfmd', 'pdf']) {
      const name = `numbered-levels-${form}`;
      const byId = nodes(name);
      expect(kinds(name, 'chapter')).toEqual(['1', '2', '3', '4']);
      expect((byId.get('3') as HeadingNode).numbering).toBe('一、');
      expect((byId.get('3.2') as HeadingNode).numbering).toBe('1.');
      expect((byId.get('3.2.1') as HeadingNode).numbering).toBe('1.1');
      expect(byId.get('3.2.1')!.kind).toBe('subpart');
      expect((byId.get('3.2.1.1') as MeasureNode).label).toBe('（1）');
    }
  });

  it('a 表 printed as an image is a table with no rows, and its image where the form has one', () => {
    for (const form of ['plain', 'html', 'pdfmd', 'pdf']) {
      const byId = nodes(`tables-as-images-${form}`);
      for (const id of ['T1', 'T2']) {
        const table = byId.get(id) as TableNode;
        expect(table.kind).toBe('table');
        expect(table.children.filter((c) => c.kind !== 'note')).toEqual([]);
        expect(Boolean(table.image)).toBe(form === 'html' || form === 'pdfmd');
      }
      expect(byId.get('T2.note')!.kind).toBe('note');
    }
    expect((nodes('tables-as-images-html').get('T1') as TableNode).image).toEqual({
      src: 'media/image1.png',
      alt: '',
    });
  });

  it('一、 below a 节 is a sub-part whose measures are numbered within it', () => {
    for (const form of ['plain', 'html', 'pdfmd', 'pdf']) {
      const byId = nodes(`subparts-under-sections-${form}`);
      expect(byId.get('2.1.1')!.kind).toBe('subpart');
      expect(byId.get('2.1.1.2')!.title).toBe('打造智能制造标杆');
      expect(byId.get('2.2.1')!.citation).toContain('第二章第二节（一）“新能源”');
    }
  });

  it('a 目录 of 一、 entries, （一） sections, numbered items, three kinds of 专栏, 表 with 注, a glossary and an appendix', () => {
    for (const form of ['plain', 'html', 'pdfmd', 'pdf']) {
      const name = `ordinal-sections-${form}`;
      const byId = nodes(name);
      expect(kinds(name, 'chapter')).toEqual(['1', '2', '3', '4']);
      expect((byId.get('3.2') as HeadingNode).numbering).toBe('（一）');
      expect((byId.get('2.2.1') as MeasureNode).label).toBe('1.');
      expect((byId.get('3.2.1') as MeasureNode).label).toBe('（1）');
      expect(byId.get('T1.note')!.kind).toBe('note');
      expect(byId.get('B1.1')!.kind).toBe('boxItem');
      expect(byId.get('B2.2')!.kind).toBe('boxItem');
      expect(byId.get('B3.table')!.kind).toBe('table');
      expect(kinds(name, 'term')).toEqual(['G1', 'G2', 'G3']);
      // The glued reference numbers are taken out of the text and point to the terms.
      const refs = [...walk(fixture(name).plan.document)].flatMap(({ node }) =>
        'refs' in node && node.refs ? node.refs.map((r) => r.term) : [],
      );
      expect(refs).toEqual(['G1', 'G2', 'G3']);
      expect(byId.get('A1')!.kind).toBe('appendix');
      expect(byId.get('AT1')!.kind).toBe('table');
    }
  });
});

describe('every stage after the tree runs on a plan it was not written for', () => {
  it.each(CASES)('%s: targets, entities and the search index', (name) => {
    const { inputs, plan } = fixture(`${name}-plain`);
    const data = buildPlanData(inputs, readCorpusSources(), plan);
    expect(Object.keys(data.files).sort()).toEqual(
      ['entities', 'plan', 'searchIndex', 'searchTerms', 'targets', 'targetsCsv'].sort(),
    );
    expect(JSON.parse(data.files.plan).document.children.length).toBeGreaterThan(1);
  });
});

/** A fixture's text with one line changed (or removed, when `to` is null): the text and the line's number. */
function broken(name: string, from: string, to: string | null): { bytes: Buffer; line: number } {
  const text = Buffer.from(fixture(name).inputs.bytes).toString('utf8');
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l === from);
  if (at === -1 || lines.indexOf(from, at + 1) !== -1)
    throw new Error(`${name}: "${from}" is not one line of the text`);
  if (to === null) lines.splice(at, 1);
  else lines[at] = to;
  return { bytes: Buffer.from(lines.join('\n')), line: at + 1 };
}

function problems(name: string, bytes: Buffer): PlanIssue[] {
  const { inputs } = fixture(name);
  try {
    buildPlan(bytes, inputs.file, inputs.meta);
  } catch (error) {
    if (error instanceof PlanError) return error.issues;
    throw error;
  }
  return [];
}

interface Broken {
  name: string;
  what: string;
  from: string;
  to: string | null;
  rule: string;
  /** Where the problem is reported: the changed line, or another line of the text. */
  line?: (changed: number, text: string[]) => number;
  reason: RegExp;
}

const lineOf = (needle: string) => (_changed: number, text: string[]) =>
  text.findIndex((l) => l.includes(needle)) + 1;

const BROKEN: Broken[] = [
  {
    name: 'no-toc-plain',
    what: 'a gap in the chapter numbers',
    from: '第四章  加快推进数字产业化和产业数字化建设数字经济创新发展高地',
    to: '第五章  加快推进数字产业化和产业数字化建设数字经济创新发展高地',
    rule: 'chapter-number',
    reason: /is numbered 第五章, expected 第四章/,
  },
  {
    name: 'no-toc-plain',
    what: 'a chapter number given twice',
    from: '第四章  加快推进数字产业化和产业数字化建设数字经济创新发展高地',
    to: '第三章  加快推进数字产业化和产业数字化建设数字经济创新发展高地',
    rule: 'chapter-number',
    reason: /is numbered 第三章, expected 第四章/,
  },
  {
    name: 'no-toc-plain',
    what: 'a section numbered twice',
    from: '第二节  推进健康北塘建设',
    to: '第一节  推进健康北塘建设',
    rule: 'section-number',
    reason: /is numbered 第一节 in 第五章, expected 第二节/,
  },
  {
    name: 'no-toc-plain',
    what: 'a level skipped: the 章 heading lost, its 节 directly in the 篇',
    from: '第五章  提高公共服务水平',
    to: null,
    rule: 'level-skipped',
    line: lineOf('第一节  建设高质量教育体系'),
    reason:
      /第一节建设高质量教育体系… is a section with no chapter in 第三篇; expected a 第X章 heading above it/,
  },
  {
    name: 'no-toc-pdf',
    what: 'a gap in the chapter numbers, in PDF text',
    from: '第四章 加快推进数字产业化和产业数字化建设数字经济创',
    to: '第六章 加快推进数字产业化和产业数字化建设数字经济创',
    rule: 'chapter-number',
    reason: /is numbered 第六章, expected 第四章/,
  },
  {
    name: 'chapters-restart-plain',
    what: 'a gap in the chapters of one 篇',
    from: '第二章  推动服务业提质扩容',
    to: '第三章  推动服务业提质扩容',
    rule: 'chapter-number',
    reason: /is numbered 第三章, expected 第二章/,
  },
  {
    name: 'chapters-restart-html',
    what: 'a 目录 title that differs from its heading',
    from: '第二节  培育壮大新兴产业',
    to: '第二节  培育发展未来产业',
    rule: 'toc-title',
    reason:
      /第二篇第一章第二节 is titled "培育发展未来产业" in the body but "培育壮大新兴产业" in the 目录/,
  },
  {
    name: 'chapters-restart-plain',
    what: 'a section the 目录 lists and the body lacks',
    from: '第二节  建设高效便捷的政务环境',
    to: null,
    rule: 'toc-section-missing',
    line: lineOf('第二节  建设高效便捷的政务环境    12'),
    reason:
      /目录 lists 第三篇第一章第二节 建设高效便捷的政务环境, but the body has no such section/,
  },
  {
    name: 'numbered-levels-plain',
    what: 'a level skipped: 1.1 with no 1. above it',
    from: '1. 夯实数字基础设施',
    to: null,
    rule: 'level-skipped',
    line: lineOf('1.1 建设高速泛在网络'),
    reason:
      /1\.1建设高速泛在网络… is numbered under 1\., but sits directly in 三、; expected it inside the heading 1\./,
  },
  {
    name: 'numbered-levels-pdfmd',
    what: 'a 1. section numbered twice, in Markdown from PDF',
    from: '**2. 做强数字产业**',
    to: '**1. 做强数字产业**',
    rule: 'section-number',
    reason: /is numbered 1\. in 三、, expected 2\./,
  },
  {
    name: 'ordinal-sections-pdf',
    what: 'a 目录 entry the body lacks, in PDF text',
    from: '四、保障措施',
    to: '四、保障制度',
    rule: 'toc-title',
    reason: /四、 is titled "保障制度" in the body but "保障措施" in the 目录/,
  },
  {
    name: 'ordinal-sections-plain',
    what: 'a numbered item given the next item’s number',
    from: '2. 生态环境持续优化。森林覆盖率稳定在63%以上，县域地表水国省考断面水质优良比例保持100%。',
    to: '3. 生态环境持续优化。森林覆盖率稳定在63%以上，县域地表水国省考断面水质优良比例保持100%。',
    rule: 'item-number',
    reason: /3\. 生态环境持续优化。.*… is numbered 3\., expected 2\./,
  },
  {
    name: 'subparts-under-sections-pdfmd',
    what: 'a level skipped: 一、 beside the 节 of its chapter',
    from: '### 第一节 改造提升传统产业',
    to: null,
    rule: 'level-skipped',
    line: lineOf('#### 一、装备制造'),
    reason:
      /一、装备制造… sits beside 第二节培育壮大新兴产业… in 第二章, a level above it; expected it inside a 节 heading/,
  },
];

describe('broken variants fail with the rule, the line and what was expected', () => {
  it.each(BROKEN.map((b) => [`${b.name}: ${b.what}`, b] as const))('%s', (_title, b) => {
    const { bytes, line: changed } = broken(b.name, b.from, b.to);
    const text = bytes.toString('utf8').split('\n');
    const issues = problems(b.name, bytes);
    const line = b.line ? b.line(changed, text) : changed;
    const found = issues.find((i) => i.rule === b.rule && i.line === line);
    expect(
      found,
      `expected ${b.rule} at line ${line}; got:\n${issues.map((i) => `${i.line}: ${i.rule}: ${i.reason}`).join('\n')}`,
    ).toBeDefined();
    expect(found!.reason).toMatch(b.reason);
    expect(found!.file).toBe(fixture(b.name).inputs.file);
  });
});

describe('the build command on a corpus of only such plans', () => {
  it('builds them with no other plan beside them (the shared topic map and metric list included)', () => {
    // One case in each of its forms, copied as a user adds plans: folders and nothing else.
    const work = mkdtempSync(join(tmpdir(), 'plan-kb-unseen-'));
    try {
      const names = FIXTURES.filter((name) => caseOf(name) === 'ordinal-sections');
      expect(names.length).toBeGreaterThanOrEqual(3);
      for (const name of names)
        cpSync(join(DIR, name), join(work, 'plans', name), { recursive: true });
      const out = join(work, 'out');
      const stdout = execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/build.ts', '--plans', join(work, 'plans'), '--out', out],
        { stdio: 'pipe', encoding: 'utf8' },
      );
      expect(stdout).toContain(`Wrote ${out}/: ${names.length} plan(s)`);
      const corpus = JSON.parse(readFileSync(join(out, 'corpus.json'), 'utf8')) as CorpusFile;
      expect(corpus.plans.map((p) => p.slug).sort()).toEqual([...names].sort());
      // The topic map's targets these plans do not use are said, and left out of their index.
      expect(stdout).toMatch(/Topic map: \d+ target\(s\) occur in no plan of this corpus/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
