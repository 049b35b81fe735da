import { describe, expect, it } from 'vitest';
import { random } from '../support/real-plan.ts';
import { corpusEngine, corpusSlugs } from '../support/search-corpus.ts';

/**
 * Search across the corpus: scopes (one plan, every plan), the merge of the plans' rankings,
 * the best hits of each plan, paging, and that reading only the best candidates' text gives
 * exactly what a full scan would.
 */
describe('search across plans', () => {
  it('names each hit’s plan, merges the plans’ rankings by score, and counts hits per plan', async () => {
    const engine = await corpusEngine();
    const response = await engine.search('营商环境', { limit: 20 });
    const plans = new Set(response.hits.map((h) => h.plan.slug));
    expect(plans.size).toBeGreaterThanOrEqual(3);
    for (const hit of response.hits)
      expect(engine.plans).toContainEqual({ slug: hit.plan.slug, name: hit.plan.name });
    const scores = response.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const perPlan = Object.values(response.facets.plans).reduce((a, b) => a + b, 0);
    expect(perPlan).toBe(response.total);
  });

  it('keeps each plan’s own order in the merged list: its first hit is its best hit', async () => {
    const engine = await corpusEngine();
    for (const query of ['营商环境', '养老服务', '人工智能', '低空经济']) {
      const merged = (await engine.search(query, { limit: 200 })).hits;
      const { plans } = await engine.searchByPlan(query, { limit: 3 });
      for (const slug of corpusSlugs()) {
        const mine = merged.filter((h) => h.plan.slug === slug).slice(0, 3);
        expect(
          mine.map((h) => h.id),
          `${query} in ${slug}`,
        ).toEqual(plans[slug]!.map((h) => h.id));
      }
    }
  });

  it('finds the best hits of every plan, and says which plans have none', async () => {
    const engine = await corpusEngine();
    const { plans } = await engine.searchByPlan('院士港', { limit: 2 });
    expect(Object.keys(plans).sort()).toEqual([...corpusSlugs()].sort());
    expect(plans['licang-14']!.length).toBe(2);
    for (const slug of corpusSlugs().filter((s) => s !== 'licang-14'))
      expect(plans[slug]).toEqual([]);
    const ai = await engine.searchByPlan('人工智能', { limit: 1 });
    for (const slug of corpusSlugs()) expect(ai.plans[slug]!.length, slug).toBe(1);
  });

  it('pages: a page from an offset is that part of the longer list', async () => {
    const engine = await corpusEngine();
    for (const plan of [null, 'licang-14']) {
      const all = (await engine.search('养老', { limit: 30, plan })).hits.map((h) => h.id);
      const page = (await engine.search('养老', { limit: 10, offset: 10, plan })).hits.map(
        (h) => h.id,
      );
      expect(page).toEqual(all.slice(10, 20));
    }
  });

  it('reads only the best candidates’ text yet ranks exactly as reading every candidate would', async () => {
    const engine = await corpusEngine();
    const next = random(42);
    const words = ['养老', '创新', '发展', '城市', '服务', '产业', '看病', '上学', '低碳', '数字'];
    for (let i = 0; i < 40; i++) {
      const query =
        words[Math.floor(next() * words.length)]! +
        (next() < 0.5 ? words[Math.floor(next() * words.length)]! : '');
      const plan = next() < 0.5 ? null : corpusSlugs()[Math.floor(next() * corpusSlugs().length)]!;
      const k = 1 + Math.floor(next() * 10);
      const few = (await engine.search(query, { limit: k, plan })).hits;
      const many = (await engine.search(query, { limit: 5000, plan })).hits.slice(0, k);
      expect(
        few.map((h) => [h.plan.slug, h.id, h.score]),
        `${query} (${plan ?? 'all'}, ${k})`,
      ).toEqual(many.map((h) => [h.plan.slug, h.id, h.score]));
    }
  });

  it('ranks a plan’s review (回顾) after what it will do, unless the query asks about the past', async () => {
    const engine = await corpusEngine();
    const care = (await engine.search('看病难', { plan: 'licang-14', limit: 5 })).hits;
    expect(care[0]!.review).toBe(false);
    const past = (await engine.search('十三五新增停车泊位', { plan: 'licang-14', limit: 3 })).hits;
    expect(past[0]).toMatchObject({ id: '1.1.8', review: true, kindLabel: '回顾' });
    const life = (await engine.search('人均预期寿命是多少', { plan: 'nanjing-15', limit: 3 })).hits;
    expect(life[0]).toMatchObject({ id: 'B2.9', review: false });
  });
});
