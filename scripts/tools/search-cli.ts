/**
 * Search the corpus from the command line with the index and the engine the
 * site's search worker uses (src/search/engine.ts; here the loader reads files):
 *
 *   npm run --silent search -- "垃圾分类"                       every plan
 *   npm run --silent search -- "人均预期寿命是多少" --plan licang-14 --json --limit 5
 *   npm run --silent search -- "人工智能" --by-plan --limit 2   the best hits of each plan
 *
 * Options: --plan <slug> (one plan; default: every plan), --by-plan (the best --limit hits of
 * each plan, "not covered" where a plan has none), --json (print only JSON), --limit N (default
 * 10; with --by-plan, per plan, default 3), --offset N (skip N hits: paging), --kind K,K,
 * --chapter N, --entity-type T,T (filters), --index DIR (default .generated, the folder holding
 * search/). Usage errors exit 2 naming the valid values; an unusable index exits 1 with one
 * line saying why.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DATA_COMMAND, GENERATED_DIR, searchPath } from '../../src/model/artifacts.ts';
import { TYPE_ORDER } from '../../src/model/entity-labels.ts';
import type { EntityType } from '../../src/model/types.ts';
import {
  type Hit,
  type Loader,
  SearchEngine,
  type SearchResponse,
} from '../../src/search/engine.ts';
import { SearchIndexError, UNIT_KINDS, type UnitKind } from '../../src/search/format.ts';
import { renderSnippet } from '../../src/search/snippet.ts';

/** One hit as printed by --json. */
export interface JsonHit {
  /** The plan's slug and short name. */
  plan: { slug: string; name: string };
  id: string;
  /** Plan path with the clause's anchor, relative to the plan's home (`/7/1/#7.1.1`). */
  url: string;
  /** Node kind (measure, paragraph, box, boxItem, indicator, chapter, section…), or entity. */
  kind: UnitKind;
  chapter: number | null;
  section: number | null;
  /** The unit's own heading (a paragraph: its measure's or section's title; an indicator: its name). */
  title: string;
  citation: string;
  /** Text around the match, matched words wrapped in ** (Markdown bold). */
  snippet: string;
  score: number;
}

/** The options the CLI understands, and what each takes. */
const VALUE_FLAGS = [
  '--plan',
  '--limit',
  '--offset',
  '--kind',
  '--chapter',
  '--entity-type',
  '--index',
];
const BOOLEAN_FLAGS = ['--json', '--by-plan'];
const SEARCHABLE_KINDS = UNIT_KINDS.filter((k) => k !== 'document');

export interface Args {
  query: string;
  json: boolean;
  byPlan: boolean;
  plan: string | null;
  limit: number | undefined;
  offset: number;
  kinds: UnitKind[] | undefined;
  chapter: number | undefined;
  entityTypes: EntityType[] | undefined;
  index: string;
}

export class UsageError extends Error {}

const USAGE =
  'usage: npm run --silent search -- "<query>" [--plan <slug>] [--by-plan] [--json] [--limit N] [--offset N] [--kind K,K] [--chapter N] [--entity-type T,T] [--index DIR]';

export function parseArgs(argv: string[]): Args {
  const args: Args = {
    query: '',
    json: false,
    byPlan: false,
    plan: null,
    limit: undefined,
    offset: 0,
    kinds: undefined,
    chapter: undefined,
    entityTypes: undefined,
    index: GENERATED_DIR,
  };
  const words: string[] = [];
  let onlyWords = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (onlyWords || !a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    if (a === '--') {
      onlyWords = true;
      continue;
    }
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    if (BOOLEAN_FLAGS.includes(flag)) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      if (flag === '--json') args.json = true;
      else args.byPlan = true;
      continue;
    }
    if (!VALUE_FLAGS.includes(flag))
      throw new UsageError(
        `unknown option ${printable(a)}; the options are ${[...VALUE_FLAGS, ...BOOLEAN_FLAGS].join(', ')} (a query starting with - goes after --)`,
      );
    const next = argv[i + 1];
    const value =
      inline ??
      (next !== undefined && !VALUE_FLAGS.concat(BOOLEAN_FLAGS).includes(next)
        ? argv[++i]
        : undefined);
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    const count = (what: string, min: number) => {
      if (!/^\d+$/.test(value) || Number(value) < min)
        throw new UsageError(`${flag} ${printable(value)}: expected ${what}`);
      return Number(value);
    };
    switch (flag) {
      case '--plan':
        args.plan = value;
        break;
      case '--limit':
        args.limit = count('a whole number from 1', 1);
        break;
      case '--offset':
        args.offset = count('a whole number from 0', 0);
        break;
      case '--chapter':
        args.chapter = count('a chapter number (1, 2, …)', 1);
        break;
      case '--kind': {
        const kinds = value.split(',');
        const unknown = kinds.filter((k) => !(SEARCHABLE_KINDS as string[]).includes(k));
        if (unknown.length > 0)
          throw new UsageError(
            `--kind ${printable(unknown.join(','))}: unknown kind; the kinds are ${SEARCHABLE_KINDS.join(', ')}`,
          );
        args.kinds = kinds as UnitKind[];
        break;
      }
      case '--entity-type': {
        const types = value.split(',');
        const unknown = types.filter((t) => !(TYPE_ORDER as string[]).includes(t));
        if (unknown.length > 0)
          throw new UsageError(
            `--entity-type ${printable(unknown.join(','))}: unknown type; the types are ${TYPE_ORDER.join(', ')}`,
          );
        args.entityTypes = types as EntityType[];
        break;
      }
      case '--index':
        args.index = value;
        break;
    }
  }
  if (args.byPlan && args.plan !== null)
    throw new UsageError('--by-plan searches every plan: leave out --plan');
  if (args.byPlan && args.offset > 0) throw new UsageError('--by-plan takes no --offset');
  args.query = words.join(' ');
  if (!args.query.trim()) throw new UsageError(USAGE);
  return args;
}

/** Text for the terminal: control characters (ANSI escapes among them) shown, never obeyed. */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu,
    (c) => (c === '\u001b' ? '␛' : `\\u{${c.codePointAt(0)!.toString(16)}}`),
  );
}

/** Reads the index's files under a folder (the build's output, or --index DIR). */
export function fileLoader(dir: string): Loader {
  return async (path) => {
    const file = join(dir, path);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new SearchIndexError(`${file} is missing; run ${BUILD_DATA_COMMAND} first`);
    }
    if (text.trim() === '')
      throw new SearchIndexError(`${file} is empty; run ${BUILD_DATA_COMMAND}`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SearchIndexError(`${file} is not valid JSON (corrupt); run ${BUILD_DATA_COMMAND}`);
    }
  };
}

export function jsonHit(h: Hit): JsonHit {
  return {
    plan: h.plan,
    id: h.id,
    url: h.url,
    kind: h.kind,
    chapter: h.chapter,
    section: h.section,
    title: h.title,
    citation: h.citation,
    snippet: renderSnippet(h.snippet),
    score: h.score,
  };
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message.startsWith('usage') ? error.message : `search: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (!existsSync(args.index) || !statSync(args.index).isDirectory()) {
    console.error(
      `search: --index ${printable(args.index)} is not a folder; expected the build's output folder (${GENERATED_DIR}), holding ${searchPath({ kind: 'manifest' })}`,
    );
    return 2;
  }
  let engine: SearchEngine;
  try {
    engine = await SearchEngine.open(fileLoader(args.index));
    if (args.plan !== null && !engine.plans.some((p) => p.slug === args.plan)) {
      console.error(
        `search: --plan ${printable(args.plan)}: no such plan; the plans are ${engine.plans.map((p) => p.slug).join(', ')}`,
      );
      return 2;
    }
    const filters = { kinds: args.kinds, chapter: args.chapter, entityTypes: args.entityTypes };
    if (args.byPlan) {
      const { query, plans } = await engine.searchByPlan(args.query, {
        ...filters,
        limit: args.limit ?? 3,
      });
      if (args.json) {
        const out: Record<string, JsonHit[]> = {};
        for (const [slug, hits] of Object.entries(plans)) out[slug] = hits.map(jsonHit);
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return 0;
      }
      printNotes(query, args.query);
      for (const plan of engine.plans) {
        const hits = plans[plan.slug] ?? [];
        console.log(`\n${printable(plan.name)} (${plan.slug})`);
        if (hits.length === 0) console.log('    not covered: nothing in this plan');
        hits.forEach((h, i) => printHit(h, i));
      }
      return 0;
    }
    const response = await engine.search(args.query, {
      ...filters,
      plan: args.plan,
      limit: args.limit ?? 10,
      offset: args.offset,
    });
    if (args.json) {
      process.stdout.write(`${JSON.stringify(response.hits.map(jsonHit), null, 2)}\n`);
      return 0;
    }
    printResponse(response, args);
    return 0;
  } catch (error) {
    if (error instanceof SearchIndexError) {
      console.error(`search: the index cannot be used: ${printable(error.message)}`);
      return 1;
    }
    throw error;
  }
}

function printNotes(query: SearchResponse['query'], typed: string): void {
  const notes = [
    query.core !== typed.trim() ? `searched: ${query.core}` : '',
    query.pinyin ? `pinyin ${query.pinyin.from} → ${query.pinyin.to.join(' / ')}` : '',
    query.alsoSearched.length > 0 ? `also searched: ${query.alsoSearched.join('、')}` : '',
    query.intent
      ? `asks for: ${query.intent === 'figure' ? 'a figure' : 'a place in the plan'}`
      : '',
  ].filter(Boolean);
  if (notes.length > 0) console.log(printable(notes.join('  ·  ')));
}

const bold = () => (process.stdout.isTTY ? ['\u001b[1;33m', '\u001b[0m'] : ['**', '**']);

function printHit(h: Hit, i: number): void {
  const [open, close] = bold();
  console.log(
    `${String(i + 1).padStart(2)}. [${printable(h.kindLabel)}] ${printable(h.plan.name)} › ${printable(h.breadcrumb.join(' › '))}  (${printable(h.id)}, ${h.tier}, ${h.score})`,
  );
  // The snippet's text is made printable first, then the terminal's own bold marks go in.
  const snippet = { text: '', marks: [] as [number, number][] };
  let at = 0;
  for (const [s, e] of h.snippet.marks) {
    const before = printable(h.snippet.text.slice(at, s));
    const inside = printable(h.snippet.text.slice(s, e));
    snippet.text += before;
    snippet.marks.push([snippet.text.length, snippet.text.length + inside.length]);
    snippet.text += inside;
    at = e;
  }
  snippet.text += printable(h.snippet.text.slice(at));
  console.log(`    ${renderSnippet(snippet, open, close)}`);
  console.log(`    ${printable(h.url)}\n`);
}

function printResponse(response: SearchResponse, args: Args): void {
  printNotes(response.query, args.query);
  if (response.hits.length === 0) {
    console.log(
      printable(
        `No results for “${args.query}”${args.offset ? ` from ${args.offset + 1}` : ''}.${response.suggestions.length ? ` Try: ${response.suggestions.join('、')}` : ''}`,
      ),
    );
    return;
  }
  console.log(
    `${response.total} result(s), showing ${args.offset + 1}–${args.offset + response.hits.length}\n`,
  );
  response.hits.forEach((h, i) => printHit(h, args.offset + i));
}

// Run only as the entry point, not when a test imports the argument parser.
if (process.argv[1]?.endsWith('search-cli.ts')) {
  // Output piped into a reader that stops early (`| head`): stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`search: ${printable(error instanceof Error ? error.message : String(error))}`);
      process.exitCode = 1;
    },
  );
}
