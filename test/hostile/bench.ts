/**
 * `npm run bench:pipeline [-- --class <words>] [--form <form>] [--sizes 256,512,1024,2048]`:
 * the tree stages (buildPlan) on every hostile class of test/hostile/inputs.ts at growing
 * sizes, side by side with a well-formed plan of the same size and form. Each cell is the
 * fastest of three builds in ms; "×2" is the time at a size over the time at half that size
 * (linear: about 2), "vs normal" the time over the normal plan's at the largest size.
 */
import type { SourceForm } from '../../src/model/plan-meta.ts';
import { CLASSES, FORMS } from './inputs.ts';
import { best, hostile, normal, run } from './measure.ts';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

const sizes = (option('sizes') ?? '256,512,1024,2048').split(',').map((s) => Number(s) * 1024);
const only = option('class');
const onlyForm = option('form') as SourceForm | undefined;

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const cell = (ms: number) => ms.toFixed(0).padStart(7);
const header = `${pad('class', 36)} ${pad('form', 19)}${sizes.map((s) => `${(s / 1024).toFixed(0)} KB`.padStart(9)).join('')}     ×2  vs normal  outcome`;
console.log(header);
console.log('-'.repeat(header.length + 20));

// Warm up: the first builds of a process include compiling the pipeline.
for (const form of FORMS) for (let i = 0; i < 3; i++) run(normal(form, sizes[0]!), form);

const normals = new Map<string, number[]>();
for (const form of FORMS) {
  if (onlyForm && form !== onlyForm) continue;
  const times = sizes.map((size) => best(3, () => run(normal(form, size), form)).ms);
  normals.set(form, times);
  console.log(`${pad('(a normal plan)', 36)} ${pad(form, 19)}${times.map(cell).join('  ')}`);
}
for (const c of CLASSES) {
  if (only && !c.name.includes(only)) continue;
  for (const form of c.forms) {
    if (onlyForm && form !== onlyForm) continue;
    const runs = sizes.map((size) => best(3, () => run(hostile(c, form, size), form)));
    const times = runs.map((r) => r.ms);
    const last = runs.at(-1)!;
    const doubling = times.length > 1 ? times.at(-1)! / times.at(-2)! : NaN;
    const vsNormal = times.at(-1)! / normals.get(form)!.at(-1)!;
    const outcome = last.crash
      ? `CRASH ${String(last.crash).slice(0, 60)}`
      : last.outcome === 'built'
        ? 'built'
        : `${last.outcome.issues.length} problem(s): ${last.outcome.rules.join(', ')}`;
    console.log(
      `${pad(c.name, 36)} ${pad(form, 19)}${times.map(cell).join('  ')}  ${doubling.toFixed(2).padStart(5)}  ${vsNormal.toFixed(1).padStart(9)}  ${outcome}`,
    );
  }
}
