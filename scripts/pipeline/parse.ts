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
 * as `heading`), and whatever would still open a block of Markdown's own (a
 * second bullet, `1.`, `>`, a fence, an HTML block, a thematic break) is
 * escaped: remark reads every block as one paragraph of inline text, so no
 * input nests lists or quotes (`- - - …` once took minutes and overflowed the
 * stack).
 *
 * Limits (docs/pipeline.md): remark is slow on dense markup (tens of
 * microseconds per `*`, `[` or `` ` ``, worse than linear in a block's
 * emphasis delimiters), and a plan's text uses little (Licang, the most,
 * 622 markup characters, at most 24 in a paragraph). A block with more than
 * MAX_BLOCK_MARKUP, or a text with more than MAX_FILE_MARKUP in all, is an
 * error (`markup-limit`), and what is over the limit is read as plain text.
 * A block with no markup character at all does not need remark and is read
 * as it is.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { IssueCollector } from './errors.ts';

const processor = unified().use(remarkParse).use(remarkCjkFriendly);

/** Most Markdown markup characters one block may hold (a real paragraph: at most 24). */
export const MAX_BLOCK_MARKUP = 64;
/**
 * Most Markdown markup characters one text may hold: 20,000, and one more for every ten
 * characters of text (a real plan: 622 in 54,000 characters, so a plan ten times as long
 * with bold leads as dense is read whole; remark's time stays bounded by the text's size).
 */
export const MAX_FILE_MARKUP = 20_000;
export const markupBudget = (textLength: number): number =>
  MAX_FILE_MARKUP + Math.floor(textLength / 10);

export interface Inline {
  /** The block's text without markup. */
  text: string;
  /** Bold stretches of `text`, [start, end) in UTF-16 code units, in order. */
  strong: [number, number][];
  /** Marked as a heading: `#` in front, or the whole block bold. */
  heading: boolean;
  /** The block is one image and nothing else (`![alt](src)`). */
  image?: { src: string; alt: string };
  /** Over a markup limit: read as plain text, its markup left in (already reported). */
  unread?: true;
}

/** Inline text of a block in a text form (no markup to read). */
export function plainInline(text: string): Inline {
  return { text, strong: [], heading: false };
}

/** The characters that can start Markdown inline syntax (emphasis, code, links, HTML, entities, escapes). */
const MARKUP = /[*_`[\]<&\\]/g;
const ANY_MARKUP = /[*_`[\]<&\\]/;

/** How many markup characters a block holds (what remark's time grows with). */
export function markupCount(markdown: string): number {
  return markdown.match(MARKUP)?.length ?? 0;
}

/** What would open a block of Markdown's own at the start of a line (after a bullet is taken off). */
const BLOCK_OPENER =
  /^(?:[-+*](?=[ \t]|$)|>|#{1,6}(?=[ \t]|$)|```|~~~|<|\[[^\]]*\]:|(?:[*_-][ \t]*){3,}$)/;
/** An ordered list's start: its `.` or `)` is what gets escaped (a backslash before a digit is text). */
const ORDERED = /^(\d{1,9})([.)])(?=[ \t]|$)/;

/**
 * One block's inline text. `remark: 'always'` skips the shortcut for blocks
 * without markup (tests check the shortcut reads them as remark does).
 */
export function parseInline(markdown: string, options: { remark?: 'always' } = {}): Inline {
  let source = markdown.trimStart();
  let heading = false;
  const atx = /^#{1,6}[ \t]+/.exec(source);
  if (atx) {
    heading = true;
    source = withoutClosingHashes(source.slice(atx[0].length));
  }
  // Markdown list bullets and quote markers are layout, not text (◆ and 1. are the plan's own).
  source = source.replace(/^(?:[-*+]|>)[ \t]+/, '');
  // Nothing for remark to read: the paragraph's text is the block, less its final blanks.
  if (options.remark !== 'always' && !ANY_MARKUP.test(source))
    return { text: trimEndBlanks(source), strong: [], heading };
  // Anything else that would open a block (`1. 标题` would be a list whose number remark drops,
  // `- - -` nested lists, `<div>` an HTML block) is escaped, so remark reads one paragraph.
  if (ORDERED.test(source)) source = source.replace(ORDERED, '$1\\$2');
  else if (BLOCK_OPENER.test(source)) source = `\\${source}`;
  const root = processor.runSync(processor.parse(source)) as Root;
  const only = root.children.length === 1 ? root.children[0] : undefined;
  const image =
    only?.type === 'paragraph' && only.children.length === 1 && only.children[0]!.type === 'image'
      ? only.children[0]
      : undefined;
  if (image)
    return { text: '', strong: [], heading, image: { src: image.url, alt: image.alt ?? '' } };
  const parts = collect(root);
  let text = '';
  const strong: [number, number][] = [];
  for (const part of parts) {
    if (part.strong && part.text !== '') strong.push([text.length, text.length + part.text.length]);
    text += part.text;
  }
  const wholeBold = strong.length === 1 && strong[0]![0] === 0 && strong[0]![1] === text.length;
  return { text, strong, heading: heading || (wholeBold && text !== '') };
}

/** Trailing spaces and tabs off (as a paragraph ends), in one pass from the end. */
function trimEndBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/** An ATX heading's optional closing `#`s (`## 标题 ##`) off, without a backtracking pattern. */
function withoutClosingHashes(text: string): string {
  let end = trimEndBlanks(text).length;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes < end && hashes > 0 && (text[hashes - 1] === ' ' || text[hashes - 1] === '\t'))
    end = trimEndBlanks(text.slice(0, hashes)).length;
  return text.slice(0, end);
}

/**
 * The text of the tree in document order, and whether each piece is bold:
 * depth-first with an explicit stack, so no nesting can overflow the call stack.
 */
function collect(root: Root): { text: string; strong: boolean }[] {
  const parts: { text: string; strong: boolean }[] = [];
  const stack: { node: RootContent | PhrasingContent; strong: boolean }[] = [];
  for (let i = root.children.length - 1; i >= 0; i--)
    stack.push({ node: root.children[i]!, strong: false });
  while (stack.length > 0) {
    const { node, strong } = stack.pop()!;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'html':
        parts.push({ text: node.value, strong });
        continue;
      case 'break':
        continue;
      case 'image':
        parts.push({ text: node.alt ?? '', strong });
        continue;
      default:
        if ('children' in node) {
          const inner = strong || node.type === 'strong';
          const children = node.children as (RootContent | PhrasingContent)[];
          for (let i = children.length - 1; i >= 0; i--)
            stack.push({ node: children[i]!, strong: inner });
        } else if ('value' in node && typeof node.value === 'string') {
          // A code block or any other leaf with text: its text, never dropped.
          parts.push({ text: node.value, strong });
        }
    }
  }
  return parts;
}

/**
 * Reads blocks one after another under the markup limits: a block over
 * MAX_BLOCK_MARKUP, or the blocks after the text's MAX_FILE_MARKUP is spent,
 * are reported (`markup-limit`) and read as plain text, so remark never sees
 * more than a bounded amount of markup.
 */
export class InlineReader {
  private spent = 0;
  private overBudget = false;

  /** `textLength`: the length of the text to be read (the budget grows with it). */
  constructor(
    private readonly issues: IssueCollector,
    private readonly textLength = 0,
  ) {}

  read(markdown: string, line: number): Inline {
    const count = markupCount(markdown);
    if (count === 0) return parseInline(markdown);
    const unread = (): Inline => ({ ...plainInline(markdown.trim()), unread: true });
    if (count > MAX_BLOCK_MARKUP) {
      this.issues.add(
        line,
        'markup-limit',
        `the paragraph holds ${count} Markdown markup characters (* _ \` [ ] < & \\); the build reads at most ${MAX_BLOCK_MARKUP} in one paragraph (a real plan's paragraph has at most a few bold leads); expected plain text with bold leads`,
      );
      return unread();
    }
    if (this.overBudget) return unread();
    this.spent += count;
    const budget = markupBudget(this.textLength);
    if (this.spent > budget) {
      this.overBudget = true;
      this.issues.add(
        line,
        'markup-limit',
        `the text holds more than ${budget} Markdown markup characters (* _ \` [ ] < & \\) by this line; the build reads at most 20,000 and one for every ten characters of text (a real plan: 622 in 54,000); the rest is not read as Markdown`,
      );
      return unread();
    }
    return parseInline(markdown);
  }
}

/**
 * The first HTML tag in a text (`<img src=x onerror=…>`, `</p>`, `<!--`), or
 * null: a tag left in decoded text means markup no repair covers.
 */
export function htmlTag(text: string): string | null {
  let at = text.indexOf('<');
  while (at !== -1) {
    if (/[A-Za-z/!?]/.test(text[at + 1] ?? '')) {
      const end = text.indexOf('>', at);
      const tag =
        end === -1 || end - at > 40 ? `${text.slice(at, at + 40)}…` : text.slice(at, end + 1);
      return tag;
    }
    at = text.indexOf('<', at + 1);
  }
  return null;
}
