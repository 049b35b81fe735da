import { readdirSync, readFileSync } from 'node:fs';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../scripts/pipeline/errors.ts';
import {
  type CellForm,
  parseItemTable,
  parseTable,
  type TableInput,
  tableKind,
} from '../../scripts/pipeline/tables.ts';
import type { Repair } from '../../src/model/types.ts';

/**
 * One small table per quirk, in remark's habit: test/fixtures/tables/<case>/input.txt
 * holds the table's lines, output.json what the tables stage makes of them.
 *
 * input.txt: the first line is `<form> <start>-<end> <caption as printed>` (the
 * cell form, the plan's period, then the caption or 专栏 title line); every
 * following line is a line of the table, numbered as in the file (the caption is
 * line 1). `vitest -u` (or UPDATE_TABLE_FIXTURES=1) rewrites output.json; review
 * the diff by eye against input.txt before committing it.
 */
const DIR = 'test/fixtures/tables';

function fixtureInput(text: string): TableInput {
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
  const m = /^(tab|pipe|spaces|pdf) (\d{4})-(\d{4}) (.*)$/.exec(first);
  if (!m) throw new Error(`input.txt must start with "<form> <start>-<end> <caption>": ${first}`);
  const [, form, start, end, caption] = m as unknown as [string, CellForm, string, string, string];
  const printed = caption.replace(/^\|\s*|[\s|]+$/g, '');
  const c = /^(表|专栏)\s*(\d+)\s*(.*)$/.exec(printed);
  if (!c) throw new Error(`caption must start with 表N or 专栏N: ${caption}`);
  const [, kind, n, title] = c as unknown as [string, string, string, string];
  const number = Number(n);
  const prefix = kind === '表' ? `T${number}` : `B${number}`;
  return {
    id: kind === '表' ? prefix : `${prefix}.table`,
    rowPrefix: prefix,
    number,
    label: `${kind}${number}`,
    title: title.trim(),
    caption: { text: caption, line: 1 },
    lines: rest.map((line, i) => ({ text: line, line: i + 2 })),
    cells: form,
    planTitle: '测试规划',
    period: { start: Number(start), end: Number(end) },
  };
}

/** What the stage makes of a fixture: the table or the items, the repairs, the issues. */
function runFixture(input: TableInput): unknown {
  const issues = new IssueCollector('input.txt');
  const repairs: Repair[] = [];
  const kind = tableKind(input);
  const result =
    kind === 'items'
      ? { kind, items: parseItemTable(input, issues, repairs) }
      : { kind, table: parseTable(input, issues, repairs) };
  return {
    ...result,
    repairs,
    issues: issues.issues.map((i) => `${i.line}: ${i.rule}: ${i.reason}`),
  };
}

const cases = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('table fixtures', () => {
  it('has the cases the corpus needs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of cases) {
    it(name, async () => {
      const input = fixtureInput(readFileSync(`${DIR}/${name}/input.txt`, 'utf8'));
      // As prettier prints JSON, so that output.json passes `npm run lint`.
      const json = await format(JSON.stringify(runFixture(input)), {
        parser: 'json',
        printWidth: 100,
      });
      if (process.env.UPDATE_TABLE_FIXTURES) {
        const { writeFileSync } = await import('node:fs');
        writeFileSync(`${DIR}/${name}/output.json`, json);
        return;
      }
      await expect(json).toMatchFileSnapshot(`../fixtures/tables/${name}/output.json`);
    });
  }
});

describe('table size', () => {
  /** A 南京-style table of n rows, every third one wrapped onto a second line. */
  const big = (n: number): TableInput => {
    const lines = ['分类    序号    指标    属性    2030年目标值'];
    for (let i = 1; i <= n; i++) {
      const category = i % 50 === 1 ? `类${i}` : '';
      if (i % 3 === 0)
        lines.push(`${category}    ${i}    指标${i}（%）    预期性    与经济`, '增长同步');
      else lines.push(`${category}    ${i}    指标${i}（%）    约束性    ${i}.5`);
    }
    return fixtureInput(`spaces 2026-2030 专栏1  大表\n${lines.join('\n')}\n`);
  };
  const time = (input: TableInput) => {
    const start = performance.now();
    const table = parseTable(input, new IssueCollector('big'), []);
    return { ms: performance.now() - start, rows: table.children.length };
  };

  it('reads a table in time linear in its size', () => {
    time(big(1_000)); // warm up
    const small = time(big(4_000));
    const large = time(big(32_000));
    expect(small.rows).toBe(4_000);
    expect(large.rows).toBe(32_000);
    // 8 times the rows: linear is about 8 times the time, quadratic 64.
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(24);
  });
});
