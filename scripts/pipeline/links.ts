import type {
  DocumentNode,
  IndicatorCell,
  IndicatorLink,
  IndicatorNode,
  LinkKind,
  MeasureNode,
  PlanNode,
} from '../../src/model/types.ts';
import { walk } from '../../src/model/tree.ts';

/**
 * Indicator ↔ measure links (docs/entities.md, "Indicator links").
 *
 * An indicator row of 表1 / 表2 is described by its *key terms*: every term
 * must appear in one sentence (split at 。 and ；) of a measure — its lead,
 * its text, or a paragraph that continues it — for the two to be linked.
 *
 * - **explicit**: some such sentence also states one of the indicator's
 *   figures (a number equal to the value of a figure column, or a worded
 *   figure such as 与GDP增速基本同步 verbatim). Figure columns: 十三五完成
 *   for 表1 (the results chapter 1 reports); 2020年, 2025年 and 年均 for 表2
 *   (the 2020 base the results restate, and the targets).
 * - **topical**: the key terms appear in a sentence of the measure, but no
 *   sentence of the measure states a figure with them.
 *
 * Key terms come from the indicator name by a fixed rule (`keyTerms`), with
 * a short list of overrides for the rows the text words differently.
 */

/** One link with the evidence for it: the golden file and the docs show these. */
export interface IndicatorLinkEvidence {
  measure: string;
  indicator: string;
  kind: LinkKind;
  /** The key terms that matched. */
  terms: string[];
  /** For explicit links: the figure column and the figure as the sentence states it. */
  column: string | null;
  figure: string | null;
  /** The sentence that carries the terms (and, when explicit, the figure). */
  sentence: string;
}

/**
 * Key terms for the rows whose wording in the text differs from the table's.
 * Each term is a list of alternatives; every term must match.
 */
export const KEY_TERM_OVERRIDES: Readonly<Record<string, string[][]>> = {
  // 表1 says 服务业增加值占生产总值比重, the text words it as the 二三产业结构 ratio (…28.6:71.4).
  'T1.5': [['二三产业结构']],
  // 表1 says 社会消费品零售额, the text 社会消费品零售总额.
  'T1.4': [['社会消费品零售']],
  // 表1 says 每千名老人拥有养老床位数, the text 户籍千名老人床位数.
  'T1.12': [['千名老人'], ['床位数']],
  // 表2 says 城镇新增就业人数, the text 新增城镇就业.
  'T2.11': [['城镇新增就业', '新增城镇就业']],
  // 表2 says 研发经费投入, the text 研发投入.
  'T2.6': [['研发经费投入', '研发投入']],
  // The tables say 能源消耗, the text 能耗.
  'T1.17': [['单位生产总值能源消耗', '能耗']],
  'T2.17': [['单位生产总值能源消耗', '能耗']],
  // The tables count good-air days; the text speaks of 空气环境质量.
  'T1.15': [['空气优良天数', '空气环境质量']],
  'T2.19': [['空气质量优良天数', '空气环境质量']],
  // 表2 counts 三类 surface water; the text speaks of 断面水质.
  'T2.20': [['地表水', '断面水质']],
  // 表2 counts 婴幼儿托位; the text speaks of 婴幼儿照护 and 托育.
  'T2.15': [['婴幼儿托位', '婴幼儿照护', '托育']],
};

/**
 * Topical links the rule finds that the hand review rejected, with why.
 * (Explicit links need the figure too and have no exceptions.)
 */
export const TOPICAL_EXCLUSIONS: readonly { measure: string; indicator: string; reason: string }[] =
  [
    {
      measure: '9.2.1',
      indicator: 'T1.10',
      reason: '常住人口 only qualifies 适龄幼儿 (kindergarten enrolment), not the population count',
    },
  ];

/** Prefixes that only scope the indicator to the district. */
const SCOPE_PREFIX = /^(全区|区级)/;
/** Per-head qualifiers, dropped from the key term (the text often words them differently). */
const PER_HEAD_PREFIX = /^(每万人口|每千人口拥有|每千人口|每千人常住人口|每千名老人拥有)/;
/** Measurement suffixes: what is said about the subject, not the subject. */
const MEASURE_SUFFIX = /(年均增长率|增长率|增速|增长|降低|下降|数量|拥有量|人数|比率|比重|数)$/;

/**
 * The key terms of an indicator name: drop the scope prefix (全区, 区级), the
 * quotes, and 地区 before 生产总值; for 占…比重 names the subject before 占;
 * otherwise drop per-head qualifiers (每万人口…) and measurement suffixes
 * (年均增长率, 增速, 数量, 拥有量…). One term, unless overridden.
 */
export function keyTerms(indicator: Pick<IndicatorNode, 'id' | 'name'>): string[][] {
  const override = KEY_TERM_OVERRIDES[indicator.id];
  if (override) return override;
  let name = indicator.name.replace(/[“”]/g, '').replace(SCOPE_PREFIX, '');
  name = name.replace(/地区生产总值/g, '生产总值');
  const share = /^(.+?)占.+比重$/.exec(name);
  if (share?.[1]) return [[share[1]]];
  name = name.replace(PER_HEAD_PREFIX, '');
  const stripped = name.replace(MEASURE_SUFFIX, '');
  return [[stripped.length >= 2 ? stripped : name]];
}

/** The figures of a row that count for an explicit link. */
export function figureCells(indicator: IndicatorNode): IndicatorCell[] {
  const columns = indicator.table === 1 ? ['十三五完成'] : ['2025年', '年均', '2020年'];
  return columns.flatMap((column) => indicator.cells.filter((c) => c.column === column));
}

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

/** Matched terms when every term has an alternative in the sentence, else null. */
function matchTerms(sentence: string, terms: string[][]): string[] | null {
  const plain = sentence.replace(/[“”]/g, '');
  const found: string[] = [];
  for (const alternatives of terms) {
    const hit = alternatives.find((t) => plain.includes(t));
    if (!hit) return null;
    found.push(hit);
  }
  return found;
}

/** A figure of the indicator that the sentence states, if any. */
function matchFigure(
  sentence: string,
  cells: IndicatorCell[],
): { column: string; figure: string } | null {
  const numbers = numbersIn(sentence);
  for (const cell of cells) {
    if (cell.value !== null) {
      const hit = numbers.find((n) => Math.abs(n.value - cell.value!) < 1e-9);
      if (hit) return { column: cell.column, figure: hit.text };
    } else if (cell.text.length >= 4 && !/\d/.test(cell.text) && !/^完成/.test(cell.text)) {
      if (sentence.includes(cell.text)) return { column: cell.column, figure: cell.text };
    }
  }
  return null;
}

/** The sentences of a measure: its lead and text, and the paragraphs that continue it. */
export function measureSentences(measure: MeasureNode): string[] {
  const texts = [measure.lead, measure.text];
  for (const child of measure.children) if (child.kind === 'paragraph') texts.push(child.text);
  return texts.flatMap(clauses);
}

/** Every link with its evidence, in document order of measures, then table order. */
export function findIndicatorLinks(document: DocumentNode): IndicatorLinkEvidence[] {
  const indicators: IndicatorNode[] = [];
  const measures: MeasureNode[] = [];
  for (const { node } of walk(document)) {
    if (node.kind === 'indicator') indicators.push(node);
    else if (node.kind === 'measure') measures.push(node);
  }
  const found: IndicatorLinkEvidence[] = [];
  for (const measure of measures) {
    const sentences = measureSentences(measure);
    for (const indicator of indicators) {
      const terms = keyTerms(indicator);
      const cells = figureCells(indicator);
      let topical: IndicatorLinkEvidence | null = null;
      let explicit: IndicatorLinkEvidence | null = null;
      for (const sentence of sentences) {
        const matched = matchTerms(sentence, terms);
        if (!matched) continue;
        const figure = matchFigure(sentence, cells);
        const base = { measure: measure.id, indicator: indicator.id, terms: matched, sentence };
        if (figure) {
          explicit = { ...base, kind: 'explicit', ...figure };
          break;
        }
        topical ??= { ...base, kind: 'topical', column: null, figure: null };
      }
      const link = explicit ?? topical;
      if (!link) continue;
      const excluded = TOPICAL_EXCLUSIONS.some(
        (e) => e.measure === link.measure && e.indicator === link.indicator,
      );
      if (link.kind === 'explicit' || !excluded) found.push(link);
    }
  }
  return found;
}

/** Copy a node with its children mapped; never mutates the input. */
function mapTree(node: PlanNode, f: (n: PlanNode) => PlanNode): PlanNode {
  const copy = f({ ...node, children: node.children.map((c) => mapTree(c, f)) } as PlanNode);
  return copy;
}

const byKind = (a: IndicatorLink, b: IndicatorLink): number =>
  a.kind === b.kind ? 0 : a.kind === 'explicit' ? -1 : 1;

/**
 * A new tree where every measure carries `indicators` and every indicator row
 * `measures` (explicit links first, then topical, each in document order).
 * Nodes without links get no field. The input is not changed.
 */
export function linkMeasuresAndIndicators(document: DocumentNode): DocumentNode {
  const links = findIndicatorLinks(document);
  const ofMeasure = new Map<string, IndicatorLink[]>();
  const ofIndicator = new Map<string, IndicatorLink[]>();
  const push = (map: Map<string, IndicatorLink[]>, key: string, link: IndicatorLink) => {
    const list = map.get(key) ?? [];
    list.push(link);
    map.set(key, list);
  };
  for (const l of links) {
    push(ofMeasure, l.measure, { id: l.indicator, kind: l.kind });
    push(ofIndicator, l.indicator, { id: l.measure, kind: l.kind });
  }
  return mapTree(document, (node) => {
    if (node.kind === 'measure') {
      const list = ofMeasure.get(node.id);
      if (list) return { ...node, indicators: [...list].sort(byKind) };
    } else if (node.kind === 'indicator') {
      const list = ofIndicator.get(node.id);
      if (list) return { ...node, measures: [...list].sort(byKind) };
    }
    return node;
  }) as DocumentNode;
}
