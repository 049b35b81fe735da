/**
 * Parse one block's Markdown (the Markdown forms) with unified +
 * remark-parse + remark-cjk-friendly, into its text and where it is bold.
 * remark-cjk-friendly lets `**标题。**` close before a Han character, which
 * plain CommonMark refuses (only 14 of Licang's 144 bold runs would parse
 * without it).
 *
 * Blocks are parsed one at a time, not the document as a whole: the plan's
 * structure comes from its numbering (classify.ts), and Markdown's own block
 * syntax must not read a plan's `1. 标题` as a list and drop its number. So a
 * block's leading `#`, list bullet or quote marker is taken off here (noted
 * as `heading` / `listItem`), a leading `1.` is escaped, and remark reads
 * what remains as one paragraph.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkCjkFriendly);

export interface Inline {
  /** The block's text without markup. */
  text: string;
  /** Bold stretches of `text`, [start, end) in UTF-16 code units, in order. */
  strong: [number, number][];
  /** Marked as a heading: `#` in front, or the whole block bold. */
  heading: boolean;
}

/** Inline text of a block in a text form (no markup to read). */
export function plainInline(text: string): Inline {
  return { text, strong: [], heading: false };
}

export function parseInline(markdown: string): Inline {
  let source = markdown.replace(/^[\s\u3000]+/, '');
  let heading = false;
  const atx = /^#{1,6}[ \t]+/.exec(source);
  if (atx) {
    heading = true;
    source = source.slice(atx[0].length).replace(/[ \t]+#+[ \t]*$/, '');
  }
  // Markdown list bullets and quote markers are layout, not text (◆ and 1. are the plan's own).
  source = source.replace(/^(?:[-*+]|>)[ \t]+/, '');
  // `1. 标题` and `1) 标题` would be an ordered list, whose number remark drops: escape it.
  source = source.replace(/^(\d{1,9})([.)])(?=[ \t])/, '$1\\$2');
  const root = processor.runSync(processor.parse(source)) as Root;
  const parts: { text: string; strong: boolean }[] = [];
  for (const node of root.children) collectBlock(node, parts);
  let text = '';
  const strong: [number, number][] = [];
  for (const part of parts) {
    if (part.strong && part.text !== '') strong.push([text.length, text.length + part.text.length]);
    text += part.text;
  }
  const wholeBold = strong.length === 1 && strong[0]![0] === 0 && strong[0]![1] === text.length;
  return { text, strong, heading: heading || (wholeBold && text !== '') };
}

function collectBlock(node: RootContent, parts: { text: string; strong: boolean }[]): void {
  if (
    'children' in node &&
    node.type !== 'strong' &&
    node.type !== 'emphasis' &&
    node.type !== 'link'
  ) {
    for (const child of node.children as RootContent[]) collectBlock(child, parts);
    return;
  }
  collectInline(node as PhrasingContent, false, parts);
}

function collectInline(
  node: PhrasingContent,
  strong: boolean,
  parts: { text: string; strong: boolean }[],
): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
      parts.push({ text: node.value, strong });
      return;
    case 'break':
      return;
    case 'image':
      parts.push({ text: node.alt ?? '', strong });
      return;
    case 'strong':
      for (const child of node.children) collectInline(child, true, parts);
      return;
    default:
      if ('children' in node)
        for (const child of node.children as PhrasingContent[]) collectInline(child, strong, parts);
  }
}
