import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js';
import { compact } from '../../src/search/fold.ts';
import { realEngine, random } from '../support/real-plan.ts';

/**
 * Property: any query that occurs verbatim in a unit (two or more Han
 * characters, ignoring spaces and punctuation) finds that unit, whatever
 * the segmenter did with it. The oracle is indexOf over every unit's
 * compact text.
 */
const HAN = /\p{Script=Han}/gu;
const CASES = 1500;

function oracle(
  units: { id: string; compact: string }[],
  query: string,
  t2s: ReadonlyMap<string, string>,
): string[] {
  const q = compact(query, t2s);
  return units.filter((u) => u.compact.includes(q)).map((u) => u.id);
}

describe('recall', () => {
  const engine = realEngine();
  const units = engine.units;

  /** Checks one query; false when the oracle itself finds nothing (a conversion that does not come back). */
  function check(query: string): boolean {
    const expected = oracle(units, query, engine.resources.t2s);
    if (expected.length === 0) return false;
    const response = engine.search(query, { limit: units.length });
    const got = new Map(response.hits.map((h) => [h.id, h]));
    for (const id of expected) {
      const hit = got.get(id);
      expect(hit, `"${query}" finds ${id}`).toBeDefined();
      // It contains every concept of the query, so it is never ranked as a partial match.
      expect(hit!.tier, `"${query}" in ${id}`).not.toBe('partial');
    }
    return true;
  }

  it(`finds every unit containing a random substring of a real unit (${CASES} cases)`, () => {
    const next = random(20210331);
    let checked = 0;
    while (checked < CASES) {
      const unit = units[Math.floor(next() * units.length)]!;
      const text = unit.text;
      const length = 2 + Math.floor(next() * 14);
      const start = Math.floor(next() * Math.max(1, text.length - length));
      const query = text.slice(start, start + length);
      if ((query.match(HAN) ?? []).length < 2) continue;
      expect(check(query), `oracle finds "${query}"`).toBe(true);
      checked++;
    }
  });

  it('ignores spaces and punctuation inside the query, and traditional or full-width forms', () => {
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const next = random(7);
    let checked = 0;
    let skipped = 0;
    while (checked < 300) {
      const unit = units[Math.floor(next() * units.length)]!;
      const c = unit.compact;
      const length = 2 + Math.floor(next() * 10);
      const start = Math.floor(next() * Math.max(1, c.length - length));
      const piece = c.slice(start, start + length);
      // A decimal point only counts between two digits: a separator inside 16.5 makes another number.
      if ((piece.match(HAN) ?? []).length < 2 || piece.includes('.')) continue;
      // Traditional characters, full-width digits and letters, spaces or commas between the characters.
      const noisy = [...toTraditional(piece)]
        .map((ch) => (/[0-9a-z]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch))
        .join(next() < 0.5 ? ' ' : '，');
      if (!check(noisy)) skipped++;
      checked++;
    }
    // OpenCC's simplified → traditional → simplified round trip rarely loses a character (新征程 → 新徵程).
    expect(skipped / checked).toBeLessThan(0.02);
  });
});
