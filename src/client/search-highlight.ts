/**
 * On a reading page opened from a search result (`/7/1/?hl=垃圾分类#7.1.3`):
 * mark the searched words inside the target clause. Matching uses the same
 * normalization as the search (compact form), so a term matches across the
 * punctuation and the <strong> lead of a measure. Does nothing without `hl`;
 * an `hl` or anchor that cannot be decoded is ignored.
 *
 * Whole matched words only: a single character (难) is marked where it stands
 * as a word of its own — next to another marked term (停车|难) or between
 * characters that are not Han (“难”) — never inside a longer word (困难).
 */
import { compact, compactWithMap } from '../search/fold.ts';
import { wholeWordRanges } from '../search/snippet.ts';

/** Elements whose text is not the plan's: the clause tools (ID link, copy buttons). */
const SKIP = '.tools, script, style, button';

function textNodes(root: Element): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Wrap every occurrence of the (compact) terms in <mark class="search-hit">; returns how many ranges were marked. */
export function highlight(root: Element, terms: string[]): number {
  const nodes = textNodes(root);
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  const ranges = wholeWordRanges(
    compactWithMap(text),
    terms.map((t) => compact(t)).filter(Boolean),
  );
  // Wrap from the end so earlier offsets stay valid while text nodes are split.
  for (const [s, e] of [...ranges].reverse()) {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i]!;
      const from = Math.max(s, starts[i]!) - starts[i]!;
      const to = Math.min(e, starts[i]! + node.data.length) - starts[i]!;
      if (from >= to) continue;
      const range = document.createRange();
      range.setStart(node, from);
      range.setEnd(node, to);
      const mark = document.createElement('mark');
      mark.className = 'search-hit';
      range.surroundContents(mark);
    }
  }
  return ranges.length;
}

/** A URI component, or null when it is malformed (`#%E4`). */
function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function run(): void {
  let terms: string[];
  try {
    terms = new URLSearchParams(location.search)
      .getAll('hl')
      .filter((t) => t && !t.includes('\ufffd'));
  } catch {
    return;
  }
  if (terms.length === 0) return;
  const id = decoded(location.hash.slice(1)) ?? '';
  const target = (id && document.getElementById(id)) || document.querySelector('main');
  if (!target) return;
  if (highlight(target, terms) > 0) {
    target.classList.add('search-target');
    if (id) target.scrollIntoView({ block: 'start' });
  }
}

if (document.readyState === 'loading')
  document.addEventListener('DOMContentLoaded', run, { once: true });
else run();
