import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Write a set of generated files as one unit: everything goes to a temporary
 * sibling folder first, which replaces the output folder only once every file
 * is written. A build that fails or is killed part-way leaves the previous
 * output untouched.
 *
 * The swap is two renames (output → `.old-<pid>`, temporary → output). A
 * build killed between them leaves the previous output under `.old-<pid>`
 * and none at the output path; `recoverOutput` (run at the start of every
 * write, and by the build before anything else) puts it back, so the
 * previous output is never lost, only out of place until the next run.
 */
export function writeAtomically(outDir: string, files: Record<string, string | Uint8Array>): void {
  recoverOutput(outDir);
  const tmp = `${outDir}.tmp-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [name, content] of Object.entries(files)) {
      const path = join(tmp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    rmSync(old, { recursive: true, force: true });
    let hadOld = true;
    try {
      renameSync(outDir, old);
    } catch {
      hadOld = false;
    }
    renameSync(tmp, outDir);
    if (hadOld) rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Undo what a killed write left: with no output folder, the newest previous
 * output set aside (`<out>.old-<pid>`) goes back in its place; leftover
 * temporary folders (`<out>.tmp-<pid>`) of writes that never finished are
 * removed. Returns whether an output was put back.
 */
export function recoverOutput(outDir: string): boolean {
  const parent = dirname(outDir);
  const name = basename(outDir);
  if (!existsSync(parent)) return false;
  const siblings = readdirSync(parent).filter((f) => f.startsWith(`${name}.`));
  for (const f of siblings)
    if (/^\.tmp-\d+$/.test(f.slice(name.length)) && !isRunning(f))
      rmSync(join(parent, f), { recursive: true, force: true });
  if (existsSync(outDir)) return false;
  const old = siblings
    .filter((f) => /^\.old-\d+$/.test(f.slice(name.length)) && !isRunning(f))
    .sort((a, b) => statSync(join(parent, b)).mtimeMs - statSync(join(parent, a)).mtimeMs);
  if (old.length === 0) return false;
  renameSync(join(parent, old[0]!), outDir);
  for (const f of old.slice(1)) rmSync(join(parent, f), { recursive: true, force: true });
  return true;
}

/** Whether the process that named a `.tmp-<pid>`/`.old-<pid>` folder is still running (its write is not over). */
function isRunning(folder: string): boolean {
  const pid = Number(/-(\d+)$/.exec(folder)?.[1]);
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
