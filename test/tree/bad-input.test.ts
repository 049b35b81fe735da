import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanError } from '../../scripts/pipeline/errors.ts';
import { buildPlan } from '../../scripts/build.ts';
import { LICANG, realInputs, SOURCE } from '../support/real-plan.ts';

const original = readFileSync(SOURCE, 'utf8');
const lines = original.split('\n');
const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
const replaceLine = (n: number, text: string) =>
  lines.map((l, i) => (i === n - 1 ? text : l)).join('\n');

const work = mkdtempSync(join(tmpdir(), 'plan-kb-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Case {
  name: string;
  bytes: Buffer;
  line: number;
  rule: string;
  reason: RegExp;
}

const sectionLine = lineOf('### 第三节 创新要素枢纽区');
const chapterLine = lineOf('## 第五章 强化科技创新支撑');
const rowLine = lineOf('服务业增加值占生产总值比重\t%');
const boldLine = lineOf('**综合实力迈上新台阶。**');
const tocSectionLine = lineOf('第三节 创新要素枢纽区.....');

const cases: Case[] = [
  {
    name: 'a section missing against the 目录',
    bytes: Buffer.from(replaceLine(sectionLine, '')),
    line: tocSectionLine,
    rule: 'toc-section-missing',
    reason: /目录 lists 第三章第三节 创新要素枢纽区, but the body has no such section/,
  },
  {
    name: 'a duplicated chapter number',
    bytes: Buffer.from(replaceLine(chapterLine, '## 第四章 强化科技创新支撑，全面汇聚发展新动能')),
    line: chapterLine,
    rule: 'chapter-number',
    reason: /numbered 第四章, expected 第五章/,
  },
  {
    name: 'a table row with a missing cell',
    bytes: Buffer.from(replaceLine(rowLine, lines[rowLine - 1]!.replace('\t%\t', '\t'))),
    line: rowLine,
    rule: 'table-row-cells',
    reason: /表1 row has 7 cells, expected 8/,
  },
  {
    name: 'an unterminated bold lead',
    bytes: Buffer.from(
      replaceLine(boldLine, lines[boldLine - 1]!.replace('新台阶。**', '新台阶。')),
    ),
    line: boldLine,
    rule: 'bold-lead-unterminated',
    reason: /never closes; expected \*\*标题。\*\*/,
  },
  {
    name: 'an empty file',
    bytes: Buffer.from(''),
    line: 1,
    rule: 'empty',
    reason: /the file is empty/,
  },
  {
    name: 'bytes that are not UTF-8',
    bytes: Buffer.concat([
      Buffer.from(lines.slice(0, 199).join('\n') + '\n'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(lines.slice(199).join('\n')),
    ]),
    line: 200,
    rule: 'encoding',
    reason:
      /bytes 0xff 0xfe at byte 1 of the line .* are not valid UTF-8: a byte that never occurs/,
  },
];

describe('bad input', () => {
  it('the unchanged source builds (so each failure below is caused by its one change)', () => {
    expect(() => buildPlan(Buffer.from(original), SOURCE, realInputs().meta)).not.toThrow();
  });

  for (const c of cases) {
    it(`${c.name}: names the line and what was expected`, () => {
      let error: unknown;
      try {
        buildPlan(c.bytes, 'broken.md', realInputs().meta);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PlanError);
      const issue = (error as PlanError).issues.find((i) => i.rule === c.rule);
      expect(issue, (error as Error).message).toBeDefined();
      expect(issue).toMatchObject({ file: 'broken.md', line: c.line });
      expect(issue!.reason).toMatch(c.reason);
      expect((error as Error).message).toContain(`broken.md:${c.line}: ${c.rule}: `);
    });
  }

  it('the build script prints the problems, exits 1 and writes nothing, leaving earlier output alone', () => {
    const metaText = readFileSync(`content/plans/${LICANG}/plan.yaml`, 'utf8');
    for (const [index, c] of cases.entries()) {
      // A corpus of one plan folder holding the broken text, its metadata naming the new text's hash.
      const plans = join(work, `plans-${index}`);
      const folder = join(plans, LICANG);
      mkdirSync(folder, { recursive: true });
      const file = join(folder, 'source.md');
      writeFileSync(file, c.bytes);
      const sha256 = createHash('sha256').update(c.bytes).digest('hex');
      writeFileSync(
        join(folder, 'plan.yaml'),
        metaText
          .replace(/^sha256: .*$/m, `sha256: ${sha256}`)
          .replace(/^(entities|searchTerms):.*$/gm, ''),
      );
      const fresh = join(work, `out-${index}`);
      const earlier = join(work, `earlier-${index}`);
      mkdirSync(earlier);
      writeFileSync(join(earlier, 'plan.json'), 'earlier');
      for (const out of [fresh, earlier]) {
        let status = 0;
        let stderr = '';
        try {
          execFileSync(
            process.execPath,
            ['--import', 'tsx', 'scripts/build.ts', '--plans', plans, '--out', out],
            { stdio: 'pipe' },
          );
        } catch (e) {
          const err = e as { status: number; stderr: Buffer };
          status = err.status;
          stderr = err.stderr.toString();
        }
        expect(status, c.name).toBe(1);
        expect(stderr).toContain(`${file}:${c.line}: ${c.rule}: `);
        expect(stderr).toContain('nothing was written');
      }
      expect(existsSync(fresh)).toBe(false);
      expect(readFileSync(join(earlier, 'plan.json'), 'utf8')).toBe('earlier');
    }
  }, 120_000);
});
