/**
 * The traditional → simplified character map shipped with the index.
 *
 * OpenCC's converters (opencc-js) are about a megabyte of phrase tables; a
 * search only needs to fold characters, and only into characters the plan
 * uses (a query character whose simplified form is not in the plan cannot
 * match anyway). So the build asks OpenCC, once, what every traditional,
 * Taiwan-variant and Hong Kong-variant character becomes, and keeps the pairs
 * whose result is a character of the plan: a few kilobytes.
 */
import { Converter, Locale } from 'opencc-js';

/** Single characters that OpenCC's character dictionaries map from (traditional and regional variants). */
function candidateCharacters(): Set<string> {
  const out = new Set<string>();
  const groups = [...(Locale.to.cn ?? []), ...(Locale.from.tw ?? []), ...(Locale.from.hk ?? [])];
  for (const group of groups) {
    for (const dictionary of group) {
      if (typeof dictionary !== 'string') continue;
      for (const entry of dictionary.split('|')) {
        const key = entry.split(' ')[0] ?? '';
        if ([...key].length === 1) out.add(key);
      }
    }
  }
  return out;
}

/**
 * Pairs (from, to) as one string, for the characters of `planText`. A
 * character is mapped when OpenCC's Taiwan → mainland or Hong Kong → mainland
 * converter turns it into a different single character that the plan uses,
 * or when OpenCC gives it as the traditional form of a plan character.
 */
export function buildT2sPairs(planText: string): string {
  const planChars = new Set(planText);
  const twToCn = Converter({ from: 'tw', to: 'cn' });
  const hkToCn = Converter({ from: 'hk', to: 'cn' });
  const pairs: [string, string][] = [];
  for (const ch of candidateCharacters()) {
    if (planChars.has(ch)) continue; // a character the plan itself prints is never folded away
    const targets = [twToCn(ch), hkToCn(ch)].filter(
      (t) => [...t].length === 1 && t !== ch && planChars.has(t),
    );
    if (targets[0]) pairs.push([ch, targets[0]]);
  }
  // And the other way: every traditional form OpenCC gives a plan character (征 → 徵, which
  // OpenCC leaves alone going back because 徵 is also a simplified character).
  const mapped = new Set(pairs.map(([from]) => from));
  for (const group of Locale.from.cn ?? []) {
    for (const dictionary of group) {
      if (typeof dictionary !== 'string') continue;
      for (const entry of dictionary.split('|')) {
        const [simplified, ...traditional] = entry.split(' ');
        if (!simplified || [...simplified].length !== 1 || !planChars.has(simplified)) continue;
        for (const t of traditional) {
          if ([...t].length === 1 && !planChars.has(t) && !mapped.has(t)) {
            pairs.push([t, simplified]);
            mapped.add(t);
          }
        }
      }
    }
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return pairs.map(([a, b]) => a + b).join('');
}
