import type { DocumentNode, PlanFile, Repair } from '../../src/model/types.ts';
import { IssueCollector } from './errors.ts';
import { linkMeasuresAndIndicators } from './links.ts';
import { repair } from './repair.ts';
import { parseMarkdown } from './parse.ts';
import { readPreamble } from './preamble.ts';
import { decodeSource } from './read.ts';
import { structure } from './structure.ts';
import { validateAgainstToc } from './validate.ts';

/**
 * The whole text → tree pipeline: read → preamble → repair → parse →
 * structure (→ tables) → validate → links (measures ↔ indicators). Pure: bytes in, plan out; throws a
 * PlanError listing every problem found (file, line, rule, reason).
 */
export function buildPlan(bytes: Uint8Array, file: string): PlanFile {
  const issues = new IssueCollector(file);
  const lines = decodeSource(bytes, file);
  const preamble = readPreamble(lines, issues);
  const { lines: normalized, repairs } = repair(
    lines.slice(preamble.bodyStart),
    preamble.bodyStart + 1,
    issues,
  );
  issues.throwIfAny();

  const markdown = normalized.map((l) => l.text).join('\n');
  const root = parseMarkdown(markdown);
  const tableRepairs: Repair[] = [];
  const planTitle = preamble.metadata.title;
  const { preface, chapters } = structure(
    { root, lines: normalized, planTitle },
    issues,
    tableRepairs,
  );
  const tocDifferences = validateAgainstToc(chapters, preamble.toc, issues);
  issues.throwIfAny();

  const document: DocumentNode = {
    id: 'plan',
    kind: 'document',
    title: planTitle,
    citation: `《${planTitle}》`,
    source: { start: 1, end: lines.length },
    metadata: preamble.metadata,
    toc: preamble.toc,
    notice: preamble.notice,
    repairs: [...repairs, ...tableRepairs].sort((a, b) => a.line - b.line),
    tocDifferences,
    children: [preface, ...chapters],
  };
  return { schema: 1, source: file, document: linkMeasuresAndIndicators(document) };
}
