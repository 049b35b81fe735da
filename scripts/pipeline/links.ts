import type {
  DocumentNode,
  IndicatorCell,
  IndicatorLink,
  IndicatorNode,
  LinkBasis,
  LinkKind,
  MeasureNode,
  NodeScope,
  PlanNode,
  RowRelation,
} from '../../src/model/types.ts';
import { walk } from '../../src/model/tree.ts';
import {
  periodOf,
  reviewSentence,
  scopeMap,
  tablePeriod,
  type Period,
  type Scope,
} from './scope.ts';

/**
 * Indicator ↔ clause links (docs/entities.md, "Indicator links"), on any plan.
 *
 * Three relations, kept apart because they say different things:
 *
 * - **pursues** (`measures` on a row, `indicators` on the clause): a clause of the plan proper
 *   (a measure, a paragraph, a box item, or a heading as a whole) works towards a row of a
 *   target table (李沧 表2, 南京 专栏2, 广州 专栏1, 苏州 表1). Never a clause of the review,
 *   the outlook, the goals or the vision (scope.ts).
 * - **states** (`statedIn` / `states`): a clause of the goals section words a row's target
 *   (“十四五”时期经济社会发展主要目标).
 * - **reports** (`reportedIn` / `reports`): a clause of the review (李沧 第一章第一节, 南京 第一章
 *   发展基础) reports a row of the previous-period table (李沧 表1 “十三五”完成, 南京 专栏1);
 *   in a plan without one, the baseline of a row of its target table.
 *
 * A row is described by its **key terms** (`keyTerms`), derived from its name by a fixed rule
 * and widened by a general vocabulary of synonyms (`SYNONYMS`: 能源消耗 = 能耗, 二氧化碳排放 =
 * 碳排放 = 低碳…). A clause's sentences are split at 。 and ；. For a row and a clause:
 *
 * - `figure` (explicit): one sentence holds the key terms and one of the row's figures: a target
 *   or growth cell for pursues and states, a result cell for reports;
 * - `terms` (topical): one sentence holds the key terms;
 * - `heading` (topical, pursues only): the title of a chapter, section, sub-part or 专栏 holds
 *   them: the heading pursues the row as a whole (李沧 第七章第一节 加快推动绿色低碳发展 ↔
 *   二氧化碳排放降低);
 * - `field` (topical, pursues only, and only for a row nothing else pursues): a heading or a
 *   sentence names the row's field, the key term without its measure (制造业 for
 *   制造业增加值占比, 数字经济 for 数字经济核心产业增加值占比), not as one item of a list.
 *
 * A row of a target table that no clause pursues gets `measures: []` and `unpursued: true`.
 * Rows of the two tables that report the same metric are joined (`previous` / `next`), so a
 * reader sees 2015 → 2020 → 2025 in one place.
 *
 * Every stage of this is linear in the plan: the key terms of all rows are matched in one scan
 * of each sentence (`TermIndex`).
 *
 * One module because the three relations and the joins of rows across tables all read a row
 * through one rule, its key terms (`keyTerm`, `keyTerms`, `SYNONYMS`, `FIELD_WORDS`): a change to
 * that rule changes every relation at once, so they are kept where they can be read side by side.
 */

/* ------------------------------------------------------------- key terms */

/**
 * Words that name the same metric in plans (a general vocabulary, not fitted to one row): each
 * family lists alternatives; a key term that contains one member may be matched by any other.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['能源消耗', '能耗'],
  ['二氧化碳排放', '碳排放', '低碳', '降碳', '碳达峰'],
  ['研发经费投入', '研发经费支出', '研发投入', '研发经费'],
  ['社会消费品零售额', '社会消费品零售总额', '社会消费品零售', '社零'],
  ['城镇新增就业', '新增城镇就业'],
  ['生产总值', '经济总量'],
  ['空气质量优良天数', '空气优良天数', '空气质量', '空气环境质量'],
  ['婴幼儿托位', '婴幼儿照护', '托育', '托位'],
  ['婴幼儿入托率', '入托率', '托育'],
  ['细颗粒物', 'PM2.5'],
  ['执业（助理）医师', '执业医师', '执业(助理)医师'],
  ['地表水', '断面水质', '水环境质量', '水环境'],
  ['居民人均可支配收入', '人均可支配收入', '居民收入'],
  ['服务业增加值', '产业结构'],
  ['养老床位', '老人床位', '养老机构床位'],
  ['高价值发明专利', '高价值专利'],
  ['养老机构护理型床位', '护理型床位', '护理型养老床位'],
  ['常住人口城镇化率', '城镇化率'],
  ['生产安全事故', '安全生产事故', '安全生产'],
  ['全员劳动生产率', '劳动生产率'],
  ['耕地保有量', '耕地保护'],
];

/** Qualifiers that only scope a name to the area or the population counted. */
const SCOPE_PREFIX = /^(?:全区|区级|全市|市级|全省|全社会|全体|规上|规模以上|累计)/;
/** Per-head qualifiers (the text often words them differently). */
const PER_HEAD_PREFIX =
  /^(?:每万人口拥有|每万人口|每万人|每千人口拥有|每千人口|每千人常住人口|每千名老人拥有|每千名老人)/;
/** Age qualifiers: 3岁以下婴幼儿, 0－3岁婴幼儿. */
const AGE_PREFIX = /^(?:\d+[－—–-]\d+岁|\d+岁以下)/;
/** Per-output qualifiers: 单位地区生产总值二氧化碳排放降低 is about 二氧化碳排放. */
const PER_OUTPUT_PREFIX = /^单位(?:地区)?生产总值(?=.{2})/;
/** Measurement suffixes: what is said about the subject, not the subject. */
const MEASURE_SUFFIX =
  /(?:年均增长率|年均增长|年均增速|年均浓度|增长率|增速|增长|下降率|降低率|降低|下降|数量|拥有量|人数|比率|比值|比重|比例|占比|(?<![天指次户])数)$/;
/** A verb clause after the subject: 地表水达到或好于三类水体比例 is about 地表水. */
const VERB_CLAUSE = /^(.{2,}?)(?:达到或好于|达到或优于|达到|好于|优于)/;
/** The measure of a field: 制造业增加值 is the field 制造业 measured by its value added. */
const FIELD_MEASURE =
  /(?:企业营业收入|营业收入|增加值率|增加值|总产值|产值|总收入|收入|生产总值|总值|支出|投入|合同执行额|执行额|总额)$/;

/**
 * Synonyms too broad for running text: they count in titles only (headings, a measure's or box
 * item's lead). 绿色低碳 is printed of everything from soil remediation to photovoltaics; a
 * section titled 加快推动绿色低碳发展 is about carbon.
 */
export const TITLE_ONLY: ReadonlySet<string> = new Set(['低碳', '水环境']);

/** Qualifiers of the population counted, which leave the subject as it is (常住居民收入). */
const POPULATION = /^(?:|常住|全体|全社会|户籍)$/;

/** A row's name as the text writes it: no quotes, no spaces, 地区生产总值 as 生产总值 kept. */
const plainName = (name: string): string => name.replace(/[“”‘’"\s]/g, '');

/** The key term of a name before synonyms: the rule of docs/entities.md. */
export function keyTerm(name: string): string {
  let n = plainName(name)
    .replace(SCOPE_PREFIX, '')
    .replace(PER_OUTPUT_PREFIX, '')
    .replace(/地区生产总值/g, '生产总值');
  // A Latin abbreviation in parentheses is the name's other form: 地区生产总值（GDP）.
  n = n.replace(/（[A-Za-z0-9.]+）/g, '');
  const share = /^(.+?)占.+(?:比重|比例)$/.exec(n) ?? /^(.+?)占比$/.exec(n);
  if (share?.[1]) return share[1].replace(SCOPE_PREFIX, '');
  n = n.replace(PER_HEAD_PREFIX, '').replace(AGE_PREFIX, '');
  const verb = VERB_CLAUSE.exec(n);
  if (verb?.[1]) return verb[1];
  const stripped = n.replace(MEASURE_SUFFIX, '');
  return stripped.length >= 2 ? stripped : n;
}

/**
 * A name that joins two metrics with / (机场旅客/货邮吞吐量): each metric on its own, the
 * measure word after the slash shared (机场旅客吞吐量, 货邮吞吐量).
 */
function slashTerms(term: string): string[] {
  const m = /^(.+?)\/(.+?)(吞吐量|总量|数量|量|额|数)$/.exec(term);
  if (!m) return [term];
  const [, a, b, tail] = m as unknown as [string, string, string, string];
  return [term, a + tail, b + tail];
}

/** The alternatives of a key term: itself and the members of every synonym family it contains. */
function alternatives(term: string): string[] {
  const out = new Set(slashTerms(term));
  for (const family of SYNONYMS) {
    const member = family.find((m) => term.includes(m));
    if (!member) continue;
    // The member is the term's subject when it ends it (常住居民人均可支配收入) or opens it
    // (地表水国考断面优良水体): then every member names it; else only the term reworded.
    const rest = term.endsWith(member) ? term.slice(0, -member.length) : null;
    const subject = term.startsWith(member) || (rest !== null && POPULATION.test(rest));
    for (const other of family) {
      out.add(term.replace(member, other));
      if (subject) out.add(other);
    }
  }
  return [...out].filter((t) => [...t].length >= 2);
}

/**
 * The key terms of a row: one group of alternatives that a sentence must hold one of (docs:
 * "Key terms"). `{ id, name }` so that tests can pass a bare name.
 */
export function keyTerms(indicator: Pick<IndicatorNode, 'id' | 'name'>): string[][] {
  return [alternatives(keyTerm(indicator.name))];
}

/**
 * The words plans title the work on a metric with, when the metric is not named there (a
 * general vocabulary, like SYNONYMS): 城镇新增就业 is pursued under 就业, 机场旅客吞吐量 under
 * 临空经济, 人均预期寿命 under 健康.
 */
export const FIELD_WORDS: readonly { metric: RegExp; words: readonly string[] }[] = [
  { metric: /就业|失业/, words: ['就业'] },
  { metric: /粮食/, words: ['粮食', '粮食安全'] },
  { metric: /耕地/, words: ['耕地'] },
  { metric: /建设用地|用地/, words: ['土地', '集约'] },
  { metric: /用水/, words: ['水资源', '节水'] },
  { metric: /受教育年限|学历/, words: ['教育'] },
  { metric: /人才|学历/, words: ['人才'] },
  { metric: /法治/, words: ['法治'] },
  { metric: /^工业/, words: ['工业', '制造业', '制造'] },
  { metric: /海洋/, words: ['海洋'] },
  { metric: /社会消费品零售/, words: ['消费'] },
  { metric: /进出口|外贸/, words: ['贸易'] },
  { metric: /服务外包|服务贸易/, words: ['服务贸易', '服务外包'] },
  { metric: /机场|航空|空港/, words: ['临空', '空港', '机场'] },
  { metric: /港口|集装箱|航运/, words: ['临港', '港口', '航运'] },
  { metric: /电力|电源|能源/, words: ['能源'] },
  { metric: /专利/, words: ['知识产权'] },
  { metric: /高中|入学/, words: ['普通高中', '教育'] },
  { metric: /医师|护士|医护/, words: ['医疗', '卫生'] },
  { metric: /养老|老年人/, words: ['养老服务', '养老机构'] },
  { metric: /预期寿命|慢病/, words: ['健康'] },
  { metric: /城镇化/, words: ['城镇化'] },
];

/**
 * The row's field, for rows nothing else pursues: the sector whose output the key term measures
 * (制造业增加值 → 制造业, 数字经济核心产业增加值 → 数字经济, 旅游业总收入 → 旅游业), then the
 * words FIELD_WORDS gives its key term (城镇新增就业 → 就业). Empty when there is none.
 */
export function fieldTerms(indicator: Pick<IndicatorNode, 'name'>): string[] {
  const key = keyTerm(indicator.name);
  const out: string[] = [];
  if (FIELD_MEASURE.test(key)) {
    const field = key
      .replace(FIELD_MEASURE, '')
      .replace(/企业$/, '')
      .replace(/核心产业$/, '')
      .replace(/^规上/, '');
    // A field is a sector of the economy: 制造业, 金融业, 数字经济, 文化产业.
    if ([...field].length >= 2 && /(?:业|经济|产业)$/.test(field)) out.push(field);
  }
  for (const f of FIELD_WORDS) if (f.metric.test(key)) out.push(...f.words);
  return [...new Set(out)];
}

/**
 * The words that name a row's fields in a title: each field, and for a sector named …业 its
 * stem when that is two characters or more (制造业 → 制造: 智能制造和智能建造).
 */
export function fieldTitleWords(fields: readonly string[]): string[] {
  const out = new Set<string>();
  for (const field of fields) {
    out.add(field);
    const stem = field.replace(/业$/, '');
    if (stem !== field && [...stem].length >= 2) out.add(stem);
  }
  return [...out];
}

/* --------------------------------------------------------------- figures */

/** Split text into sentences at 。 and ；, keeping the mark. */
export function clauses(text: string): string[] {
  return text.match(/[^。；]+[。；]?/g) ?? [];
}

/** Numbers in a sentence, skipping ones glued to Latin letters (PM2.5, 5G). */
export function numbersIn(sentence: string): { value: number; text: string }[] {
  const out: { value: number; text: string }[] = [];
  for (const m of sentence.matchAll(/\d+(?:\.\d+)?/g)) {
    const before = sentence[m.index - 1] ?? '';
    const after = sentence[m.index + m[0].length] ?? '';
    if (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after)) continue;
    out.push({ value: Number(m[0]), text: m[0] });
  }
  return out;
}

/** The figures of a cell: its number, or every number it prints that is not a year. */
function cellNumbers(cell: IndicatorCell): number[] {
  if (cell.value !== null) return [cell.value];
  return numbersIn(cell.text)
    .filter((n, i, all) => {
      const after = cell.text.slice(cell.text.indexOf(n.text) + n.text.length);
      const year = Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100;
      return !(year && /^(?:年|[-—–]\d)/.test(after)) && all.indexOf(n) === i;
    })
    .map((n) => n.value);
}

/**
 * The cells of a row that a sentence may state for a relation: the target and growth cells
 * (pursues, states), or the result cells (reports).
 */
export function figureCells(
  indicator: IndicatorNode,
  relation: Relation = 'pursues',
): IndicatorCell[] {
  const roles = relation === 'reports' ? ['actual'] : ['target', 'growth'];
  return indicator.cells.filter((c) => roles.includes(c.role) && c.text && c.text !== '—');
}

/** A figure of the cells that the sentence states, if any. */
function matchFigure(
  sentence: string,
  cells: IndicatorCell[],
): { column: string; figure: string } | null {
  const numbers = numbersIn(sentence);
  for (const cell of cells) {
    for (const value of cellNumbers(cell)) {
      const hit = numbers.find((n) => Math.abs(n.value - value) < 1e-9);
      if (hit) return { column: cell.column, figure: hit.text };
    }
    // A worded figure, verbatim: 与GDP增速基本同步 (not 完成市下达任务: every row has that).
    if (cell.text.length >= 4 && !/\d/.test(cell.text) && !/^完成/.test(cell.text)) {
      if (sentence.includes(cell.text)) return { column: cell.column, figure: cell.text };
    }
  }
  return null;
}

/* ------------------------------------------------------------ term index */

/**
 * Many terms found in one scan of a text: a map from first character to the terms that start
 * with it, longest first. `find` returns every term that occurs, with its offsets.
 */
export class TermIndex {
  private readonly byFirst = new Map<string, string[]>();
  constructor(terms: Iterable<string>) {
    for (const t of new Set(terms)) {
      const list = this.byFirst.get(t[0]!);
      if (list) list.push(t);
      else this.byFirst.set(t[0]!, [t]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }
  find(text: string): { term: string; at: number }[] {
    const out: { term: string; at: number }[] = [];
    for (let i = 0; i < text.length; i += 1) {
      const list = this.byFirst.get(text[i]!);
      if (!list) continue;
      for (const t of list) if (text.startsWith(t, i)) out.push({ term: t, at: i });
    }
    return out;
  }
}

/**
 * A sentence as the terms are matched in it: without quotes, and with the titles of documents
 * masked (《数字经济伙伴关系协定》 names a treaty, not the field).
 */
const plain = (s: string): string =>
  s.replace(/《[^》]*》/g, (m) => '□'.repeat(m.length)).replace(/[“”‘’]/g, '');

/* ----------------------------------------------------------------- links */

/** The three relations between clauses and rows. */
export type Relation = 'pursues' | 'states' | 'reports';

/** One link with the evidence for it: the golden files and the docs show these. */
export interface IndicatorLinkEvidence {
  relation: Relation;
  /** The clause: a measure, paragraph, box item or heading. */
  clause: string;
  indicator: string;
  kind: LinkKind;
  basis: LinkBasis;
  /** The key terms (or field) that matched. */
  terms: string[];
  /** For `figure` links: the cell's column and the figure as the sentence states it. */
  column: string | null;
  figure: string | null;
  /** The sentence (or title) that carries the terms. */
  sentence: string;
}

/** A clause: a node whose sentences (or title) can link to rows. */
interface Clause {
  node: PlanNode;
  scope: Scope;
  /** Sentences of a measure, paragraph or box item; the title of a heading. */
  sentences: string[];
  heading: boolean;
}

/** A row of an indicator table with what the rules need. */
interface Row {
  node: IndicatorNode;
  period: 'previous' | 'current';
  terms: string[][];
  /** The row's fields (fieldTerms), for the field tier. */
  fields: string[];
}

/** The sentences of a measure: its lead and text, and the paragraphs that continue it. */
export function measureSentences(measure: MeasureNode): string[] {
  const texts = [measure.lead, measure.text];
  for (const child of measure.children) if (child.kind === 'paragraph') texts.push(child.text);
  return texts.flatMap(clauses);
}

const HEADING_KINDS = new Set(['chapter', 'section', 'subpart', 'box']);

/** Every clause of the plan in document order, with its scope. */
function clausesOf(document: DocumentNode, scopes: Map<string, NodeScope>): Clause[] {
  const out: Clause[] = [];
  for (const { node, parents } of walk(document)) {
    const scope: Scope = scopes.get(node.id) ?? 'plan';
    if (node.kind === 'measure') {
      out.push({ node, scope, sentences: measureSentences(node), heading: false });
    } else if (node.kind === 'paragraph') {
      // A paragraph that continues a measure is one of the measure's sentences.
      if (parents[parents.length - 1]?.kind === 'measure') continue;
      out.push({ node, scope, sentences: clauses(node.text), heading: false });
    } else if (node.kind === 'boxItem') {
      out.push({ node, scope, sentences: clauses(node.text), heading: false });
    } else if (HEADING_KINDS.has(node.kind)) {
      out.push({ node, scope, sentences: [node.title], heading: true });
    }
  }
  return out;
}

/** Every row of every indicator table, with the table's period and the row's terms. */
function rowsOf(document: DocumentNode, period: Period): Row[] {
  const out: Row[] = [];
  for (const { node } of walk(document)) {
    if (node.kind !== 'table' || !node.indicators) continue;
    const p = tablePeriod(node, period);
    for (const { node: row } of walk(node)) {
      if (row.kind !== 'indicator') continue;
      out.push({ node: row, period: p, terms: keyTerms(row), fields: fieldTerms(row) });
    }
  }
  return out;
}

/** What follows a field word that is part of a zone's name (数字经济创新发展试验区). */
const ZONE_AFTER = /^[^，。；、：]{0,6}?(?:开发区|园区|示范区|试验区|片区)/;

/** The title of a clause: a heading's title, a measure's or box item's lead; '' for a paragraph. */
function titleOf(clause: Clause): string {
  const n = clause.node;
  if (clause.heading) return n.title;
  if (n.kind === 'measure') return n.lead;
  if (n.kind === 'boxItem') return n.lead ?? '';
  return '';
}

/**
 * A term is one item of a list (旅游、文化、家政和托育等服务) when 、 stands right before or
 * after it, or 和 / 及 / 与 before it with a 、 shortly before that.
 */
export function listed(text: string, at: number, term: string): boolean {
  const before = text[at - 1] ?? '';
  if (before === '、' || text[at + term.length] === '、') return true;
  const after = text[at + term.length] ?? '';
  return (
    /[和及与]/.test(before) &&
    /^(?:等|[，。；：]|$)/.test(after) &&
    text.slice(Math.max(0, at - 16), at - 1).includes('、')
  );
}

/** The options of the links stage. */
export interface LinkOptions {
  /** The plan's period (PlanFile.meta.period); read from the target tables when absent. */
  period?: Period;
}

/**
 * Every link with its evidence: by relation (pursues, states, reports), then in document order
 * of clauses, then in table order of rows.
 */
export function findIndicatorLinks(
  document: DocumentNode,
  options: LinkOptions = {},
): IndicatorLinkEvidence[] {
  const period = options.period ?? periodOf(document);
  const scopes = scopeMap(document);
  const rows = rowsOf(document, period);
  const clauseList = clausesOf(document, scopes);
  const clauseById = new Map(clauseList.map((c) => [c.node.id, c]));
  // The review reports the previous-period table's rows, and the baseline of the target rows
  // that table does not carry on (李沧 表2 “四新”经济 2020年 23左右 ↔ 1.1.1).
  const carried = new Set(rowRelations(document, { period }).map((r) => r.current));
  const current = rows.filter((r) => r.period === 'current');
  const reported = rows.filter((r) => r.period === 'previous' || !carried.has(r.node.id));
  /** The rows a relation may link to. */
  const candidates = (relation: Relation): Row[] => (relation === 'reports' ? reported : current);
  const allowedFor: Record<Relation, Set<Row>> = {
    pursues: new Set(current),
    states: new Set(current),
    reports: new Set(reported),
  };

  const termIndex = new TermIndex(rows.flatMap((r) => r.terms.flat()));
  const rowsByTerm = new Map<string, Row[]>();
  for (const r of rows)
    for (const t of new Set(r.terms.flat())) rowsByTerm.set(t, [...(rowsByTerm.get(t) ?? []), r]);

  const found: IndicatorLinkEvidence[] = [];
  const seen = new Set<string>();
  const add = (e: IndicatorLinkEvidence) => {
    const key = `${e.relation}|${e.clause}|${e.indicator}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(e);
  };

  /** Matches of rows in one clause's sentences for one relation: a figure wins over terms. */
  const matchClause = (clause: Clause, relation: Relation, sentences: string[]) => {
    const allowed = allowedFor[relation];
    const best = new Map<Row, IndicatorLinkEvidence>();
    const title = titleOf(clause);
    for (const sentence of sentences) {
      const text = plain(sentence);
      const isTitle =
        clause.heading || (title !== '' && title.includes(sentence.replace(/[。；]$/, '')));
      const hits = termIndex.find(text);
      const rowsHere = new Map<Row, Set<string>>();
      for (const { term, at } of hits)
        for (const r of rowsByTerm.get(term) ?? []) {
          if (!allowed.has(r)) continue;
          // X占生产总值比重: a term after 占 is the denominator, not what the sentence is about.
          const before = text
            .slice(Math.max(0, at - 4), at)
            .replace(/(?:地区|全市|全区|全省)$/, '');
          if (/(?:占|单位)$/.test(before)) continue;
          // 人均地区生产总值 is another metric than 地区生产总值.
          if (before.endsWith('人均') && !r.node.name.includes('人均')) continue;
          // A two-character synonym counts only where it is not one item of a list: 资金、土地、
          // 能耗等要素 is not about 能源消耗, 家政和托育等服务 not about 婴幼儿托位.
          const own = r.terms.some((g) => g[0] === term);
          if (!own && [...term].length <= 2 && !clause.heading && listed(text, at, term)) continue;
          if (TITLE_ONLY.has(term) && !isTitle) continue;
          rowsHere.set(r, (rowsHere.get(r) ?? new Set()).add(term));
        }
      for (const [row, terms] of rowsHere) {
        const matched = row.terms.map((group) => group.find((t) => terms.has(t)));
        if (matched.some((t) => t === undefined)) continue;
        const prior = best.get(row);
        if (prior?.basis === 'figure') continue;
        const figure = clause.heading
          ? null
          : matchFigure(sentence, figureCells(row.node, relation));
        const basis: LinkBasis = figure ? 'figure' : clause.heading ? 'heading' : 'terms';
        if (prior && !figure) continue;
        best.set(row, {
          relation,
          clause: clause.node.id,
          indicator: row.node.id,
          kind: figure ? 'explicit' : 'topical',
          basis,
          terms: matched as string[],
          column: figure?.column ?? null,
          figure: figure?.figure ?? null,
          sentence,
        });
      }
    }
    return [...best.values()];
  };

  const byRelation: Record<Relation, IndicatorLinkEvidence[]> = {
    pursues: [],
    states: [],
    reports: [],
  };
  for (const clause of clauseList) {
    if (clause.scope === 'plan') {
      // Sentences of the plan proper that report the previous period are review sentences.
      const review = clause.heading
        ? []
        : clause.sentences.filter((s) => reviewSentence(s, period));
      const ahead = clause.sentences.filter((s) => !review.includes(s));
      byRelation.pursues.push(...matchClause(clause, 'pursues', ahead));
      if (review.length) byRelation.reports.push(...matchClause(clause, 'reports', review));
    } else if (clause.scope === 'goals' && !clause.heading) {
      byRelation.states.push(...matchClause(clause, 'states', clause.sentences));
    } else if (clause.scope === 'review' && !clause.heading) {
      byRelation.reports.push(...matchClause(clause, 'reports', clause.sentences));
    }
  }

  // The field tier: rows of a target table that nothing pursues, by the field they measure:
  // in titles (headings, a measure's or box item's lead) by the field or its stem; for a row no
  // title names, in running text by a field of three characters or more, not as a list item.
  const pursued = new Set(byRelation.pursues.map((e) => e.indicator));
  // A two-level row whose sub-rows are pursued is pursued through them (每千人口拥有医护人员数).
  const covered = (r: Row) =>
    pursued.has(r.node.id) || r.node.children.some((c) => pursued.has(c.id));
  const orphans = candidates('pursues').filter((r) => !covered(r) && r.fields.length);
  const fieldLink = (clause: Clause, row: Row, term: string, sentence: string) =>
    byRelation.pursues.push({
      relation: 'pursues',
      clause: clause.node.id,
      indicator: row.node.id,
      kind: 'topical',
      basis: 'field',
      terms: [term],
      column: null,
      figure: null,
      sentence,
    });
  const byWord = (list: Row[], words: (r: Row) => string[]) => {
    const map = new Map<string, Row[]>();
    for (const r of list) for (const w of words(r)) map.set(w, [...(map.get(w) ?? []), r]);
    return map;
  };
  const titleWords = byWord(orphans, (r) => fieldTitleWords(r.fields));
  const titleIndex = new TermIndex(titleWords.keys());
  const titled = new Set<Row>();
  for (const clause of orphans.length ? clauseList : []) {
    if (clause.scope !== 'plan') continue;
    const title = titleOf(clause);
    if (!title) continue;
    const rowsHere = new Map<Row, string>();
    for (const { term } of titleIndex.find(plain(title)))
      for (const row of titleWords.get(term) ?? []) if (!rowsHere.has(row)) rowsHere.set(row, term);
    for (const [row, term] of rowsHere) {
      titled.add(row);
      fieldLink(clause, row, term, title);
    }
  }
  const untitled = orphans.filter((r) => !titled.has(r));
  const textWords = byWord(untitled, (r) => r.fields.filter((f) => [...f].length >= 3));
  const textIndex = new TermIndex(textWords.keys());
  for (const clause of textWords.size ? clauseList : []) {
    if (clause.scope !== 'plan' || clause.heading) continue;
    const done = new Set<Row>();
    for (const sentence of clause.sentences) {
      if (reviewSentence(sentence, period)) continue;
      const text = plain(sentence);
      for (const { term, at } of textIndex.find(text)) {
        if (listed(text, at, term)) continue;
        // …高新技术产业开发区, 数字经济创新发展试验区 name a zone, not the field.
        if (ZONE_AFTER.test(text.slice(at + term.length))) continue;
        for (const row of textWords.get(term) ?? [])
          if (!done.has(row)) {
            done.add(row);
            fieldLink(clause, row, term, sentence);
          }
      }
    }
  }

  // A heading's link covers what it holds: a title-level link under a heading already linked
  // to the same row says nothing more (南京 第五十三章 碳达峰 › 第四节 碳排放转型机制).
  const parentsOf = new Map<string, string[]>();
  for (const { node, parents } of walk(document))
    parentsOf.set(
      node.id,
      parents.map((p) => p.id),
    );
  const titleLevel = (e: IndicatorLinkEvidence) =>
    e.basis === 'heading' ||
    (e.basis === 'field' && e.sentence === titleOf(clauseById.get(e.clause)!));
  const headed = new Set(
    byRelation.pursues
      .filter((e) => clauseById.get(e.clause)!.heading)
      .map((e) => `${e.clause}|${e.indicator}`),
  );
  byRelation.pursues = byRelation.pursues.filter(
    (e) =>
      !titleLevel(e) ||
      !(parentsOf.get(e.clause) ?? []).some((p) => headed.has(`${p}|${e.indicator}`)),
  );
  const order = new Map(clauseList.map((c, i) => [c.node.id, i]));
  const rowOrder = new Map(rows.map((r, i) => [r.node.id, i]));
  for (const relation of ['pursues', 'states', 'reports'] as const) {
    const list = byRelation[relation].sort(
      (a, b) =>
        order.get(a.clause)! - order.get(b.clause)! ||
        rowOrder.get(a.indicator)! - rowOrder.get(b.indicator)!,
    );
    for (const e of list) add(e);
  }
  return found;
}

/* ------------------------------------------------------- row to row */

/** Character bigrams of a key term. */
function bigrams(s: string): string[] {
  const chars = [...s];
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]!);
}

/** Dice similarity of two key terms' bigrams. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const pool = [...y];
  let common = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      common += 1;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/**
 * For each row of a target table, the row of the previous-period table that reports the same
 * metric: `same` when their key terms agree, `related` when one holds the other or they share
 * most of their words (bigram similarity ≥ 0.65) or a synonym. Rows are compared key term to key term: a table
 * has tens of rows, so this is small whatever the plan's length.
 */
export function rowRelations(
  document: DocumentNode,
  options: LinkOptions = {},
): { current: string; previous: string; match: RowRelation['match'] }[] {
  const period = options.period ?? periodOf(document);
  const rows = rowsOf(document, period);
  const previous = rows.filter((r) => r.period === 'previous');
  const out: { current: string; previous: string; match: RowRelation['match'] }[] = [];
  if (!previous.length) return out;
  const taken = new Set<string>();
  for (const row of rows.filter((r) => r.period === 'current')) {
    const key = keyTerm(row.node.name);
    const mine = new Set(row.terms.flat());
    let best: { row: Row; match: RowRelation['match']; score: number } | null = null;
    for (const p of previous) {
      if (taken.has(p.node.id)) continue;
      const other = keyTerm(p.node.name);
      const shared = p.terms.flat().some((t) => mine.has(t));
      const score =
        other === key
          ? 2
          : other.includes(key) || key.includes(other) || shared
            ? 1.5
            : similarity(key, other);
      if (score < 0.65) continue;
      if (!best || score > best.score)
        best = { row: p, match: score >= 2 ? 'same' : 'related', score };
    }
    if (best) {
      if (best.match === 'same') taken.add(best.row.node.id);
      out.push({ current: row.node.id, previous: best.row.node.id, match: best.match });
    }
  }
  return out;
}

/* ------------------------------------------------------------ the tree */

/** Copy a node with its children mapped; never mutates the input. */
function mapTree(node: PlanNode, f: (n: PlanNode) => PlanNode): PlanNode {
  return f({ ...node, children: node.children.map((c) => mapTree(c, f)) } as PlanNode);
}

const byKind = (a: IndicatorLink, b: IndicatorLink): number =>
  a.kind === b.kind ? 0 : a.kind === 'explicit' ? -1 : 1;

/** The fields the links stage sets, removed before it sets them again. */
const LINK_FIELDS = [
  'indicators',
  'states',
  'reports',
  'measures',
  'unpursued',
  'statedIn',
  'reportedIn',
  'previous',
  'next',
  'scope',
  'period',
] as const;

/**
 * A new tree where every clause carries its links (`indicators`, `states`, `reports`), every
 * indicator row its clauses (`measures`, `statedIn`, `reportedIn`; explicit links first, then
 * topical, each in document order) and its row relations (`previous`, `next`), every row of a
 * target table `measures` (`[]` and `unpursued: true` when none), every indicator table its
 * `period`, and every node outside the plan proper its `scope`. The input is not changed;
 * running the stage on its own output gives the same tree.
 */
export function linkMeasuresAndIndicators(
  document: DocumentNode,
  options: LinkOptions = {},
): DocumentNode {
  const period = options.period ?? periodOf(document);
  const clean = mapTree(document, (node) => {
    const copy = { ...node } as Record<string, unknown>;
    for (const f of LINK_FIELDS) {
      // A table's `indicators` says it is an indicator table; only its `period` is ours.
      if (node.kind === 'table' ? f === 'period' : f !== 'period') delete copy[f];
    }
    return copy as unknown as PlanNode;
  }) as DocumentNode;
  const links = findIndicatorLinks(clean, { period });
  const relations = rowRelations(clean, { period });
  const scopes = scopeMap(clean);
  const FROM_CLAUSE = { pursues: 'indicators', states: 'states', reports: 'reports' } as const;
  const FROM_ROW = { pursues: 'measures', states: 'statedIn', reports: 'reportedIn' } as const;
  const lists = new Map<string, Map<string, IndicatorLink[]>>();
  const push = (node: string, field: string, link: IndicatorLink) => {
    const fields = lists.get(node) ?? new Map<string, IndicatorLink[]>();
    fields.set(field, [...(fields.get(field) ?? []), link]);
    lists.set(node, fields);
  };
  for (const l of links) {
    push(l.clause, FROM_CLAUSE[l.relation], { id: l.indicator, kind: l.kind, basis: l.basis });
    push(l.indicator, FROM_ROW[l.relation], { id: l.clause, kind: l.kind, basis: l.basis });
  }
  const previousOf = new Map(relations.map((r) => [r.current, r]));
  const nextOf = new Map<string, RowRelation[]>();
  for (const r of relations)
    nextOf.set(r.previous, [...(nextOf.get(r.previous) ?? []), { id: r.current, match: r.match }]);
  const tablePeriods = new Map<string, 'previous' | 'current'>();
  for (const { node } of walk(clean))
    if (node.kind === 'table' && node.indicators)
      tablePeriods.set(node.id, tablePeriod(node, period));

  return mapTree(clean, (node) => {
    const out = { ...node } as Record<string, unknown>;
    const scope = scopes.get(node.id);
    if (scope) out.scope = scope;
    for (const [field, list] of lists.get(node.id) ?? []) out[field] = [...list].sort(byKind);
    if (node.kind === 'table' && tablePeriods.has(node.id)) out.period = tablePeriods.get(node.id);
    if (node.kind === 'indicator') {
      // A two-level row is pursued through its sub-rows, and a sub-row through its row.
      const related = [...node.children.map((c) => c.id), ...(node.parent ? [node.parent] : [])];
      const pursuedNear = related.some((id) => lists.get(id)?.has('measures'));
      if (tablePeriods.get(node.tableId) === 'current' && !out.measures) {
        out.measures = [];
        if (!pursuedNear) out.unpursued = true;
      }
      const prev = previousOf.get(node.id);
      if (prev) out.previous = { id: prev.previous, match: prev.match };
      const next = nextOf.get(node.id);
      if (next) out.next = next;
    }
    return out as unknown as PlanNode;
  }) as DocumentNode;
}
