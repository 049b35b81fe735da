import type { DocumentNode, PlanNode, RepairKind } from '../../src/model/types.ts';

/** The short repair report the build prints: counts by kind, with the lines. */
export function repairReport(document: DocumentNode, file: string): string {
  const byKind = new Map<RepairKind, number[]>();
  for (const r of document.repairs) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.line]);
  const out = [`Repairs to ${file}: ${document.repairs.length}`];
  for (const [kind, lines] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    const unique = [...new Set(lines)];
    const shown =
      unique.slice(0, 12).join(', ') + (unique.length > 12 ? `, … (${unique.length} lines)` : '');
    out.push(`  ${kind.padEnd(22)} ${String(lines.length).padStart(4)}  line ${shown}`);
  }
  for (const d of document.tocDifferences) {
    out.push(
      `  目录 differs at ${d.id} (line ${d.line}): 目录 "${d.toc}", heading "${d.heading}" (heading kept)`,
    );
  }
  return out.join('\n');
}

export function countKinds(
  node: PlanNode,
  counts: Record<string, number> = {},
): Record<string, number> {
  counts[node.kind] = (counts[node.kind] ?? 0) + 1;
  for (const child of node.children) countKinds(child, counts);
  return counts;
}
