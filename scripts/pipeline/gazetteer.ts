import type {
  DocumentNode,
  EntitySource,
  EntityType,
  MentionField,
} from '../../src/model/types.ts';
import { walk } from '../../src/model/tree.ts';
import type { CuratedList } from './curated.ts';
import { addPatterns } from './name-patterns.ts';

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
