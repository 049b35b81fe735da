/**
 * Pinyin for the plan's vocabulary, so that lajifenlei finds 垃圾分类 and
 * yuanshigang finds 院士港 without shipping a pinyin library.
 *
 * pinyin-pro reads every word of the vocabulary (and every topic key) in
 * context at build time. What ships is the result folded per character:
 * each character with the toneless readings it takes in those words (长 is
 * zhang in 增长 and chang in 长期), about 5 KB instead of 30 KB for a
 * word-by-word map. The worker multiplies the readings back
 * out into the pinyin → term map (src/search/pinyin-match.ts), which covers
 * every reading pinyin-pro gave plus the other readings of polyphones (河长制
 * is hezhangzhi even where a reader might guess hechangzhi).
 */
import { pinyin } from 'pinyin-pro';

/** `字reading,reading` entries separated by spaces, for every character of the words. */
export function buildReadings(words: Iterable<string>): string {
  const readings = new Map<string, Set<string>>();
  for (const word of words) {
    if (!/^\p{Script=Han}{2,}$/u.test(word)) continue;
    const chars = [...word];
    const inContext = pinyin(word, { toneType: 'none', type: 'array', v: true });
    chars.forEach((ch, i) => {
      const set = readings.get(ch) ?? new Set<string>();
      const r = inContext[i];
      if (r && /^[a-z]+$/.test(r)) set.add(r);
      readings.set(ch, set);
    });
  }
  return [...readings]
    .filter(([, set]) => set.size > 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([ch, set]) => ch + [...set].sort().join(','))
    .join(' ');
}
