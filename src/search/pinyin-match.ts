/**
 * The pinyin → term map, multiplied out at build time from pinyin-pro's
 * per-character readings of the vocabulary (scripts/search-index/readings.ts)
 * and shipped cut by first letter (format.ts, PinyinShard). Keys are toneless
 * syllables run together, v for ü, as people type them.
 */

/** Keys kept per word: enough for a polyphone or two, bounded for long words. */
const MAX_KEYS_PER_WORD = 8;
/** Words kept per key: homophones, most frequent in the plan first. */
export const MAX_WORDS_PER_KEY = 4;

export function parseReadings(shipped: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of shipped.split(' ')) {
    const [ch, ...rest] = [...entry];
    if (ch && rest.length > 0) map.set(ch, rest.join('').split(','));
  }
  return map;
}

/** Pinyin keys of a word, or none when a character has no known reading. */
export function wordKeys(word: string, readings: ReadonlyMap<string, readonly string[]>): string[] {
  let keys = [''];
  for (const ch of word) {
    const options = readings.get(ch);
    if (!options || options.length === 0) return [];
    const next: string[] = [];
    for (const prefix of keys)
      for (const r of options) if (next.length < MAX_KEYS_PER_WORD) next.push(prefix + r);
    keys = next;
  }
  // ü is often typed u (lvse / luse).
  return [
    ...new Set([...keys, ...keys.filter((k) => k.includes('v')).map((k) => k.replace(/v/g, 'u'))]),
  ];
}

/** key → words, for the words (with their counts) of the vocabulary. */
export function buildPinyinMap(
  words: ReadonlyMap<string, number>,
  readings: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const sorted = [...words]
    .filter(([w]) => /^\p{Script=Han}{2,}$/u.test(w))
    .sort((a, b) => b[1] - a[1]);
  for (const [word] of sorted) {
    for (const key of wordKeys(word, readings)) {
      const list = map.get(key) ?? [];
      if (list.length < MAX_WORDS_PER_KEY && !list.includes(word)) list.push(word);
      map.set(key, list);
    }
  }
  return map;
}
