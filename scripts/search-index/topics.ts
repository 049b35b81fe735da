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

/** Every target must occur in the plan: a topic that points nowhere is a silent dead end. */
export function checkTopics(topics: Topic[], planCompact: string): string[] {
  const problems: string[] = [];
  for (const topic of topics) {
    for (const target of topic.targets) {
      if (!planCompact.includes(compact(fold(target)))) {
        problems.push(
          `${TOPICS_FILE}: target "${target}" (for ${topic.keys.join(' ')}) does not occur in any plan`,
        );
      }
    }
  }
  return problems;
}

export function readTopics(path = TOPICS_FILE): string {
  return readFileSync(path, 'utf8');
}
