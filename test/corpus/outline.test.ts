import { describe, expect, it } from 'vitest';
import { walk } from '../../src/model/tree.ts';
import { corpusPlan, SLUGS } from '../support/corpus.ts';
import { outline } from '../support/outline.ts';

/**
 * Each plan's outline, fixed in a golden file reviewed by eye against the
 * plan's text and its 目录 (test/corpus/golden/<slug>.outline.txt): every
 * part, chapter, section, sub-part, measure (with how it is marked), box,
 * item, table, indicator, figure, note, glossary entry and appendix, with
 * its ID and title. The counts below were taken from the text independently
 * of the pipeline (what each plan's 目录 lists, the boxes and tables it
 * prints, the leads a reader sees).
 */
const EXPECTED: Record<string, Record<string, number>> = {
  'licang-14': { part: 0, chapter: 11, section: 38, box: 8, measure: 122 },
  'nanjing-15': { part: 17, chapter: 65, section: 179, box: 23, measure: 112, figure: 3 },
  'guangzhou-15': { part: 11, chapter: 33, section: 94, box: 12, measure: 135, term: 167 },
  'suzhou-15': { part: 15, chapter: 66, section: 197, box: 18, measure: 90 },
};

describe.each(SLUGS)('the outline of %s', (slug) => {
  const { document } = corpusPlan(slug);

  it('matches the reviewed golden outline', async () => {
    await expect(outline(document)).toMatchFileSnapshot(`golden/${slug}.outline.txt`);
  });

  it('has the parts, chapters, sections, boxes and measures the text has', () => {
    const counts: Record<string, number> = {};
    for (const { node } of walk(document)) counts[node.kind] = (counts[node.kind] ?? 0) + 1;
    const expected = EXPECTED[slug];
    expect(expected, `counts for ${slug} are in EXPECTED`).toBeDefined();
    for (const [kind, n] of Object.entries(expected!)) expect(counts[kind] ?? 0, kind).toBe(n);
  });

  it('gives every node a unique ID', () => {
    const ids = [...walk(document)].map(({ node }) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
