import type { DocumentNode, PlanNode } from '../model/types.ts';
import { urlMap } from '../model/urls.ts';
import { tableView } from './indicators.ts';
import { chineseDate } from './pages.ts';

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

export function planMarkdown(document: DocumentNode): string {
  const m = document.metadata!; // the portal header table: every page of the first plan has one (the site moves to PlanFile.meta next)
  const out: string[] = [
    `# ${escapeMarkdown(m.title)}`,
    [
      `- 制发机关：${m.issuer}`,
      `- 文号：${m.documentNumber}`,
      `- 成文日期：${chineseDate(m.date)}`,
      `- 政策咨询：${m.consultingDepartment}（${m.consultingPhone}）`,
    ].join('\n'),
  ];
  if (document.notice.length) {
    out.push('## 印发通知', ...document.notice.map(escapeMarkdown));
  }
  const urls = urlMap(document);
  for (const child of document.children) out.push(...nodeMarkdown(child, urls));
  return `${out.join('\n\n')}\n`;
}

function nodeMarkdown(node: PlanNode, urls: Map<string, string>): string[] {
  const children = () => node.children.flatMap((c) => nodeMarkdown(c, urls));
  switch (node.kind) {
    case 'document':
      return children();
    case 'preface':
      return [`## ${node.title}`, ...children()];
    case 'chapter':
      return [`## ${node.label} ${escapeMarkdown(node.title)}`, ...children()];
    case 'section':
      return [`### ${node.label} ${escapeMarkdown(node.title)}`, ...children()];
    case 'subpart':
      return [`#### ${node.label}${escapeMarkdown(node.title)}`, ...children()];
    case 'measure':
      return [`${boldLead(node.lead)}${escapeMarkdown(node.text)}`, ...children()];
    case 'paragraph':
      return [escapeMarkdown(node.text)];
    case 'box': {
      const items = node.children.flatMap((item) => {
        if (item.kind !== 'boxItem') return [];
        const lead = item.lead && item.text.startsWith(item.lead) ? item.lead : '';
        return [`> - ${lead ? boldLead(lead) : ''}${escapeMarkdown(item.text.slice(lead.length))}`];
      });
      return [`> **${escapeMarkdown(`${node.label} ${node.title}`)}**\n>\n${items.join('\n')}`];
    }
    case 'boxItem':
      return [escapeMarkdown(node.text)];
    case 'figure':
      return [`*${escapeMarkdown(node.text)}*（示意图未收录）`];
    case 'note':
      return [escapeMarkdown(node.text)];
    case 'table': {
      const view = tableView(node, urls);
      const header = ['类别', '序号', '指标', ...view.valueColumns];
      const lines = [
        `| ${header.map(tableCell).join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
      ];
      for (const group of view.groups) {
        for (const row of group.rows) {
          const cells = [
            group.category,
            String(row.number),
            row.name,
            ...row.cells.map((c) => c.text),
          ];
          lines.push(`| ${cells.map(tableCell).join(' | ')} |`);
        }
      }
      const note = node.children
        .filter((c) => c.kind === 'note')
        .flatMap((c) => nodeMarkdown(c, urls));
      return [`**${escapeMarkdown(`表${node.number} ${node.title}`)}**`, lines.join('\n'), ...note];
    }
    case 'indicator':
    case 'row':
      return [];
    case 'part':
      return [`## ${node.label} ${escapeMarkdown(node.title)}`, ...children()];
    case 'glossary':
      return [`## ${escapeMarkdown(node.title)}`, ...children()];
    case 'appendix':
      return [`## ${node.label} ${escapeMarkdown(node.title)}`, ...children()];
    case 'term':
      return [`${node.number}. ${escapeMarkdown(node.text)}`];
  }
}
