import type {
  DocumentNode,
  IndicatorNode,
  PlanNode,
  Target,
  TargetComparator,
} from '../../src/model/types.ts';
import { toCsv } from '../../src/model/csv.ts';
import { walk } from '../../src/model/tree.ts';
import { keyTerms } from './links.ts';

/**
 * Targets: every quantified commitment the text states (docs/entities.md,
 * "Targets").
 *
 * Where: the text of measures, of paragraphs and of box items in chapters
 * 2–11. Chapter 1 reports the 十三五 results and the 2035 vision: its figures
 * are results, not commitments. Tables are indicators, not sentences.
 *
 * What: a *figure* — a number with a unit (16.5%, 300个, 每平方公里4.8公里,
 * 300—500人), optionally followed by 以上 / 以内 / 左右 — in a clause that
 * commits to it (达到, 达, 以上, 以内, 不低于, 控制在, 累计, 新建, 新增,
 * 打造, 培育, 引进, 形成, 支撑, 实现, 占). Not figures: years (2025年),
 * numbers glued to Latin letters (5G, PM2.5, 70MPa), numbers inside quotes
 * (“8分钟健身圈”, “9+3+1”), thresholds after 过 (资产过1000亿元) and
 * rankings (100强: 强 is no unit). Under a stated deadline, two worded
 * figures count too: 达到…级标准 and 与…基本同步.
 *
 * Deadline: 到YYYY年 or 三到五年内 applies to the figures after it up to the
 * end of its sentence part (。 or ；). Figures with no deadline get
 * year = null: the text commits to them for the plan period without
 * saying by when.
 */

const UNITS = [
  '座/平方公里',
  '万个',
  '万人',
  '%',
  '个',
  '家',
  '名',
  '人',
  '所',
  '件',
  '岁',
  '年',
  '公里',
];
const NUMBER = String.raw`\d+(?:\.\d+)?`;
const FIGURE = new RegExp(
  String.raw`(每平方公里|建成区面积)?(${NUMBER})(?:[—–-](${NUMBER}))?(${UNITS.map((u) => u.replace('/', '\\/')).join('|')})(以上|以内|左右)?`,
  'g',
);
const WORDED = /达到([A-Z]级标准)|与([^，；。]+?)基本同步/g;
const DEADLINE = /到(\d{4})年|[一二三四五六七八九十两]+(?:到[一二三四五六七八九十两]+)?年内/g;
const CUE =
  /达到|达|以上|以内|不低于|控制在|累计|新建|新增|改扩建|打造|培育|引进|形成|支撑|实现|占/;
const VERB_END = /(累计达到|累计达|达到|达|控制在|不低于|不高于|不超过|超过)$/;
const FILLER = /^(确保|实现|规划|加快|大力|积极|全面|力争|努力)+/;

interface Figure {
  start: number;
  end: number;
  value: number | null;
  valueMax: number | null;
  valueText: string;
  unit: string;
  comparator: TargetComparator;
}

/** Offsets [start, end) of the spans between “ and ”. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/“[^”]*”/g)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * Figures in a clause, in order: numeric ones when the clause has a
 * commitment cue, worded ones when a deadline governs it.
 */
function figuresIn(clause: string, numeric: boolean, worded: boolean): Figure[] {
  const quotes = quotedSpans(clause);
  const inQuotes = (i: number) => quotes.some(([s, e]) => i >= s && i < e);
  const out: Figure[] = [];
  for (const m of numeric ? clause.matchAll(FIGURE) : []) {
    const [text, prefix, low, high, unit, suffix] = m;
    const start = m.index;
    const numberAt = start + (prefix?.length ?? 0);
    const before = clause[numberAt - 1] ?? '';
    const after = clause[start + text.length] ?? '';
    if (inQuotes(start)) continue;
    if (/[A-Za-z0-9.]/.test(before) || /[A-Za-z]/.test(after)) continue;
    if (before === '过') continue; // a threshold: 资产过1000亿元
    if (unit === '年' && Number(low) >= 1900) continue; // a year
    const comparator: TargetComparator = high
      ? 'range'
      : suffix === '以上' || /不低于$/.test(clause.slice(0, start))
        ? '≥'
        : suffix === '以内' || /不超过$/.test(clause.slice(0, start))
          ? '≤'
          : suffix === '左右'
            ? '≈'
            : '=';
    out.push({
      start,
      end: start + text.length,
      value: Number(low),
      valueMax: high ? Number(high) : null,
      valueText: text,
      unit: prefix === '每平方公里' ? `${unit}/平方公里` : unit!,
      comparator,
    });
  }
  if (worded) {
    for (const m of clause.matchAll(WORDED)) {
      const level = m[1];
      const start = level ? m.index + 2 : m.index;
      out.push({
        start,
        end: m.index + m[0].length,
        value: null,
        valueMax: null,
        valueText: level ?? m[0],
        unit: '',
        comparator: level ? '=' : '≈',
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** What the figure measures, from the text before it (`pre`) and after it (`post`). */
function metricOf(
  pre: string,
  post: string,
  inheritedVerb: string,
): { metric: string; verb: string } {
  let subject = pre.replace(DEADLINE, '').replace(FILLER, '');
  subject = subject.replace(VERB_END, '').replace(/的$/, '');
  const object = post.replace(/^的/, '');
  if (object) {
    // Count form: 引进5名以上国际知名院士 → 引进国际知名院士.
    const verb = subject || inheritedVerb;
    return { metric: verb + object, verb };
  }
  return { metric: subject, verb: inheritedVerb };
}

interface Holder {
  node: PlanNode & { text: string };
  measure: string | null;
  chapter: number;
}

function holders(document: DocumentNode): Holder[] {
  const out: Holder[] = [];
  for (const { node, parents } of walk(document)) {
    if (node.kind !== 'measure' && node.kind !== 'paragraph' && node.kind !== 'boxItem') continue;
    const chapter = parents.find((p) => p.kind === 'chapter');
    if (!chapter || chapter.kind !== 'chapter' || chapter.number < 2) continue;
    const parent = parents[parents.length - 1];
    const measure =
      node.kind === 'measure' ? node.id : parent?.kind === 'measure' ? parent.id : null;
    out.push({ node, measure, chapter: chapter.number });
  }
  return out;
}

/** Spans of `text` split after each of `marks`, with offsets. */
function spans(text: string, marks: string, from = 0): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = new RegExp(`[^${marks}]+[${marks}]?`, 'g');
  for (const m of text.matchAll(re)) out.push({ start: from + m.index, text: m[0] });
  return out;
}

/** The 表2 indicator whose key terms the metric contains. */
function indicatorFor(metric: string, indicators: IndicatorNode[]): string | null {
  const plain = metric.replace(/[“”]/g, '');
  const hit = indicators.find((i) =>
    keyTerms(i).every((alternatives) => alternatives.some((t) => plain.includes(t))),
  );
  return hit?.id ?? null;
}

interface Deadline {
  /** Offset in the node's text. */
  at: number;
  text: string;
  year: number | null;
}

/** A target without its ID, found in one clause. */
type Found = Omit<Target, 'id' | 'node' | 'measure' | 'chapter' | 'indicator'>;

/**
 * The targets of one sentence part (up to 。 or ；), clause by clause (up to
 * ， or ：). `text` is the node's text, `part` an offset span of it.
 */
function targetsInPart(
  text: string,
  sentence: { start: number; text: string },
  part: { start: number; text: string },
): Found[] {
  const deadlines: Deadline[] = [...part.text.matchAll(DEADLINE)].map((m) => ({
    at: part.start + m.index,
    text: m[0],
    year: m[1] ? Number(m[1]) : null,
  }));
  const claimed = new Set<number>();
  const found: Found[] = [];
  for (const clause of spans(part.text, '，：', part.start)) {
    const body = clause.text.replace(/[，：；。]$/, '');
    const governing = deadlines.filter((d) => d.at < clause.start + body.length).pop();
    const figures = figuresIn(body, CUE.test(body), governing !== undefined);
    // Between two figures, a connector (和, 及, 、) ends the first one's object.
    const cuts = figures.map((figure, i) => {
      const next = figures[i + 1];
      if (!next) return { post: body.length, next: body.length };
      const at = body.slice(figure.end, next.start).search(/[和及、]/);
      return at < 0
        ? { post: figure.end, next: figure.end }
        : { post: figure.end + at, next: figure.end + at + 1 };
    });
    let verb = '';
    figures.forEach((figure, i) => {
      const pre = body.slice(i === 0 ? 0 : cuts[i - 1]!.next, figure.start);
      const post = body.slice(figure.end, cuts[i]!.post);
      const m = metricOf(pre, post, verb);
      verb = m.verb;
      const scope = governing && governing.at < clause.start + figure.start ? governing : undefined;
      if (figure.value === null && !scope) return; // worded figures only under a deadline
      // The first figure after a deadline takes the deadline into its clause.
      let clauseStart = clause.start;
      if (scope && !claimed.has(scope.at)) {
        claimed.add(scope.at);
        clauseStart = Math.min(clauseStart, scope.at);
      }
      found.push({
        metric: m.metric,
        comparator: figure.comparator,
        value: figure.value,
        valueMax: figure.valueMax,
        valueText: figure.valueText,
        unit: figure.unit,
        cumulative: /累计/.test(pre),
        year: scope?.year ?? null,
        deadline: scope?.text ?? null,
        sentence: sentence.text,
        sentenceStart: sentence.start,
        clause: text.slice(clauseStart, clause.start + body.length),
      });
    });
  }
  return found;
}

/**
 * Every quantified commitment in chapters 2–11, in document order, with
 * IDs `<node>.t<n>`. Pure: the document is not changed.
 */
export function extractTargets(document: DocumentNode): Target[] {
  const indicators: IndicatorNode[] = [];
  for (const { node } of walk(document))
    if (node.kind === 'indicator' && node.table === 2) indicators.push(node);

  const targets: Target[] = [];
  for (const { node, measure, chapter } of holders(document)) {
    let n = 0;
    for (const sentence of spans(node.text, '。')) {
      for (const part of spans(sentence.text, '；', sentence.start)) {
        for (const t of targetsInPart(node.text, sentence, part)) {
          n += 1;
          const { sentence: s, sentenceStart, clause, ...figure } = t;
          targets.push({
            id: `${node.id}.t${n}`,
            node: node.id,
            measure,
            chapter,
            ...figure,
            indicator: indicatorFor(t.metric, indicators),
            sentence: s,
            sentenceStart,
            clause,
          });
        }
      }
    }
  }
  return targets;
}

const CSV_COLUMNS = [
  'id',
  'chapter',
  'node',
  'measure',
  'metric',
  'comparator',
  'value',
  'value_max',
  'value_text',
  'unit',
  'cumulative',
  'year',
  'deadline',
  'indicator',
  'sentence',
] as const;

/** Targets as CSV, by the one CSV writer (src/model/csv.ts): UTF-8 with a BOM, CRLF, RFC 4180 quoting. */
export function targetsCsv(targets: Target[]): string {
  const rows = targets.map((t) => [
    t.id,
    t.chapter,
    t.node,
    t.measure,
    t.metric,
    t.comparator,
    t.value,
    t.valueMax,
    t.valueText,
    t.unit,
    t.cumulative,
    t.year,
    t.deadline,
    t.indicator,
    t.sentence,
  ]);
  return toCsv(CSV_COLUMNS, rows);
}
