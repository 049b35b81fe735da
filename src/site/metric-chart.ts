/**
 * A static SVG chart of one metric across plans, rendered when the site is built (docs/compare.md):
 * each plan's figures by year, actuals as filled dots joined by solid lines, targets as hollow
 * dots joined to their baseline by dashed lines, every point labelled with its value and the last
 * one with the plan's name, so that colour is never the only cue.
 *
 * Observable Plot draws it (scales, axes, grid, lines, dots, labels) into a linkedom document;
 * our code only reads the figures, chooses where each label goes (candidate positions scored
 * against lines, dots and labels already placed, with a stacked fallback and leader lines) and
 * edits the returned DOM:
 *
 * - no `<style>` element and no style attribute (the site's Content-Security-Policy has no
 *   'unsafe-inline'): Plot's two rules live in MetricChart.astro's stylesheet instead;
 * - `role="img"` with a `<title>` and a `<desc>` that states every value in words (不低于, 约),
 *   and every drawn mark inside one `aria-hidden` group;
 * - deterministic bytes: no generated IDs, fixed candidate order, pinned Plot and linkedom
 *   versions (package.json), the same output in any process and any order.
 *
 * Figures with no number (完成省定目标, 与经济增长同步) are not plotted: the key under the chart lists
 * them, the description states them, and the table beside the chart shows them.
 *
 * One module because the label placement works in the pixel scales the chart is then drawn with
 * (Plot.scale, whose domain and range Plot.plot is given), and the description states the same
 * points the chart plots: the figures, the labels and the drawing are read together.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import {
  BASIS_LABELS,
  type CompareMetricsFile,
  type Metric,
  type MetricValue,
} from '../model/compare.ts';

/** Dark colours, each at least 4.5:1 on white (they colour the labels too), one per plan. */
export const PLAN_COLOURS = [
  '#1f5a96',
  '#b0411b',
  '#2a7a3b',
  '#6b3fa0',
  '#8a5a00',
  '#00727a',
  '#a3286a',
  '#4d4d4d',
] as const;

const FONT =
  "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei',system-ui,sans-serif";
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A bound in words, for the description: ≥ 不低于, ＞ 高于, 左右 约. */
export const BOUND_WORDS = {
  '≥': '不低于',
  '>': '高于',
  '≤': '不高于',
  '<': '低于',
  '≈': '约',
} as const;
type Bound = keyof typeof BOUND_WORDS;

export interface ChartPoint {
  year: number;
  kind: 'actual' | 'target';
  /** The number, or null when the figure states none (listed, not plotted). */
  value: number | null;
  bound: Bound | null;
  cumulative: boolean;
  /** The figure as printed. */
  text: string;
  /** The column it comes from (十三五目标, 2025年完成值), when it says more than the year. */
  label: string;
}

export interface ChartSeries {
  /** The plan's short label: 广州, 李沧. */
  plan: string;
  colour: string;
  points: ChartPoint[];
}

export interface ChartInput {
  /** The figure's ID, unique on its page; the title and description hang off it. */
  id: string;
  metric: string;
  unit: string;
  /** What the figures measure, in words (年均增速, 期内降低…), for the description. */
  basis: string;
  series: ChartSeries[];
}

const boundOf = (v: MetricValue): Bound | null => v.comparator ?? (v.approximate ? '≈' : null);

/** A column header worth repeating next to its year: not just the year itself. */
function columnLabel(column: string, year: number): string {
  const plain = column.replace(/\s/g, '');
  return plain === String(year) || plain === `${year}年` ? '' : plain;
}

/**
 * The chart's input for a metric: a series per plan (or only the plans given, e.g. one plan's
 * own 表1 → 表2 series on its indicators page), each plan in its corpus colour.
 */
export function chartInput(
  metric: Metric,
  plans: CompareMetricsFile['plans'],
  options: { id?: string; only?: readonly string[] } = {},
): ChartInput {
  const chosen = metric.plans.filter((p) => !options.only || options.only.includes(p.slug));
  return {
    id: options.id ?? `chart-${metric.id}`,
    metric: metric.name,
    unit: metric.unit,
    basis: BASIS_LABELS[metric.basis],
    series: chosen.map((p) => {
      const index = plans.findIndex((x) => x.slug === p.slug);
      return {
        plan: plans[index]?.label ?? p.slug,
        colour: PLAN_COLOURS[Math.max(0, index) % PLAN_COLOURS.length]!,
        points: p.series.map((v) => ({
          year: v.year,
          kind: v.kind,
          value: v.value,
          bound: boundOf(v),
          cumulative: v.cumulative,
          text: v.text,
          label: columnLabel(v.column, v.year),
        })),
      };
    }),
  };
}

/** How many figures of the input can be plotted: a chart needs two. */
export const numericPoints = (input: ChartInput): number =>
  input.series.reduce((n, s) => n + s.points.filter((p) => p.value !== null).length, 0);

/** A number as the labels print it: typographic minus, no trailing zeros beyond the printed ones. */
const number = (v: number): string => `${v < 0 ? '\u2212' : ''}${Math.abs(v)}`;

/** A point's label on the chart: ≥85, 约25, 累计12. */
export function shortValue(p: ChartPoint): string {
  if (p.value === null) return p.text;
  const n = number(p.value);
  const core = p.bound === '≈' ? `约${n}` : p.bound ? `${p.bound}${n}` : n;
  return p.cumulative ? `累计${core}` : core;
}

/** A point in words for the description: 2030年目标不低于85岁（2030年目标值）. */
function spoken(p: ChartPoint, unit: string): string {
  const kind = p.kind === 'target' ? '目标' : '实际';
  const label = p.label ? `（${p.label}）` : '';
  if (p.value === null) return `${p.year}年${kind}“${p.text}”${label}（非数值，未绘制）`;
  const bound = p.bound ? BOUND_WORDS[p.bound] : '';
  const cumulative = p.cumulative ? '期内累计' : '';
  return `${p.year}年${kind}${cumulative}${bound}${number(p.value)}${unit}${label}`;
}

/** The text alternative: every value of every plan, in words. */
export function describe(input: ChartInput): string {
  const parts = input.series.map(
    (s) => `${s.plan}：${s.points.map((p) => spoken(p, input.unit)).join(' → ')}`,
  );
  return (
    `${input.metric}（${input.basis}${input.unit ? `，单位：${input.unit}` : ''}）。` +
    `${parts.join('；')}。实心点为实际值，空心点和虚线为规划目标。`
  );
}

/* ------------------------------------------------------------------ layout */

/** Rough text width in px: CJK and full-width 1 em, ASCII 0.6 em (Plot counts CJK as 0.56 em). */
function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u00ff]/.test(ch) ? 0.6 : 1;
  return w * fontSize;
}

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
type Anchor = 'start' | 'end' | 'middle';
interface Label {
  plan: string;
  year: number;
  value: number;
  text: string;
  order: number;
  isFirst: boolean;
  isLast: boolean;
  px: number;
  py: number;
  w: number;
  lx: number;
  ly: number;
  anchor: Anchor;
  cost: number;
  leader: boolean;
}
interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Candidate positions: name, anchor, dx (in gaps), dy (in em), preference cost. */
const CANDIDATES: readonly [string, Anchor, number, number, number][] = [
  ['R', 'start', 1, 0, 0],
  ['L', 'end', -1, 0, 0.4],
  ['RU', 'start', 0.6, -1.05, 1],
  ['RD', 'start', 0.6, 1.05, 1],
  ['LU', 'end', -0.6, -1.05, 1.2],
  ['LD', 'end', -0.6, 1.05, 1.2],
  ['U', 'middle', 0, -1.3, 1.5],
  ['D', 'middle', 0, 1.3, 1.5],
];

const hits = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function segmentHits(s: Segment, r: Rect, pad = 1.5): boolean {
  const n = Math.max(2, Math.ceil(Math.hypot(s.x2 - s.x1, s.y2 - s.y1) / 3));
  for (let i = 0; i <= n; i++) {
    const x = s.x1 + ((s.x2 - s.x1) * i) / n;
    const y = s.y1 + ((s.y2 - s.y1) * i) / n;
    if (x > r.x0 - pad && x < r.x1 + pad && y > r.y0 - pad && y < r.y1 + pad) return true;
  }
  return false;
}

/**
 * Place every label: greedily, the plan's last label first, each at the cheapest of the
 * candidate positions (off the frame, over another label, a dot or a line cost, in that order);
 * a column whose labels still collide is stacked on one side with leader lines. Deterministic:
 * fixed orders, the first minimum wins.
 */
function placeLabels(
  labels: Label[],
  context: {
    segments: Segment[];
    dots: { px: number; py: number }[];
    frame: Rect;
    fontSize: number;
    obstacles: Rect[];
  },
): void {
  const { segments, dots, frame, fontSize, obstacles } = context;
  const gap = 8;
  // A CJK font's glyph box is taller than its size: leave room for it.
  const lineHeight = fontSize * 1.25;
  const placed: Rect[] = [];
  const order = [...labels].sort(
    (a, b) =>
      Number(b.isLast) - Number(a.isLast) || a.px - b.px || a.py - b.py || a.order - b.order,
  );
  for (const l of order) {
    let best: (Rect & { x: number; y: number; anchor: Anchor; cost: number }) | null = null;
    for (const [name, anchor, kx, ky, preference] of CANDIDATES) {
      const x = l.px + kx * gap;
      const y = l.py + ky * fontSize;
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - l.w : x - l.w / 2;
      const r = { x0, y0: y - lineHeight / 2, x1: x0 + l.w, y1: y + lineHeight / 2 };
      let cost =
        preference +
        (l.isLast && name !== 'R' ? 3 : 0) +
        (l.isFirst && !l.isLast && name === 'L' ? -0.6 : 0);
      if (r.x0 < frame.x0 || r.x1 > frame.x1 || r.y0 < frame.y0 || r.y1 > frame.y1) cost += 1000;
      for (const o of obstacles) if (hits(r, o)) cost += 500;
      for (const p of placed) if (hits(r, p)) cost += 200;
      for (const d of dots)
        if (hits(r, { x0: d.px - 6, x1: d.px + 6, y0: d.py - 6, y1: d.py + 6 })) cost += 50;
      for (const s of segments) if (segmentHits(s, r)) cost += 20;
      if (!best || cost < best.cost) best = { ...r, x, y, anchor, cost };
    }
    Object.assign(l, { lx: best!.x, ly: best!.y, anchor: best!.anchor, cost: best!.cost });
    placed.push(best!);
  }
  // A crowded column: stack its labels on one side, in value order, with leader lines.
  for (const cx of [...new Set(labels.map((l) => l.px))]) {
    const column = labels.filter((l) => l.px === cx);
    if (!column.some((l) => l.cost >= 200)) continue;
    const edgeLeft = cx - frame.x0 < 40;
    for (const side of ['start', 'end'] as const) {
      const group = column.filter(
        (l) => (edgeLeft || l.anchor !== 'end' ? 'start' : 'end') === side,
      );
      if (!group.length) continue;
      group.sort((a, b) => a.py - b.py || a.order - b.order);
      const step = lineHeight + 1;
      const top = frame.y0 + fontSize / 2;
      const bottom = frame.y1 - fontSize / 2;
      group.forEach((l, i) => (l.ly = Math.max(l.py, i ? group[i - 1]!.ly + step : top)));
      for (let i = group.length - 1; i >= 0; i--) {
        const max = i === group.length - 1 ? bottom : group[i + 1]!.ly - step;
        if (group[i]!.ly > max) group[i]!.ly = max;
      }
      for (const l of group)
        Object.assign(l, { anchor: side, lx: l.px + (side === 'start' ? 16 : -16), leader: true });
    }
  }
}

/* ------------------------------------------------------------------- chart */

const { document: DOCUMENT } = parseHTML('<!doctype html><html><head></head><body></body></html>');

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function* descendants(node: Element): Generator<Element> {
  for (const child of Array.from(node.children)) {
    yield child;
    yield* descendants(child);
  }
}

/** The key's swatch: a tiny decorative SVG, presentation attributes only. */
const swatch = (dashed: boolean, filled: boolean) =>
  `<svg class="mc-swatch" viewBox="0 0 28 10" width="28" height="10" aria-hidden="true" focusable="false"><path d="M1,5H27" stroke="#444" stroke-width="2"${dashed ? ' stroke-dasharray="4,3"' : ''}/><circle cx="14" cy="5" r="3.5" fill="${filled ? '#444' : '#fff'}" stroke="#444" stroke-width="1.5"/></svg>`;

/**
 * The chart as HTML: `<figure class="mc">` holding the SVG and its key, or, when fewer than two
 * figures can be plotted, the description as text (the table beside it has the numbers).
 */
export function renderMetricChart(
  input: ChartInput,
  options: { width?: number; height?: number; fontSize?: number } = {},
): string {
  const { width = 420, height = 280, fontSize = 13 } = options;
  const tickFontSize = 12;
  const { id, unit } = input;
  const summary = describe(input);
  const all = input.series.flatMap((s) => s.points.map((p) => ({ ...p, plan: s.plan })));
  const numeric = all.filter((p): p is typeof p & { value: number } => p.value !== null);
  const missing = all.filter((p) => p.value === null);
  if (numeric.length < 2)
    return `<figure class="mc mc--text" id="${escapeHtml(id)}"><p>${escapeHtml(summary)}</p></figure>`;

  // Lines: an actual joins the previous actual (solid); a target joins its baseline, the
  // latest actual before it (dashed), or the previous figure when there is none.
  type Seg = {
    plan: string;
    kind: 'actual' | 'target';
    x1: number;
    y1: number;
    x2: number;
    y2: number;
  };
  const segs: Seg[] = [];
  for (const s of input.series) {
    let lastActual: ChartPoint | null = null;
    let previous: ChartPoint | null = null;
    for (const p of s.points) {
      if (p.value === null) continue;
      const from = p.kind === 'target' ? (lastActual ?? previous) : lastActual;
      if (from && !(from.year === p.year && from.value === p.value))
        segs.push({
          plan: s.plan,
          kind: p.kind,
          x1: from.year,
          y1: from.value!,
          x2: p.year,
          y2: p.value,
        });
      if (p.kind === 'actual') lastActual = p;
      previous = p;
    }
  }

  const labels: Label[] = [];
  for (const s of input.series) {
    const points = s.points.filter((p) => p.value !== null);
    points.forEach((p, i) =>
      labels.push({
        plan: s.plan,
        year: p.year,
        value: p.value!,
        text: i === points.length - 1 ? `${s.plan} ${shortValue(p)}` : shortValue(p),
        order: labels.length,
        isFirst: i === 0,
        isLast: i === points.length - 1,
        px: 0,
        py: 0,
        w: 0,
        lx: 0,
        ly: 0,
        anchor: 'start',
        cost: 0,
        leader: false,
      }),
    );
  }

  const years = [...new Set(numeric.map((p) => p.year))].sort((a, b) => a - b);
  const maxYear = years.at(-1)!;
  const values = numeric.map((p) => p.value);
  const lastWidth = Math.max(
    0,
    ...labels.filter((l) => l.year === maxYear).map((l) => textWidth(l.text, fontSize)),
  );
  const nice = Plot.scale({
    y: { domain: [Math.min(...values), Math.max(...values)], nice: true, zero: false },
  });
  const [d0, d1] = nice.domain as [number, number];
  const ticksWidth = Math.max(...[d0, d1].map((d) => textWidth(String(d), tickFontSize)));
  const margin = {
    top: 24,
    right: Math.ceil(lastWidth + 14),
    bottom: 26,
    left: Math.ceil(ticksWidth + 14),
  };
  // Head-room of 1.5 label heights above and below, so labels fit over and under the extremes.
  const padPx = fontSize * 1.5;
  const plotHeight = height - margin.top - margin.bottom;
  const pad = ((d1 - d0 || Math.abs(d1) || 1) * padPx) / (plotHeight - 2 * padPx);
  const y = Plot.scale({
    y: { domain: [d0 - pad, d1 + pad], range: [height - margin.bottom, margin.top], nice: false },
  });
  const xDomain = years.length > 1 ? [years[0]!, maxYear] : [maxYear - 1, maxYear + 1];
  const x = Plot.scale({ x: { domain: xDomain, range: [margin.left, width - margin.right] } });
  const X = (v: number) => x.apply(v) as number;
  const Y = (v: number) => y.apply(v) as number;
  for (const l of labels)
    Object.assign(l, { px: X(l.year), py: Y(l.value), w: textWidth(l.text, fontSize) });
  const unitText = unit ? `单位：${unit}` : '';
  placeLabels(labels, {
    segments: segs.map((s) => ({ x1: X(s.x1), y1: Y(s.y1), x2: X(s.x2), y2: Y(s.y2) })),
    dots: numeric.map((p) => ({ px: X(p.year), py: Y(p.value) })),
    frame: { x0: margin.left - 4, x1: width - 1, y0: 1, y1: height - margin.bottom + 4 },
    fontSize,
    obstacles: [{ x0: 0, x1: textWidth(unitText, tickFontSize) + 4, y0: 0, y1: tickFontSize + 6 }],
  });
  const placed = labels.map((l) => ({
    ...l,
    lxData: x.invert!(l.lx) as number,
    lyData: y.invert!(l.ly) as number,
  }));
  const leaders = placed
    .filter((l) => l.leader)
    .map((l) => ({
      plan: l.plan,
      x1: l.year,
      y1: l.value,
      x2: x.invert!(l.lx + (l.anchor === 'start' ? -3 : 3)) as number,
      y2: l.lyData,
    }));

  const svg = Plot.plot({
    document: DOCUMENT as unknown as Document,
    width,
    height,
    className: 'mc-svg',
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    x: { domain: x.domain, range: x.range, round: true, label: null },
    y: { domain: y.domain, range: y.range, round: true, label: null },
    color: { domain: input.series.map((s) => s.plan), range: input.series.map((s) => s.colour) },
    marks: [
      Plot.gridY({ ticks: 5, strokeOpacity: 0.12 }),
      Plot.axisY({ ticks: 5, fontSize: tickFontSize, tickSize: 0, tickPadding: 6, label: null }),
      Plot.axisX({
        ticks: years,
        tickFormat: (d: number) => `${d}`,
        fontSize: tickFontSize,
        tickSize: 4,
        label: null,
      }),
      Plot.text([unitText], {
        frameAnchor: 'top-left',
        dy: -margin.top + 4,
        dx: -margin.left + 2,
        textAnchor: 'start',
        lineAnchor: 'top',
        fontSize: tickFontSize,
        fill: '#555',
      }),
      Plot.link(
        segs.filter((s) => s.kind === 'actual'),
        {
          x1: 'x1',
          y1: 'y1',
          x2: 'x2',
          y2: 'y2',
          stroke: 'plan',
          strokeWidth: 2.5,
          className: 'mc-actual',
        },
      ),
      Plot.link(
        segs.filter((s) => s.kind === 'target'),
        {
          x1: 'x1',
          y1: 'y1',
          x2: 'x2',
          y2: 'y2',
          stroke: 'plan',
          strokeWidth: 2,
          strokeDasharray: '5,4',
          className: 'mc-target',
        },
      ),
      // Targets first and a little larger: a target and an actual at the same place (南京 2025:
      // 十四五 target 4左右, result 4) show as a dot inside a ring.
      Plot.dot(
        numeric.filter((p) => p.kind === 'target'),
        {
          x: 'year',
          y: 'value',
          stroke: 'plan',
          fill: '#fff',
          r: 5,
          strokeWidth: 2,
          className: 'mc-point-target',
        },
      ),
      Plot.dot(
        numeric.filter((p) => p.kind === 'actual'),
        { x: 'year', y: 'value', fill: 'plan', r: 3.5, className: 'mc-point-actual' },
      ),
      Plot.link(leaders, {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        stroke: 'plan',
        strokeWidth: 1,
        strokeOpacity: 0.7,
        className: 'mc-leader',
      }),
      ...(['start', 'end', 'middle'] as const).map((anchor) =>
        Plot.text(
          placed.filter((l) => l.anchor === anchor),
          {
            x: 'lxData',
            y: 'lyData',
            text: 'text',
            fill: 'plan',
            stroke: '#fff',
            strokeWidth: 4,
            textAnchor: anchor,
            fontSize,
            className: 'mc-label',
          },
        ),
      ),
    ],
  }) as unknown as SVGSVGElement;

  // The DOM, edited (not the string): CSP, accessibility, determinism.
  for (const child of Array.from(svg.children))
    if (child.tagName.toLowerCase() === 'style') child.remove();
  svg.setAttribute('font-family', FONT);
  svg.setAttribute('font-size', String(fontSize));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-t`);
  svg.setAttribute('aria-describedby', `${id}-d`);
  const doc = svg.ownerDocument;
  const title = doc.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', `${id}-t`);
  title.textContent = `${input.metric}：${input.series.length > 1 ? '各规划' : input.series[0]!.plan}基期值与目标值`;
  const desc = doc.createElementNS(SVG_NS, 'desc');
  desc.setAttribute('id', `${id}-d`);
  desc.textContent = summary;
  // One aria-hidden group around every mark: under role="img" Chromium still exposes <text>.
  const marks = doc.createElementNS(SVG_NS, 'g');
  marks.setAttribute('aria-hidden', 'true');
  marks.append(...Array.from(svg.children));
  svg.append(title, desc, marks);
  for (const el of descendants(svg as unknown as Element)) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
    if (el !== (marks as unknown as Element)) el.removeAttribute('aria-hidden');
    if (el.hasAttribute('style'))
      throw new Error(`Plot wrote a style attribute: ${el.outerHTML.slice(0, 80)}`);
    const elementId = el.getAttribute('id');
    if (elementId !== null && !elementId.startsWith(id))
      throw new Error(
        `Plot generated an ID (${elementId}): the output would depend on render order`,
      );
  }
  const notPlotted = missing.map(
    (p) => `${p.plan} ${p.year}年${p.kind === 'target' ? '目标' : '实际'}（${p.text}）`,
  );
  const key =
    `<div class="mc-key"><span>${swatch(false, true)}实际值</span><span>${swatch(true, false)}规划目标</span>` +
    (notPlotted.length
      ? `<span class="mc-key-note">未绘制（非数值，见表格）：${escapeHtml(notPlotted.join('、'))}</span>`
      : '') +
    '</div>';
  return `<figure class="mc" id="${escapeHtml(id)}">${svg.outerHTML}${key}</figure>`;
}
