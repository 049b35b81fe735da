import type { PlanNode, Repair, RepairKind } from '../model/types.ts';
import { walk } from '../model/tree.ts';
import { WORDING_KINDS, wordingEdits } from './edits.ts';
import { loadSourceText } from './load-artifacts.ts';
import { shortCitation } from './navigation.ts';
import type { SitePlan } from './site-plan.ts';

/**
 * /<slug>/sources/ (来源与整理): the text the site was built from and every repair the build made
 * to it (the build's repair report, `document.repairs` of plan.json), grouped by kind: each with
 * its source line, the text before and after, and the clause the line is in. Repairs that change
 * the wording (WORDING_KINDS) come first and are marked on the reading pages too (edits.ts).
 */

/** The page's plan path. */
export const SOURCES_PATH = '/sources/';

/** What each kind of repair does, in the reader's words. */
export const REPAIR_LABELS: Record<RepairKind, { label: string; meaning: string }> = {
  'stray-word': {
    label: '英文误词改回中文',
    meaning: '转换稿中本应为“和”“等”的位置出现了英文词（and、etc），改回中文。这是对措辞的改动。',
  },
  'page-break-join': {
    label: '跨页断段合并',
    meaning: 'PDF 在分页处把一段拆成两段，合并为一段。',
  },
  'line-join': { label: '硬换行合并', meaning: 'PDF 文本按版面折行，合并回所在段落。' },
  'heading-join': { label: '标题合并', meaning: '分两行印出的标题合并为一行。' },
  'html-tag': {
    label: '去除 HTML 标记',
    meaning: '转换稿中的 <b>、<div>、<p>、<sub> 等标记，改为相应的格式或去除。',
  },
  latex: {
    label: '公式改为文字',
    meaning: '转换稿中的 LaTeX 公式（如 $PM_{2.5}$）改为文字 PM2.5。',
  },
  'punctuation-width': {
    label: '半角标点改为全角',
    meaning: '汉字之间的半角标点（, ( )）改为全角。',
  },
  'han-latin-space': {
    label: '删除多余空格',
    meaning: '转换时在汉字与数字、字母之间加入的空格，删除。',
  },
  whitespace: { label: '删除空白', meaning: '分页留下的空白行和行尾制表符，删除。' },
  'block-split': { label: '拆分专栏标题', meaning: '与第一项连在一起的专栏标题，拆开。' },
  'repeated-table-header': {
    label: '删除重复表头',
    meaning: '表格跨页时重复印出的表头，不作为数据行。',
  },
  'merged-cell': {
    label: '补全合并单元格',
    meaning: 'PDF 把上下两格合并为一格，两行都列出合并后的内容。',
  },
  'wrapped-cell': { label: '合并折行单元格', meaning: '折到下一行的单元格内容，合并回所在格。' },
  'page-footer': { label: '删除页码', meaning: '夹在两行之间的页码（— 14 —），删除。' },
  'term-ref': {
    label: '名词解释编号',
    meaning: '紧贴在词语后的名词解释编号，从正文中取出，作为链接放回原处。',
  },
  'invisible-character': {
    label: '删除不可见字符',
    meaning: '转换留下的零宽字符或控制字符，删除。',
  },
  'table-as-rows': {
    label: '指标表按行保存',
    meaning: '版式不在表格规则之内的指标表，按普通行保存。',
  },
};

export interface RepairView {
  line: number;
  before: string;
  after: string;
  /** The clause the line is in, when the line is in one. */
  clause?: { id: string; href: string; where: string };
  /** A wording edit marked on its reading page (edits.ts). */
  marked: boolean;
}

export interface RepairGroup {
  kind: RepairKind;
  /** HTML id of the group's heading. */
  anchor: string;
  label: string;
  meaning: string;
  wording: boolean;
  repairs: RepairView[];
}

export interface SourcesModel {
  /** The source text's path in the repository, and its SHA-256 as plan.yaml records it. */
  source: string;
  sha256: string;
  total: number;
  groups: RepairGroup[];
}

/** The deepest node whose source lines hold `line`, with a page to link to. */
function clauseAt(
  nodes: PlanNode[],
  plan: SitePlan,
  line: number,
): RepairView['clause'] | undefined {
  let found: PlanNode | undefined;
  for (const node of nodes)
    if (node.kind !== 'document' && node.source.start <= line && line <= node.source.end)
      found = node; // document order: a node's children come after it
  if (!found) return undefined;
  const href = plan.urls.get(found.id);
  return href ? { id: found.id, href, where: shortCitation(found) } : undefined;
}

/** Kinds in the page's order: the wording first, then as REPAIR_LABELS lists them. */
const ORDER = Object.keys(REPAIR_LABELS) as RepairKind[];

export function sourcesModel(plan: SitePlan): SourcesModel {
  const nodes = [...walk(plan.document)].map((w) => w.node);
  const { placed } = wordingEdits(plan, () => loadSourceText(plan.source, plan.meta.encoding));
  const marked = new Set(placed.map((e) => `${e.line} ${e.text}`));
  const byKind = new Map<RepairKind, Repair[]>();
  for (const r of plan.document.repairs) {
    const list = byKind.get(r.kind);
    if (list) list.push(r);
    else byKind.set(r.kind, [r]);
  }
  const groups = [...byKind.keys()]
    .sort(
      (a, b) =>
        Number(WORDING_KINDS.has(b)) - Number(WORDING_KINDS.has(a)) ||
        ORDER.indexOf(a) - ORDER.indexOf(b),
    )
    .map((kind): RepairGroup => {
      const { label, meaning } = REPAIR_LABELS[kind] ?? { label: kind, meaning: '' };
      return {
        kind,
        anchor: kind,
        label,
        meaning,
        wording: WORDING_KINDS.has(kind),
        repairs: byKind.get(kind)!.map((r) => {
          const view: RepairView = {
            line: r.line,
            before: r.before,
            after: r.after,
            marked: WORDING_KINDS.has(kind) && marked.has(`${r.line} ${r.after}`),
          };
          const clause = clauseAt(nodes, plan, r.line);
          if (clause) view.clause = clause;
          return view;
        }),
      };
    });
  return {
    source: plan.source,
    sha256: plan.meta.sha256,
    total: plan.document.repairs.length,
    groups,
  };
}
