import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Write a set of generated files as one unit: everything goes to a temporary
 * sibling folder first, which replaces the output folder only once every file
 * is written. A build that fails part-way leaves the previous output untouched.
 */
export function writeAtomically(outDir: string, files: Record<string, string | Uint8Array>): void {
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
