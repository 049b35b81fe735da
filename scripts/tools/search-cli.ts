/**
 * Search the plan from the command line with the index and the query code
 * the site's search worker uses:
 *
 *   npm run --silent search -- "垃圾分类"
 *   npm run --silent search -- "人均预期寿命是多少" --json --limit 5
 *
 * Options: --json (print only a JSON array of hits, best first), --limit N
 * (default 10), --kind measure,indicator,entity (filter), --chapter 7 (filter),
 * --entity-type place,project (filter: entities of those types and the units
 * mentioning one), --index PATH (default .generated/search/index.json, ARTIFACTS.searchIndex).
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  artifactPath,
  BUILD_DATA_COMMAND,
  corpusArtifact,
  planArtifact,
} from '../../src/model/artifacts.ts';
import type { CorpusFile } from '../../src/model/types.ts';
import { TYPE_ORDER } from '../../src/model/entity-labels.ts';
import type { EntityType } from '../../src/model/types.ts';
import { SearchEngine } from '../../src/search/engine.ts';
import type { SearchIndexFile, UnitKind } from '../../src/search/format.ts';
import { renderSnippet } from '../../src/search/snippet.ts';

/** The first plan's index (the CLI searches one plan at a time for now). */
export function defaultIndex(): string {
  const corpus = artifactPath(corpusArtifact('corpus'));
  if (!existsSync(corpus))
    return artifactPath(planArtifact('(no corpus: run the build)', 'searchIndex'));
  const { plans } = JSON.parse(readFileSync(corpus, 'utf8')) as CorpusFile;
  return artifactPath(planArtifact(plans[0]!.slug, 'searchIndex'));
}

/** One hit as printed by --json. */
export interface JsonHit {
  id: string;
  /** Site path with the clause's anchor. */
  url: string;
  /** Node kind (measure, paragraph, box, boxItem, indicator, chapter, section…), or entity for an entity page. */
  kind: UnitKind;
  chapter: number | null;
  section: number | null;
  /** The unit's own heading (a paragraph: its measure's or section's title; an indicator: its name). */
  title: string;
  citation: string;
  /** Text around the match, matched words wrapped in ** (Markdown bold). */
  snippet: string;
  score: number;
  /** An entity's type, or the types of the entities a node mentions (organization, place…). */
  entityTypes: EntityType[];
}

interface Args {
  query: string;
  json: boolean;
  limit: number;
  kinds: UnitKind[] | undefined;
  chapter: number | undefined;
  entityTypes: EntityType[] | undefined;
  index: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    query: '',
    json: false,
    limit: 10,
    kinds: undefined,
    chapter: undefined,
    entityTypes: undefined,
    index: defaultIndex(),
  };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--limit') args.limit = Number(value());
    else if (a === '--kind') args.kinds = value().split(',') as UnitKind[];
    else if (a === '--entity-type') {
      const types = value().split(',');
      const unknown = types.filter((t) => !(TYPE_ORDER as string[]).includes(t));
      if (unknown.length > 0)
        throw new Error(`unknown entity type ${unknown.join(',')} (${TYPE_ORDER.join(', ')})`);
      args.entityTypes = types as EntityType[];
    } else if (a === '--chapter') args.chapter = Number(value());
    else if (a === '--index') args.index = value();
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else words.push(a);
  }
  if (!Number.isInteger(args.limit) || args.limit < 1)
    throw new Error('--limit must be a positive integer');
  args.query = words.join(' ');
  return args;
}

function main(): void {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`search: ${(error as Error).message}`);
    process.exit(2);
  }
  if (!args.query.trim()) {
    console.error(
      'usage: npm run --silent search -- "<query>" [--json] [--limit N] [--kind K,K] [--chapter N] [--entity-type T,T]',
    );
    process.exit(2);
  }
  if (!existsSync(args.index)) {
    console.error(`search: ${args.index} not found; run ${BUILD_DATA_COMMAND} first`);
    process.exit(2);
  }
  const engine = new SearchEngine(JSON.parse(readFileSync(args.index, 'utf8')) as SearchIndexFile);
  const response = engine.search(args.query, {
    limit: args.limit,
    kinds: args.kinds,
    chapter: args.chapter,
    entityTypes: args.entityTypes,
  });

  if (args.json) {
    const hits: JsonHit[] = response.hits.map((h) => ({
      id: h.id,
      url: h.url,
      kind: h.kind,
      chapter: h.chapter,
      section: h.section,
      title: h.title,
      citation: h.citation,
      snippet: renderSnippet(h.snippet),
      score: h.score,
      entityTypes: h.entityTypes,
    }));
    process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
    return;
  }

  const { query } = response;
  const bold = process.stdout.isTTY ? ['\u001b[1;33m', '\u001b[0m'] : ['**', '**'];
  const notes = [
    query.core !== args.query.trim() ? `searched: ${query.core}` : '',
    query.pinyin ? `pinyin ${query.pinyin.from} → ${query.pinyin.to.join(' / ')}` : '',
    query.alsoSearched.length > 0 ? `also searched: ${query.alsoSearched.join('、')}` : '',
    query.intent
      ? `asks for: ${query.intent === 'figure' ? 'a figure' : 'a place in the plan'}`
      : '',
  ].filter(Boolean);
  if (notes.length > 0) console.log(notes.join('  ·  '));
  if (response.hits.length === 0) {
    console.log(
      `No results for “${args.query}”.${response.suggestions.length ? ` Try: ${response.suggestions.join('、')}` : ''}`,
    );
    return;
  }
  console.log(`${response.total} result(s), showing ${response.hits.length}\n`);
  response.hits.forEach((h, i) => {
    console.log(
      `${String(i + 1).padStart(2)}. [${h.kindLabel}] ${h.breadcrumb.join(' › ')}  (${h.id}, ${h.tier}, ${h.score})`,
    );
    console.log(`    ${renderSnippet(h.snippet, bold[0], bold[1])}`);
    console.log(`    ${h.url}\n`);
  });
}

main();
