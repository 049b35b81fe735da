import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules (scripts/lint/eslint.config.js, docs/architecture.md) fire:
 * ESLint's own API lints small, deliberately wrong files at paths inside each
 * layer (the files need not exist) and must report the import that breaks it.
 */
const eslint = new ESLint({ overrideConfigFile: 'scripts/lint/eslint.config.js' });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.line}:${m.ruleId}`);
}

describe('layer rules', () => {
  it('keep src/search browser-safe: no Node built-ins, no build code, no view models', async () => {
    const found = await problems(
      'src/search/wrong-layer.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import { buildPlan } from '../../scripts/build.ts';",
        "import { loadDocument } from '../site/load-artifacts.ts';",
        "import { walk } from '../model/tree.ts';",
        'export const all = [readFileSync, buildPlan, loadDocument, walk];',
        '',
      ].join('\n'),
    );
    expect(found).toContain('1:import-x/no-nodejs-modules');
    expect(found).toContain('2:import-x/no-restricted-paths');
    expect(found).toContain('3:import-x/no-restricted-paths');
    // src/model is allowed.
    expect(found.filter((p) => p.startsWith('4:'))).toEqual([]);
  });

  it('keep src/model free of the rest of the project', async () => {
    const found = await problems(
      'src/model/wrong-layer.ts',
      "import { fold } from '../search/fold.ts';\nexport const f = fold;\n",
    );
    expect(found).toEqual(['1:import-x/no-restricted-paths']);
  });

  it('keep the build out of src/, pages included', async () => {
    const found = await problems(
      'src/pages/wrong-layer.ts',
      "import { targetsCsv } from '../../scripts/pipeline/targets.ts';\nexport const t = targetsCsv;\n",
    );
    expect(found).toEqual(['1:import-x/no-restricted-paths']);
    const inComponent = await problems(
      'src/components/WrongLayer.astro',
      "---\nimport { targetsCsv } from '../../scripts/pipeline/targets.ts';\n---\n\n<p>{targetsCsv([])}</p>\n",
    );
    expect(inComponent).toEqual(['2:import-x/no-restricted-paths']);
  });

  it('let only pages, components and layouts import the view models', async () => {
    const fromClient = await problems(
      'src/client/wrong-layer.ts',
      "import { toc } from '../site/navigation.ts';\nexport const t = toc;\n",
    );
    expect(fromClient).toContain('1:import-x/no-restricted-paths');
    const fromBuild = await problems(
      'scripts/wrong-layer.ts',
      "import { toc } from '../src/site/navigation.ts';\nexport const t = toc;\n",
    );
    expect(fromBuild).toEqual(['1:import-x/no-restricted-paths']);
    const fromPage = await problems(
      'src/pages/right-layer.ts',
      "import { toc } from '../site/navigation.ts';\nexport const t = toc;\n",
    );
    expect(fromPage).toEqual([]);
  });
});
