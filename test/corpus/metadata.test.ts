import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPlanInputs } from '../../scripts/build.ts';
import { PlanError, type PlanIssue } from '../../scripts/pipeline/errors.ts';
import { IssueCollector } from '../../scripts/pipeline/errors.ts';
import { readPlanMeta } from '../../scripts/pipeline/metadata.ts';
import { LICANG } from '../support/real-plan.ts';

/**
 * A plan's metadata file (content/plans/<slug>/plan.yaml): every wrong or
 * missing field is an error naming the file, the field's line and the field,
 * with what was expected; the source text is checked against its sha256.
 */
const META = readFileSync(`content/plans/${LICANG}/plan.yaml`, 'utf8');
const lineOf = (text: string, field: string) =>
  text.split('\n').findIndex((l) => l.startsWith(`${field}:`)) + 1;

function problems(text: string, slug = LICANG): PlanIssue[] {
  const issues = new IssueCollector('plan.yaml');
  readPlanMeta(text, slug, issues);
  return issues.issues;
}

describe('plan metadata', () => {
  it('reads the real plan: slug, period and level', () => {
    const issues = new IssueCollector('plan.yaml');
    const meta = readPlanMeta(META, LICANG, issues);
    expect(issues.issues).toEqual([]);
    expect(meta).toMatchObject({
      slug: LICANG,
      level: '区',
      period: { start: 2021, end: 2025 },
      form: 'markdown-from-pdf',
    });
  });

  it('names a missing field and what it should hold', () => {
    const found = problems(META.replace(/^issuer: .*\n/m, ''));
    expect(found).toEqual([
      {
        file: 'plan.yaml',
        line: 1,
        rule: 'metadata-issuer',
        reason: 'field "issuer" is missing; expected the issuing body such as 南京市人民政府',
      },
    ]);
  });

  it('names a wrong field on its own line', () => {
    const wrong = META.replace(/^level: .*$/m, 'level: 街道').replace(
      /^period: .*$/m,
      'period: 2021年至2025年',
    );
    const found = problems(wrong);
    expect(found.map((p) => [p.line, p.rule])).toEqual([
      [lineOf(wrong, 'level'), 'metadata-level'],
      [lineOf(wrong, 'period'), 'metadata-period'],
    ]);
    expect(found[1]!.reason).toMatch(/expected two years like 2026–2030/);
  });

  it('refuses an unknown field and broken YAML', () => {
    expect(problems(`${META}colour: red\n`)).toMatchObject([
      { rule: 'metadata-unknown', line: META.split('\n').length },
    ]);
    expect(problems('title: a\ntitle: b\n')[0]).toMatchObject({ rule: 'metadata-yaml', line: 2 });
  });

  it('refuses a folder name that is not a slug', () => {
    expect(problems(META, 'Licang 14').map((p) => p.rule)).toEqual(['metadata-slug']);
  });
});

describe('a plan folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'plan-kb-meta-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('fails when the source text changed without its sha256', () => {
    cpSync(`content/plans/${LICANG}`, join(work, LICANG), { recursive: true });
    writeFileSync(
      join(work, LICANG, 'source.md'),
      `${readFileSync(join(work, LICANG, 'source.md'), 'utf8')}\n`,
    );
    let error: unknown;
    try {
      readPlanInputs(LICANG, work);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).issues[0]).toMatchObject({
      file: `${work}/${LICANG}/plan.yaml`,
      rule: 'metadata-sha256',
    });
  });
});
