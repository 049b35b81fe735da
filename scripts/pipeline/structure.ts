import type { List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type {
  BoxItemNode,
  BoxNode,
  FigureNode,
  HeadingNode,
  MeasureNode,
  ParagraphNode,
  PlanNode,
  PrefaceNode,
  Repair,
  SourceSpan,
  TableNode,
} from '../../src/model/types.ts';
import { parseChineseNumber, quoteTitle, toChineseNumber } from '../../src/model/text.ts';
import type { IssueCollector } from './errors.ts';
import { isTableLine, type NormalizedLine } from './repair.ts';
import { normalizeSpaces } from './preamble.ts';
import { parseTable } from './tables.ts';
import {
  chapterPath,
  citeAt,
  citeBox,
  citeBoxItem,
  citeFigure,
  citeParagraph,
  sectionPath,
  subpartPath,
} from './citation.ts';

/**
 * mdast blocks → the plan tree. Follows the plan's own numbering (第X章,
 * 第X节, 一、, 专栏 N, 表 N, 图 N), not the markdown heading depth, which the
 * conversion got wrong in many places.
 */
export interface StructureInput {
  root: Root;
  /** The normalized lines the markdown was made of (markdown line n = lines[n - 1]). */
  lines: NormalizedLine[];
  planTitle: string;
  /** The plan's period (tables read year columns against it). */
  period: { start: number; end: number };
}

export interface Structured {
  preface: PrefaceNode;
  chapters: HeadingNode[];
}

const CN = '[一二三四五六七八九十]+';
const CHAPTER = new RegExp(`^第(${CN})章\\s*(.+)$`);
const SECTION = new RegExp(`^第(${CN})节\\s*(.+)$`);
const SUBPART = new RegExp(`^(${CN})、\\s*(.+)$`);
const BOX = /^专栏\s*(\d+)\s*(.+)$/;
const TABLE = /^表\s*(\d+)\s*(.+)$/;
const FIGURE = /^图\s*(\d+)\s*(.+)$/;

type Container = PrefaceNode | HeadingNode;

export function structure(
  input: StructureInput,
  issues: IssueCollector,
  repairs: Repair[],
): Structured {
  const { root, lines, planTitle } = input;

  const spanOf = (node: {
    position?: { start: { line: number }; end: { line: number } };
  }): SourceSpan => {
    const start = lines[(node.position?.start.line ?? 1) - 1];
    const end = lines[(node.position?.end.line ?? 1) - 1];
    return { start: start?.line ?? 0, end: end?.endLine ?? start?.line ?? 0 };
  };
  const rawLinesOf = (node: RootContent): NormalizedLine[] =>
    lines.slice((node.position?.start.line ?? 1) - 1, node.position?.end.line ?? 1);

  const preface: PrefaceNode = {
    id: 'preface',
    kind: 'preface',
    // The plan prints these opening paragraphs without a heading; 前言 is our name for them.
    title: '前言',
    citation: `《${planTitle}》前言`,
    source: { start: lines[0]?.line ?? 1, end: lines[0]?.line ?? 1 },
    children: [],
  };
  const chapters: HeadingNode[] = [];
  let chapter: HeadingNode | undefined;
  let section: HeadingNode | undefined;
  let subpart: HeadingNode | undefined;
  let measure: MeasureNode | undefined;
  let box: BoxNode | undefined;
  let table:
    | { number: number; caption: NormalizedLine; lines: NormalizedLine[]; parent: Container }
    | undefined;
  let lastBox = 0;
  let lastTable = 0;
  let lastFigure = 0;
  const counts = new Map<string, number>();
  const next = (key: string) => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n;
  };

  const container = (): Container => subpart ?? section ?? chapter ?? preface;
  const pathOf = (c: Container): string => {
    if (c.kind === 'preface') return '前言';
    if (c.kind === 'chapter') return chapterPath(c.number);
    if (c.kind === 'section') return sectionPath(chapter!.number, c.number);
    return subpartPath(chapter!.number, section!.number, c.number);
  };
  const extend = (node: PlanNode, span: SourceSpan) => {
    node.source.end = Math.max(node.source.end, span.end);
  };
  const attach = (node: PlanNode) => {
    const parent = container();
    parent.children.push(node);
    for (const c of [preface, chapter, section, subpart])
      if (c && (c === parent || isAncestor(c, parent))) extend(c, node.source);
  };
  const isAncestor = (a: Container, b: Container) =>
    (a === chapter && (b === section || b === subpart)) || (a === section && b === subpart);

  const finishTable = () => {
    if (!table) return;
    const node: TableNode = parseTable(
      {
        number: table.number,
        caption: table.caption,
        lines: table.lines,
        planTitle,
        period: input.period,
      },
      issues,
      repairs,
    );
    const parent = table.parent;
    parent.children.push(node);
    extend(parent, node.source);
    if (chapter && parent !== chapter) extend(chapter, node.source);
    table = undefined;
  };

  for (const block of root.children) {
    const span = spanOf(block);
    const raw = rawLinesOf(block);

    if (table) {
      if (raw.every((l) => isTableLine(l.text) || /^注[：:]/.test(l.text.trim()))) {
        table.lines.push(...raw);
        continue;
      }
      finishTable();
    }

    if (box) {
      const items = boxItemsOf(block);
      if (items) {
        for (const item of items) addBoxItem(box, item.children, spanOf(item.node));
        extend(box, span);
        for (const c of [chapter, section, subpart]) if (c) extend(c, span);
        continue;
      }
      if (box.children.length === 0)
        issues.add(
          box.source.start,
          'box-empty',
          `专栏${box.number} has no ◆ items; expected ◆ lines after its title`,
        );
      box = undefined;
    }

    if (block.type === 'list') {
      issues.add(
        span.start,
        'list-outside-box',
        'a list outside any 专栏; expected list items only as ◆ items of a 专栏',
      );
      continue;
    }
    if (block.type !== 'heading' && block.type !== 'paragraph') {
      issues.add(
        span.start,
        'block-unexpected',
        `unexpected ${block.type} block; expected a heading or a paragraph`,
      );
      continue;
    }

    const text = normalizeSpaces(toString(block));
    const titleBlock =
      block.type === 'heading' ||
      (block.children.length === 1 && block.children[0]!.type === 'strong');

    // 第X章 / 第X节 / 一、
    const chapterMatch = titleBlock ? CHAPTER.exec(text) : null;
    if (chapterMatch) {
      const number = parseChineseNumber(chapterMatch[1]!) ?? 0;
      const expected = (chapter?.number ?? 0) + 1;
      if (number !== expected) {
        issues.add(
          span.start,
          'chapter-number',
          `${text.slice(0, 20)}… is numbered 第${chapterMatch[1]}章, expected 第${toChineseNumber(expected)}章`,
        );
      }
      chapter = heading(
        'chapter',
        String(number),
        number,
        `第${chapterMatch[1]}章`,
        chapterMatch[2]!,
        span,
        chapterPath(number),
      );
      chapters.push(chapter);
      section = subpart = measure = undefined;
      continue;
    }
    const sectionMatch = titleBlock ? SECTION.exec(text) : null;
    if (sectionMatch) {
      if (!chapter) {
        issues.add(span.start, 'section-outside-chapter', `${text} comes before any 第X章`);
        continue;
      }
      const number = parseChineseNumber(sectionMatch[1]!) ?? 0;
      const expected = (section?.number ?? 0) + 1;
      if (number !== expected) {
        issues.add(
          span.start,
          'section-number',
          `${text.slice(0, 20)}… is numbered 第${sectionMatch[1]}节 in 第${toChineseNumber(chapter.number)}章, expected 第${toChineseNumber(expected)}节`,
        );
      }
      section = heading(
        'section',
        `${chapter.number}.${number}`,
        number,
        `第${sectionMatch[1]}节`,
        sectionMatch[2]!,
        span,
        sectionPath(chapter.number, number),
      );
      chapter.children.push(section);
      extend(chapter, span);
      subpart = measure = undefined;
      continue;
    }
    const subpartMatch = block.type === 'heading' ? SUBPART.exec(text) : null;
    if (subpartMatch) {
      if (!chapter || !section) {
        issues.add(span.start, 'subpart-outside-section', `${text} comes before any 第X节`);
        continue;
      }
      if (section.children.some((c) => c.kind === 'measure')) {
        issues.add(
          span.start,
          'subpart-beside-measures',
          `${text}: 第${toChineseNumber(section.number)}节 already has measures of its own; IDs would be ambiguous`,
        );
      }
      const number = parseChineseNumber(subpartMatch[1]!) ?? 0;
      const expected = (subpart?.number ?? 0) + 1;
      if (number !== expected)
        issues.add(
          span.start,
          'subpart-number',
          `${text} is numbered ${subpartMatch[1]}、, expected ${toChineseNumber(expected)}、`,
        );
      subpart = heading(
        'subpart',
        `${chapter.number}.${section.number}.${number}`,
        number,
        `${subpartMatch[1]}、`,
        subpartMatch[2]!,
        span,
        subpartPath(chapter.number, section.number, number),
      );
      section.children.push(subpart);
      extend(section, span);
      extend(chapter, span);
      measure = undefined;
      continue;
    }

    // 专栏 N / 表 N / 图 N
    const firstLine = normalizeSpaces(
      raw[0]?.text.replace(/^#+\s*/, '').replace(/\*\*/g, '') ?? '',
    );
    const boxMatch = BOX.exec(text);
    if (boxMatch && !text.includes('。')) {
      const number = Number(boxMatch[1]);
      if (number !== lastBox + 1)
        issues.add(
          span.start,
          'box-number',
          `专栏${number} follows 专栏${lastBox}; expected 专栏${lastBox + 1}`,
        );
      lastBox = number;
      const title = boxMatch[2]!.trim();
      box = {
        id: `B${number}`,
        kind: 'box',
        number,
        label: `专栏${number}`,
        title,
        citation: citeBox(planTitle, pathOf(container()), number, title),
        source: span,
        children: [],
      };
      attach(box);
      measure = undefined;
      continue;
    }
    const tableMatch = block.type === 'paragraph' ? TABLE.exec(firstLine) : null;
    if (tableMatch && !firstLine.includes('。')) {
      const number = Number(tableMatch[1]);
      if (number !== lastTable + 1)
        issues.add(
          span.start,
          'table-number',
          `表${number} follows 表${lastTable}; expected 表${lastTable + 1}`,
        );
      lastTable = number;
      table = { number, caption: raw[0]!, lines: raw.slice(1), parent: container() };
      measure = undefined;
      continue;
    }
    const figureMatch = FIGURE.exec(text);
    if (figureMatch && !text.includes('。')) {
      const number = Number(figureMatch[1]);
      if (number !== lastFigure + 1)
        issues.add(
          span.start,
          'figure-number',
          `图${number} follows 图${lastFigure}; expected 图${lastFigure + 1}`,
        );
      lastFigure = number;
      const title = figureMatch[2]!.trim();
      const figure: FigureNode = {
        id: `F${number}`,
        kind: 'figure',
        number,
        title,
        text,
        citation: citeFigure(planTitle, number, title),
        source: span,
        children: [],
      };
      attach(figure);
      measure = undefined;
      continue;
    }

    if (block.type === 'heading') {
      issues.add(
        span.start,
        'heading-unknown',
        `heading "${text}" is none of 第X章, 第X节, 一、, 专栏N, 表N, 图N`,
      );
      continue;
    }

    // A measure (bold- or dash-led) or a plain paragraph.
    const lead = measureLead(block, raw[0]?.text ?? '', span.start, issues);
    if (lead) {
      const parent = container();
      if (parent.kind === 'preface' || parent.kind === 'chapter') {
        issues.add(
          span.start,
          'measure-outside-section',
          `measure "${lead.title}" is not inside a 第X节; expected measures only in sections and sub-parts`,
        );
        continue;
      }
      const number = next(`measure:${parent.id}`);
      measure = {
        id: `${parent.id}.${number}`,
        kind: 'measure',
        number,
        title: lead.title,
        lead: lead.lead,
        text: lead.text,
        style: lead.style,
        citation: citeAt(planTitle, pathOf(parent), lead.title),
        source: span,
        children: [],
      };
      attach(measure);
      continue;
    }
    const parent = measure ?? container();
    const number = next(`paragraph:${parent.id}`);
    const where = measure
      ? `${pathOf(container())}${quoteTitle(measure.title)}`
      : pathOf(container());
    const paragraph: ParagraphNode = {
      id: `${parent.id}.p${number}`,
      kind: 'paragraph',
      number,
      title: measure ? measure.title : container().title,
      text,
      // A measure's own lead paragraph counts as its 第1段.
      citation: citeParagraph(planTitle, where, measure ? number + 1 : number),
      source: span,
      children: [],
    };
    if (measure) {
      measure.children.push(paragraph);
      extend(measure, span);
      for (const c of [chapter, section, subpart]) if (c) extend(c, span);
    } else {
      attach(paragraph);
    }
  }
  finishTable();
  if (box && box.children.length === 0)
    issues.add(
      box.source.start,
      'box-empty',
      `专栏${box.number} has no ◆ items; expected ◆ lines after its title`,
    );
  if (preface.children.length > 0) preface.source.end = preface.children.at(-1)!.source.end;
  return { preface, chapters };

  function heading(
    kind: HeadingNode['kind'],
    id: string,
    number: number,
    label: string,
    title: string,
    span: SourceSpan,
    path: string,
  ): HeadingNode {
    const clean = title.trim();
    return {
      id,
      kind,
      number,
      label,
      numbering: kind === 'chapter' ? '章' : kind === 'section' ? '节' : '一、',
      title: clean,
      citation: citeAt(planTitle, path, clean),
      source: { ...span },
      children: [],
    };
  }

  function addBoxItem(target: BoxNode, children: PhrasingContent[], span: SourceSpan) {
    const number = target.children.length + 1;
    const rest = stripMarker(children);
    const first = rest[0];
    const lead = first?.type === 'strong' ? toString(first) : undefined;
    const text = normalizeSpaces(toString({ type: 'paragraph', children: rest }));
    const title = lead ? lead.replace(/。$/, '') : (/^([^：]{2,12})：/.exec(text)?.[1] ?? text);
    const item: BoxItemNode = {
      id: `${target.id}.${number}`,
      kind: 'boxItem',
      number,
      title,
      text,
      ...(lead ? { lead } : {}),
      citation: citeBoxItem(target.citation, title),
      source: span,
      children: [],
    };
    target.children.push(item);
  }
}

/** The ◆ items a block holds, or null when it is not a run of ◆ items. */
function boxItemsOf(
  block: RootContent,
): { node: RootContent | Paragraph; children: PhrasingContent[] }[] | null {
  const startsWithMarker = (p: Paragraph) => toString(p).trimStart().startsWith('◆');
  if (block.type === 'paragraph')
    return startsWithMarker(block) ? [{ node: block, children: block.children }] : null;
  if (block.type === 'list') {
    const items = (block as List).children.map((li) =>
      li.children.length === 1 && li.children[0]!.type === 'paragraph' ? li.children[0] : undefined,
    );
    if (items.some((p) => !p || !startsWithMarker(p))) return null;
    return items.map((p) => ({ node: p!, children: p!.children }));
  }
  return null;
}

/** Drop the leading ◆ (and the space after it) from an item's inline content. */
function stripMarker(children: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = children;
  if (first?.type !== 'text') return children;
  const value = first.value.replace(/^\s*◆\s*/, '');
  return value === '' ? rest : [{ ...first, value }, ...rest];
}

interface Lead {
  lead: string;
  title: string;
  text: string;
  style: 'bold' | 'dash';
}

/**
 * A measure's lead: `**标题。**正文` (bold) or `——标题。正文` / `——**标题**。正文` (dash).
 * Null for a plain paragraph; an issue for a bold lead that never closes.
 */
function measureLead(
  p: Paragraph,
  firstLine: string,
  line: number,
  issues: IssueCollector,
): Lead | null {
  const [first, second, ...after] = p.children;
  const rest = (nodes: PhrasingContent[]) =>
    normalizeSpaces(toString({ type: 'paragraph', children: nodes }));
  if (first?.type === 'strong') {
    const lead = normalizeSpaces(toString(first));
    if (!lead.endsWith('。')) {
      issues.add(
        line,
        'bold-lead-stop',
        `bold lead "${lead}" does not end with 。; expected **标题。** at the start of a measure`,
      );
      return null;
    }
    return { lead, title: lead.slice(0, -1), text: rest(p.children.slice(1)), style: 'bold' };
  }
  const full = normalizeSpaces(toString(p));
  if (full.startsWith('——')) {
    if (first?.type === 'text' && first.value === '——' && second?.type === 'strong') {
      const strong = normalizeSpaces(toString(second));
      const tail = rest(after);
      if (strong.endsWith('。'))
        return { lead: `——${strong}`, title: strong.slice(0, -1), text: tail, style: 'dash' };
      if (tail.startsWith('。'))
        return { lead: `——${strong}。`, title: strong, text: tail.slice(1), style: 'dash' };
    }
    const stop = full.indexOf('。');
    if (stop === -1) {
      issues.add(
        line,
        'dash-lead-stop',
        'a —— item has no 。 closing its title; expected ——标题。正文',
      );
      return null;
    }
    const lead = full.slice(0, stop + 1);
    return {
      lead,
      title: lead.replace(/^——/, '').replace(/\*/g, '').slice(0, -1),
      text: full.slice(stop + 1),
      style: 'dash',
    };
  }
  if (/^\*\*/.test(firstLine)) {
    issues.add(
      line,
      'bold-lead-unterminated',
      'the paragraph opens a bold lead with ** that never closes; expected **标题。** before the text',
    );
  }
  return null;
}
