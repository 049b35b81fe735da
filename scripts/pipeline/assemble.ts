/**
 * Drafts → the plan tree. Once a container is complete its measures are
 * settled (marked leads, then plain leads by sibling runs: leads.ts), an
 * un-headed paragraph after a measure is that measure's (as 第2段, 第3段…),
 * and every node gets its ID (docs/ids.md), citation and source span.
 *
 * IDs follow the plan's numbering: a chapter is its number through the plan
 * (7), or P2.3 when chapters restart in every 篇; below it each heading adds
 * its number (7.1, 7.1.2); measures add their position (7.1.1), or m1, m2…
 * in a container that also holds numbered headings, so the two never clash;
 * paragraphs p1, p2…
 */
import { quoteTitle, toChineseNumber } from '../../src/model/text.ts';
import type {
  AppendixNode,
  GlossaryNode,
  HeadingNode,
  MeasureNode,
  ParagraphNode,
  PlanNode,
  PrefaceNode,
  TermRef,
} from '../../src/model/types.ts';
import { citeBox, citeBoxItem, citeParagraph } from './citation.ts';
import type { IssueCollector } from './errors.ts';
import { type Lead, plainLeads } from './leads.ts';
import type { Container, Draft, Prepared, Structured } from './structure.ts';

export interface Assembled {
  children: PlanNode[];
}

export function assemble(
  structured: Structured,
  planTitle: string,
  issues: IssueCollector,
): PlanNode[] {
  const book = `《${planTitle}》`;
  const plainLeadsOn = !structured.boldLeads;
  const seen = new Map<string, number>();

  const resolve = (container: Container, id: string, path: string, parentPath: string[]) => {
    const node = container.node;
    node.id = id;
    if (
      node.kind === 'part' ||
      node.kind === 'chapter' ||
      node.kind === 'section' ||
      node.kind === 'subpart'
    )
      node.citation = `${book}${path}${quoteTitle(node.title)}`;
    else if (node.kind === 'preface') node.citation = `${book}${node.title}`;
    if (container.item?.refs.length) {
      // The references' offsets count from the block's start (第一节␣␣…); the title starts later.
      const shift = Math.max(0, container.item.text.indexOf(node.title));
      (node as HeadingNode).refs = refsOf(container.item, 'title', 0, shift);
    }
    const hasHeadings = container.drafts.some((d) => d.type === 'container');

    // Plain leads among the paragraphs no mark has claimed.
    const open = container.drafts.filter(
      (d): d is Extract<Draft, { type: 'paragraph' }> => d.type === 'paragraph',
    );
    const leads = plainLeadsOn ? plainLeads(open.map((d) => d.item.text)) : open.map(() => null);
    const leadOf = new Map(open.map((d, i) => [d, leads[i]!]));

    const children: PlanNode[] = [];
    let measure: MeasureNode | undefined;
    let measures = 0;
    let paragraphs = 0;
    let notes = 0;
    const measurePath = path;
    for (const draft of container.drafts) {
      if (draft.type === 'container') {
        measure = undefined;
        const child = draft.container.node as HeadingNode;
        const childId = childHeadingId(child, id, structured.chaptersRestart, parentPath);
        resolve(draft.container, childId, `${path}${pathLabel(child)}`, [...parentPath, id]);
        children.push(child);
        continue;
      }
      if (draft.type === 'node') {
        measure = undefined;
        const n = draft.node;
        if (n.kind === 'box') citeBoxTree(n, book, path);
        else if (n.kind === 'note' && !n.citation) n.citation = `${book}${path}注`;
        else if (n.kind === 'term')
          n.citation = `${book}${(node as GlossaryNode).title}第${n.number}条${quoteTitle(n.term)}`;
        if (n.kind === 'note' && !n.id) n.id = `${id}.n${++notes}`;
        if (draft.item?.refs.length) n.refs = refsOf(draft.item, 'text', 0);
        children.push(n);
        continue;
      }
      const lead: Lead | null = draft.type === 'measure' ? draft.lead : leadOf.get(draft)!;
      if (lead) {
        measures++;
        const mid = `${id}.${hasHeadings ? 'm' : ''}${measures}`;
        measure = {
          id: mid,
          kind: 'measure',
          number: measures,
          title: lead.title,
          lead: lead.lead,
          text: lead.text,
          style: lead.style,
          ...(draft.type === 'measure' && draft.label
            ? { label: draft.label }
            : lead.label
              ? { label: lead.label }
              : {}),
          citation: `${book}${measurePath}${quoteTitle(lead.title)}`,
          source: span(draft.item),
          children: [],
        };
        // Offsets count from the block's start; the lead starts after any printed number (1. ).
        const refs = refsOf(
          draft.item,
          'lead',
          lead.lead.length,
          Math.max(0, draft.item.text.indexOf(lead.lead)),
        );
        if (refs.length) measure.refs = refs;
        children.push(measure);
        continue;
      }
      // An un-headed paragraph: a bold-led measure's, whose lead marks where it starts and the
      // next lead where it ends; after any other lead (one paragraph each: 石化产业。…, ——…),
      // the container's — a section's closing summary or 2035 outlook is not the last measure's.
      const parent = measure?.style === 'bold' ? measure : undefined;
      const number = parent ? parent.children.length + 1 : ++paragraphs;
      const where = parent ? `${path}${quoteTitle(parent.title)}` : path || node.title;
      const paragraph: ParagraphNode = {
        id: `${parent ? parent.id : id}.p${number}`,
        kind: 'paragraph',
        number,
        title: parent ? parent.title : node.title,
        text: draft.item.text,
        // A measure's own lead paragraph counts as its 第1段.
        citation: citeParagraph(planTitle, where, parent ? number + 1 : number),
        source: span(draft.item),
        children: [],
      };
      if (draft.item.refs.length) paragraph.refs = refsOf(draft.item, 'text', 0);
      if (parent) {
        parent.children.push(paragraph);
        parent.source.end = Math.max(parent.source.end, paragraph.source.end);
      } else children.push(paragraph);
    }
    node.children = children;
    for (const child of children) node.source.end = Math.max(node.source.end, child.source.end);
  };

  const out: PlanNode[] = [];
  const preface = structured.preface;
  resolve(preface, 'preface', (preface.node as PrefaceNode).title, []);
  const printed = (preface.node as PrefaceNode).label !== undefined;
  if (preface.node.children.length > 0 && !printed)
    preface.node.source = {
      start: preface.node.children[0]!.source.start,
      end: preface.node.source.end,
    };
  out.push(preface.node);
  for (const top of structured.top) {
    const node = top.node as HeadingNode;
    const id = childHeadingId(node, '', structured.chaptersRestart, []);
    resolve(top, id, pathLabel(node, structured.chaptersRestart), []);
    out.push(node);
  }
  if (structured.glossary) {
    resolve(structured.glossary, 'glossary', '', []);
    out.push(structured.glossary.node);
  }
  for (const appendix of structured.appendices) {
    const node = appendix.node as AppendixNode;
    resolve(appendix, node.id, node.label, []);
    out.push(node);
  }

  // IDs must be unique; the scheme makes them so, and this is the proof for every plan. A
  // number printed twice is reported as such (x-number, level-skipped, box-number…): the IDs
  // it makes twice are that one problem, not thousands more.
  const numbering = issues.issues.some((i) => /-number$|^level-skipped$/.test(i.rule));
  if (numbering) return out;
  const check = (node: PlanNode) => {
    if (seen.has(node.id))
      issues.add(
        node.source.start,
        'id-duplicate',
        `ID ${node.id} is given twice (lines ${seen.get(node.id)} and ${node.source.start}); expected one node per ID`,
      );
    else seen.set(node.id, node.source.start);
    node.children.forEach(check);
  };
  out.forEach(check);
  return out;
}

/**
 * A heading's ID: a part P2; a chapter its number through the plan (7), or
 * P2.3 when chapters restart in every 篇; any other level its parent's ID
 * and its number (7.1, 7.1.2).
 */
function childHeadingId(
  node: HeadingNode,
  parentId: string,
  restart: boolean,
  ancestors: string[],
): string {
  if (node.kind === 'part') return `P${node.number}`;
  if (node.kind === 'chapter')
    return restart && parentId.startsWith('P') ? `${parentId}.${node.number}` : `${node.number}`;
  void ancestors;
  return `${parentId}.${node.number}`;
}

/**
 * A heading as it reads in a citation path: 第七章, 第一节, and a sub-part
 * 一、 as （一） (第七章第一节（一）). A part is left out of the path when
 * chapters are numbered through the plan (its chapters name the place alone).
 */
function pathLabel(node: HeadingNode, restart = true): string {
  if (node.kind === 'part') return restart ? node.label : '';
  if (node.kind === 'subpart' && node.numbering === '一、')
    return `（${toChineseNumber(node.number)}）`;
  return node.label;
}

function citeBoxTree(box: Extract<PlanNode, { kind: 'box' }>, book: string, path: string): void {
  const planTitle = book.slice(1, -1);
  box.citation = citeBox(planTitle, path, box.number, box.title);
  for (const child of box.children) {
    if (child.kind === 'boxItem') child.citation = citeBoxItem(box.citation, child.title);
    else if (child.kind === 'paragraph') child.citation = `${box.citation}第${child.number}段`;
    else if (child.kind === 'note' && !child.citation) child.citation = `${box.citation}注`;
  }
}

function span(item: Prepared): { start: number; end: number } {
  return { start: item.block.line, end: item.block.endLine };
}

/** The item's glossary references, placed in the node's fields (a lead of `leadLength` characters first). */
function refsOf(
  item: Prepared,
  first: TermRef['field'],
  leadLength: number,
  labelLength = 0,
): TermRef[] {
  return item.refs.map((r) => {
    const at = r.at - labelLength;
    if (first === 'lead' && at >= leadLength)
      return { at: at - leadLength, term: `G${r.number}`, field: 'text' };
    return { at: Math.max(0, at), term: `G${r.number}`, field: first };
  });
}
