import { pinyin } from 'pinyin-pro';
import type {
  DocumentNode,
  Entity,
  EntityIndex,
  EntityMention,
  EntitySource,
  EntityType,
  MentionField,
} from '../../src/model/types.ts';
import { TYPE_ORDER as TYPES } from '../../src/model/entity-labels.ts';
import { walk } from '../../src/model/tree.ts';
import type { IssueCollector } from './errors.ts';

/**
 * Entities: a gazetteer derived from the plan itself plus a curated list,
 * then every occurrence of every name tagged (docs/entities.md, "Entities").
 *
 * Gazetteer, in order of precedence when two sources give the same name:
 *  1. curated   content/entities/curated.json: canonical name, type, aliases;
 *               its stoplist removes names the rules below get wrong.
 *  2. indicator every row name of 表1 / 表2 (rows with the same name once
 *               全区/区级 and 地区 are dropped are one entity).
 *  3. boxItem   the items of the 产业集群 boxes (industries) and of the
 *               重大项目 boxes (projects; for a category item such as 中学,
 *               the schools it lists).
 *  4. heading   the sub-part headings of chapter 4 (the industry clusters);
 *               a box titled <heading>产业集群 is an alias of that heading.
 *  5. quoted    a term the plan puts in “…” (2–12 characters, one phrase: no
 *               、，。；：), with the head word that follows the closing quote
 *               when that is 工程 or 协同创新中心 (“山水园圈”工程).
 *  6. pattern   a name ending in a place or organization head word
 *               (…路, …街道, …社区, …山, …河, …公园, …片区, …商圈, …街区;
 *               …中心, …研究院, …研究所, …实验室, …产业园, …大学, …学院,
 *               …联盟, …学会, …基金): the stem back to the nearest boundary
 *               (`stemBefore`), organizations only with a proper-name marker
 *               (see `PATTERNS`).
 *
 * Tagging: leftmost-longest over every name and alias in every text field
 * (headings' titles, measures' leads and texts, paragraphs', box items',
 * figures' and notes' texts, indicator names). Top-level mentions never
 * overlap: where 青岛国际院士港研究院 is printed, that is a mention of the
 * institute. Inside each top-level mention, the names printed within it are
 * tagged again (leftmost-longest) and marked `within` the longer one — so
 * 振华路街道 is found inside the B8.2 project name — except inside policy
 * terms, whose words are coinages (人工智能+教育 says nothing of 智能+).
 */

export interface CuratedEntity {
  name: string;
  type: EntityType;
  aliases?: string[];
  /** Why it is curated (kept in the file for the reviewer, ignored here). */
  note?: string;
}

export interface CuratedList {
  entities: CuratedEntity[];
  /** Names the derivation rules produce that are not entities (generic phrases, figures of speech). */
  stoplist: string[];
}

/** The 1-based line of the first occurrence of `needle` in `text` (1 when absent). */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/**
 * Read content/entities/curated.json. Every problem is reported to `issues`
 * (rule `curated-*`, with the line it is on); the entries that are sound are
 * returned, so the caller decides when to stop (`issues.throwIfAny()`).
 */
export function parseCurated(text: string, issues: IssueCollector): CuratedList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    issues.add(1, 'curated-json', `not valid JSON: ${(error as Error).message}`);
    return { entities: [], stoplist: [] };
  }
  const { entities, stoplist } = (json ?? {}) as Record<string, unknown>;
  const out: CuratedList = { entities: [], stoplist: [] };
  if (!Array.isArray(entities))
    issues.add(1, 'curated-shape', 'expected "entities": [ {name, type, aliases?}, … ]');
  if (!Array.isArray(stoplist))
    issues.add(1, 'curated-shape', 'expected "stoplist": [ "name", … ]');
  const seen = new Set<string>();
  for (const [i, e] of (Array.isArray(entities) ? entities : []).entries()) {
    const entry = (e ?? {}) as Partial<CuratedEntity>;
    const name = typeof entry.name === 'string' ? entry.name : '';
    const line = name ? lineOf(text, `"${name}"`) : 1;
    if ([...name].length < 2) {
      issues.add(
        line,
        'curated-name',
        `entities[${i}]: name must be a string of two or more characters`,
      );
      continue;
    }
    if (!TYPES.includes(entry.type as EntityType)) {
      issues.add(
        line,
        'curated-type',
        `${name}: type must be one of ${TYPES.join(', ')}; found ${JSON.stringify(entry.type)}`,
      );
      continue;
    }
    const aliases = entry.aliases ?? [];
    if (
      !Array.isArray(aliases) ||
      aliases.some((a) => typeof a !== 'string' || [...a].length < 2)
    ) {
      issues.add(
        line,
        'curated-alias',
        `${name}: aliases must be strings of two or more characters`,
      );
      continue;
    }
    const twice = [name, ...aliases].find((n) => seen.has(n));
    if (twice) {
      issues.add(
        lineOf(text, `"${twice}"`),
        'curated-duplicate',
        `"${twice}" is listed twice; a name or alias belongs to one entity`,
      );
      continue;
    }
    for (const n of [name, ...aliases]) seen.add(n);
    out.entities.push({ name, type: entry.type as EntityType, aliases });
  }
  for (const s of Array.isArray(stoplist) ? stoplist : []) {
    if (typeof s !== 'string')
      issues.add(
        1,
        'curated-stoplist',
        `stoplist entries must be strings; found ${JSON.stringify(s)}`,
      );
    else if (seen.has(s))
      issues.add(
        lineOf(text, `"${s}"`),
        'curated-stoplist',
        `"${s}" is both an entity and on the stoplist`,
      );
    else out.stoplist.push(s);
  }
  return out;
}

/**
 * Curated names and aliases that the plan never prints: a typo or a stale
 * entry. Reported as `curated-not-in-text` so the build fails on them.
 */
export function checkCuratedInText(
  document: DocumentNode,
  curated: CuratedList,
  curatedText: string,
  issues: IssueCollector,
): void {
  const texts = textFields(document).map((f) => f.text);
  for (const e of curated.entities) {
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      if (!texts.some((t) => t.includes(n)))
        issues.add(
          lineOf(curatedText, `"${n}"`),
          'curated-not-in-text',
          `"${n}" (${e.name}) does not occur in the plan`,
        );
    }
  }
}

/** One text field of one node: what mentions index into. */
export interface TextField {
  node: string;
  field: MentionField;
  text: string;
}

/** Every text field of the plan, in document order. */
export function textFields(document: DocumentNode): TextField[] {
  const out: TextField[] = [];
  for (const { node } of walk(document)) {
    const add = (field: MentionField, text: string) => out.push({ node: node.id, field, text });
    switch (node.kind) {
      case 'chapter':
      case 'section':
      case 'subpart':
      case 'box':
        add('title', node.title);
        break;
      case 'measure':
        add('lead', node.lead);
        add('text', node.text);
        break;
      case 'paragraph':
      case 'boxItem':
      case 'figure':
      case 'note':
        add('text', node.text);
        break;
      case 'indicator':
        add('name', node.name);
        break;
      default:
        break;
    }
  }
  return out;
}

/** A gazetteer entry while it is being built. */
export interface Candidate {
  name: string;
  type: EntityType;
  aliases: Set<string>;
  sources: Set<EntitySource>;
  nodes: Set<string>;
}

const PRECEDENCE: readonly EntitySource[] = [
  'curated',
  'indicator',
  'boxItem',
  'heading',
  'quoted',
  'pattern',
];

class Gazetteer {
  readonly byName = new Map<string, Candidate>();

  add(
    name: string,
    type: EntityType,
    source: EntitySource,
    extra: { aliases?: string[]; node?: string } = {},
  ): Candidate {
    let c = this.byName.get(name);
    if (!c) {
      c = { name, type, aliases: new Set(), sources: new Set(), nodes: new Set() };
      this.byName.set(name, c);
    } else if (rank(source) < Math.min(...[...c.sources].map(rank))) {
      c.type = type;
    }
    c.sources.add(source);
    for (const a of extra.aliases ?? []) if (a !== name) c.aliases.add(a);
    if (extra.node) c.nodes.add(extra.node);
    return c;
  }
}

const rank = (s: EntitySource): number => PRECEDENCE.indexOf(s);

/* ---------------------------------------------------------------- quoted */

const QUOTED = /“([^“”]+)”(工程|协同创新中心)?/g;

function quotedType(term: string): EntityType {
  if (/(工程|项目)$/.test(term)) return 'project';
  if (/(中心|研究院|论坛|网络|数据库|导师团|人才港)$/.test(term)) return 'organization';
  return 'policy';
}

function addQuoted(g: Gazetteer, fields: TextField[]): void {
  for (const { text } of fields) {
    for (const m of text.matchAll(QUOTED)) {
      const [whole, term, head] = m;
      if (!term || /[、，。；：,;:！？]/.test(term)) continue;
      const length = [...term].length;
      if (length < 2 || length > 12) continue;
      if (head) g.add(whole, head === '工程' ? 'project' : 'organization', 'quoted');
      else g.add(term, quotedType(term), 'quoted');
    }
  }
}

/* --------------------------------------------------------------- pattern */

interface Pattern {
  head: RegExp;
  type: EntityType;
  /** Shortest and longest stem (characters before the head word) considered. */
  minStem: number;
  maxStem: number;
  /** The stem must match this to count as a proper name. */
  proper: RegExp;
  /** What may follow the head word (one-character heads also end words such as 山东, 思路, 河道). */
  next?: RegExp;
}

/**
 * Place heads take any stem that survives the trimming (their stems are
 * short proper names: 枣山路, 李村河); organization heads need a proper-name
 * marker in the stem (a place or institution name, Latin letters, digits),
 * since the plan also writes generic ones (创新中心, 重点实验室).
 */
const ORG_MARKER =
  /青岛|李沧|山东|中国|中科院|中法|法兰西|欧萨|新南威尔士|吉林|清华|同济|湖南|海洋|海军|丝路|兴华|中艺|世园|院士港|中子科学|氢能|邮政|工业遗产|[A-Za-z0-9]/;
/** After 山, 河: the end of the run, a separator word, or a head the name is the stem of (楼山片区, 李村河公园). */
const AFTER_NATURAL =
  /^(?:$|等|和|及|与|以北|两侧|下游|中游|上游|公园|森林公园|片区|老工业片区|河|山体|打通|街道|社区)/;
/** After 路: as after 山 and 河, and the schools and libraries named after roads (李沧路小学). */
const AFTER_ROAD = new RegExp(
  `${AFTER_NATURAL.source.replace(/\)$/, '')}|图书馆|小学|中学|学校|幼儿园)`,
);
export const PATTERNS: readonly Pattern[] = [
  { head: /街道/, type: 'place', minStem: 2, maxStem: 4, proper: /./ },
  { head: /社区/, type: 'place', minStem: 2, maxStem: 6, proper: /./ },
  { head: /森林公园|公园/, type: 'place', minStem: 2, maxStem: 4, proper: /./ },
  { head: /片区|商圈|街区|风景区/, type: 'place', minStem: 2, maxStem: 6, proper: /./ },
  { head: /路/, type: 'place', minStem: 2, maxStem: 4, proper: /./, next: AFTER_ROAD },
  { head: /山/, type: 'place', minStem: 1, maxStem: 3, proper: /./, next: AFTER_NATURAL },
  { head: /河/, type: 'place', minStem: 1, maxStem: 3, proper: /./, next: AFTER_NATURAL },
  {
    head: /中心|研究院|研究所|实验室|产业园|大学|学院|联盟|学会|基金/,
    type: 'organization',
    minStem: 2,
    maxStem: 16,
    proper: ORG_MARKER,
  },
];

/** Words that end a name on its left: verbs, prepositions, conjunctions and the like the plan puts before names. */
export const LEFT_WORDS: readonly string[] = [
  '依托',
  '保护',
  '加强',
  '串联',
  '完成',
  '推进',
  '实施',
  '开展',
  '拓展',
  '利用',
  '结合',
  '加快',
  '建设',
  '特别是',
  '促进',
  '发挥',
  '还原',
  '构筑',
  '实现',
  '打造',
  '新建',
  '改扩建',
  '推动',
  '支持',
  '融入',
  '挖掘',
  '探索',
  '借鉴',
  '引进',
  '设立',
  '布局',
  '争取',
  '授予',
  '对接',
  '发掘',
  '承接',
  '扩大',
  '完善',
  '提升',
  '优化',
  '整合',
  '培育',
  '建立',
  '建成',
  '创建',
  '组建',
  '共建',
  '启用',
  '落实',
  '深化',
  '加大',
  '抓好',
  '鼓励',
  '辐射',
  '治理',
  '纳入',
  '撬动',
  '下沉至',
  '以北',
  '以南',
  '以东',
  '以西',
  '省控',
  '市控',
  '国控',
  '其中',
  '同时',
  '以',
  '在',
  '与',
  '和',
  '及',
  '对',
  '至',
  '由',
  '为',
  '从',
  '于',
  '将',
  '沿',
  '的',
  '等',
  '了',
  '是',
  '并',
  '如',
  '向',
  '把',
  '使',
  '让',
  '被',
  '即',
  '或',
  '到',
  '进',
];
/** Head words that end a name on the left of another (…研究院习水路). 路, 山 and 河 do not: 虎山路, 李村河公园. */
const HEAD_BOUNDARIES = [
  '街道',
  '社区',
  '研究院',
  '中心',
  '实验室',
  '大学',
  '学院',
  '片区',
  '商圈',
  '公园',
];
const BOUNDARY = new RegExp(`(?:${[...LEFT_WORDS, ...HEAD_BOUNDARIES].join('|')})$`);
/** Trimmed off a stem's start but not boundaries inside one (青岛-亚马逊AWS联合创新中心). */
const LEADING_ONLY = [
  '联合',
  '积极',
  '充分',
  '全面',
  '大力',
  '重点',
  '有序',
  '逐步',
  '进一步',
  '高水平',
  '持续',
  '深入',
];
const LEADING = new RegExp(
  `^(?:${[...LEFT_WORDS, ...LEADING_ONLY].sort((a, b) => b.length - a.length).join('|')})`,
);

/**
 * The stem of a name whose head word starts at `at` in `run`: the text back
 * to the nearest boundary (the run's start, a word of `LEFT_WORDS`, another
 * head word), without leading `LEFT_WORDS`; null when it is empty or there is
 * no boundary within `maxStem` characters.
 */
export function stemBefore(run: string, at: number, maxStem: number): string | null {
  for (let j = at; j >= Math.max(0, at - maxStem); j -= 1) {
    if (j !== 0 && !BOUNDARY.test(run.slice(0, j))) continue;
    let stem = run.slice(j, at);
    for (let m = LEADING.exec(stem); m && m[0]; m = LEADING.exec(stem))
      stem = stem.slice(m[0].length);
    return stem || null;
  }
  return null;
}

const NAME_RUN = /[\p{Script=Han}A-Za-z0-9-]+/gu;

function addPatterns(g: Gazetteer, fields: TextField[]): void {
  for (const { text, field } of fields) {
    if (field === 'name') continue;
    for (const run of text.matchAll(NAME_RUN)) {
      const s = run[0];
      for (const p of PATTERNS) {
        for (const h of s.matchAll(new RegExp(p.head.source, 'g'))) {
          const end = h.index + h[0].length;
          if (p.next && !p.next.test(s.slice(end))) continue;
          const stem = stemBefore(s, h.index, p.maxStem);
          if (!stem || [...stem].length < p.minStem || /^[0-9-]/.test(stem)) continue;
          if (p.type === 'place' && /[0-9]/.test(stem)) continue; // 全区10个片区
          if (!p.proper.test(stem)) continue;
          g.add(stem + h[0], p.type, 'pattern');
        }
      }
    }
  }
}

/* ------------------------------------------------ box items and headings */

function addStructure(g: Gazetteer, document: DocumentNode): void {
  const subparts = new Map<string, string>();
  for (const { node, parents } of walk(document)) {
    if (node.kind === 'subpart') {
      g.add(node.title, 'industry', 'heading', { node: node.id });
      subparts.set(node.title, node.id);
    }
    if (node.kind === 'box') {
      const cluster = /^(.+)产业集群$/.exec(node.title);
      if (cluster?.[1]) {
        const heading = subparts.get(cluster[1]);
        if (heading)
          g.add(cluster[1], 'industry', 'heading', { aliases: [node.title], node: node.id });
        else g.add(node.title, 'industry', 'heading', { node: node.id });
      }
    }
    if (node.kind !== 'boxItem') continue;
    const box = parents[parents.length - 1];
    if (box?.kind !== 'box') continue;
    if (box.title.endsWith('产业集群')) {
      g.add(node.title, 'industry', 'boxItem', { node: node.id });
    } else if (box.title.endsWith('重大项目')) {
      const list = /：(.+)$/.exec(node.text);
      if (list?.[1]) {
        // A category item (中学：新建…、…等): the schools it names.
        for (const part of list[1].split(/[、，]/)) {
          const name = part.replace(/^(新建|改扩建)/, '').replace(/等$/, '');
          addProjectName(g, name, node.id);
        }
      } else {
        addProjectName(g, node.title, node.id);
      }
    }
  }
}

/** A project name, with aliases: without 项目/工程/等, and the name in its parentheses. */
function addProjectName(g: Gazetteer, title: string, node: string): void {
  const name = title.replace(/等$/, '');
  const aliases: string[] = [];
  const bare = name.replace(/(项目|工程)$/, '');
  if (bare !== name && [...bare].length >= 4) aliases.push(bare);
  const paren = /^(.+?)（(.+?)）(.*)$/.exec(bare);
  if (paren?.[1] && paren[2] && !paren[2].endsWith('校区')) {
    aliases.push(paren[1] + (paren[3] ?? ''), paren[2]);
  }
  g.add(name, 'project', 'boxItem', { aliases, node });
}

/* ------------------------------------------------------------ indicators */

/** The name an indicator row goes by in the text: without 全区/区级 and 地区. */
export function indicatorKey(name: string): string {
  return name.replace(/^(全区|区级)/, '').replace(/地区生产总值/g, '生产总值');
}

function addIndicators(g: Gazetteer, document: DocumentNode): void {
  const byKey = new Map<string, { names: string[]; rows: string[] }>();
  for (const { node } of walk(document)) {
    if (node.kind !== 'indicator') continue;
    const key = indicatorKey(node.name);
    const entry = byKey.get(key) ?? { names: [], rows: [] };
    if (!entry.names.includes(node.name)) entry.names.push(node.name);
    entry.rows.push(node.id);
    byKey.set(key, entry);
  }
  for (const [key, { names, rows }] of byKey) {
    // The 表2 name is canonical when both tables have the row.
    const canonical = names[names.length - 1]!;
    const aliases = [...names, key].filter((n) => n !== canonical);
    const c = g.add(canonical, 'indicator', 'indicator', { aliases });
    for (const r of rows) c.nodes.add(r);
  }
}

/* --------------------------------------------------------------- curated */

function applyCurated(g: Gazetteer, curated: CuratedList): void {
  const stop = new Set(curated.stoplist);
  for (const name of stop) g.byName.delete(name);
  for (const c of g.byName.values())
    for (const a of c.aliases) if (stop.has(a)) c.aliases.delete(a);

  for (const entry of curated.entities) {
    const c = g.add(entry.name, entry.type, 'curated', { aliases: entry.aliases ?? [] });
    c.type = entry.type;
    // A curated alias that another rule derived as a name folds that entry in.
    for (const alias of entry.aliases ?? []) {
      const other = g.byName.get(alias);
      if (!other || other === c) continue;
      for (const s of other.sources) c.sources.add(s);
      for (const n of other.nodes) c.nodes.add(n);
      for (const a of other.aliases) if (a !== c.name) c.aliases.add(a);
      g.byName.delete(alias);
    }
  }
}

/** Drop names shorter than two characters, and derived aliases that are another entry's name. */
function tidy(g: Gazetteer): Candidate[] {
  for (const [name] of g.byName) if ([...name].length < 2) g.byName.delete(name);
  const owner = new Map<string, Candidate>();
  for (const c of g.byName.values()) owner.set(c.name, c);
  for (const c of g.byName.values()) {
    for (const a of [...c.aliases]) {
      const o = owner.get(a);
      if ([...a].length < 2 || (o && o !== c)) c.aliases.delete(a);
    }
  }
  // An alias two entries both claim names neither.
  const claims = new Map<string, Candidate[]>();
  for (const c of g.byName.values())
    for (const a of c.aliases) claims.set(a, [...(claims.get(a) ?? []), c]);
  for (const [alias, cs] of claims) if (cs.length > 1) for (const c of cs) c.aliases.delete(alias);
  return [...g.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The gazetteer: the derived names, then (when given) the curated list and
 * its stoplist. Without `curated` it is what the rules alone derive, which
 * is what docs/entities.md measures the rules on.
 */
export function gazetteer(document: DocumentNode, curated?: CuratedList): Candidate[] {
  const g = new Gazetteer();
  const fields = textFields(document);
  addIndicators(g, document);
  addStructure(g, document);
  addPatterns(g, fields);
  addQuoted(g, fields);
  if (curated) applyCurated(g, curated);
  return tidy(g);
}

/* --------------------------------------------------------------- tagging */

/** A mention found by `tagMentions`, keyed by the entity's canonical name. */
export interface TaggedMention {
  key: string;
  mention: EntityMention;
  /** For a name printed inside a longer one: the canonical name of the longer one. */
  within?: string;
}

/**
 * Leftmost-longest matches of any surface form in every field; then, inside
 * each match, the names printed within it (振华路街道 inside
 * 振华路街道四流中路社区卫生服务中心新迁址工程), again leftmost-longest,
 * marked `within`.
 */
export function tagMentions(
  fields: TextField[],
  surfaces: ReadonlyMap<string, string>,
  /** Canonical names whose mentions are not searched for names within (coined policy terms: 人工智能+教育 is no mention of 智能+). */
  opaque: ReadonlySet<string> = new Set(),
): TaggedMention[] {
  const byFirst = new Map<string, string[]>();
  for (const s of surfaces.keys()) {
    const first = s[0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), s]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  /** Leftmost-longest in text[from, to), never a surface of the entity `skip` (the container). */
  const scan = (text: string, from: number, to: number, skip?: string): [number, string][] => {
    const hits: [number, string][] = [];
    let i = from;
    while (i < to) {
      const hit = byFirst
        .get(text[i]!)
        ?.find((s) => i + s.length <= to && text.startsWith(s, i) && surfaces.get(s) !== skip);
      if (hit) hits.push([i, hit]);
      i += hit ? hit.length : 1;
    }
    return hits;
  };
  const out: TaggedMention[] = [];
  for (const { node, field, text } of fields) {
    for (const [start, surface] of scan(text, 0, text.length)) {
      const key = surfaces.get(surface)!;
      const end = start + surface.length;
      out.push({ key, mention: { node, field, start, end, text: surface } });
      if (opaque.has(key)) continue;
      for (const [s, inner] of scan(text, start, end, key)) {
        const innerKey = surfaces.get(inner)!;
        out.push({
          key: innerKey,
          mention: { node, field, start: s, end: s + inner.length, text: inner },
          within: key,
        });
      }
    }
  }
  return out;
}

/* ----------------------------------------------------------------- slugs */

/** A URL-safe slug from a name: toneless pinyin syllables, Latin and digits kept, joined by '-'. */
export function slugify(name: string): string {
  const parts = pinyin(name.replace(/\+/g, ' plus '), {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
  });
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/* ------------------------------------------------------------------ main */

/**
 * The entity index: every gazetteer entry that the text mentions at least
 * once, with all its mentions. Pure: the document is not changed.
 */
export function extractEntities(document: DocumentNode, curated: CuratedList): EntityIndex {
  const entries = gazetteer(document, curated);
  const surfaces = new Map<string, string>();
  for (const c of entries) {
    surfaces.set(c.name, c.name);
    for (const a of c.aliases) surfaces.set(a, c.name);
  }
  const opaque = new Set(entries.filter((c) => c.type === 'policy').map((c) => c.name));
  const tagged = tagMentions(textFields(document), surfaces, opaque);
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const c of entries) {
    if (!tagged.some((t) => t.key === c.name)) continue;
    let id = slugify(c.name);
    if (used.has(id)) id = `${id}-${c.type}`;
    for (let k = 2; used.has(id); k += 1) id = `${slugify(c.name)}-${k}`;
    used.add(id);
    ids.set(c.name, id);
  }
  const mentions = new Map<string, EntityMention[]>();
  for (const { key, mention, within } of tagged) {
    const m: EntityMention = within ? { ...mention, within: ids.get(within)! } : mention;
    mentions.set(key, [...(mentions.get(key) ?? []), m]);
  }
  const entities: Entity[] = [];
  for (const c of entries) {
    const list = mentions.get(c.name);
    const id = ids.get(c.name);
    if (!list || !id) continue;
    const aliases = [...c.aliases].filter((a) => a !== c.name).sort();
    const entity: Entity = {
      id,
      type: c.type,
      name: c.name,
      aliases,
      sources: [...c.sources].sort((a, b) => rank(a) - rank(b)),
      mentions: list,
    };
    if (c.nodes.size > 0) entity.nodes = [...c.nodes];
    entities.push(entity);
  }
  const counts = Object.fromEntries(TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
  for (const e of entities) counts[e.type] += 1;
  return { schema: 1, entities, counts };
}
