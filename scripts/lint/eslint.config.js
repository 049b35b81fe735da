import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import importX from 'eslint-plugin-import-x';

/**
 * The layers (docs/architecture.md) as lint errors: what may import what.
 *
 *   src/model    the shared model: imports nothing else of the project
 *   src/search   the browser-safe engine: src/model only, and no Node built-ins
 *   src/client   browser scripts: src/search and src/model only, no Node built-ins
 *   src/site     view models: imported by pages, components and layouts (and tests), never by
 *                the model, the engine, the browser scripts or the build
 *   src/…        nothing under src/ imports the build (scripts/)
 *
 * `no-restricted-paths` resolves each import to a file, so `../../scripts/x.ts` and
 * `../scripts/x.ts` are caught alike; test/lint/layers.test.ts proves the rules fire.
 */
const LAYERS = {
  'import-x/no-restricted-paths': [
    'error',
    {
      zones: [
        {
          target: './src/model',
          from: ['./src', './scripts', './test'],
          except: ['./model'],
          message: 'src/model is the shared model: it imports nothing else of the project.',
        },
        {
          target: './src/search',
          from: ['./src', './scripts', './test'],
          except: ['./search', './model'],
          message: 'src/search runs in the browser: it imports src/model only.',
        },
        {
          target: './src/client',
          from: ['./src', './scripts', './test'],
          except: ['./client', './search', './model'],
          message: 'src/client (browser scripts) imports src/search and src/model only.',
        },
        {
          target: './src',
          from: './scripts',
          message: 'Nothing under src/ imports the build (scripts/): share code through src/model.',
        },
        {
          target: ['./src/model', './src/search', './src/client', './scripts'],
          from: './src/site',
          message:
            'src/site holds view models: only pages, components and layouts (and tests) import them.',
        },
      ],
    },
  ],
};

export default defineConfig(
  { ignores: ['dist/', '.generated/', '.astro/', 'node_modules/', 'test-results/'] },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,astro}', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: LAYERS,
  },
  {
    // Shared with the browser: no Node built-ins (node:fs, path…).
    files: ['src/model/**/*.ts', 'src/search/**/*.ts', 'src/client/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
);
