import type {
  DocumentNode,
  EntitySource,
  EntityType,
  MentionField,
} from '../../src/model/types.ts';
import { walk } from '../../src/model/tree.ts';
import type { CuratedList } from './curated.ts';
import { addPatterns, generalWords } from './name-patterns.ts';

/**
 * The gazetteer: the names the entities stage tags (docs/entities.md,
 * "Entities"), derived from the plan itself plus the curated list.
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
 */

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

export class Gazetteer {
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

/** A source's precedence: lower comes first. */
export const rank = (s: EntitySource): number => PRECEDENCE.indexOf(s);

/* ---------------------------------------------------------------- quoted */

const QUOTED = /“([^“”]+)”(工程|协同创新中心)?/g;

/** The type a quoted term's own ending gives it. */
export function quotedType(term: string): EntityType {
  // A term that counts things is a framework or a slogan: 两城两区两港两中心, 五大工程, 9+3+1.
  if (/^[一二三四五六七八九十两百千万\d]/.test(term)) return 'policy';
  if (/^以.+为/.test(term)) return 'policy'; // a slogan: 以健康为中心
  if (/(工程|项目)$/.test(term)) return 'project';
  if (/(论坛|讲坛|讲堂|博览会|交易会|峰会|大会|年会|节|周|读书月|市集)$/.test(term)) return 'event';
  if (/(数据库|数据中心|网络|平台|装置)$/.test(term)) return 'facility';
  if (/(产业园|园区|基地|示范区|试验区|功能区)$/.test(term)) return 'park';
  if (/(中心|研究院|导师团|人才港)$/.test(term)) return 'organization';
  return 'policy';
}

/** What follows a product line's name: “中子光”系列精密装备, “核电宝”先进供能系统. */
const PRODUCT_AFTER = /^(?:系列|[^，。；、“”]{0,8}(?:系统|装备|软件|设备|仪器|产品))/;

/**
 * Items of a list closed by a counted collective term: 一体化实施基因改造、平台打造、管道塑造、
 * 生态营造、幸福创造“五大工程” — each item (平台打造) is a part of the collective, not a name.
 */
export function collectiveParts(fields: TextField[]): Set<string> {
  const parts = new Set<string>();
  const LIST =
    /((?:[^，。；、“”：]{2,12}、)+[^，。；、“”：]{2,12})“[一二三四五六七八九十两\d]+(?:大|个|项|条|类|张)[^”]{1,6}”/g;
  for (const { text } of fields) {
    for (const m of text.matchAll(LIST)) {
      const items = m[1]!.split('、');
      // The first item may carry a verb before the part: keep its endings of 2–6 characters.
      const first = [...items[0]!];
      for (let k = 2; k <= Math.min(6, first.length); k += 1) parts.add(first.slice(-k).join(''));
      for (const item of items.slice(1)) parts.add(item);
    }
  }
  return parts;
}

/** Verbs that make a two-word quoted term an action (平台打造), not a name. */
const ACTION = /^(?:打造|改造|塑造|营造|创造|建设|提升|发展|推进|优化)$/;

/**
 * A quoted term that is an ordinary word or phrase, not a coinage: jieba's general dictionary
 * holds it as one word (独角兽, 一站式, 绿水青山, 热带雨林), or it is a noun and an action verb
 * (平台打造, 基因改造).
 */
export function ordinaryWords(term: string): boolean {
  const words = generalWords().cut(term, false);
  return words.length === 1 || (words.length === 2 && ACTION.test(words[1]!));
}

function addQuoted(g: Gazetteer, fields: TextField[]): void {
  const parts = collectiveParts(fields);
  for (const { text } of fields) {
    for (const m of text.matchAll(QUOTED)) {
      const [whole, term, head] = m;
      if (!term || /[、，。；：,;:！？]/.test(term)) continue;
      const length = [...term].length;
      if (length < 2 || length > 12) continue;
      if (head) {
        g.add(whole, head === '工程' ? 'project' : 'organization', 'quoted');
        continue;
      }
      // The name of a period (十四五), a part of a counted collective, an ordinary word.
      if (/^十[一二三四五六七八九]五$/.test(term) || parts.has(term)) continue;
      const after = text.slice(m.index + whole.length);
      const type = PRODUCT_AFTER.test(after)
        ? 'product'
        : /^(?:平台|数据库)/.test(after) && quotedType(term) === 'policy'
          ? 'facility' // “南京公共文化云”平台
          : quotedType(term);
      if (type === 'policy' && ordinaryWords(term)) continue;
      g.add(term, type, 'quoted');
    }
  }
}

/* ------------------------------------------------ box items and headings */

/** Boxes whose items are industries: 产业集群, 重点产业, 新兴产业…重点领域 (not 技术攻关). */
const INDUSTRY_BOX =
  /产业集群|产业发展重点领域|重点产业|新兴产业|未来产业|支柱产业|服务业.*重点(?:发展)?领域/;
/** Boxes whose items are projects: 重大项目, 建设项目, …工程. */
const PROJECT_BOX = /重大项目|建设项目|重点项目/;
/** Sections whose sub-parts are industries: 转型升级传统产业, 发展壮大新兴产业. */
const INDUSTRY_SECTION = /产业/;

function addStructure(g: Gazetteer, document: DocumentNode): void {
  const subparts = new Map<string, string>();
  for (const { node, parents } of walk(document)) {
    const parent = parents[parents.length - 1];
    if (
      node.kind === 'subpart' &&
      parent?.kind === 'section' &&
      INDUSTRY_SECTION.test(parent.title)
    ) {
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
    const box = parents.find((p) => p.kind === 'box');
    if (box?.kind !== 'box') continue;
    const name = node.title.replace(/[。：:]$/, '');
    if (INDUSTRY_BOX.test(box.title)) {
      // A box item's title is its first phrase (汽车, 绿色石化与新材料); a long one is a sentence.
      if ([...name].length <= 12 && !/[，；]/.test(name))
        g.add(name, 'industry', 'boxItem', { node: node.id });
    } else if (PROJECT_BOX.test(box.title)) {
      const list = /：(.+)$/.exec(node.text);
      if (list?.[1]) {
        // A category item (中学：新建…、…等): the schools it names.
        for (const part of list[1].split(/[、，]/)) {
          const n = part.replace(/^(新建|改扩建)/, '').replace(/等$/, '');
          addProjectName(g, n, node.id);
        }
      } else {
        addProjectName(g, node.title, node.id);
      }
    }
  }
}

/** A project name, with aliases: without 项目/工程/等, and the name in its parentheses. */
function addProjectName(g: Gazetteer, title: string, node: string): void {
  const name = title.replace(/[。；，]$/, '').replace(/等$/, '');
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
  addPatterns(g, fields, document.title);
  addQuoted(g, fields);
  if (curated) applyCurated(g, curated);
  return tidy(g);
}
