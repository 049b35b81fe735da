import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recoverOutput } from '../../scripts/pipeline/write.ts';
import { random } from '../support/real-plan.ts';

/**
 * The build as a command (`scripts/build.ts`), the way CI and a user run it:
 * every problem reaches a pipe, bad paths are one line each, a failed or
 * killed build leaves the previous output byte for byte, and two clean
 * builds write the same bytes.
 */
const work = mkdtempSync(join(tmpdir(), 'plan-kb-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BUILD = ['--import', 'tsx', 'scripts/build.ts'];
const FIXTURE = 'test/fixtures/plans/no-toc-plain';

/** A plans folder holding one plan: the fixture's metadata, with `text` as its source. */
function plansWith(name: string, text: string | Buffer): string {
  const plans = join(work, name);
  const folder = join(plans, 'beitang-15');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'source.txt'), text);
  const sha = createHash('sha256').update(text).digest('hex');
  writeFileSync(
    join(folder, 'plan.yaml'),
    readFileSync(`${FIXTURE}/plan.yaml`, 'utf8').replace(/^sha256: .*$/m, `sha256: ${sha}`),
  );
  return plans;
}

/** Every file under a folder with its bytes' hash, by path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

describe('problems reach the terminal whole', () => {
  it('thousands of problems arrive through a pipe, every one on its own line', () => {
    // One chapter whose 6,000 sections are all numbered 第一节: 5,999 section-number problems.
    const sections = Array.from(
      { length: 6000 },
      (_, i) => `第一节  任务${i}\n\n推进重点任务${i}。`,
    );
    const text = `北塘市国民经济和社会发展第十五个五年规划纲要\n\n第一章  总则\n\n${sections.join('\n\n')}\n`;
    const plans = plansWith('many-problems', text);
    // Through a shell pipe, as `npm run build:data 2>&1 | less` would read it.
    const result = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" ${BUILD.join(' ')} --plans "${plans}" --out "${join(work, 'out-many')}" 2>&1 | cat`,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const lines = result.stdout.split('\n').filter((l) => l !== '');
    const header = lines.find((l) => l.startsWith('Build failed:'));
    expect(header).toBe('Build failed: 5999 problem(s); nothing was written.');
    const problems = lines.filter((l) => /^\S+source\.txt:\d+: section-number: /.test(l));
    expect(problems).toHaveLength(5999);
    // The last one, complete: the list was not cut off when the process ended.
    expect(problems.at(-1)).toMatch(/任务5999… is numbered 第一节 in 第一章, expected 第二节$/);
    expect(result.stdout).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('a missing or wrong path is one line naming it and what was expected, never a stack trace', () => {
    const file = join(work, 'a-file');
    writeFileSync(file, '');
    const plans = join(work, 'bad-paths');
    for (const [slug, files] of Object.entries({
      'no-meta': {},
      'meta-folder': { 'plan.yaml': 'folder' },
      'source-folder': {
        'plan.yaml': readFileSync(`${FIXTURE}/plan.yaml`, 'utf8'),
        'source.txt': 'folder',
      },
    })) {
      mkdirSync(join(plans, slug), { recursive: true });
      for (const [name, content] of Object.entries(files))
        if (content === 'folder') mkdirSync(join(plans, slug, name));
        else writeFileSync(join(plans, slug, name), content);
    }
    const cases = [
      {
        args: ['--plans', join(work, 'missing')],
        status: 2,
        out: /build:data: .*missing is missing; expected one folder per plan/,
      },
      {
        args: ['--plans', file],
        status: 2,
        out: /build:data: .*a-file is not a folder; expected one folder per plan/,
      },
      {
        args: ['--plans', plans],
        status: 1,
        out: /meta-folder\/plan\.yaml:1: metadata-missing: .*is a folder[^]*no-meta\/plan\.yaml:1: metadata-missing: .*does not exist[^]*source-folder\/plan\.yaml:\d+: metadata-source: .*source\.txt is a folder/,
      },
    ];
    for (const c of cases) {
      const result = spawnSync(
        process.execPath,
        [...BUILD, ...c.args, '--out', join(work, 'out-paths')],
        {
          encoding: 'utf8',
        },
      );
      expect(result.status, result.stderr).toBe(c.status);
      expect(result.stderr).toMatch(c.out);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(work, 'out-paths'))).toBe(false);
  }, 120_000);
});

describe('the corpus built twice', () => {
  // Two clean builds of the real corpus (its search index checks the topic map against every
  // plan): the first is also the previous output the killed builds below must leave alone.
  const clean = join(work, 'clean-a');
  const build = (out: string) =>
    new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [...BUILD, '--out', out], { stdio: 'ignore' });
      child.once('exit', (code) => resolve(code ?? -1));
    });

  it('two clean builds write the same bytes', async () => {
    const [a, b] = await Promise.all([build(clean), build(join(work, 'clean-b'))]);
    expect([a, b]).toEqual([0, 0]);
    const first = snapshot(clean);
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(snapshot(join(work, 'clean-b'))).toEqual(first);
  }, 300_000);

  it('a build killed at any moment leaves the previous output byte for byte', async () => {
    const out = join(work, 'kill-out');
    cpSync(clean, out, { recursive: true });
    const before = snapshot(out);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    // Kill builds at seeded moments: one early, while it reads and builds; the others while
    // it writes (once its temporary folder appears), where a partial output could happen.
    const rng = random(20260601);
    for (let k = 0; k < 3; k++) {
      const child = spawn(process.execPath, [...BUILD, '--out', out], { stdio: 'ignore' });
      const exited = new Promise((r) => child.once('exit', r));
      let moment: string;
      if (k === 0) {
        const delay = Math.floor(rng() * 2000);
        await new Promise((r) => setTimeout(r, delay));
        moment = `${delay} ms after the start`;
      } else {
        const tmp = `${out}.tmp-${child.pid}`;
        while (!existsSync(tmp) && child.exitCode === null)
          await new Promise((r) => setTimeout(r, 2));
        const delay = Math.floor(rng() * 40);
        await new Promise((r) => setTimeout(r, delay));
        moment = `${delay} ms into writing`;
      }
      child.kill('SIGKILL');
      await exited;
      // What the next run does first: put back an output a kill left aside.
      recoverOutput(out);
      expect(snapshot(out), `killed ${moment}`).toEqual(before);
    }
  }, 600_000);

  it('an output a kill left aside between the two renames is put back', () => {
    const out = join(work, 'aside');
    mkdirSync(join(work, 'aside.old-99999999'), { recursive: true });
    writeFileSync(join(work, 'aside.old-99999999', 'corpus.json'), 'previous');
    mkdirSync(join(work, 'aside.tmp-99999998'), { recursive: true });
    expect(recoverOutput(out)).toBe(true);
    expect(readFileSync(join(out, 'corpus.json'), 'utf8')).toBe('previous');
    expect(existsSync(join(work, 'aside.tmp-99999998'))).toBe(false);
    expect(recoverOutput(out)).toBe(false);
  });
});
