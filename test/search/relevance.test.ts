import { describe, expect, it } from 'vitest';
import { evaluate, formatScores, readRelevanceSet } from '../../scripts/tools/relevance.ts';
import { realEngine, realEntities } from '../support/real-plan.ts';

/**
 * The relevance set: queries from civil servants, citizens and researchers,
 * plus spelling variants, each with the IDs a good answer shows in its top
 * 5. The floor is 0.9 success@5; the goal (docs/benchmarks.md) is 0.95.
 */
describe('relevance', () => {
  const engine = realEngine();
  const cases = readRelevanceSet();

  it('has at least 40 queries from each kind of user, with IDs that exist', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const group of ['policy', 'citizen', 'research', 'variant']) {
      expect(cases.filter((c) => c.group === group).length, group).toBeGreaterThanOrEqual(8);
    }
    const ids = new Set(engine.units.map((u) => u.id));
    for (const c of cases)
      for (const id of c.expect) expect(ids.has(id), `${c.query}: ${id}`).toBe(true);
  });

  it('success@5 ≥ 0.9', () => {
    const scores = evaluate(cases, (q) => engine.search(q, { limit: 10 }).hits.map((h) => h.id));
    console.log(formatScores('all', scores));
    for (const group of ['policy', 'citizen', 'research', 'variant'] as const) {
      const subset = evaluate(
        cases.filter((c) => c.group === group),
        (q) => engine.search(q, { limit: 10 }).hits.map((h) => h.id),
      );
      console.log(formatScores(group, subset));
    }
    const misses = scores.results.filter((r) => r.rank === null || r.rank > 5);
    for (const m of misses)
      console.log(
        `miss: ${m.case.query} → ${m.got.slice(0, 5).join(', ')} (want ${m.case.expect.join(' | ')})`,
      );
    expect(scores.successAt5).toBeGreaterThanOrEqual(0.9);
  });

  it('a question about a figure puts the clause or indicator that states it first', () => {
    for (const [query, expected] of [
      ['人均预期寿命是多少', ['T2.16', '9.4.1']],
      ['森林覆盖率的目标', ['T2.21', '7.1.1']],
      ['院士科技成果转化数量要达到多少', ['T2.9', '5.2.3']],
    ] as const) {
      const hits = engine.search(query).hits;
      expect(hits[0]?.tier, query).toBe('figure');
      expect(expected, query).toContain(hits[0]?.id);
    }
  });

  it('says what else it searched for colloquial words, and suggests near terms when nothing matches', () => {
    expect(engine.search('暖气').query.alsoSearched).toContain('供热');
    expect(engine.search('看病').query.alsoSearched).toContain('医疗卫生');
    const none = engine.search('比特币');
    expect(none.hits).toEqual([]);
    expect(none.suggestions.length).toBeGreaterThan(0);
  });

  it('filters by chapter and by kind', () => {
    const all = engine.search('养老', { limit: 100 });
    const chapter9 = engine.search('养老', { limit: 100, chapter: 9 });
    expect(chapter9.hits.length).toBeGreaterThan(0);
    expect(chapter9.hits.every((h) => h.chapter === 9)).toBe(true);
    expect(chapter9.total).toBe(all.facets.chapters[9]);
    const indicators = engine.search('养老', { limit: 100, kinds: ['indicator'] });
    expect(indicators.hits.map((h) => h.id).sort()).toEqual(['T1.12', 'T1.13', 'T2.14']);
  });

  it('filters by entity type: only entities of that type and units mentioning one', () => {
    const types = new Map(realEntities().entities.map((e) => [e.id, e.type] as const));
    const mentioned = new Map<string, Set<string>>();
    for (const e of realEntities().entities)
      for (const m of e.mentions) {
        if (!mentioned.has(m.node)) mentioned.set(m.node, new Set());
        mentioned.get(m.node)!.add(e.type);
      }
    const all = engine.search('院士', { limit: 1000 });
    const places = engine.search('院士', { limit: 1000, entityTypes: ['place'] });
    expect(places.hits.length).toBeGreaterThan(0);
    expect(places.hits.length).toBeLessThan(all.hits.length);
    expect(places.total).toBe(all.facets.entityTypes.place);
    for (const hit of places.hits) {
      if (hit.kind === 'entity') expect(types.get(hit.id)).toBe('place');
      else expect([...(mentioned.get(hit.id) ?? [])]).toContain('place');
    }
    // Every unit of the unfiltered search that mentions a place is kept.
    const expected = all.hits.filter((h) =>
      h.kind === 'entity' ? types.get(h.id) === 'place' : mentioned.get(h.id)?.has('place'),
    );
    expect(places.hits.map((h) => h.id).sort()).toEqual(expected.map((h) => h.id).sort());
  });

  it('puts the entity page right after the best clause for an entity name or alias', () => {
    for (const [query, id] of [
      ['院士港', 'qing-dao-guo-ji-yuan-shi-gang'],
      ['李村河', 'li-cun-he'],
      ['世博园', 'qing-dao-shi-bo-yuan'],
      ['百果山', 'bai-guo-shan'],
    ] as const) {
      const hits = engine.search(query, { limit: 5 }).hits;
      expect(hits[1]).toMatchObject({ id, kind: 'entity', url: `/entities/${id}/` });
      const entity = realEntities().entities.find((e) => e.id === id)!;
      const nodes = new Set(entity.mentions.map((m) => m.node));
      expect(nodes.has(hits[0]!.id), `${query}: ${hits[0]!.id}`).toBe(true);
    }
  });
});
