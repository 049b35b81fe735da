import type { PlanNode, TermRef } from '../model/types.ts';
import { tableView, type TableView } from './indicators.ts';
import { planFacts } from './pages.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * The cleaned full text as Markdown, rebuilt from the tree (not copied from
 * content/): the repairs the pipeline made are in, the plan's structure is in
 * the headings, and every block is in document order.
 */

/** Escape what Markdown would read as markup; Chinese text rarely has any. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_<]/g, (ch) => `\\${ch}`);
}

/**
 * A bold lead. The final 。 goes outside the `**` so that CommonMark parsers
 * without CJK rules still close the emphasis before Han text (`**标题**。正文`).
 */
export function boldLead(lead: string): string {
  const m = /^(——)?(.*?)([。：:]?)$/u.exec(lead);
  const [, dash = '', body = lead, stop = ''] = m ?? [];
  return body ? `${dash}**${escapeMarkdown(body)}**${stop}` : escapeMarkdown(lead);
}

function tableCell(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, '\\|');
}

/** A field, escaped, with its glossary references put back where they stood: `“广东强芯”<sup>54</sup>`. */
function withRefNumbers(
  plan: SitePlan,
  node: PlanNode,
  field: TermRef['field'],
  text: string,
): string {
  const refs = (node.refs ?? []).filter((r) => r.field === field).sort((a, b) => a.at - b.at);
  let out = '';
  let at = 0;
  for (const ref of refs) {
    out += `${escapeMarkdown(text.slice(at, ref.at))}<sup>${plan.terms.get(ref.term)?.number ?? ref.term}</sup>`;
    at = Math.max(at, ref.at);
  }
  return out + escapeMarkdown(text.slice(at));
}

export function planMarkdown(plan: SitePlan): string {
  const out: string[] = [
    `# ${escapeMarkdown(plan.meta.title)}`,
    planFacts(plan.meta)
      .map((f) => `- ${f.label}：${f.value}`)
      .join('\n'),
  ];
  const { document } = plan;
  if (document.notice.length) {
    out.push('## 印发通知', ...document.notice.map(escapeMarkdown));
  }
  for (const child of document.children) out.push(...nodeMarkdown(child, plan, 2));
  return `${out.join('\n\n')}\n`;
}

function tableMarkdown(view: TableView): string {
  let header: string[];
  let rows: string[][];
  if (view.kind === 'rows') {
    header = view.columns;
    rows = view.rows.map((r) => r.cells);
  } else {
    header = [view.fixed.category, view.fixed.number, view.fixed.name, ...view.valueColumns].filter(
      (c, i) => c !== '' || i === 2,
    );
    rows = view.groups.flatMap((group) =>
      group.rows.map((row) => [
        ...(view.fixed.category ? [group.category] : []),
        ...(view.fixed.number ? [row.parent ? '' : String(row.number)] : []),
        row.name,
        ...row.cells.map((c) => c.text),
      ]),
    );
  }
  return [
    `| ${header.map(tableCell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.map(tableCell).join(' | ')} |`),
  ].join('\n');
}

function nodeMarkdown(node: PlanNode, plan: SitePlan, level: number): string[] {
  const children = () => node.children.flatMap((c) => nodeMarkdown(c, plan, level + 1));
  const heading = (label: string) =>
    `${'#'.repeat(Math.min(level, 6))} ${label}${withRefNumbers(plan, node, 'title', node.title)}`;
  switch (node.kind) {
    case 'document':
      return children();
    case 'preface':
    case 'glossary':
      return [heading(''), ...children()];
    case 'part':
    case 'chapter':
    case 'section':
    case 'appendix':
      return [heading(`${node.label} `), ...children()];
    case 'subpart':
      return [heading(node.label), ...children()];
    case 'measure':
      return [
        `${boldLead(node.lead)}${withRefNumbers(plan, node, 'text', node.text)}`,
        ...node.children.flatMap((c) => nodeMarkdown(c, plan, level)),
      ];
    case 'paragraph':
      return [withRefNumbers(plan, node, 'text', node.text)];
    case 'box': {
      const items = node.children.flatMap((item) => {
        if (item.kind !== 'boxItem') return [];
        const lead = item.lead && item.text.startsWith(item.lead) ? item.lead : '';
        return [`> - ${lead ? boldLead(lead) : ''}${escapeMarkdown(item.text.slice(lead.length))}`];
      });
      const rest = node.children
        .filter((c) => c.kind !== 'boxItem')
        .flatMap((c) => nodeMarkdown(c, plan, level + 1))
        .map((text) => text.replace(/^/gm, '> '));
      return [
        [`> **${escapeMarkdown(`${node.label} ${node.title}`)}**`, '>', ...items, ...rest].join(
          '\n',
        ),
      ];
    }
    case 'boxItem':
      return [escapeMarkdown(node.text)];
    case 'figure':
      return [`*${escapeMarkdown(node.text)}*（示意图未收录）`];
    case 'note':
      return [escapeMarkdown(node.text)];
    case 'table': {
      const view = tableView(node, plan);
      const note = node.children
        .filter((c) => c.kind === 'note')
        .flatMap((c) => nodeMarkdown(c, plan, level + 1));
      return [`**${escapeMarkdown(`${node.label} ${node.title}`)}**`, tableMarkdown(view), ...note];
    }
    case 'indicator':
    case 'row':
      return [];
    case 'term':
      return [`${node.number}. ${escapeMarkdown(node.text)}`];
  }
}
