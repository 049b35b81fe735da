/**
 * Read and check the reviewed topic map, content/search/topics.txt (format
 * described at the top of that file).
 */
import { readFileSync } from 'node:fs';
import type { Topic } from '../../src/search/format.ts';
import { compact, fold } from '../../src/search/fold.ts';

export const TOPICS_FILE = 'content/search/topics.txt';

const list = (s: string) =>
  s
    .split(/[,，\s]+/u)
    .map((t) => t.trim())
    .filter(Boolean);

/** Parse the map; problems are returned as `file:line: reason`, not thrown, so all are reported at once. */
export function parseTopics(
  text: string,
  file = TOPICS_FILE,
): { topics: Topic[]; problems: string[] } {
  const topics: Topic[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const both = line.split('<=>');
    if (both.length === 2) {
      const [left, right] = both.map(list) as [string[], string[]];
      if (left.length === 0 || right.length === 0)
        problems.push(`${file}:${i + 1}: empty side in "${line}"`);
      topics.push(
        { keys: left, targets: right, exact: true },
        { keys: right, targets: left, exact: true },
      );
      return;
    }
    const oneWay = line.split('=>');
    if (oneWay.length === 2) {
      const [keys, targets] = oneWay.map(list) as [string[], string[]];
      if (keys.length === 0 || targets.length === 0)
        problems.push(`${file}:${i + 1}: empty side in "${line}"`);
      topics.push({ keys, targets });
      return;
    }
    problems.push(
      `${file}:${i + 1}: expected "keys => targets" or "terms <=> terms", got "${line}"`,
    );
  });
  return { topics, problems };
}

/**
 * The targets that occur in none of the plans of this corpus (`corpusCompact`: their folded,
 * compacted text), as `file: reason` lines. The map is shared by every corpus a build may hold
 * (all plans, one plan with `--plans`, a new plan on its own), so such a target is not an error
 * of the build: `usableTopics` leaves it out of the index and the build prints these lines.
 * On the committed corpus none may remain (test/search/topics.test.ts): there a target that
 * points nowhere is a typo or a wording no plan uses, a silent dead end.
 */
export function checkTopics(topics: Topic[], corpusCompact: string): string[] {
  const problems: string[] = [];
  for (const topic of topics) {
    for (const target of topic.targets) {
      if (!corpusCompact.includes(compact(fold(target)))) {
        problems.push(
          `${TOPICS_FILE}: target "${target}" (for ${topic.keys.join(' ')}) does not occur in any plan`,
        );
      }
    }
  }
  return problems;
}

/** The topics with only the targets this corpus's text holds; a topic left with none is dropped. */
export function usableTopics(topics: Topic[], corpusCompact: string): Topic[] {
  return topics
    .map((topic) => ({
      ...topic,
      targets: topic.targets.filter((t) => corpusCompact.includes(compact(fold(t)))),
    }))
    .filter((topic) => topic.targets.length > 0);
}

export function readTopics(path = TOPICS_FILE): string {
  return readFileSync(path, 'utf8');
}
