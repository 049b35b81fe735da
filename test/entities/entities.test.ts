import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../scripts/pipeline/errors.ts';
import { checkCuratedInText, parseCurated } from '../../scripts/pipeline/curated.ts';
import {
  entitySlug,
  extractEntities,
  MAX_SLUG,
  shortHash,
  slugify,
  tagMentions,
} from '../../scripts/pipeline/entities.ts';
import {
  collectiveParts,
  gazetteer,
  ordinaryWords,
  quotedType,
  textFields,
} from '../../scripts/pipeline/gazetteer.ts';
import {
  cleanStem,
  nameContext,
  regionWords,
  stemBefore,
} from '../../scripts/pipeline/name-patterns.ts';
import { TYPE_LABELS, TYPE_ORDER } from '../../src/model/entity-labels.ts';
import type { Entity, EntityType } from '../../src/model/types.ts';
import { corpusPlan, SLUGS } from '../support/corpus.ts';

/** JSON as prettier prints it, so golden files pass `prettier --check`. */
async function prettyJson(value: unknown): Promise<string> {
  const { format } = await import('prettier');
  return format(JSON.stringify(value), { parser: 'json', printWidth: 100 });
}

const CURATED_FILE = 'content/plans/licang-14/entities.json';
const curatedText = readFileSync(CURATED_FILE, 'utf8');
const curated = (() => {
  const issues = new IssueCollector(CURATED_FILE);
  const list = parseCurated(curatedText, issues);
  issues.throwIfAny();
  return list;
})();
const NONE = { entities: [], stoplist: [] };
const document = corpusPlan('licang-14').document;
const index = extractEntities(document, curated);
const fields = new Map(textFields(document).map((f) => [`${f.node}/${f.field}`, f.text]));

/** The entity a name or alias belongs to. */
const owner = new Map<string, Entity>();
for (const e of index.entities) for (const n of [e.name, ...e.aliases]) owner.set(n, e);

interface Sample {
  sample: { name: string; derivedAs: EntityType; gold: EntityType | null; note?: string }[];
}
interface LicangFixture extends Sample {
  /** Entities the index must have, with their type and aliases. */
  required: { name: string; type: EntityType; aliases?: string[] }[];
  /** Mentions at positions 0 and 7 of every 15 in reading order, labelled by hand in context. */
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
const fixtureOf = <T extends Sample>(slug: string): T =>
  JSON.parse(readFileSync(`test/entities/golden/${slug}.sample.json`, 'utf8')) as T;
const fixture = fixtureOf<LicangFixture>('licang-14');

/**
 * Measured figures, as docs/entities.md ("Precision") states them: the sample's size, names
 * right and names right with their type, from the rules alone.
 */
const DOCUMENTED: Record<string, { sample: number; names: number; typed: number }> = {
  'licang-14': { sample: 68, names: 59, typed: 57 },
  'nanjing-15': { sample: 50, names: 42, typed: 40 },
  'guangzhou-15': { sample: 50, names: 38, typed: 35 },
  'suzhou-15': { sample: 50, names: 46, typed: 41 },
};
/** The Licang index with its curated list, on its sample, and its mention sample. */
const LICANG_INDEX = { kept: 58, right: 58, mentions: 103, mentionsCorrect: 103 };

describe.each(SLUGS)('the entity sample of %s (docs/entities.md, "Precision")', (slug) => {
  const sample = fixtureOf<Sample>(slug).sample;
  const { document: doc } = corpusPlan(slug);

  it('is the sample the rules draw today, each name labelled by hand', () => {
    const drawn =
      slug === 'licang-14'
        ? gazetteer(doc)
            .filter((_, i) => i % 5 === 0)
            .map((c) => [c.name, c.type])
        : (() => {
            const all = extractEntities(doc, NONE).entities;
            const step = Math.floor(all.length / 50);
            return all
              .filter((_, i) => i % step === 0)
              .slice(0, 50)
              .map((e) => [e.name, e.type]);
          })();
    expect(sample.map((s) => [s.name, s.derivedAs])).toEqual(drawn);
    for (const s of sample) if (s.gold !== s.derivedAs) expect(s.note, s.name).toBeTruthy();
  });

  it('measures the rules alone: names, and names with their type, a reader would accept', () => {
    const names = sample.filter((s) => s.gold !== null).length;
    const typed = sample.filter((s) => s.gold === s.derivedAs).length;
    expect({ sample: sample.length, names, typed }).toEqual(DOCUMENTED[slug]);
    expect(typed / sample.length).toBeGreaterThanOrEqual(0.7);
  });
});

describe('the Licang index with its curated list', () => {
  it('keeps the sampled names with their reviewed type, and drops the rest', () => {
    const kept = fixture.sample.filter((s) => owner.has(s.name));
    const right = kept.filter((s) => owner.get(s.name)!.type === s.gold);
    expect({ kept: kept.length, right: right.length }).toEqual({
      kept: LICANG_INDEX.kept,
      right: LICANG_INDEX.right,
    });
    // A right name the index leaves out is one never printed but inside a longer name
    // (振华路 in 振华路街道): the longest name wins.
    for (const s of fixture.sample) {
      const o = owner.get(s.name);
      if (s.gold && o) expect(o.type, s.name).toBe(s.gold);
      if (!s.gold) expect(o, s.name).toBeUndefined();
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
    expect(fixture.mentions).toHaveLength(LICANG_INDEX.mentions);
    expect(fixture.mentions.filter((m) => m.correct)).toHaveLength(LICANG_INDEX.mentionsCorrect);
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

  it('do not overlap at the top level; only places are tagged within a longer name', () => {
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
      expect(e.type, e.name).toBe('place');
    }
  });

  it('let the longest name win: 大数据 is not mentioned by 全球院士大数据库, nor 智能制造产业 by 智能制造产业园', () => {
    const at = (name: string) =>
      index.entities
        .find((e) => e.name === name)!
        .mentions.map((m) => `${m.node}/${m.field}@${m.start}`);
    const database = at('全球院士大数据库');
    const bigData = new Set(at('大数据'));
    for (const d of database) {
      const [where, start] = d.split('@');
      expect(bigData.has(`${where}@${Number(start) + 4}`), d).toBe(false);
    }
    const park = at('智能制造产业园');
    const industry = new Set(at('智能制造产业'));
    for (const p of park) expect(industry.has(p), p).toBe(false);
    expect(index.entities.find((e) => e.name === '智能制造产业园')!.type).toBe('park');
    expect(index.entities.find((e) => e.name === '全球院士大数据库')!.type).toBe('facility');
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

describe.each(SLUGS)('the entity index of %s', (slug) => {
  const { document: doc } = corpusPlan(slug);
  const idx = slug === 'licang-14' ? index : extractEntities(doc, NONE);

  it('matches the reviewed summary (type, name, aliases, sources, mention count)', async () => {
    const summary = idx.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      sources: e.sources,
      nodes: e.nodes,
      formerIds: e.formerIds,
      mentions: e.mentions.length,
    }));
    await expect(
      await prettyJson({ counts: idx.counts, retired: idx.retired, entities: summary }),
    ).toMatchFileSnapshot(`golden/${slug}.summary.json`);
  });

  it('gives each entity a unique, URL-safe, readable ID of at most 40 characters, its label and URL', () => {
    const ids = idx.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of idx.entities) {
      expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(e.id.length, e.name).toBeLessThanOrEqual(MAX_SLUG);
      expect(e.typeLabel).toBe(TYPE_LABELS[e.type]);
      expect(e.url).toBe(`/entities/${e.id}/`);
    }
    const total = Object.values(idx.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(idx.entities.length);
    expect(Object.keys(idx.counts)).toEqual([...TYPE_ORDER]);
  });

  it('has no name or alias under two characters, and each name once', () => {
    const names = idx.entities.flatMap((e) => [e.name, ...e.aliases]);
    for (const n of names) expect([...n].length, n).toBeGreaterThanOrEqual(2);
    expect(new Set(names).size).toBe(names.length);
  });

  it('does not change the document', () => {
    const before = JSON.stringify(doc);
    extractEntities(doc, NONE);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('old entity URLs of 李沧', () => {
  const published = curated.publishedIds!;
  it('every ID published before leads somewhere: the same entity, a former ID, or a retired one', () => {
    const current = new Set(index.entities.map((e) => e.id));
    const former = new Set(index.entities.flatMap((e) => e.formerIds ?? []));
    const retired = new Set((index.retired ?? []).map((r) => r.id));
    expect(published.length).toBe(365);
    for (const [id] of published)
      expect(current.has(id) || former.has(id) || retired.has(id), id).toBe(true);
    for (const r of index.retired ?? []) if (r.to) expect(current.has(r.to)).toBe(true);
  });

  it('gives a renamed long slug its old one (the URL redirects)', () => {
    const e = index.entities.find(
      (x) => x.name === '国家级氢能与燃料电池汽车工程技术研究中心青岛创新基地',
    )!;
    expect(e.id.length).toBeLessThanOrEqual(40);
    expect(e.formerIds).toEqual([
      'guo-jia-ji-qing-neng-yu-ran-liao-dian-chi-qi-che-gong-cheng-ji-shu-yan-jiu-zhong-xin-qing-dao-chuang-xin-ji-di',
    ]);
  });

  it('retires a fragment to the name that holds it: 平台打造', () => {
    expect(owner.has('平台打造')).toBe(false);
    expect(index.retired).toContainEqual(expect.objectContaining({ name: '平台打造' }));
  });
});

describe('entity types', () => {
  it('has one label for every type, in one order', () => {
    expect(Object.keys(TYPE_LABELS).sort()).toEqual([...TYPE_ORDER].sort());
  });

  it('types product lines, parks, facilities and events by what follows or ends them', () => {
    for (const name of ['中子光', '凤凰云', '核电宝', '麒麟刀'])
      expect(owner.get(name)?.type, name).toBe('product');
    const raw = new Map(gazetteer(document).map((c) => [c.name, c.type]));
    expect(raw.get('中子光')).toBe('product'); // “中子光”系列精密装备, by the rule alone
    expect(raw.get('麒麟刀')).toBe('product'); // “麒麟刀”精准放射治疗系统
    expect(quotedType('青岛国际院士论坛')).toBe('event');
    expect(quotedType('全球院士大数据库')).toBe('facility');
    expect(quotedType('五大工程')).toBe('policy');
    expect(quotedType('山水园圈工程')).toBe('project');
  });
});

describe('the curated list', () => {
  it('parses without problems, and every name and alias in it occurs in the plan', () => {
    const issues = new IssueCollector(CURATED_FILE);
    checkCuratedInText(document, curated, curatedText, issues);
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
      '], "stoplist": ["院士港"], "publishedIds": [["Bad Slug", "x"]]}',
    ].join('\n');
    const list = parseCurated(text, issues);
    expect(list.entities.map((e) => e.name)).toEqual(['院士港']);
    expect(issues.issues.map((i) => [i.line, i.rule])).toEqual([
      [3, 'curated-name'],
      [4, 'curated-type'],
      [2, 'curated-duplicate'],
      [6, 'curated-published'],
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

  it('cut what precedes a name by its part of speech, and know a proper name by its markers', () => {
    expect(cleanStem('争创国家数字贸易')).toBe('国家数字贸易');
    expect(cleanStem('发展各类')).toBe('');
    expect(regionWords('青岛市李沧区国民经济和社会发展第十四个五年规划')).toEqual(['青岛', '李沧']);
    const ctx = nameContext('南京市国民经济和社会发展第十五个五年规划纲要', ['紫金山']);
    expect(ctx.proper('紫金山')).toBe(true);
    expect(ctx.proper('南京智能计算')).toBe(true);
    expect(ctx.proper('重点')).toBe(false);
    expect(ctx.unmarked('国家')).toBe('');
  });

  it('drop parts of a counted collective and ordinary words from the quoted terms', () => {
    const parts = collectiveParts([
      {
        node: 'x',
        field: 'text',
        text: '一体化实施基因改造、平台打造、管道塑造、生态营造、幸福创造“五大工程”。',
      },
    ]);
    expect(parts.has('平台打造')).toBe(true);
    expect(parts.has('基因改造')).toBe(true);
    expect(ordinaryWords('一站式')).toBe(true);
    expect(ordinaryWords('绿水青山')).toBe(true);
    expect(ordinaryWords('平台打造')).toBe(true);
    expect(ordinaryWords('三放两化')).toBe(false);
    expect(ordinaryWords('最多跑一地')).toBe(false);
  });

  it('tag the longest name, and only places within it', () => {
    const surfaces = new Map([
      ['大数据', '大数据'],
      ['全球院士大数据库', '全球院士大数据库'],
      ['振华路街道', '振华路街道'],
      ['振华路街道卫生服务中心', '振华路街道卫生服务中心'],
    ]);
    const tagged = tagMentions(
      [{ node: 'x', field: 'text', text: '建立全球院士大数据库和振华路街道卫生服务中心' }],
      surfaces,
      new Set(['振华路街道']),
    );
    expect(tagged.map((t) => [t.key, t.within ?? null])).toEqual([
      ['全球院士大数据库', null],
      ['振华路街道卫生服务中心', null],
      ['振华路街道', '振华路街道卫生服务中心'],
    ]);
  });

  it('slug names as toneless pinyin, long ones cut at a syllable with a stable hash', () => {
    expect(slugify('青岛国际院士港')).toBe('qing-dao-guo-ji-yuan-shi-gang');
    expect(slugify('9+3+1')).toBe('9-plus-3-plus-1');
    expect(entitySlug('青岛国际院士港')).toBe('qing-dao-guo-ji-yuan-shi-gang');
    const long = entitySlug('国家级氢能与燃料电池汽车工程技术研究中心青岛创新基地');
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^guo-jia-ji-qing-neng-[a-z-]*-[0-9a-z]{6}$/);
    expect(entitySlug('国家级氢能与燃料电池汽车工程技术研究中心青岛创新基地')).toBe(long);
    expect(shortHash('a')).not.toBe(shortHash('b'));
  });
});
