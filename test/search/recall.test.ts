import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js';
import { searchPath } from '../../src/model/artifacts.ts';
import type { SearchManifest, TextChunk } from '../../src/search/format.ts';
import { decodeMarked } from '../../src/search/format.ts';
import { compact, parseCharMap } from '../../src/search/fold.ts';
import { random } from '../support/real-plan.ts';
import { corpusEngine, corpusSearchDir, corpusSlugs } from '../support/search-corpus.ts';

/**
 * Property, on every plan: any query that occurs verbatim in a unit (two or more Han
 * characters, ignoring spaces and punctuation) finds that unit, whatever the segmenter did
 * with it, and never as a partial match. The oracle is indexOf over every unit's compact text
 * (read from the text chunks); the engine finds candidates through bigram postings and reads
 * the text only of the units it ranks, so this checks that the postings lose nothing.
 */
const HAN = /\p{Script=Han}/gu;
const CASES = 1500;

const read = <T>(path: string): T =>
  JSON.parse(readFileSync(join(corpusSearchDir(), path), 'utf8')) as T;

function planUnits(slug: string): { id: string; text: string; compact: string }[] {
  const manifest = read<SearchManifest>(searchPath({ kind: 'manifest' }));
  const info = manifest.plans.find((p) => p.slug === slug)!;
  const units: { id: string; text: string; compact: string }[] = [];
  for (let n = 0; n < info.chunks; n++)
    for (const u of read<TextChunk>(searchPath({ kind: 'text', plan: slug, chunk: n })).units) {
      const text = decodeMarked(u.x).text;
      units.push({ id: u.id, text, compact: compact(text) });
    }
  return units;
}

describe('recall', () => {
  const t2s = parseCharMap(read<SearchManifest>(searchPath({ kind: 'manifest' })).t2s);

  for (const slug of corpusSlugs()) {
    describe(slug, () => {
      const units = planUnits(slug);

      /** Checks one query; false when the oracle itself finds nothing (a conversion that does not come back). */
      async function check(query: string): Promise<boolean> {
        const q = compact(query, t2s);
        const expected = units.filter((u) => u.compact.includes(q)).map((u) => u.id);
        if (expected.length === 0) return false;
        const engine = await corpusEngine();
        const response = await engine.search(query, { limit: units.length, plan: slug });
        const got = new Map(response.hits.map((h) => [h.id, h]));
        for (const id of expected) {
          const hit = got.get(id);
          expect(hit, `${slug}: "${query}" finds ${id}`).toBeDefined();
          // It contains every concept of the query, so it is never ranked as a partial match.
          expect(hit!.tier, `${slug}: "${query}" in ${id}`).not.toBe('partial');
        }
        return true;
      }

      it(`finds every unit containing a random substring of a real unit (${CASES} cases)`, async () => {
        const next = random(20210331 + slug.length);
        let checked = 0;
        while (checked < CASES) {
          const unit = units[Math.floor(next() * units.length)]!;
          const length = 2 + Math.floor(next() * 14);
          const start = Math.floor(next() * Math.max(1, unit.text.length - length));
          const query = unit.text.slice(start, start + length);
          if ((query.match(HAN) ?? []).length < 2) continue;
          expect(await check(query), `oracle finds "${query}"`).toBe(true);
          checked++;
        }
      });

      it('ignores spaces and punctuation inside the query, and traditional or full-width forms', async () => {
        const toTraditional = Converter({ from: 'cn', to: 'tw' });
        const next = random(7 + slug.length);
        let checked = 0;
        let skipped = 0;
        while (checked < 150) {
          const unit = units[Math.floor(next() * units.length)]!;
          const c = unit.compact;
          const length = 2 + Math.floor(next() * 10);
          const start = Math.floor(next() * Math.max(1, c.length - length));
          const piece = c.slice(start, start + length);
          // A decimal point only counts between two digits: a separator inside 16.5 makes another number.
          if ((piece.match(HAN) ?? []).length < 2 || piece.includes('.')) continue;
          const noisy = [...toTraditional(piece)]
            .map((ch) =>
              /[0-9a-z]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch,
            )
            .join(next() < 0.5 ? ' ' : '，');
          if (!(await check(noisy))) skipped++;
          checked++;
        }
        // OpenCC's simplified → traditional → simplified round trip rarely loses a character.
        expect(skipped / checked).toBeLessThan(0.03);
      });
    });
  }
});
