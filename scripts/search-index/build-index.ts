/**
 * Build the search artifacts from the plan: `search/index.json` (what the
 * site serves and the CLI loads; format in src/search/format.ts) and
 * `search/terms.txt` (the generated domain dictionary, for review).
 *
 * Called by scripts/build.ts through buildSearchArtifacts(); the build writes
 * the files in the same atomic write as plan.json.
 */
import { entityUrl } from '../../src/model/urls.ts';
import type { EntityIndex, PlanFile } from '../../src/model/types.ts';
import { INDEX_VERSION, type SearchIndexFile, type ShippedUnit } from '../../src/search/format.ts';
import { HAN_CHAR, compact, fold } from '../../src/search/fold.ts';
import { MARK, Vocabulary } from '../../src/search/segment.ts';
import { type TermSource, createSegmenter, domainTerms } from './dictionary.ts';
import { buildReadings } from './readings.ts';
import { buildT2sPairs } from './t2s.ts';
import { checkTopics, parseTopics } from './topics.ts';
import { collectUnits } from './units.ts';

export class SearchBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`search index: ${problems.length} problem(s)\n${problems.join('\n')}`);
  }
}

/** Insert MARK between two Han characters wherever jieba's tokens meet. */
export function markTokens(tokens: string[]): string {
  let out = '';
  for (const token of tokens) {
    if (out && token && HAN_CHAR.test(out[out.length - 1]!) && HAN_CHAR.test(token[0]!))
      out += MARK;
    out += token;
  }
  return out;
}

/** The search inputs besides the plan: its extra jieba terms and the reviewed topic map. */
export interface SearchSources {
  /** Extra words for jieba, each of which must occur in the plan. */
  curatedTerms: string[];
  /** Where they came from, for messages. */
  curatedTermsFile: string;
  /** content/search/topics.txt, as text. */
  topics: string;
  /**
   * The text every topic target must occur in: the whole corpus (compact,
   * see corpusCompact), or, when absent, this plan alone.
   */
  topicsCorpus?: string;
}

/** A plan's searchable text, compact (fold.ts): what topic targets are checked against. */
export function planCompactText(plan: PlanFile): string {
  return collectUnits(plan.document)
    .map((u) => compact(fold(u.text)))
    .join('\u0000');
}

export interface BuiltIndex {
  file: SearchIndexFile;
  terms: Map<string, TermSource>;
}

/**
 * The index file for a plan and its entity index (null: no entity units),
 * with the domain dictionary it was segmented with.
 */
export function buildSearchIndex(
  plan: PlanFile,
  entities: EntityIndex | null,
  sources: SearchSources,
): BuiltIndex {
  const problems: string[] = [];
  const units = collectUnits(plan.document);
  const planCompact = units.map((u) => compact(fold(u.text))).join('\u0000');

  for (const u of units)
    if (u.text.includes(MARK)) problems.push(`${u.id}: text contains the word mark "${MARK}"`);
  const curated = sources.curatedTerms;
  for (const term of curated) {
    if (!planCompact.includes(compact(term)))
      problems.push(`${sources.curatedTermsFile}: "${term}" does not occur in the plan`);
  }
  const parsed = parseTopics(sources.topics);
  problems.push(
    ...parsed.problems,
    ...checkTopics(parsed.topics, sources.topicsCorpus ?? planCompact),
  );

  const citationPrefix = `《${plan.meta.title}》`;
  for (const u of units) {
    if (!u.citation.startsWith(citationPrefix))
      problems.push(`${u.id}: citation does not start with ${citationPrefix}`);
  }
  if (problems.length > 0) throw new SearchBuildError(problems);

  const terms = domainTerms(units, curated);
  const jieba = createSegmenter(terms);
  const marked = units.map((u) => {
    const tokens = jieba.cut(u.text, false);
    // jieba returns every character, punctuation included; anything else would corrupt the text.
    if (tokens.join('') !== u.text)
      throw new SearchBuildError([`${u.id}: jieba did not return the text it was given`]);
    return markTokens(tokens);
  });

  const vocabulary = Vocabulary.fromMarked(marked);
  for (const topic of parsed.topics) {
    for (const key of topic.keys) if (/^\p{Script=Han}{2,}$/u.test(key)) vocabulary.add(key, 1);
  }

  const shipped: ShippedUnit[] = units.map((u, i) => ({
    id: u.id,
    kind: u.kind,
    c: u.chapter,
    s: u.section,
    p: u.parent,
    b: u.crumb,
    h: u.heading,
    ...(u.title !== undefined ? { t: u.title } : {}),
    u: u.url,
    q: u.citation.slice(citationPrefix.length),
    x: marked[i]!,
  }));
  if (entities) shipped.push(...entityUnits(entities, shipped, jieba.cut.bind(jieba)));

  const file: SearchIndexFile = {
    version: INDEX_VERSION,
    citationPrefix,
    units: shipped,
    t2s: buildT2sPairs(units.map((u) => u.text).join('')),
    pinyin: buildReadings(vocabulary.counts.keys()),
    topics: parsed.topics,
  };
  return { file, terms };
}

/**
 * One unit per entity, appended after the plan's units: its name and aliases
 * as text, its page as URL. Sets `m` on every plan unit that mentions one.
 */
function entityUnits(
  entities: EntityIndex,
  units: ShippedUnit[],
  cut: (text: string, hmm: boolean) => string[],
): ShippedUnit[] {
  const byId = new Map(units.map((u, i) => [u.id, i]));
  const mentions = new Map<number, Set<number>>();
  const out: ShippedUnit[] = [];
  for (const entity of entities.entities) {
    const index = units.length + out.length;
    for (const m of entity.mentions) {
      const at = byId.get(m.node);
      if (at === undefined)
        throw new SearchBuildError([`entity ${entity.id}: mention in unknown node ${m.node}`]);
      let set = mentions.get(at);
      if (!set) mentions.set(at, (set = new Set()));
      set.add(index);
    }
    const text = entity.aliases.length
      ? `${entity.name}（${entity.aliases.join('、')}）`
      : entity.name;
    out.push({
      id: entity.id,
      kind: 'entity',
      c: 0,
      s: 0,
      p: -1,
      b: '',
      h: entity.name,
      u: entityUrl(entity.id),
      q: '',
      x: markTokens(cut(text, false)),
      y: entity.type,
      ...(entity.aliases.length ? { a: entity.aliases } : {}),
    });
  }
  for (const [at, set] of mentions) units[at]!.m = [...set].sort((a, b) => a - b);
  return out;
}

/** The generated dictionary as reviewable text: `term<TAB>source`, sorted by source then term. */
export function termsReport(terms: Map<string, TermSource>): string {
  const lines = [...terms].sort((a, b) =>
    a[1] === b[1] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : 1,
  );
  // The header still names the module by its path before scripts/search/ split into
  // search-index/ and tools/: kept as it was so the generated file does not change.
  return `# Domain dictionary jieba segmented the plan with (generated; see scripts/search/dictionary.ts)\n${lines
    .map(([w, s]) => `${w}\t${s}`)
    .join('\n')}\n`;
}

/** The index and dictionary files for .generated/ (ARTIFACTS.searchIndex, searchTerms). */
export function buildSearchArtifacts(
  plan: PlanFile,
  entities: EntityIndex,
  sources: SearchSources,
): Record<'searchIndex' | 'searchTerms', string> {
  const { file, terms } = buildSearchIndex(plan, entities, sources);
  return { searchIndex: JSON.stringify(file), searchTerms: termsReport(terms) };
}
