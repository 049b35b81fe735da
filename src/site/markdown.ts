import type { PlanNode, TermRef } from '../model/types.ts';
import { absoluteUrl } from '../model/urls.ts';
import { tableView, type TableView } from './indicators.ts';
import { planFacts } from './pages.ts';
import type { SitePlan } from './site-plan.ts';
import { planStamp } from './stamp.ts';

/**
 * The cleaned full text as Markdown, rebuilt from the tree (not copied from
 * content/): the repairs the pipeline made are in, the plan's structure is in
 * the headings, and every block is in document order.
 *
 * Every heading, clause, 专栏, table, indicator row, figure, note and glossary entry opens with
 * its ID as an HTML anchor, `<a id="7.1.1"></a>`, the anchor it has on the site (and the `id` of
 * its node in plan.json, whose `url` is its address): any CommonMark renderer keeps it as an
 * invisible anchor, and the raw text shows it. The list under the title ends with the data stamp
 * (data version, build date, the source text's SHA-256) and the plan's address.
 */

/** A node's anchor, as the site's: the node ID in an empty link target. */
export const anchor = (id: string): string => `<a id="${id.replace(/"/g, '&quot;')}"></a>`;

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
  const stamp = planStamp(plan);
  const facts = [
    ...planFacts(plan.meta).map((f) => ({ label: f.label, value: f.value })),
    { label: '本站网址', value: absoluteUrl(plan.href('/')) },
    ...(stamp
      ? [
          { label: '数据版本', value: stamp.dataVersion },
          { label: '生成日期', value: stamp.buildDate },
          { label: '原稿 SHA-256', value: stamp.sourceSha256 },
        ]
      : []),
  ];
  const out: string[] = [
    `# ${escapeMarkdown(plan.meta.title)}`,
    facts.map((f) => `- ${f.label}：${f.value}`).join('\n'),
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
  const ids =
    view.kind === 'rows'
      ? view.rows.map((r) => r.id)
      : view.groups.flatMap((g) => g.rows.map((r) => r.id));
  /** The row's anchor goes in its name cell (the first cell of a row of another table). */
  const at = view.kind === 'rows' ? 0 : (view.fixed.category ? 1 : 0) + (view.fixed.number ? 1 : 0);
  return [
    `| ${header.map(tableCell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(
      (cells, r) =>
        `| ${cells.map((c, i) => (i === at ? `${anchor(ids[r]!)}${tableCell(c)}` : tableCell(c))).join(' | ')} |`,
    ),
  ].join('\n');
}

function nodeMarkdown(node: PlanNode, plan: SitePlan, level: number): string[] {
  const children = () => node.children.flatMap((c) => nodeMarkdown(c, plan, level + 1));
  const id = anchor(node.id);
  const heading = (label: string) =>
    `${'#'.repeat(Math.min(level, 6))} ${id}${label}${withRefNumbers(plan, node, 'title', node.title)}`;
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
        `${id}${boldLead(node.lead)}${withRefNumbers(plan, node, 'text', node.text)}`,
        ...node.children.flatMap((c) => nodeMarkdown(c, plan, level)),
      ];
    case 'paragraph':
      return [`${id}${withRefNumbers(plan, node, 'text', node.text)}`];
    case 'box': {
      const items = node.children.flatMap((item) => {
        if (item.kind !== 'boxItem') return [];
        const lead = item.lead && item.text.startsWith(item.lead) ? item.lead : '';
        return [
          `> - ${anchor(item.id)}${lead ? boldLead(lead) : ''}${escapeMarkdown(item.text.slice(lead.length))}`,
        ];
      });
      const rest = node.children
        .filter((c) => c.kind !== 'boxItem')
        .flatMap((c) => nodeMarkdown(c, plan, level + 1))
        .map((text) => text.replace(/^/gm, '> '));
      return [
        [
          `> ${id}**${escapeMarkdown(`${node.label} ${node.title}`)}**`,
          '>',
          ...items,
          ...rest,
        ].join('\n'),
      ];
    }
    case 'boxItem':
      return [`${id}${escapeMarkdown(node.text)}`];
    case 'figure':
      return [`${id}*${escapeMarkdown(node.text)}*（示意图未收录）`];
    case 'note':
      return [`${id}${escapeMarkdown(node.text)}`];
    case 'table': {
      const view = tableView(node, plan);
      const note = node.children
        .filter((c) => c.kind === 'note')
        .flatMap((c) => nodeMarkdown(c, plan, level + 1));
      return [
        `${id}**${escapeMarkdown(`${node.label} ${node.title}`)}**`,
        tableMarkdown(view),
        ...note,
      ];
    }
    case 'indicator':
    case 'row':
      return [];
    case 'term':
      return [`${node.number}. ${id}${escapeMarkdown(node.text)}`];
  }
}
