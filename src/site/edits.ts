import type { PlanNode, Repair, RepairKind } from '../model/types.ts';
import { walk } from '../model/tree.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * Where the build changed the plan's wording, for the reading pages to show (issue 8 §4): the
 * stray English words the conversion put in place of 和 and 等 (repairs of kind `stray-word`),
 * each placed at its offset in the clause's text so the page can mark it with the original
 * beside it. Every other repair (page breaks, markup, spaces, punctuation widths…) changes how
 * the text was converted, not what it says; all of them, wording or not, are listed on
 * /<slug>/sources/ (sources-page.ts).
 *
 * A repair records its source line, the text before and after, not its column; the clause's text
 * may print `after` more than once (B5.4 prints 等 five times). So the edit is placed by its
 * context: the letters around `before` in the source line, matched against the letters around
 * each occurrence of `after` in the clauses of that line. An edit whose place is not certain is
 * not marked (it is still listed on /sources/).
 */

/** Repair kinds that change the wording (the words a reader reads), not only their form. */
export const WORDING_KINDS: ReadonlySet<RepairKind> = new Set<RepairKind>(['stray-word']);

/** A wording edit placed in a field of a clause: offsets in UTF-16 code units, end exclusive. */
export interface TextEdit {
  node: string;
  field: 'lead' | 'text';
  start: number;
  end: number;
  /** What the converted text had (trimmed: ` etc ` → `etc`). */
  original: string;
  /** What the page prints: `after` at [start, end). */
  text: string;
  kind: RepairKind;
  line: number;
}

/** Letters and digits only: the context compared, whatever spaces and punctuation the repairs changed. */
const letters = (s: string): string => s.replace(/<[^>]*>/g, '').replace(/[^\p{L}\p{N}]/gu, '');

/** How many characters two strings share at their ends (`suffix`) or starts. */
function shared(a: string, b: string, suffix: boolean): number {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max) {
    const x = suffix ? a[a.length - 1 - n] : a[n];
    const y = suffix ? b[b.length - 1 - n] : b[n];
    if (x !== y) break;
    n++;
  }
  return n;
}

/** Context compared on each side, in letters. */
const CONTEXT = 8;

/** How many lines after a repair's line its text is looked for (a paragraph joined across a page break). */
const JOINED_LINES = 6;

/** The clauses whose fields hold the text read from `line`: the deepest nodes whose source covers it. */
function clausesAt(nodes: PlanNode[], line: number): PlanNode[] {
  return nodes.filter(
    (n) =>
      n.kind !== 'document' &&
      n.source.start <= line &&
      line <= n.source.end &&
      !n.children.some((c) => c.source.start <= line && line <= c.source.end),
  );
}

function fieldsOf(node: PlanNode): { field: 'lead' | 'text'; text: string }[] {
  const fields: { field: 'lead' | 'text'; text: string }[] = [];
  if ('lead' in node && typeof node.lead === 'string')
    fields.push({ field: 'lead', text: node.lead });
  if ('text' in node && typeof node.text === 'string')
    fields.push({ field: 'text', text: node.text });
  return fields;
}

/**
 * The plan's wording edits, placed: each repair of a WORDING_KINDS kind whose source line and
 * clause say where it is, and the ones that could not be placed.
 */
export function wordingEdits(
  plan: Pick<SitePlan, 'document'>,
  sourceText: () => string,
): { placed: TextEdit[]; unplaced: Repair[] } {
  const repairs = plan.document.repairs.filter((r) => WORDING_KINDS.has(r.kind));
  if (repairs.length === 0) return { placed: [], unplaced: [] };
  const lines = sourceText().split(/\r?\n/);
  const nodes = [...walk(plan.document)].map((w) => w.node);
  const placed: TextEdit[] = [];
  const unplaced: Repair[] = [];
  /** Per line, where the last repair's `before` was found: two repairs of one line, in order. */
  const cursor = new Map<number, number>();
  for (const repair of repairs) {
    // A repair names the line its paragraph starts on: the text may be on a line after it that
    // an earlier repair joined to it (a page break inside the paragraph).
    let found: { line: number; at: number } | undefined;
    for (let line = repair.line; line < repair.line + JOINED_LINES && !found; line++) {
      const at = (lines[line - 1] ?? '').indexOf(repair.before, cursor.get(line) ?? 0);
      if (at >= 0) found = { line, at };
    }
    if (!found || !repair.after) {
      unplaced.push(repair);
      continue;
    }
    const { line, at } = found;
    const raw = lines[line - 1]!;
    cursor.set(line, at + repair.before.length);
    const left = letters(raw.slice(0, at)).slice(-CONTEXT);
    const right = letters(raw.slice(at + repair.before.length)).slice(0, CONTEXT);
    const candidates: (TextEdit & { score: number })[] = [];
    for (const node of clausesAt(nodes, repair.line)) {
      for (const { field, text } of fieldsOf(node)) {
        for (let p = text.indexOf(repair.after); p >= 0; p = text.indexOf(repair.after, p + 1)) {
          const score =
            shared(left, letters(text.slice(0, p)).slice(-CONTEXT), true) +
            shared(right, letters(text.slice(p + repair.after.length)).slice(0, CONTEXT), false);
          candidates.push({
            node: node.id,
            field,
            start: p,
            end: p + repair.after.length,
            original: repair.before.trim(),
            text: repair.after,
            kind: repair.kind,
            line: repair.line,
            score,
          });
        }
      }
    }
    candidates.sort((a, b) => b.score - a.score);
    const [best, next] = candidates;
    // Placed only when the context singles it out: some letters agree, more than for any other.
    if (!best || best.score < 2 || (next && next.score === best.score)) {
      unplaced.push(repair);
      continue;
    }
    placed.push({
      node: best.node,
      field: best.field,
      start: best.start,
      end: best.end,
      original: best.original,
      text: best.text,
      kind: best.kind,
      line: best.line,
    });
  }
  return { placed, unplaced };
}
