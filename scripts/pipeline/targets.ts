import type {
  DocumentNode,
  HeadingNode,
  IndicatorNode,
  PlanNode,
  Target,
  TargetComparator,
} from '../../src/model/types.ts';
import { COMPARATORS } from '../../src/model/target-labels.ts';
import { toCsv } from '../../src/model/csv.ts';
import { walk } from '../../src/model/tree.ts';
import { CN_NUMERAL_CHARS, parseChineseNumber } from '../../src/model/text.ts';
import { keyTerms } from './links.ts';
import {
  fiveYearPlanNumber,
  periodOf,
  reviewSentence,
  scopeMap,
  tablePeriod,
  type Period,
} from './scope.ts';
import type { DataStamp } from './stamp.ts';

/**
 * Targets: every quantified commitment the text states (docs/entities.md, "Targets"), on any
 * plan, for the plan's own horizon.
 *
 * Where: the text of measures, paragraphs and box items of the plan proper, its goals and its
 * vision (scope.ts). The review of the previous period reports results, not commitments, and so
 * does a sentence of the plan proper that opens with the previous period (“十三五”时期…).
 *
 * What: a *figure* — a number with a unit (16.5%, 300个, 5000万人次, 每平方公里4.8公里,
 * 300—500人), optionally followed by 以上 / 以内 / 以下 / 左右, or a magnitude in Chinese
 * numerals (百万平米, 千亿产值, 万人就业, 超千万) — in a clause that commits to it (CUE). Not
 * figures: years (2025年), numbers glued to Latin letters (5G, PM2.5), numbers inside “…”
 * (“8分钟健身圈”), thresholds after 过 (资产过1000亿元), ages that qualify a group (35岁以下
 * 青年), rankings (100强) and classes (千亿级). Under a stated deadline, two worded figures count
 * too: 达到…级标准 and 与…(基本)同步.
 *
 * Deadline (DEADLINE): 到2030年, 2030年前, 到“十五五”末, “十五五”期间, or a span such as 三到五年
 * 内. A deadline that opens its sentence applies to every figure of the sentence; one met inside
 * a sentence, to the figures after it up to the end of its part (；). Years before the plan's
 * period are not deadlines. Figures without one are due by the end of the period (`due`,
 * `dueStated: false`).
 *
 * Comparator (COMPARATORS in src/model/target-labels.ts): the word the text prints before or
 * after the figure — 达到 and 以上 are at least (≥), 超过 more than (>), 以内 and 不超过 at most
 * (≤), 低于 less than (<), 左右 and 同步 about (≈), 300—500 a range; a count with no such word
 * (新建幼儿园16所) states the planned number (=).
 *
 * One module because figures, comparators and deadlines are one set of patterns applied together
 * to each clause (a deadline holds for the figures after it up to the end of its part, a
 * comparator is the word printed next to a figure), so they are reviewed side by side; the CSV at
 * the end is this stage's own output, targets.csv.
 */

/* ---------------------------------------------------------------- figures */

const MAGNITUDE = ['万亿', '千亿', '百亿', '十亿', '亿', '千万', '百万', '十万', '万', '千'];
const BASE_UNITS = [
  '微克/立方米',
  '个百分点',
  '标准箱',
  '平方公里',
  '平方米',
  '千瓦时',
  '万人次',
  '人次',
  '标箱',
  '平米',
  '公顷',
  '公里',
  '千米',
  '千瓦',
  '兆瓦',
  '美元',
  '小时',
  '分钟',
  '%',
  '‰',
  '元',
  '吨',
  '斤',
  '亩',
  '个',
  '家',
  '名',
  '人',
  '所',
  '件',
  '岁',
  '年',
  '天',
  '座',
  '张',
  '条',
  '项',
  '次',
  '台',
  '辆',
  '套',
  '处',
  '户',
  '倍',
  '艘',
  '架',
  '栋',
  '间',
  '床',
  '分',
  '批',
  '站',
  '支',
];
const escape = (s: string): string => s.replace(/[/%]/g, (c) => `\\${c}`);
/** A unit: a base unit with an optional magnitude (万人次, 亿元, 万标准箱). */
const UNIT = `(?:(?:${MAGNITUDE.join('|')})?(?:${[...BASE_UNITS]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')}))`;
const NUMBER = String.raw`\d+(?:\.\d+)?`;
const FIGURE = new RegExp(
  String.raw`(每平方公里|建成区面积)?(${NUMBER})(?:[—–\-~～至](${NUMBER}))?(${UNIT}(?:\/(?:平方公里|万人|千人|百亿元|10万))?|\/10万)(?:（[^）]{1,3}）)?(以上|以内|以下|左右)?`,
  'g',
);
/** A magnitude in Chinese numerals with what it counts: 百万平米, 千亿产值, 万人就业. */
const CN_FIGURE = new RegExp(
  `(?<![\\d.每${CN_NUMERAL_CHARS}千])([一二三四五六七八九两]?[十百千])?(万亿|亿|万)(平米|平方米|产值|市值|人就业)?(?![级年])`,
  'g',
);
/** Worded figures, under a deadline only: 达到B级标准, 与GDP增速基本同步. */
const WORDED = /达到([A-Z]级标准)|与([^，；。]+?)(?:基本|保持)?同步/g;
/** Words that commit a clause to its figures. */
const CUE =
  /达到|达|以上|以内|以下|不低于|不少于|不超过|不高于|超过|超|突破|控制在|累计|新建|新增|改扩建|打造|培育|引进|形成|支撑|实现|占|保持|提高到|提高至|提升至|提升到|降至|降到|下降|增长|建成|建设|提供|集聚|汇聚|培养/;
/** The verb that ends a metric (森林覆盖率达到 → 森林覆盖率). */
const VERB_END =
  /(累计达到|累计达|力争达到|力争|达到|达|控制在|不低于|不少于|不高于|不超过|超过|超|突破|保持在|保持|提高到|提高至|提升至|提升到|降至|降到|增至)$/;
/** Fillers before a metric. */
const FILLER = /^(确保|实现|规划|加快|大力|积极|全面|力争|努力|推动)+/;
/** Comparator words printed before a figure, longest first, with what they say. */
const BEFORE: readonly [RegExp, TargetComparator][] = [
  [/(?:不低于|不少于)$/, '≥'],
  [/(?:不超过|不高于|控制在|降至|降到)$/, '≤'],
  [/(?:超过|超|高于|突破)$/, '>'],
  [/(?:低于|少于)$/, '<'],
  [/(?:约|左右)$/, '≈'],
  [/(?:达到|达|提高到|提高至|提升至|提升到|增至)$/, '≥'],
];

/** A comparator word followed by a number, later in the clause. */
const NAMED_FIGURE = /(?:达到|达|超过|不低于|不少于|控制在|提高到|提升至)\d/;

interface Figure {
  start: number;
  end: number;
  value: number | null;
  valueMax: number | null;
  valueText: string;
  unit: string;
  comparator: TargetComparator;
  /** Where the comparator word before the figure starts, if there is one. */
  wordAt: number;
}

/** Offsets [start, end) of the spans between “ and ” and between 《 and 》. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/“[^”]*”|《[^》]*》/g))
    spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** The comparator a figure's neighbours state, and where the word before it starts. */
function comparatorOf(
  before: string,
  suffix: string | undefined,
  range: boolean,
): { comparator: TargetComparator; wordAt: number } {
  const at = (re: RegExp) => {
    const m = re.exec(before);
    return m ? before.length - m[0].length : before.length;
  };
  if (range) return { comparator: 'range', wordAt: before.length };
  for (const [re, comparator] of BEFORE) {
    if (!re.test(before)) continue;
    const wordAt = at(re);
    if (suffix === '左右') return { comparator: '≈', wordAt };
    if (suffix === '以内' || suffix === '以下') return { comparator: '≤', wordAt };
    return { comparator, wordAt };
  }
  if (suffix === '以上') return { comparator: '≥', wordAt: before.length };
  if (suffix === '以内' || suffix === '以下') return { comparator: '≤', wordAt: before.length };
  if (suffix === '左右') return { comparator: '≈', wordAt: before.length };
  return { comparator: '=', wordAt: before.length };
}

/** The value of a magnitude's lead in Chinese numerals, in its unit: 千(亿) → 1000, 两百(万) → 200. */
function chineseMagnitude(lead: string | undefined): { value: number } | null {
  if (!lead) return { value: 1 };
  const place = { 十: 10, 百: 100, 千: 1000 }[lead.slice(-1)];
  const digit = lead.length > 1 ? parseChineseNumber(lead[0]!) : 1;
  return place && digit ? { value: digit * place } : null;
}

/**
 * Figures in a clause, in order: numeric ones when the clause has a commitment cue, worded ones
 * when a deadline governs it.
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
    const after = clause.slice(start + text.length);
    if (inQuotes(start)) continue;
    if (/[A-Za-z0-9.]/.test(before) || /^[A-Za-z]/.test(after)) continue;
    if (before === '过' && clause[numberAt - 2] !== '超') continue; // a threshold: 资产过1000亿元
    // A duration that names a circle or a rate: 15分钟步行生活圈, 1小时通达率.
    if ((unit === '分钟' || unit === '小时') && /^\p{Script=Han}/u.test(after)) continue;
    if (unit === '年' && Number(low) >= 1900) continue; // a year
    if (/^(?:强|级)/.test(after)) continue; // a ranking or a class: 100强, 5A级
    if (clause[start - 1] === '前') continue; // a rank: 全球前1%学科, 前10位
    // A unit that is the first character of a word: 广州1935项目, 3个人.
    if (/^(?:项目|个人|人员|家庭|条件|年度|次数)/.test(unit!.slice(-1) + after)) continue;
    // An age that qualifies a group: 35岁以下青年, 3岁以下婴幼儿, 60岁以上老年人.
    if (unit === '岁' && suffix && /^\p{Script=Han}/u.test(after)) continue;
    const { comparator, wordAt } = comparatorOf(clause.slice(0, start), suffix, Boolean(high));
    // A figure inside the name of what another figure measures: 成员城市1小时通达率达到100%.
    if (comparator === '=' && /^\p{Script=Han}/u.test(after) && NAMED_FIGURE.test(after)) continue;
    out.push({
      start,
      end: start + text.length,
      value: Number(low),
      valueMax: high ? Number(high) : null,
      valueText: text,
      unit:
        prefix === '每平方公里' ? `${unit}/平方公里` : prefix === '建成区面积' ? `${unit}` : unit!,
      comparator,
      wordAt,
    });
  }
  for (const m of numeric ? clause.matchAll(CN_FIGURE) : []) {
    const [text, lead, big, noun] = m;
    const start = m.index;
    const pre = clause.slice(0, start);
    // A bare magnitude counts after a comparator word only, and at the end of its phrase (常住人口
    // 总量超千万, not 营收超百亿企业: that is a threshold); with its noun, anywhere.
    const rest = clause.slice(start + text.length);
    if (!noun && (!/(?:超过|超|突破|达到|达)$/.test(pre) || /^\p{Script=Han}/u.test(rest)))
      continue;
    if (inQuotes(start) || /过$/.test(pre)) continue;
    if (out.some((f) => start < f.end && f.start < start + text.length)) continue;
    const magnitude = chineseMagnitude(lead);
    if (!magnitude) continue;
    const base = noun === '产值' || noun === '市值' ? '元' : noun?.replace(/就业$/, '') || '';
    const { comparator, wordAt } = comparatorOf(pre, undefined, false);
    out.push({
      start,
      end: start + text.length,
      value: magnitude.value,
      valueMax: null,
      valueText: text,
      unit: `${big}${base === '平方米' ? '平方米' : base}`,
      comparator,
      wordAt,
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
        comparator: level ? '≥' : '≈',
        wordAt: level ? m.index : start,
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
  let subject = pre
    .replace(DEADLINE, '')
    .replace(/^[，、]+/, '')
    .replace(FILLER, '');
  subject = subject.replace(VERB_END, '').replace(/累计$/, '').replace(/的$/, '');
  // The object ends at a parenthesis or a space: 5个世界级地标商圈（天河路—…） 建设….
  const object = post.replace(/^的/, '').replace(/[（(\s].*$/, '');
  if (object) {
    // Count form: 引进5名以上国际知名院士 → 引进国际知名院士.
    const verb = subject || inheritedVerb;
    return { metric: verb + object, verb };
  }
  return { metric: subject, verb: inheritedVerb };
}

/* -------------------------------------------------------------- deadlines */

/** Deadlines as plans print them. */
const DEADLINE =
  /到(\d{4})年(?:底|末)?(?:前|以前)?|(\d{4})年(?:前|以前)|到“?十([一二三四五六七八九])五”?(?:末|期末)|“?十([一二三四五六七八九])五”?(?:期间|时期)|[一二三四五六七八九十两]+(?:到[一二三四五六七八九十两]+)?年内/g;

interface Deadline {
  /** Offset in the node's text. */
  at: number;
  text: string;
  year: number | null;
}

/** The deadlines of a sentence part that bind the plan: none before its period. */
function deadlinesIn(text: string, from: number, period: Period): Deadline[] {
  const out: Deadline[] = [];
  const current = fiveYearPlanNumber(period);
  for (const m of text.matchAll(DEADLINE)) {
    const [whole, to, before, endOf, during] = m;
    let year: number | null = null;
    if (to || before) {
      year = Number(to ?? before);
      if (year < period.start) continue; // 2000年前, 较2020年: history, not a deadline
    } else if (endOf || during) {
      const n = parseChineseNumber(`十${endOf ?? during}`)!;
      if (n !== current) continue; // “十四五”期间 in a 十五五 plan reports the past
      year = period.end;
    }
    out.push({ at: from + m.index, text: whole, year });
  }
  return out;
}

/* ---------------------------------------------------------------- holders */

interface Holder {
  node: PlanNode & { text: string };
  measure: string | null;
  chapter: HeadingNode | null;
  section: HeadingNode | null;
  scope: Target['scope'];
}

/** The nodes whose text may state targets: measures, paragraphs and box items outside the review. */
function holders(document: DocumentNode): Holder[] {
  const scopes = scopeMap(document);
  const out: Holder[] = [];
  for (const { node, parents } of walk(document)) {
    if (node.kind !== 'measure' && node.kind !== 'paragraph' && node.kind !== 'boxItem') continue;
    const scope = scopes.get(node.id) ?? 'plan';
    if (scope === 'review' || scope === 'outlook') continue;
    // (goals and vision state targets too: 广州 发展目标 “地区生产总值年均增长5.0%左右”)
    const chapter = (parents.find((p) => p.kind === 'chapter') as HeadingNode | undefined) ?? null;
    const section = (parents.find((p) => p.kind === 'section') as HeadingNode | undefined) ?? null;
    const parent = parents[parents.length - 1];
    const measure =
      node.kind === 'measure' ? node.id : parent?.kind === 'measure' ? parent.id : null;
    out.push({ node, measure, chapter, section, scope });
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

/**
 * The target-table row the metric names: the one whose key term it holds, longest first, not
 * as a denominator (研发经费投入占地区生产总值比重 names 研发经费, not 生产总值).
 */
function indicatorFor(metric: string, indicators: IndicatorNode[]): string | null {
  const plain = metric.replace(/[“”]/g, '');
  let best: { id: string; length: number } | null = null;
  for (const row of indicators) {
    for (const term of keyTerms(row)[0]!) {
      const at = plain.indexOf(term);
      if (at < 0) continue;
      const before = plain.slice(Math.max(0, at - 4), at).replace(/(?:地区|全市|全区)$/, '');
      if (/(?:占|单位)$/.test(before)) continue;
      if (!best || term.length > best.length) best = { id: row.id, length: term.length };
    }
  }
  return best?.id ?? null;
}

/** A target without what its holder gives it. */
type Found = Pick<
  Target,
  | 'metric'
  | 'comparator'
  | 'value'
  | 'valueMax'
  | 'valueText'
  | 'figure'
  | 'unit'
  | 'cumulative'
  | 'year'
  | 'deadline'
  | 'sentence'
  | 'sentenceStart'
  | 'clause'
>;

/**
 * The targets of one sentence part (up to ；), clause by clause (up to ， or ：). `text` is the
 * node's text; `opening` the deadline that opens the whole sentence, if one does.
 */
function targetsInPart(
  text: string,
  sentence: { start: number; text: string },
  part: { start: number; text: string },
  opening: Deadline | undefined,
  period: Period,
  claimed: Set<number>,
): Found[] {
  const own = deadlinesIn(part.text, part.start, period).filter((d) => d.at !== opening?.at);
  const deadlines = opening ? [opening, ...own] : own;
  const found: Found[] = [];
  const figuresOfPart: {
    clause: { start: number; text: string };
    body: string;
    figures: Figure[];
  }[] = [];
  for (const clause of spans(part.text, '，：', part.start)) {
    const body = clause.text.replace(/[，：；。]$/, '');
    const governing = deadlines.filter((d) => d.at < clause.start + body.length).pop();
    figuresOfPart.push({
      clause,
      body,
      // Under a deadline a figure needs no cue of its own: 到2030年，…工厂1200家，国家级绿色工厂150家.
      figures: figuresIn(body, CUE.test(body) || governing !== undefined, governing !== undefined),
    });
  }
  for (const { clause, body, figures } of figuresOfPart) {
    const governing = deadlines.filter((d) => d.at < clause.start + body.length).pop();
    // Between two figures, a connector (和, 及, 、) ends the first one's object.
    const cuts = figures.map((figure, i) => {
      const next = figures[i + 1];
      if (!next) return { post: body.length, next: body.length };
      const at = body.slice(figure.end, next.start).search(/[和及、]/);
      return at < 0
        ? { post: figure.end, next: figure.end }
        : { post: figure.end + at, next: figure.end + at + 1 };
    });
    // A trailing object shared by figures listed before it: 打造百万平米、千亿产值、万人就业的
    // 数字经济产业集群.
    const last = figures[figures.length - 1];
    const shared = last ? body.slice(last.end).replace(/^的/, '') : '';
    let verb = '';
    figures.forEach((figure, i) => {
      const pre = body.slice(i === 0 ? 0 : cuts[i - 1]!.next, figure.wordAt);
      let post = body.slice(figure.end, cuts[i]!.post);
      if (!post && i < figures.length - 1 && body[figure.end] === '、' && shared) post = shared;
      // A comparator word before the metric (力争达到年旅客吞吐量5000万人次) is the figure's.
      let comparator = figure.comparator;
      let subjectText = pre;
      if (comparator === '=' && !post) {
        const earlier = /^(.*?)(?:力争)?(达到|达|超过|突破|不低于|不少于)(.+)$/.exec(pre);
        if (earlier) {
          comparator = BEFORE.find(([re]) => re.test(earlier[2]!))![1];
          subjectText = earlier[1]! + earlier[3]!;
        }
      }
      // A、B分别X、Y: each subject has its figure, in order.
      const respectively = /^(.+)分别$/.exec(body.slice(0, figures[0]!.wordAt));
      if (respectively && !post) {
        const subjects = respectively[1]!.split('、');
        if (subjects.length === figures.length) subjectText = subjects[i]!;
        else if (i === 0) subjectText = respectively[1]!;
        if (comparator === '=' && i > 0) comparator = figures[0]!.comparator;
      }
      const m = metricOf(subjectText, post, verb);
      verb = m.verb;
      const scope = governing && governing.at < clause.start + figure.start ? governing : undefined;
      if (figure.value === null && !scope) return; // worded figures only under a deadline
      // The first figure after a deadline takes the deadline into its clause.
      let clauseStart = clause.start;
      if (scope && !claimed.has(scope.at) && scope.at >= part.start) {
        claimed.add(scope.at);
        clauseStart = Math.min(clauseStart, scope.at);
      }
      const word = body.slice(figure.wordAt, figure.start);
      found.push({
        metric: m.metric,
        comparator,
        value: figure.value,
        valueMax: figure.valueMax,
        valueText: figure.valueText,
        figure: `${word}${figure.valueText}`,
        unit: figure.unit,
        cumulative: /累计/.test(body.slice(0, figure.start)),
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

/** What the targets stage needs of the plan's metadata. */
export interface TargetOptions {
  /** The plan's period (PlanFile.meta.period); read from its target tables when absent. */
  period?: Period;
}

/**
 * Every quantified commitment of the plan, in document order, with IDs `<node>.t<n>`. Pure: the
 * document is not changed.
 */
export function extractTargets(document: DocumentNode, options: TargetOptions = {}): Target[] {
  const period = options.period ?? periodOf(document);
  const indicators: IndicatorNode[] = [];
  for (const { node } of walk(document)) {
    if (node.kind !== 'table' || !node.indicators || tablePeriod(node, period) !== 'current')
      continue;
    for (const { node: row } of walk(node)) if (row.kind === 'indicator') indicators.push(row);
  }
  const targets: Target[] = [];
  for (const { node, measure, chapter, section, scope } of holders(document)) {
    let n = 0;
    for (const sentence of spans(node.text, '。')) {
      // A sentence that reports the previous period states results, not targets.
      if (reviewSentence(sentence.text, period)) continue;
      const all = deadlinesIn(sentence.text, sentence.start, period);
      // A deadline met before any figure of the sentence opens it and binds every figure in it,
      // across ；: 9.2.1 “…，到2025年，规划新建幼儿园16所，…；…，全区普惠性学位覆盖率不低于90%”.
      const head = sentence.text.slice(0, (all[0]?.at ?? sentence.start) - sentence.start);
      const opening = all[0] && !/\d/.test(head) && !head.includes('；') ? all[0] : undefined;
      const claimed = new Set<number>();
      for (const part of spans(sentence.text, '；', sentence.start)) {
        for (const t of targetsInPart(node.text, sentence, part, opening, period, claimed)) {
          n += 1;
          const due = t.year ?? period.end;
          targets.push({
            id: `${node.id}.t${n}`,
            node: node.id,
            measure,
            chapter: chapter?.number ?? 0,
            chapterId: chapter?.id ?? null,
            chapterLabel: chapter?.label ?? null,
            chapterTitle: chapter?.title ?? null,
            section: section?.id ?? null,
            sectionTitle: section?.title ?? null,
            scope,
            order: targets.length,
            ...t,
            due,
            dueStated: t.year !== null,
            horizon: due > period.end ? 'long-range' : 'period',
            comparatorLabel: COMPARATORS[t.comparator].label,
            indicator: indicatorFor(t.metric, indicators),
          });
        }
      }
    }
  }
  return targets;
}

/* -------------------------------------------------------------------- CSV */

/**
 * The columns of targets.csv: the Target fields in snake_case (docs/entities.md, "CSV"), the
 * figure as the page shows it, and the data stamp.
 */
export const CSV_COLUMNS = [
  'id',
  'chapter',
  'chapter_label',
  'section',
  'node',
  'measure',
  'metric',
  'comparator',
  'comparator_label',
  'figure',
  'value',
  'value_max',
  'unit',
  'cumulative',
  'year',
  'deadline',
  'due',
  'due_stated',
  'indicator',
  'sentence',
  'data_version',
  'build_date',
  'source_sha256',
] as const;

/**
 * Targets as CSV, by the one CSV writer (src/model/csv.ts): UTF-8 with a BOM, CRLF, RFC 4180
 * quoting. The stamp (data version, build date, source SHA-256) closes every row, so a table
 * copied out of the file still says where it came from.
 */
export function targetsCsv(targets: Target[], stamp?: DataStamp): string {
  const rows = targets.map((t) => [
    t.id,
    t.chapter,
    t.chapterLabel,
    t.section,
    t.node,
    t.measure,
    t.metric,
    t.comparator,
    t.comparatorLabel,
    t.figure,
    t.value,
    t.valueMax,
    t.unit,
    t.cumulative,
    t.year,
    t.deadline,
    t.due,
    t.dueStated,
    t.indicator,
    t.sentence,
    stamp?.dataVersion ?? null,
    stamp?.buildDate ?? null,
    stamp?.sourceSha256 ?? null,
  ]);
  return toCsv(CSV_COLUMNS, rows);
}
