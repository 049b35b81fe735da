/**
 * 专栏 boxes: what a box holds and where it ends. Nothing in the text marks
 * a box's end, so the box takes the blocks that look like its content and
 * stops at the first that does not:
 *
 * - its items (◆, 1., 01, 一、 when the body does not use 一、 for headings,
 *   `“一城”：…` label items), its table (or list table), its 注;
 * - paragraphs before its first item or table: in PDF text only when they
 *   print wider than the body (a box's smaller type), in the other forms only
 *   when no blank line separates them from the title;
 * - in plain text a blank line ends a box once it has content (a 注 after
 *   the blank still belongs to it);
 * - any heading of the body, another box, a caption, a figure, the glossary or
 *   an appendix ends it.
 */
import type { SourceForm } from '../../src/model/plan-meta.ts';
import type {
  BoxItemNode,
  BoxNode,
  NoteNode,
  ParagraphNode,
  NumberingStyle,
  Repair,
  TableNode,
} from '../../src/model/types.ts';
import type { BlockClass } from './classify.ts';
import type { IssueCollector } from './errors.ts';
import type { HeadingRole } from './numbering.ts';
import { normalizeSpaces } from './repair.ts';
import type { Prepared } from './structure.ts';
import { linkNote, parseItemTable, parseTable, tableKind, type TableInput } from './tables.ts';

/** A label item: `“一城”：…`, `信息服务：…`, `非物质文化遗产传承活化工程：…` (a name, then a colon). */
const LABEL_ITEM = /^(“[^”]{1,16}”|[^，。：；、“”\s]{2,16})[：:]/;
/** How much wider than the body a PDF paragraph prints to be a box's. */
const BOX_WIDER = 1.2;
/** Longest name before a colon that is an item's title (“人工智能+”应用示范赋能行动：…). */
const MAX_ITEM_NAME = 20;

export class BoxState {
  readonly node: BoxNode;
  private items = 0;
  private paragraphs = 0;
  private tables = 0;
  private notes = 0;
  private readonly title: Prepared;

  constructor(
    title: Prepared,
    cls: Extract<BlockClass, { kind: 'box' }>,
    private readonly form: SourceForm,
  ) {
    this.title = title;
    this.node = {
      id: `B${cls.number}`,
      kind: 'box',
      number: Number(cls.number.split('-')[0]),
      label: cls.label,
      title: cls.title,
      citation: '',
      source: { start: title.block.line, end: title.block.endLine },
      children: [],
    };
  }

  private get hasContent(): boolean {
    return this.node.children.length > 0;
  }

  /** Whether the block belongs to this box (else the box ends before it). */
  accepts(item: Prepared, bodyWidth: number, roles: Map<NumberingStyle, HeadingRole>): boolean {
    const { cls, block } = item;
    if (this.form === 'plain-text' && block.gapBefore && this.hasContent && cls.kind !== 'note')
      return false;
    switch (cls.kind) {
      case 'table':
      case 'note':
      case 'item':
      case 'bullet':
      case 'dash':
        return true;
      case 'heading':
        // A numbering the body uses for its headings ends the box; any other is the box's own.
        return !roles.has(cls.style);
      case 'paragraph':
        if (LABEL_ITEM.test(item.text)) return true;
        if (this.items > 0 || this.tables > 0) return false;
        if (this.form === 'pdf-text') return (block.width ?? 0) >= bodyWidth * BOX_WIDER;
        return !block.gapBefore;
      default:
        return false;
    }
  }

  addItem(item: Prepared): void {
    const { cls } = item;
    if (cls.kind === 'paragraph' && this.items === 0 && !LABEL_ITEM.test(item.text)) {
      // A paragraph before the box's first item introduces the box; it is not an item.
      const number = ++this.paragraphs;
      const paragraph: ParagraphNode = {
        id: `${this.node.id}.p${number}`,
        kind: 'paragraph',
        number,
        title: this.node.title,
        text: item.text,
        citation: '',
        source: { start: item.block.line, end: item.block.endLine },
        children: [],
      };
      this.push(paragraph);
      return;
    }
    const number = this.items + 1;
    let label: string | undefined;
    let text = item.text;
    if (cls.kind === 'item') {
      label = cls.label;
      text = normalizeSpaces(cls.text);
    } else if (cls.kind === 'heading') {
      label = cls.label;
      text = cls.title;
    } else if (cls.kind === 'bullet') text = normalizeSpaces(cls.text);
    const lead = boldLead(item, text);
    // The title: the bold lead, else the name before a colon, else the first sentence.
    const name = /^([^：:]{2,40})[：:]/.exec(text)?.[1];
    const first = /^([^。！？；]+)[。！？；]?/.exec(text)?.[1] ?? text;
    const title = lead
      ? lead.replace(/。$/, '')
      : name && [...name.replace(/[“”]/g, '')].length <= MAX_ITEM_NAME
        ? name
        : first.replace(/^——/, '');
    const node: BoxItemNode = {
      id: `${this.node.id}.${number}`,
      kind: 'boxItem',
      number,
      title: title.replace(/^“(.*)”$/, '$1'),
      text,
      ...(lead ? { lead } : {}),
      ...(label ? { label } : {}),
      citation: '',
      source: { start: item.block.line, end: item.block.endLine },
      children: [],
    };
    this.items++;
    this.push(node);
  }

  addTable(
    item: Prepared,
    planTitle: string,
    period: { start: number; end: number },
    issues: IssueCollector,
    repairs: Repair[],
  ): void {
    const n = ++this.tables;
    const input: TableInput = {
      id: n === 1 ? `${this.node.id}.table` : `${this.node.id}.table${n}`,
      rowPrefix: n === 1 ? this.node.id : `${this.node.id}.t${n}`,
      number: this.node.number,
      label: this.node.label,
      title: this.node.title,
      // The title is the box's own (its text counted there); the table repeats none of it.
      caption: { text: '', line: this.title.block.line },
      lines: item.block.table!.lines,
      cells: item.block.table!.cells,
      planTitle,
      period,
    };
    if (n === 1 && this.items === 0 && tableKind(input) === 'items') {
      // A list printed as a table: the rows are the box's items.
      for (const boxItem of parseItemTable(input, issues, repairs)) {
        this.items++;
        this.push(boxItem);
      }
      return;
    }
    this.push(parseTable(input, issues, repairs));
  }

  addNote(note: NoteNode): void {
    const n = ++this.notes;
    note.id = n === 1 ? `${this.node.id}.note` : `${this.node.id}.note${n}`;
    note.title = `${this.node.label}注`;
    this.push(note);
    this.pendingNote = note;
  }

  /** The note being read, linked to the box's table (its markers: * → 注1) when the box ends. */
  private pendingNote: NoteNode | null = null;

  /** The last table of the box, which a 注 after the box belongs to. */
  get table(): TableNode | undefined {
    return this.node.children.findLast((c): c is TableNode => c.kind === 'table');
  }

  private push(node: BoxItemNode | TableNode | NoteNode | ParagraphNode): void {
    this.node.children.push(node);
    this.node.source.end = Math.max(this.node.source.end, node.source.end);
  }

  finish(issues: IssueCollector): BoxNode {
    const table = this.table;
    if (this.pendingNote && table) linkNote(table, this.pendingNote);
    if (!this.hasContent)
      issues.add(
        this.node.source.start,
        'box-empty',
        `${this.node.label} has no items, table or text; expected its content after the title`,
      );
    return this.node;
  }
}

/** A bold lead at the start of an item's text (Markdown), as printed with its 。. */
function boldLead(item: Prepared, text: string): string | undefined {
  const strong = item.inline.strong[0];
  if (!strong) return undefined;
  const bold = normalizeSpaces(item.inline.text.slice(strong[0], strong[1]));
  return bold && text.startsWith(bold) ? bold : undefined;
}
