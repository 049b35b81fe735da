/**
 * Blocks → the plan's outline. Follows the plan's own numbering and words
 * (classify.ts), never the Markdown heading depth:
 *
 * - headings (第X篇, 第X章, 第X节, 一、, （一）, 1., …) open containers; a
 *   heading closes every open one of its own rank or deeper and goes into
 *   the nearest outer one, so levels may be skipped but never crossed;
 * - 专栏 boxes take their items, table and notes (boxes.ts), 表 captions
 *   their table (tables.ts), 注 the table or box before them;
 * - 名词解释 opens the glossary, 附录 an appendix;
 * - every other block is a paragraph or a numbered item of the container it
 *   falls in; which paragraphs are measures is decided per container once it
 *   is complete (assemble.ts, leads.ts), as are IDs and citations.
 *
 * Numbering is checked as the headings go by: each level counts 1, 2, 3…
 * under its parent, chapters either through the whole plan or afresh in every
 * 篇 (whichever the plan does). Pure: blocks in, drafts out, problems to `issues`.
 *
 * One module because it is one state machine: the stack of open containers and
 * the open box, caption, note and figure are shared by every block kind's rule
 * (a block the box does not accept closes it, a 注 goes to the table or box
 * just closed), and each rule relies on the order the others run in. What can
 * be read without that state is in classify.ts, boxes.ts, tables.ts,
 * glossary.ts and assemble.ts.
 */
import type { SourceForm } from '../../src/model/plan-meta.ts';
import type {
  AppendixNode,
  BoxNode,
  FigureNode,
  GlossaryNode,
  HeadingNode,
  NoteNode,
  NumberingStyle,
  PrefaceNode,
  Repair,
  TableNode,
  TermNode,
  TocEntry,
} from '../../src/model/types.ts';
import { BoxState } from './boxes.ts';
import { citeFigure } from './citation.ts';
import { type BlockClass, classify } from './classify.ts';
import type { IssueCollector } from './errors.ts';
import { TERM_ENTRY, termKey, termOf, TermReferences, type TermRefFound } from './glossary.ts';
import type { Block } from './layout.ts';
import { type Lead, markedLead } from './leads.ts';
import {
  type HeadingRole,
  headingRoles,
  NumberingSequence,
  printedNumber,
  styleRank,
} from './numbering.ts';
import { htmlTag, type Inline, InlineReader, plainInline } from './parse.ts';
import { normalizeSpaces } from './repair.ts';
import { linkNote, parseTable, type TableInput } from './tables.ts';

/** One block, read: its inline text, its class, and the glossary references taken out of it. */
export interface Prepared {
  block: Block;
  inline: Inline;
  /** The block's text, markup and indentation removed, spaces normalized. */
  text: string;
  cls: BlockClass | { kind: 'table' } | { kind: 'preface' };
  refs: TermRefFound[];
}

/** What a container holds before its measures and IDs are settled. */
export type Draft =
  | { type: 'container'; container: Container }
  | { type: 'paragraph'; item: Prepared }
  | { type: 'measure'; item: Prepared; lead: Lead; label?: string }
  | { type: 'node'; node: PlanNodeDraft; item?: Prepared };

/** Nodes made whole here (boxes, tables, figures, notes, terms): IDs final, citations set later. */
export type PlanNodeDraft = BoxNode | TableNode | FigureNode | NoteNode | TermNode;

export interface Container {
  node: PrefaceNode | HeadingNode | GlossaryNode | AppendixNode;
  /** The numbering rank of the container's heading (-1: preface, glossary, appendix). */
  rank: number;
  drafts: Draft[];
  /** For the numbering checks: a key unique to this container. */
  key: string;
  /** The prepared block of its heading, for glossary references in the title. */
  item?: Prepared;
}

export interface StructureInput {
  blocks: Block[];
  form: SourceForm;
  planTitle: string;
  period: { start: number; end: number };
  toc: TocEntry[];
}

export interface Structured {
  preface: Container;
  /** Parts, or chapters when the plan has no 篇, in order. */
  top: Container[];
  glossary: Container | null;
  appendices: Container[];
  /** Chapters are numbered afresh in every 篇 (IDs then carry the part: P2.3). */
  chaptersRestart: boolean;
  roles: Map<NumberingStyle, HeadingRole>;
  /** Whether the plan prints any bold lead (then it has no plain leads). */
  boldLeads: boolean;
}

const PREFACE_HEADING = /^(序|前)[\s\u3000]*言$/;

export function structure(
  input: StructureInput,
  issues: IssueCollector,
  repairs: Repair[],
): Structured {
  const { form, planTitle, period } = input;
  const markdown = form === 'markdown-from-pdf' || form === 'markdown-from-html';
  const record = (kind: Repair['kind'], line: number, before: string, after: string) =>
    repairs.push({ kind, line, before, after });

  const prepared = prepare(input.blocks, markdown, record, issues);
  const roles = headingRoles([
    ...input.toc.flatMap((e) => (e.numbering ? [e.numbering] : [])),
    ...bodyHeadingStyles(prepared),
  ]);
  const chaptersRestart = restartsChapters(prepared, roles);
  const bodyWidth = medianWidth(prepared);

  const preface: Container = {
    node: {
      id: 'preface',
      kind: 'preface',
      // The plan prints its opening paragraphs without a heading; 前言 is our name for them.
      title: '前言',
      citation: '',
      source: { start: prepared[0]?.block.line ?? 1, end: prepared[0]?.block.line ?? 1 },
      children: [],
    },
    rank: -1,
    drafts: [],
    key: 'preface',
  };
  const top: Container[] = [];
  const appendices: Container[] = [];
  let glossary: Container | null = null;
  let stack: Container[] = [preface];
  const sequence = new NumberingSequence();
  let serial = 0;
  let box: BoxState | null = null;
  let caption: Prepared | null = null;
  let note: { node: NoteNode; numbered: boolean } | null = null;
  /** The table whose note is being read: linked to it when the note ends. */
  let notedTable: TableNode | null = null;
  /** A figure printed with its label alone on a line, waiting for its caption. */
  let captioning: FigureNode | null = null;
  /** The last table or box, which a 注 right after belongs to. */
  let noted: TableNode | BoxNode | null = null;
  let boldLeads = false;
  const counts = {
    table: 0,
    figure: 0,
    appendixTable: 0,
    appendixFigure: 0,
    untitled: 0,
    appendix: 0,
  };
  let lastBox = 0;

  const current = () => stack.at(-1)!;
  const add = (draft: Draft) => current().drafts.push(draft);
  const closeBox = () => {
    if (!box) return;
    add({ type: 'node', node: box.finish(issues) });
    noted = box.node;
    box = null;
  };
  const closeCaption = () => {
    if (!caption) return;
    // A caption with no table after it: the table is printed as an image.
    const table = emptyTable(caption, planTitle);
    add({ type: 'node', node: table });
    noted = table;
    caption = null;
  };

  for (const item of prepared) {
    const { cls, block } = item;

    // An open note takes its numbered continuation lines (注：1.… / 2.…).
    if (note?.numbered && cls.kind === 'item' && cls.style === '1.') {
      note.node.text += `\n${item.text}`;
      note.node.source.end = block.endLine;
      continue;
    }
    if (note && notedTable) linkNote(notedTable, note.node);
    note = null;
    notedTable = null;

    // A figure's caption lines: short, no sentence, right under its label.
    if (captioning) {
      if (isCaptionLine(item)) {
        const extra = item.text;
        captioning.text += `\n${extra}`;
        captioning.title = captioning.title ? `${captioning.title} ${extra}` : extra;
        captioning.citation = citeFigure(planTitle, figureLabel(captioning), captioning.title);
        captioning.source.end = block.endLine;
        continue;
      }
      captioning = null;
    }

    if (box && !box.accepts(item, bodyWidth, roles)) closeBox();
    // A caption with an image under it: the table is printed as that image.
    if (caption && cls.kind === 'image') {
      const table = emptyTable(caption, planTitle);
      table.image = { src: cls.src, alt: cls.alt };
      table.source.end = block.endLine;
      add({ type: 'node', node: table });
      noted = table;
      caption = null;
      continue;
    }
    if (caption && cls.kind !== 'table') closeCaption();

    switch (cls.kind) {
      case 'preface':
        // 序言 / 前言 as printed: the preface's own heading.
        preface.node.title = item.text.replace(/[\s\u3000]+/g, '');
        (preface.node as PrefaceNode).label = preface.node.title;
        preface.node.source = { start: block.line, end: block.endLine };
        continue;
      case 'table': {
        if (caption) {
          const c = caption.cls as Extract<BlockClass, { kind: 'caption' }>;
          const table = parseTable(
            tableInput(
              caption,
              c.number,
              tableId(c),
              tableId(c),
              c.label,
              c.title,
              item,
              planTitle,
              period,
            ),
            issues,
            repairs,
          );
          add({ type: 'node', node: table });
          noted = table;
          caption = null;
        } else if (box) {
          box.addTable(item, planTitle, period, issues, repairs);
        } else {
          // A table without a caption: numbered among the untitled ones.
          const n = ++counts.untitled;
          const table = parseTable(
            tableInput(item, n, `U${n}`, `U${n}`, '表', '', item, planTitle, period),
            issues,
            repairs,
          );
          add({ type: 'node', node: table });
          noted = table;
        }
        continue;
      }
      case 'caption': {
        closeBox();
        // 表 and 附表 are numbered apart: 附表1 may follow 表3.
        const kind = cls.appendix ? '附表' : '表';
        const last = cls.appendix ? counts.appendixTable : counts.table;
        if (cls.number !== last + 1)
          issues.add(
            block.line,
            'table-number',
            `${cls.label} follows ${kind}${last}; expected ${kind}${last + 1}`,
          );
        if (cls.appendix) counts.appendixTable = cls.number;
        else counts.table = cls.number;
        caption = item;
        continue;
      }
      case 'box': {
        closeBox();
        if (cls.number === '') {
          // A 专栏 the plan does not number takes the next number in order (B1, B2…): its ID is
          // as stable as the plan's order of 专栏, the only numbering it has.
          box = new BoxState(item, { ...cls, number: String(lastBox + 1) }, form);
          lastBox++;
          continue;
        }
        const number = Number(cls.number.split('-')[0]);
        const hyphenated = cls.number.includes('-');
        if (!hyphenated && number !== lastBox + 1)
          issues.add(
            block.line,
            'box-number',
            `专栏${number} follows 专栏${lastBox}; expected 专栏${lastBox + 1}`,
          );
        if (!hyphenated) lastBox = number;
        box = new BoxState(item, cls, form);
        continue;
      }
      case 'figure': {
        closeBox();
        // 图 and 附图 are numbered apart, and IDs keep them apart: F1, AF1.
        const kind = cls.appendix ? '附图' : '图';
        const last = cls.appendix ? counts.appendixFigure : counts.figure;
        if (cls.number !== last + 1)
          issues.add(
            block.line,
            'figure-number',
            `${cls.label} follows ${kind}${last}; expected ${kind}${last + 1}`,
          );
        if (cls.appendix) counts.appendixFigure = cls.number;
        else counts.figure = cls.number;
        const figure = figureNode(item, cls.number, cls.title, planTitle, cls.appendix);
        add({ type: 'node', node: figure });
        // A label printed alone (附图1) takes the caption lines right under it.
        captioning = cls.title === '' ? figure : null;
        continue;
      }
      case 'image': {
        // An image with no 图 label: the next figure, kept with the image it points to.
        closeBox();
        const n = ++counts.figure;
        const figure = figureNode(item, n, cls.alt || '图片', planTitle);
        figure.image = { src: cls.src, alt: cls.alt };
        add({ type: 'node', node: figure });
        continue;
      }
      case 'note': {
        const node: NoteNode = {
          id: '',
          kind: 'note',
          title: '注',
          text: item.text,
          citation: '',
          source: { start: block.line, end: block.endLine },
          children: [],
        };
        const numbered = /^注[：:]\s*[0-9０-９]+[.．、]/.test(item.text);
        note = { node, numbered };
        const after = noted && lastDraftIs(current(), noted) ? noted : null;
        if (box) box.addNote(node);
        else if (after?.kind === 'table') {
          node.id = `${after.id}.note`;
          node.title = `${after.label}注`;
          node.citation = `《${planTitle}》${after.label}注`;
          // The note's items explain the table's markers (* → 注1): linked once it is whole.
          notedTable = after;
          after.children.push(node);
          after.source.end = Math.max(after.source.end, block.endLine);
        } else if (after?.kind === 'box') {
          node.id = `${after.id}.note`;
          node.title = `${after.label}注`;
          after.children.push(node);
          after.source.end = Math.max(after.source.end, block.endLine);
        } else add({ type: 'node', node });
        continue;
      }
      case 'glossary': {
        closeBox();
        glossary = {
          node: {
            id: 'glossary',
            kind: 'glossary',
            title: cls.title,
            citation: `《${planTitle}》${cls.title}`,
            source: { start: block.line, end: block.endLine },
            children: [],
          },
          rank: -1,
          drafts: [],
          key: 'glossary',
          item,
        };
        stack = [glossary];
        continue;
      }
      case 'appendix': {
        closeBox();
        const n = ++counts.appendix;
        const appendix: Container = {
          node: {
            id: `A${n}`,
            kind: 'appendix',
            number: n,
            label: cls.label,
            title: cls.title,
            citation: `《${planTitle}》${cls.label}${cls.title ? `“${cls.title}”` : ''}`,
            source: { start: block.line, end: block.endLine },
            children: [],
          },
          rank: -1,
          drafts: [],
          key: `A${n}`,
          item,
        };
        appendices.push(appendix);
        stack = [appendix];
        continue;
      }
      case 'heading':
      case 'item':
      case 'bullet':
      case 'dash':
      case 'paragraph':
        break;
    }

    // The glossary: its entries are terms.
    if (glossary && stack[0] === glossary) {
      const term = termNode(item);
      if (term) glossary.drafts.push({ type: 'node', node: term, item });
      else glossary.drafts.push({ type: 'paragraph', item });
      continue;
    }

    if (box) {
      box.addItem(item);
      continue;
    }

    if (cls.kind === 'heading' && roles.has(cls.style)) {
      const role = roles.get(cls.style)!;
      const rank = styleRank(cls.style);
      while (stack.length > 1 && current().rank >= rank) stack.pop();
      const parent = current();
      levelCheck(issues, block.line, role, cls, parent, roles);
      const keyOf =
        role === 'chapter' && !chaptersRestart ? 'chapters' : `${parent.key}/${cls.style}`;
      const expected = sequence.expected(keyOf);
      const wrong = sequence.next(keyOf, cls.number);
      if (wrong !== null)
        numberingIssue(issues, block.line, role, cls, expected, parent, item.text);
      const heading: HeadingNode = {
        id: '',
        kind: role,
        number: cls.number,
        label: cls.label,
        numbering: cls.style,
        title: cls.title,
        citation: '',
        source: { start: block.line, end: block.endLine },
        children: [],
      };
      const container: Container = { node: heading, rank, drafts: [], key: `c${++serial}`, item };
      if (parent === preface && (role === 'part' || role === 'chapter')) top.push(container);
      else parent.drafts.push({ type: 'container', container });
      stack.push(container);
      continue;
    }

    if (cls.kind === 'item' || cls.kind === 'bullet') {
      const text = cls.kind === 'item' ? cls.text : cls.text;
      const label = cls.kind === 'item' ? cls.label : cls.marker;
      if (cls.kind === 'item') {
        // Numbered items count 1, 2, 3 in their container, like headings.
        const key = `${current().key}/item/${cls.style}`;
        const expected = sequence.expected(key);
        if (sequence.next(key, cls.number) !== null)
          issues.add(
            block.line,
            'item-number',
            `${item.text.slice(0, 20)}… is numbered ${cls.label}, expected ${printedNumber(cls.style, expected)}`,
          );
      }
      const lead = numberedLead(normalizeSpaces(text), item);
      if (lead.style === 'bold') boldLeads = true;
      add({ type: 'measure', item, lead, label });
      continue;
    }

    // A dash item, a bold-led paragraph, or a paragraph whose lead is settled later.
    const lead = markedLead(item.inline, item.block.text, block.line, issues);
    if (lead) {
      if (lead.style === 'bold') boldLeads = true;
      add({ type: 'measure', item, lead });
    } else add({ type: 'paragraph', item });
  }
  if (note && notedTable) linkNote(notedTable, note.node);
  closeBox();
  closeCaption();
  for (const container of [preface, ...top]) mixedLevels(container, issues);

  return { preface, top, glossary, appendices, chaptersRestart, roles, boldLeads };
}

/** Read every block: inline Markdown (or plain text), glossary references out, classified. */
function prepare(
  blocks: Block[],
  markdown: boolean,
  record: (kind: Repair['kind'], line: number, before: string, after: string) => void,
  issues: IssueCollector,
): Prepared[] {
  const reader = new InlineReader(
    issues,
    blocks.reduce((n, b) => n + b.text.length, 0),
  );
  const read = blocks.map((block) => {
    if (block.table) {
      for (const l of block.table.lines) htmlCheck(l.text, l.line, issues);
      return {
        block,
        inline: plainInline(''),
        text: '',
        cls: { kind: 'table' as const },
        refs: [],
      };
    }
    const inline = markdown ? reader.read(block.text, block.line) : plainInline(block.text);
    // On the decoded text: a tag split over lines, or written with entities, shows here.
    htmlCheck(inline.text, block.line, issues);
    const text = normalizeSpaces(inline.text.trimStart());
    const cls: Prepared['cls'] = inline.image
      ? { kind: 'image', ...inline.image }
      : PREFACE_HEADING.test(text)
        ? { kind: 'preface' as const }
        : classify(text);
    return { block, inline, text, cls, refs: [] as TermRefFound[] };
  });
  // Glossary references: known once the glossary's entries are read.
  const start = read.findIndex((p) => p.cls.kind === 'glossary');
  if (start === -1) return read;
  const terms = new Map<number, string>();
  for (const p of read.slice(start + 1)) {
    const m = TERM_ENTRY.exec(p.text);
    if (m) terms.set(Number(m[1]), termKey(termOf(m[2]!)));
  }
  const references = new TermReferences(terms, record);
  for (const p of read.slice(0, start)) {
    if (p.block.table) continue;
    const taken = references.take(p.text, p.block.line);
    if (taken.refs.length === 0) continue;
    p.refs = taken.refs;
    p.text = taken.text;
    p.inline = {
      ...p.inline,
      text: taken.text,
      strong: p.inline.strong.length ? strongWithout(p.inline, taken.refs) : [],
    };
    p.cls = classify(p.text);
  }
  return read;
}

/** HTML left in the text (`html-unexpected`): markup that no repair covers reaches no node. */
function htmlCheck(text: string, line: number, issues: IssueCollector): void {
  const tag = htmlTag(text);
  if (tag)
    issues.add(
      line,
      'html-unexpected',
      `HTML ${tag} in the text; expected plain text (the repairs turn <b>, <sub>, <div> and <p> into text, nothing else)`,
    );
}

/** Bold ranges after the references were taken out (a reference never sits inside a lead's bold). */
function strongWithout(inline: Inline, refs: TermRefFound[]): [number, number][] {
  void refs;
  return inline.strong;
}

/** The numbering styles the body prints as headings (outside boxes, roughly: after a 专栏 title, until a paragraph). */
function bodyHeadingStyles(prepared: Prepared[]): NumberingStyle[] {
  const styles: NumberingStyle[] = [];
  let inBox = false;
  for (const p of prepared) {
    if (p.cls.kind === 'box') inBox = true;
    else if (p.cls.kind === 'heading' && ['篇', '章', '节'].includes(p.cls.style)) inBox = false;
    else if (p.cls.kind === 'paragraph' && !p.block.table) inBox = false;
    if (!inBox && p.cls.kind === 'heading') styles.push(p.cls.style);
  }
  return styles;
}

/** Whether the chapter numbering starts again at 1 in a later 篇. */
function restartsChapters(prepared: Prepared[], roles: Map<NumberingStyle, HeadingRole>): boolean {
  let parts = 0;
  for (const p of prepared) {
    if (p.cls.kind !== 'heading') continue;
    const role = roles.get(p.cls.style);
    if (role === 'part') parts++;
    else if (role === 'chapter' && p.cls.number === 1 && parts > 1) return true;
  }
  return false;
}

/** A caption line under a figure's label: right under it, short, and no sentence. */
function isCaptionLine(item: Prepared): boolean {
  return (
    item.cls.kind === 'paragraph' &&
    !item.block.gapBefore &&
    !item.block.table &&
    [...item.text].length <= 60 &&
    !/[。！？；]/.test(item.text)
  );
}

/** The median width of the text blocks (PDF text): a 专栏's smaller type prints wider lines. */
function medianWidth(prepared: Prepared[]): number {
  const widths = prepared
    .flatMap((p) => (p.block.width && p.cls.kind === 'paragraph' ? [p.block.width] : []))
    .sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)] ?? 0;
}

/** Whether the container's last draft is this table or box (a 注 right after it belongs to it). */
function lastDraftIs(container: Container, node: TableNode | BoxNode): boolean {
  const last = container.drafts.at(-1);
  return last?.type === 'node' && last.node === node;
}

function numberingIssue(
  issues: IssueCollector,
  line: number,
  role: HeadingRole,
  cls: Extract<BlockClass, { kind: 'heading' }>,
  expected: number,
  parent: Container,
  text: string,
): void {
  const where =
    role === 'section' && 'label' in parent.node ? ` in ${(parent.node as HeadingNode).label}` : '';
  issues.add(
    line,
    `${role}-number`,
    `${text.slice(0, 20)}… is numbered ${cls.label}${where}, expected ${printedNumber(cls.style, expected)}`,
  );
}

/**
 * No level skipped: a 节 (or deeper) heading sits in a chapter, a chapter in
 * a 篇 when the plan has 篇, and a 1.1 heading in the 1. heading its first
 * number names. (Where the plan has no 目录 this and the numbering are the
 * whole check.)
 */
function levelCheck(
  issues: IssueCollector,
  line: number,
  role: HeadingRole,
  cls: Extract<BlockClass, { kind: 'heading' }>,
  parent: Container,
  roles: Map<NumberingStyle, HeadingRole>,
): void {
  const parentRole = parent.node.kind;
  const styleOf = (wanted: HeadingRole) => [...roles].find(([, r]) => r === wanted)?.[0];
  const where =
    'label' in parent.node && parent.node.label ? `in ${parent.node.label}` : 'before it';
  const heading = `${cls.label}${cls.title.slice(0, 12)}`;
  if (
    (role === 'section' || role === 'subpart') &&
    (parentRole === 'preface' || parentRole === 'part')
  ) {
    const chapter = styleOf('chapter');
    issues.add(
      line,
      'level-skipped',
      `${heading}… is a ${role} with no chapter ${where}; expected a ${chapter ? printedNumber(chapter, 1).replace(/[一1]/, 'X') : 'chapter'} heading above it`,
    );
  } else if (role === 'chapter' && parentRole === 'preface' && styleOf('part')) {
    issues.add(
      line,
      'level-skipped',
      `${heading}… is a chapter before any 篇; expected a 第X篇 heading above it, as the plan's other chapters have`,
    );
  } else if (cls.style === '1.1' && cls.outer !== undefined) {
    const node = parent.node as HeadingNode;
    if (node.numbering !== '1.' || node.number !== cls.outer)
      issues.add(
        line,
        'level-skipped',
        `${heading}… is numbered under ${cls.outer}., but sits ${node.numbering === '1.' ? `in ${node.label}` : `directly ${where}`}; expected it inside the heading ${cls.outer}.`,
      );
  }
}

/**
 * No level skipped among siblings: a heading that sits beside shallower ones
 * (一、 printed in a chapter before its first 节) skipped the level they use.
 */
function mixedLevels(container: Container, issues: IssueCollector): void {
  const children = container.drafts.flatMap((d) => (d.type === 'container' ? [d.container] : []));
  const shallowest = children.reduce((min, c) => Math.min(min, c.rank), Infinity);
  for (const child of children) {
    if (child.rank > shallowest) {
      const node = child.node as HeadingNode;
      const sibling = children.find((c) => c.rank === shallowest)!.node as HeadingNode;
      issues.add(
        node.source.start,
        'level-skipped',
        `${node.label}${node.title.slice(0, 12)}… sits beside ${sibling.label}${sibling.title.slice(0, 12)}… in ${'label' in container.node ? container.node.label : 'the preface'}, a level above it; expected it inside a ${sibling.numbering} heading`,
      );
    }
    mixedLevels(child, issues);
  }
}

/** A numbered item's lead: its first sentence (up to 。), or its bold lead. */
function numberedLead(text: string, item: Prepared): Lead {
  const { strong } = item.inline;
  if (strong.length > 0) {
    const bold = normalizeSpaces(item.inline.text.slice(strong[0]![0], strong[0]![1])).replace(
      /^[\s\u3000]+/,
      '',
    );
    const at = text.indexOf(bold);
    if (at >= 0 && at <= 1 && bold.endsWith('。'))
      return {
        lead: text.slice(0, at + bold.length),
        title: bold.slice(0, -1),
        text: text.slice(at + bold.length),
        style: 'bold',
      };
  }
  const stop = text.indexOf('。');
  if (stop === -1) return { lead: text, title: text, text: '', style: 'numbered' };
  return {
    lead: text.slice(0, stop + 1),
    title: text.slice(0, stop),
    text: text.slice(stop + 1),
    style: 'numbered',
  };
}

function termNode(item: Prepared): TermNode | null {
  const m = TERM_ENTRY.exec(item.text);
  if (!m) return null;
  const number = Number(m[1]);
  const text = m[2]!.trim();
  const term = termOf(text);
  return {
    id: `G${number}`,
    kind: 'term',
    number,
    term,
    title: term,
    text,
    citation: '',
    source: { start: item.block.line, end: item.block.endLine },
    children: [],
  };
}

/** A figure's ID: F2 for 图2, AF1 for 附图1 (numbered apart). */
function figureNode(
  item: Prepared,
  number: number,
  title: string,
  planTitle: string,
  appendix = false,
): FigureNode {
  const node: FigureNode = {
    id: `${appendix ? 'AF' : 'F'}${number}`,
    kind: 'figure',
    number,
    title,
    text: item.text,
    citation: '',
    source: { start: item.block.line, end: item.block.endLine },
    children: [],
  };
  node.citation = citeFigure(planTitle, figureLabel(node), title);
  return node;
}

/** 图2, or 附图1 for a figure of the appendix series. */
function figureLabel(figure: FigureNode): string {
  return `${figure.id.startsWith('AF') ? '附图' : '图'}${figure.number}`;
}

/** A 表's ID: T3 for 表3, AT1 for 附表1 (numbered apart). */
function tableId(c: Extract<BlockClass, { kind: 'caption' }>): string {
  return `${c.appendix ? 'AT' : 'T'}${c.number}`;
}

function emptyTable(caption: Prepared, planTitle: string): TableNode {
  const c = caption.cls as Extract<BlockClass, { kind: 'caption' }>;
  return {
    id: tableId(c),
    kind: 'table',
    number: c.number,
    label: c.label,
    indicators: false,
    title: c.title,
    caption: caption.text,
    citation: `《${planTitle}》${c.label}“${c.title}”`,
    source: { start: caption.block.line, end: caption.block.endLine },
    columns: [],
    repeatedHeaders: [],
    children: [],
  };
}

/** The tables stage's input for a table block. */
export function tableInput(
  caption: Prepared,
  number: number,
  id: string,
  rowPrefix: string,
  label: string,
  title: string,
  table: Prepared,
  planTitle: string,
  period: { start: number; end: number },
): TableInput {
  return {
    id,
    rowPrefix,
    number,
    label,
    title,
    caption: { text: caption.text, line: caption.block.line },
    lines: table.block.table!.lines,
    cells: table.block.table!.cells,
    planTitle,
    period,
  };
}
