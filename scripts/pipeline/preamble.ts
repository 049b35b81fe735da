import type { DocumentMetadata, TocEntry } from '../../src/model/types.ts';
import { parseChineseNumber } from '../../src/model/text.ts';
import type { IssueCollector } from './errors.ts';

/**
 * The part before the body: the header table (metadata), the 印发 notice and
 * the plan's own 目录. The 目录 validates the tree; it is not content.
 */
export interface Preamble {
  metadata: DocumentMetadata;
  notice: string[];
  toc: TocEntry[];
  /** Index (0-based) of the first body line: the first line after the 目录. */
  bodyStart: number;
}

const METADATA_KEYS = {
  文章标题: 'noticeTitle',
  制发机关: 'issuer',
  成文日期: 'date',
  文件字号: 'documentNumber',
  政策咨询部门: 'consultingDepartment',
  政策咨询电话: 'consultingPhone',
  有无政策解读: 'hasInterpretation',
} as const satisfies Record<string, keyof DocumentMetadata>;

const TOC_ENTRY = /^第([一二三四五六七八九十]+)([章节])\s*(.+?)[.…]*\t\s*(\d+)\s*(?:\t.*)?$/;

export function readPreamble(lines: string[], issues: IssueCollector): Preamble {
  const tocHeading = lines.findIndex((l) => /^#*\s*目\s*录\s*$/.test(l));
  if (tocHeading === -1)
    issues.fail(
      1,
      'toc-missing',
      'no 目录 heading found; expected a line "# 目 录" before the body',
    );

  const fields: Partial<Record<keyof DocumentMetadata, string>> = {};
  let noticeStart = 0;
  for (let i = 0; i < tocHeading; i++) {
    const cells = lines[i]!.split('\t').map((c) => c.trim());
    let matched = false;
    for (let c = 0; c + 1 < cells.length; c += 2) {
      const key = cells[c] as keyof typeof METADATA_KEYS;
      if (key in METADATA_KEYS) {
        fields[METADATA_KEYS[key]] = normalizeSpaces(cells[c + 1]!);
        matched = true;
      }
    }
    if (matched) noticeStart = i + 1;
  }
  for (const [label, key] of Object.entries(METADATA_KEYS)) {
    if (key === 'hasInterpretation') continue;
    if (!fields[key])
      issues.add(
        1,
        'metadata-missing',
        `header table has no ${label}; expected a "${label}<TAB>value" cell`,
      );
  }
  const noticeTitle = fields.noticeTitle ?? '';
  const title = /《(.+?)》/.exec(noticeTitle)?.[1];
  if (noticeTitle && !title)
    issues.add(1, 'metadata-title', `文章标题 "${noticeTitle}" names no plan in 《》`);

  const notice = lines
    .slice(noticeStart, tocHeading)
    .map((l) => normalizeSpaces(l.replace(/^#+\s*/, '')))
    .filter((l) => l !== '');

  const toc: TocEntry[] = [];
  let bodyStart = -1;
  for (let i = tocHeading + 1; i < lines.length; i++) {
    const line = stripTags(lines[i]!).trim();
    if (line === '') continue;
    const m = TOC_ENTRY.exec(line);
    if (!m) {
      bodyStart = i;
      break;
    }
    toc.push({
      kind: m[2] === '章' ? 'chapter' : 'section',
      numbering: m[2] === '章' ? '章' : '节',
      number: parseChineseNumber(m[1]!) ?? 0,
      title: normalizeSpaces(m[3]!),
      page: Number(m[4]),
      line: i + 1,
    });
  }
  if (toc.length === 0)
    issues.add(
      tocHeading + 1,
      'toc-empty',
      'the 目录 lists no chapter; expected lines like "第一章 标题.....<TAB>5"',
    );
  if (bodyStart === -1)
    issues.fail(lines.length, 'body-missing', 'nothing follows the 目录; expected the plan body');
  issues.throwIfAny();

  return {
    metadata: {
      noticeTitle,
      title: normalizeSpaces(title ?? ''),
      issuer: fields.issuer ?? '',
      date: fields.date ?? '',
      documentNumber: fields.documentNumber ?? '',
      consultingDepartment: fields.consultingDepartment ?? '',
      consultingPhone: fields.consultingPhone ?? '',
      hasInterpretation: fields.hasInterpretation ?? '',
    },
    notice,
    toc,
    bodyStart,
  };
}

function stripTags(line: string): string {
  return line.replace(/<\/?[a-z]+>/g, '');
}

/** Drop the spaces a PDF conversion puts between Han characters and digits or Latin letters. */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”])[ \t]+(?=[0-9A-Za-z〔])/gu, '')
    .replace(/(?<=[0-9A-Za-z%〕])[ \t]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”])/gu, '')
    .trim();
}
