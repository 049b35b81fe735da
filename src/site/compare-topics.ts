import { pinyin } from 'pinyin-pro';
import { searchPath } from '../model/artifacts.ts';
import type { CompareMetricsFile } from '../model/compare.ts';
import { compareTopicUrl, planUrl, PLAN_PAGES, searchUrl } from '../model/urls.ts';
import { SearchEngine, type Hit } from '../search/engine.ts';
import type { SearchManifest } from '../search/format.ts';
import type { Snippet } from '../search/snippet.ts';
import { artifactText } from './load-artifacts.ts';

/**
 * /compare/topics/: a topic across plans (docs/compare.md). For each topic, the best clause of
 * each plan side by side, with its snippet and citation, and 未涉及 where the plan has nothing:
 * the search engine's by-plan mode (src/search/engine.ts searchByPlan), the same code as the CLI's
 * `--by-plan` and the page's live `?topic=` query, run here at build time on the index the build
 * wrote. The static topics are the reviewed topic map's entries (content/search/topics.txt, in the
 * index's manifest) and a few topics researchers ask about across plans.
 */

/** Topics every plan of a corpus of development plans is asked about, beside the topic map's. */
export const FEATURED_TOPICS = ['人工智能', '养老', '低空经济', '城市更新', '海洋经济'] as const;

/** How many clauses of each plan a topic shows: the best, then the next ones. */
const PER_PLAN = 3;

export interface TopicEntry {
  /** URL segment, from the topic's pinyin: kan-bing, ren-gong-zhi-neng, gdp. */
  slug: string;
  /** What the reader asks: the topic map's first key, or a featured topic. */
  label: string;
  /** The plan terms the topic map also searches for it (医疗卫生, 诊疗…). */
  also: string[];
  featured: boolean;
}

export interface TopicHitView {
  id: string;
  title: string;
  kindLabel: string;
  review: boolean;
  citation: string;
  href: string;
  snippet: Snippet;
  /** Only some words of the topic occur in it. */
  partial: boolean;
}

export interface TopicColumn {
  plan: { slug: string; label: string; shortName: string; href: string };
  /** The best clause, or null: the plan does not cover the topic. */
  best: TopicHitView | null;
  more: TopicHitView[];
  /** The plan's full search for the topic. */
  search: string;
}

export interface TopicView {
  entry: TopicEntry;
  columns: TopicColumn[];
}

/** A topic's URL segment: its pinyin without tones, words joined by -. */
export function topicSlug(label: string): string {
  const syllables = pinyin(label, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return syllables
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The index's manifest, as the build wrote it. */
const manifest = (): SearchManifest =>
  JSON.parse(artifactText(searchPath({ kind: 'manifest' }))) as SearchManifest;

/** The static topics: the featured ones, then the topic map's entries, each once. */
export function topicEntries(): TopicEntry[] {
  const entries: TopicEntry[] = [];
  const seen = new Set<string>();
  const add = (label: string, also: string[], featured: boolean) => {
    if (seen.has(label)) return;
    seen.add(label);
    let slug = topicSlug(label) || `topic-${entries.length + 1}`;
    while (entries.some((e) => e.slug === slug)) slug = `${slug}-2`;
    entries.push({ slug, label, also, featured });
  };
  for (const label of FEATURED_TOPICS) add(label, [], true);
  // A two-way entry (GDP <=> 生产总值) is one topic: its other side is not one more.
  const sameAs = new Set<string>();
  for (const topic of manifest().topics) {
    const label = topic.keys[0]!;
    if (sameAs.has(label)) continue;
    add(label, topic.targets, false);
    if (topic.exact) for (const target of topic.targets) sameAs.add(target);
  }
  return entries;
}

let engine: Promise<SearchEngine> | undefined;
/** The search engine on the index in .generated/search/, opened once per build. */
function openEngine(): Promise<SearchEngine> {
  engine ??= SearchEngine.open(async (path) => JSON.parse(artifactText(path)) as unknown);
  return engine;
}

function hitView(slug: string, hit: Hit): TopicHitView {
  return {
    id: hit.id,
    title: hit.title,
    kindLabel: hit.kindLabel,
    review: hit.review,
    citation: hit.citation,
    href: planUrl(slug, hit.url),
    snippet: hit.snippet,
    partial: hit.tier === 'partial' && !hit.phrase,
  };
}

/**
 * A topic's page: each plan's best clauses. A plan covers the topic when a clause holds all of
 * it (the phrase, a topic-map variant, or every word); clauses that hold only some of its words
 * are not shown as the plan's answer.
 */
export async function topicView(entry: TopicEntry, file: CompareMetricsFile): Promise<TopicView> {
  const search = await openEngine();
  const { plans } = await search.searchByPlan(entry.label, { limit: PER_PLAN });
  return {
    entry,
    columns: file.plans.map((plan) => {
      const hits = (plans[plan.slug] ?? [])
        .map((h) => hitView(plan.slug, h))
        .filter((h) => !h.partial);
      return {
        plan: {
          slug: plan.slug,
          label: plan.label,
          shortName: plan.shortName,
          href: planUrl(plan.slug, PLAN_PAGES.home),
        },
        best: hits[0] ?? null,
        more: hits.slice(1),
        search: searchUrl(entry.label, plan.slug),
      };
    }),
  };
}

/** The URL of a static topic's page. */
export const topicHref = (entry: TopicEntry): string => compareTopicUrl(entry.slug);

/** A snippet as pieces, the matched ones marked: what the template renders (text, never HTML). */
export function snippetParts(snippet: Snippet): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start > at) parts.push({ text: snippet.text.slice(at, start), mark: false });
    parts.push({ text: snippet.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), mark: false });
  return parts;
}
