/**
 * The relevance set (test/search/relevance.json) and its measures, shared by
 * the relevance test and the benchmark so both report the same numbers.
 */
import { readFileSync } from 'node:fs';

export const RELEVANCE_FILE = 'test/search/relevance.json';

export interface RelevanceCase {
  /** The plan searched (its scope), by slug; absent: the first plan, licang-14. */
  plan?: string;
  group: 'policy' | 'citizen' | 'research' | 'variant';
  query: string;
  /** IDs a good answer includes in its top 5: any one of them counts. */
  expect: string[];
  why: string;
}

/** The plan a case is about. */
export const planOf = (c: RelevanceCase): string => c.plan ?? 'licang-14';

export function readRelevanceSet(path = RELEVANCE_FILE): RelevanceCase[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: RelevanceCase[] }).cases;
}

export interface CaseResult {
  case: RelevanceCase;
  /** IDs returned, best first. */
  got: string[];
  /** 1-based rank of the first expected ID, or null. */
  rank: number | null;
}

export interface Scores {
  cases: number;
  successAt1: number;
  successAt5: number;
  mrr: number;
  results: CaseResult[];
}

/**
 * success@k: share of queries with an expected ID in the top k; MRR: mean of
 * 1/rank of the first expected ID (0 when none is in the top 10).
 */
export async function evaluate(
  cases: RelevanceCase[],
  search: (query: string, plan: string) => Promise<string[]>,
): Promise<Scores> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const got = (await search(c.query, planOf(c))).slice(0, 10);
    const index = got.findIndex((id) => c.expect.includes(id));
    results.push({ case: c, got, rank: index === -1 ? null : index + 1 });
  }
  const n = results.length;
  const share = (k: number) => results.filter((r) => r.rank !== null && r.rank <= k).length / n;
  return {
    cases: n,
    successAt1: share(1),
    successAt5: share(5),
    mrr: results.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / n,
    results,
  };
}

export function formatScores(name: string, s: Scores): string {
  return `${name}: success@1 ${s.successAt1.toFixed(3)}, success@5 ${s.successAt5.toFixed(3)}, MRR ${s.mrr.toFixed(3)} (${s.cases} queries)`;
}
