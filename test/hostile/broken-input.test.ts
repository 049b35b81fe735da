import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPlanFolder } from '../../scripts/build.ts';
import { invalidUtf8 } from '../../scripts/pipeline/read.ts';
import type { SourceForm } from '../../src/model/plan-meta.ts';
import { walk } from '../../src/model/tree.ts';
import type { MeasureNode } from '../../src/model/types.ts';
import { deriveForms } from '../fixtures/plans/derive.ts';
import { outline } from '../support/outline.ts';
import { buildText, planAround, TEXT_TITLE } from '../support/plan-text.ts';
import { FORMS } from './inputs.ts';

/**
 * Broken input, one fault at a time and several at once: each ends in
 * `file:line: rule: reason` at the fault's own line, naming what was
 * expected, or in a build that records what it changed. Nothing changes
 * silently, in any source form.
 */
const work = mkdtempSync(join(tmpdir(), 'plan-kb-broken-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FIXTURE = 'test/fixtures/plans/no-toc-plain';
const master = readFileSync(`${FIXTURE}/source.txt`, 'utf8');
const inForm = (form: SourceForm, text = master) =>
  form === 'plain-text' ? text : deriveForms(text)[form];

describe('bytes that are not UTF-8', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it.each([
    [
      'an overlong /',
      [0xc0, 0xaf],
      /bytes 0xc0 0xaf .* a lead byte that can only start an overlong encoding/,
    ],
    ['a surrogate', [0xed, 0xa0, 0x80], /bytes 0xed 0xa0 0x80 .* a UTF-16 surrogate/],
    ['an overlong 3-byte form', [0xe0, 0x80, 0xaf], /bytes 0xe0 0x80 0xaf .* an overlong encoding/],
    ['a byte that never occurs', [0xfe], /byte 0xfe .* a byte that never occurs in UTF-8/],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], /a code point beyond U\+10FFFF/],
    ['a stray continuation byte', [0x80], /a continuation byte with no lead byte/],
    ['a sequence cut short', [0xe4, 0xb8], /a lead byte without the continuation bytes it needs/],
  ])('%s is reported at its own line, with its bytes and why', (_name, bad, reason) => {
    const text = bytes(`${TEXT_TITLE}\n\n第一章  总则\n\n发展`, bad, '经济。\n\n第二章  附则\n');
    const { issues, crash } = buildText(text, 'plain-text', 'bad.txt');
    expect(crash).toBeNull();
    const issue = issues.find((i) => i.rule === 'encoding');
    expect(issue, JSON.stringify(issues)).toMatchObject({ file: 'bad.txt', line: 5 });
    expect(issue!.reason).toMatch(reason);
    expect(issue!.reason).toMatch(/at byte 7 of the line/);
  });

  it('follows the decoder: what TextDecoder refuses is exactly what is reported', () => {
    const samples = [
      [0x41, 0xc2, 0x80, 0x42],
      [0xe0, 0xa0, 0x80],
      [0xf0, 0x90, 0x80, 0x80],
      [0xed, 0x9f, 0xbf],
      [0xf4, 0x8f, 0xbf, 0xbf],
      [0xc1, 0xbf],
      [0xf0, 0x8f, 0xbf, 0xbf],
      [0xf5, 0x80],
      [0xe2, 0x28, 0xa1],
    ];
    for (const s of samples) {
      const valid = (() => {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(s));
          return true;
        } catch {
          return false;
        }
      })();
      expect(invalidUtf8(Uint8Array.from(s)).length === 0, s.join(' ')).toBe(valid);
    }
  });

  it('counts lines ended by CR LF, LF or a lone CR, as the reader splits them', () => {
    const text = bytes(`${TEXT_TITLE}\r\n\r第一章  总则\r\r发展`, [0xff], '经济。\r');
    const issue = buildText(text, 'plain-text').issues.find((i) => i.rule === 'encoding');
    expect(issue?.line).toBe(5);
  });
});

describe('one run names every fault', () => {
  it('a text with three different faults reports all three, each at its line', () => {
    const lines = master.split('\n');
    const at = (needle: string) => lines.findIndex((l) => l.startsWith(needle));
    // 1. bytes that are not UTF-8; 2. a chapter number that skips; 3. an HTML tag.
    lines[at('“十五五”时期是北塘')] += '\u0000';
    const chapter = at('第四章');
    lines[chapter] = lines[chapter]!.replace('第四章', '第六章');
    const html = at('推动生产性服务业');
    lines[html] = `<img src=x onerror=alert(1)>${lines[html]}`;
    const text = Buffer.concat([
      Buffer.from(lines.slice(0, 9).join('\n') + '\n'),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from(lines.slice(9).join('\n')),
    ]);
    const { issues, crash } = buildText(
      text,
      'plain-text',
      'three.txt',
      '北塘市国民经济和社会发展第十五个五年规划纲要',
    );
    expect(crash).toBeNull();
    const found = issues.map((i) => `${i.line}: ${i.rule}`);
    expect(found).toContain('10: encoding');
    expect(found).toContain(`${chapter + 1}: chapter-number`);
    expect(found).toContain(`${html + 1}: html-unexpected`);
  });
});

describe('line endings', () => {
  it.each(FORMS)('%s: a text with CR-only line endings builds as with LF', (form) => {
    const lf = inForm(form);
    const title = '北塘市国民经济和社会发展第十五个五年规划纲要';
    const a = buildText(lf, form, 'lf.txt', title);
    const b = buildText(lf.replace(/\n/g, '\r'), form, 'cr.txt', title);
    const c = buildText(lf.replace(/\n/g, '\r\n'), form, 'crlf.txt', title);
    expect(a.issues).toEqual([]);
    expect(outline(b.plan!.document)).toBe(outline(a.plan!.document));
    expect(outline(c.plan!.document)).toBe(outline(a.plan!.document));
  });
});

describe('nothing changes silently', () => {
  it.each(FORMS)(
    '%s: NUL, control and invisible characters are dropped and recorded, line by line',
    (form) => {
      const title = '北塘市国民经济和社会发展第十五个五年规划纲要';
      const clean = inForm(form);
      const lines = clean.split('\n');
      const target = lines.findIndex((l) => l.includes('全市经济总量跨越两个千亿元台阶'));
      lines[target] = lines[target]!.replace('全市', '全\u0000市')
        .replace('经济', '经\u200b济')
        .replace('总量', '总\u00ad量')
        .replace('跨越', '跨\u202e越')
        .replace('台阶', '台\u0007阶');
      const { plan, issues } = buildText(lines.join('\n'), form, 'dirty.txt', title);
      expect(issues).toEqual([]);
      const repairs = plan!.document.repairs.filter((r) => r.kind === 'invisible-character');
      expect(repairs).toEqual([
        {
          kind: 'invisible-character',
          line: target + 1,
          before: 'U+0000 U+200B U+00AD U+202E U+0007',
          after: '',
        },
      ]);
      // The text is the clean text's, character for character.
      const cleanPlan = buildText(clean, form, 'clean.txt', title).plan!;
      expect(JSON.stringify(plan!.document.children)).toBe(
        JSON.stringify(cleanPlan.document.children).replaceAll('clean.txt', 'dirty.txt'),
      );
    },
  );

  it.each(['markdown-from-pdf', 'markdown-from-html'] as const)(
    '%s: a bold-led measure right under a ◆ item, with no blank line, is a measure of its own',
    (form) => {
      const body = [
        form === 'markdown-from-pdf' ? '## 第一章 总则' : '**第一章  总则**',
        '',
        '**推进创新发展。**实施创新驱动发展战略。',
        '',
        '专栏1 重点项目',
        '',
        '◆ 创新平台项目：建设创新中心。',
        '**完善要素保障。**加强用地用能保障。',
      ].join('\n');
      const { plan, issues } = buildText(planAround(body), form, 'box.md');
      expect(issues).toEqual([]);
      const measures = [...walk(plan!.document)]
        .map(({ node }) => node)
        .filter((n): n is MeasureNode => n.kind === 'measure');
      expect(measures.map((m) => [m.id, m.title])).toEqual([
        ['1.1', '推进创新发展'],
        ['1.2', '完善要素保障'],
      ]);
      const item = [...walk(plan!.document)].find(({ node }) => node.id === 'B1.1')!.node;
      expect(item.source).toEqual({ start: 9, end: 9 });
    },
  );
});

describe('input paths that are missing or folders', () => {
  const meta = readFileSync(`${FIXTURE}/plan.yaml`, 'utf8');
  const plan = (slug: string, files: Record<string, string | 'folder'>) => {
    const folder = join(work, 'plans', slug);
    mkdirSync(folder, { recursive: true });
    for (const [name, content] of Object.entries(files))
      if (content === 'folder') mkdirSync(join(folder, name), { recursive: true });
      else writeFileSync(join(folder, name), content);
    return readPlanFolder(slug, join(work, 'plans'));
  };

  it.each([
    [
      'no plan.yaml',
      {},
      'metadata-missing',
      /plan\.yaml does not exist; expected the plan's metadata file/,
    ],
    [
      'plan.yaml is a folder',
      { 'plan.yaml': 'folder' },
      'metadata-missing',
      /plan\.yaml is a folder; expected/,
    ],
    [
      'the source it names is missing',
      { 'plan.yaml': meta },
      'metadata-source',
      /source\.txt does not exist; expected the plan's text, named by field "source"/,
    ],
    [
      'the source it names is a folder',
      { 'plan.yaml': meta, 'source.txt': 'folder' },
      'metadata-source',
      /source\.txt is a folder; expected the plan's text/,
    ],
    [
      'a curated list it names is missing',
      { 'plan.yaml': `${meta}entities: entities.json\n`, 'source.txt': master },
      'metadata-file',
      /entities\.json does not exist; expected the file named by field "entities"/,
    ],
  ] as const)(
    '%s: one issue naming the path and what was expected',
    (name, files, rule, reason) => {
      const slug = name.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
      const { issues } = plan(slug, files as Record<string, string | 'folder'>);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.rule).toBe(rule);
      expect(issues[0]!.reason).toMatch(reason);
      expect(issues[0]!.file).toBe(join(work, 'plans', slug, 'plan.yaml'));
    },
  );
});
