import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../scripts/pipeline/errors.ts';
import { checkCuratedInText, parseCurated } from '../../scripts/pipeline/curated.ts';
import { extractEntities, slugify } from '../../scripts/pipeline/entities.ts';
import { gazetteer, textFields } from '../../scripts/pipeline/gazetteer.ts';
import { stemBefore } from '../../scripts/pipeline/name-patterns.ts';
import type { Entity, EntityType } from '../../src/model/types.ts';
import { curatedList, curatedText, linkedDocument, prettyJson } from '../support/real-plan.ts';

const document = linkedDocument();
const curated = curatedList();
const index = extractEntities(document, curated);
const fields = new Map(textFields(document).map((f) => [`${f.node}/${f.field}`, f.text]));

/** The entity a name or alias belongs to. */
const owner = new Map<string, Entity>();
for (const e of index.entities) for (const n of [e.name, ...e.aliases]) owner.set(n, e);

interface Fixture {
  /** Every fifth name the rules derive (before the curated list), labelled by hand: its true type, or null. */
  sample: { name: string; derivedAs: EntityType; gold: EntityType | null; note?: string }[];
  /** Entities the index must have, with their type and aliases. */
  required: { name: string; type: EntityType; aliases?: string[] }[];
  /** Every 15th mention (two phases), labelled by hand as correct or not in its context. */
  mentions: {
    entity: string;
    type: EntityType;
    node: string;
    field: string;
    start: number;
    text: string;
    correct: boolean;
  }[];
}
const fixture = JSON.parse(
  readFileSync('test/entities/golden/entities-fixture.json', 'utf8'),
) as Fixture;

/** Measured figures, as docs/entities.md states them. */
const DOCUMENTED = {
  sample: 76,
  rawCorrect: 66, // name and type right from the rules alone
  rawNames: 68, // name right from the rules alone (type may be wrong)
  finalKept: 68,
  finalCorrect: 68,
  mentions: 108,
  mentionsCorrect: 108,
};

describe('the entity fixture (docs/entities.md, "Precision")', () => {
  it('has at least 50 entities, and its sample is a sample of what the rules derive', () => {
    expect(
      fixture.sample.filter((s) => s.gold).length + fixture.required.length,
    ).toBeGreaterThanOrEqual(50);
    const raw = gazetteer(document);
    const derived = new Map(raw.map((c) => [c.name, c.type]));
    expect(fixture.sample).toHaveLength(DOCUMENTED.sample);
    expect(raw.filter((_, i) => i % 5 === 0).map((c) => c.name)).toEqual(
      fixture.sample.map((s) => s.name),
    );
    for (const s of fixture.sample) expect(derived.get(s.name), s.name).toBe(s.derivedAs);
  });

  it('measures the rules alone: names and types right before the curated list', () => {
    expect(fixture.sample.filter((s) => s.gold === s.derivedAs).length).toBe(DOCUMENTED.rawCorrect);
    expect(fixture.sample.filter((s) => s.gold !== null).length).toBe(DOCUMENTED.rawNames);
  });

  it('measures the index: every sampled name it keeps has the reviewed type, and it drops the rest', () => {
    const kept = fixture.sample.filter((s) => owner.has(s.name));
    const right = kept.filter((s) => owner.get(s.name)!.type === s.gold);
    expect(kept.length).toBe(DOCUMENTED.finalKept);
    expect(right.length).toBe(DOCUMENTED.finalCorrect);
    expect(right.length / kept.length).toBeGreaterThanOrEqual(0.95);
    for (const s of fixture.sample) {
      if (s.gold) expect(owner.get(s.name)?.type, s.name).toBe(s.gold);
      else expect(owner.has(s.name), s.name).toBe(false);
    }
  });

  it('has the required entities with their types and aliases', () => {
    for (const r of fixture.required) {
      const e = index.entities.find((x) => x.name === r.name);
      expect(e, r.name).toBeDefined();
      expect(e!.type, r.name).toBe(r.type);
      for (const a of r.aliases ?? []) expect(e!.aliases, r.name).toContain(a);
    }
  });

  it('measures the tagger: the sampled mentions are still found, and were right in context', () => {
    expect(fixture.mentions).toHaveLength(DOCUMENTED.mentions);
    expect(fixture.mentions.filter((m) => m.correct)).toHaveLength(DOCUMENTED.mentionsCorrect);
    for (const m of fixture.mentions) {
      const e = index.entities.find((x) => x.name === m.entity);
      expect(e?.type, m.entity).toBe(m.type);
      expect(e!.mentions, `${m.entity} at ${m.node}/${m.field}@${m.start}`).toContainEqual(
        expect.objectContaining({ node: m.node, field: m.field, start: m.start, text: m.text }),
      );
    }
  });
});

describe('entity mentions', () => {
  it('point at the entity’s name or an alias in the node’s text field', () => {
    for (const e of index.entities) {
      expect(e.mentions.length, e.name).toBeGreaterThan(0);
      for (const m of e.mentions) {
        const text = fields.get(`${m.node}/${m.field}`);
        expect(text, `${m.node}/${m.field}`).toBeDefined();
        expect(text!.slice(m.start, m.end)).toBe(m.text);
        expect([e.name, ...e.aliases]).toContain(m.text);
      }
    }
  });

  it('do not overlap at the top level; a mention within another lies inside a mention of it', () => {
    const all = index.entities.flatMap((e) => e.mentions.map((m) => ({ e, m })));
    const top = all.filter((x) => !x.m.within);
    const byField = new Map<string, { start: number; end: number; id: string }[]>();
    for (const { e, m } of top) {
      const key = `${m.node}/${m.field}`;
      byField.set(key, [...(byField.get(key) ?? []), { start: m.start, end: m.end, id: e.id }]);
    }
    for (const spans of byField.values()) {
      spans.sort((a, b) => a.start - b.start);
      for (let i = 1; i < spans.length; i += 1)
        expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    }
    for (const { e, m } of all.filter((x) => x.m.within)) {
      const outer = byField
        .get(`${m.node}/${m.field}`)!
        .find((s) => s.start <= m.start && m.end <= s.end);
      expect(outer?.id, `${e.name} in ${m.node}`).toBe(m.within);
      expect(index.entities.find((x) => x.id === m.within)!.type).not.toBe('policy');
    }
  });

  it('find 振华路街道 inside the B8.2 project name, and 院士港 where the plan shortens the name', () => {
    const street = index.entities.find((e) => e.name === '振华路街道')!;
    expect(street.mentions).toEqual([
      expect.objectContaining({
        node: 'B8.2',
        field: 'text',
        start: 0,
        end: 5,
        within: expect.any(String),
      }),
    ]);
    const gang = index.entities.find((e) => e.name === '青岛国际院士港')!;
    expect(gang.mentions.filter((m) => m.text === '院士港').length).toBeGreaterThan(20);
  });
});

describe('the entity index', () => {
  it('matches the reviewed summary (type, name, aliases, sources, mention count)', async () => {
    const summary = index.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      sources: e.sources,
      nodes: e.nodes,
      mentions: e.mentions.length,
    }));
    await expect(await prettyJson({ counts: index.counts, entities: summary })).toMatchFileSnapshot(
      'golden/entities-summary.json',
    );
  });

  it('has no name or alias under two characters, none on the stoplist, and each name once', () => {
    const stop = new Set(curated.stoplist);
    const names = index.entities.flatMap((e) => [e.name, ...e.aliases]);
    for (const n of names) {
      expect([...n].length, n).toBeGreaterThanOrEqual(2);
      expect(stop.has(n), n).toBe(false);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('has unique URL-safe IDs and counts that add up', () => {
    const ids = index.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const total = Object.values(index.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(index.entities.length);
    for (const [type, n] of Object.entries(index.counts))
      expect(index.entities.filter((e) => e.type === type)).toHaveLength(n);
  });

  it('links indicator entities to their 表 rows and merges rows of the same name', () => {
    const sea = index.entities.find((e) => e.name === '海洋经济增加值占地区生产总值比重')!;
    expect(sea).toMatchObject({ type: 'indicator', nodes: ['T1.6', 'T2.4'] });
    expect(sea.aliases).toContain('海洋经济增加值占生产总值比重');
    const forest = index.entities.find((e) => e.name === '全区森林覆盖率')!;
    expect(forest.mentions.map((m) => m.node)).toEqual(['T2.21', '7.1.1']);
  });

  it('does not change the document', () => {
    const before = JSON.stringify(document);
    extractEntities(document, curated);
    expect(JSON.stringify(document)).toBe(before);
  });
});

describe('the curated list', () => {
  it('parses without problems, and every name and alias in it occurs in the plan', () => {
    const issues = new IssueCollector('content/entities/curated.json');
    checkCuratedInText(document, curated, curatedText(), issues);
    expect(issues.issues).toEqual([]);
  });

  it('reports bad entries with their line and rule', () => {
    const issues = new IssueCollector('curated.json');
    const text = [
      '{"entities": [',
      '  {"name": "院士港", "type": "organization"},',
      '  {"name": "港", "type": "place"},',
      '  {"name": "某某", "type": "city"},',
      '  {"name": "别名", "type": "place", "aliases": ["院士港"]}',
      '], "stoplist": ["院士港"]}',
    ].join('\n');
    const list = parseCurated(text, issues);
    expect(list.entities.map((e) => e.name)).toEqual(['院士港']);
    expect(issues.issues.map((i) => [i.line, i.rule])).toEqual([
      [3, 'curated-name'],
      [4, 'curated-type'],
      [2, 'curated-duplicate'],
      [2, 'curated-stoplist'],
    ]);
    const missing = new IssueCollector('curated.json');
    checkCuratedInText(
      document,
      { entities: [{ name: '不存在的名字', type: 'place' }], stoplist: [] },
      '"不存在的名字"',
      missing,
    );
    expect(missing.issues).toEqual([
      expect.objectContaining({ line: 1, rule: 'curated-not-in-text' }),
    ]);
  });
});

describe('name rules', () => {
  it('find a stem back to the nearest function word or head word', () => {
    const stem = (run: string, head: string, max = 6) => stemBefore(run, run.indexOf(head), max);
    expect(stem('重点推进唐山路', '路')).toBe('唐山');
    expect(stem('依托李村文化公园', '公园')).toBe('李村文化');
    expect(stem('振华路街道四流中路社区', '路社区', 6)).toBe('四流中');
    expect(stem('进一步完善社区', '社区')).toBeNull();
    expect(stem('促进李村河中游与商圈', '商圈')).toBeNull();
  });

  it('slug names as toneless pinyin', () => {
    expect(slugify('青岛国际院士港')).toBe('qing-dao-guo-ji-yuan-shi-gang');
    expect(slugify('9+3+1')).toBe('9-plus-3-plus-1');
    expect(slugify('青岛-亚马逊AWS联合创新中心')).toBe(
      'qing-dao-ya-ma-xun-aws-lian-he-chuang-xin-zhong-xin',
    );
  });
});
