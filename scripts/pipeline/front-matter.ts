/**
 * What comes before and after the plan's body, in any of the orders plans
 * are published in:
 *
 *   [portal header table] [文号] [印发 notice] [title lines] [date] [序言 …] 目录 [preface] body [colophon]
 *
 * The 目录 is the plan's own table of contents: it is read (toc.ts) to
 * validate the tree, and is not content. Everything before it is front
 * matter (kept as `notice`), except a 序言/前言 section, which is content. A
 * plan without a 目录 starts its body at its first top-level heading. The
 * colophon (公开方式, 抄送, …印发) after the body is kept apart too.
 *
 * Pure: lines in, regions out (0-based line indices, end exclusive).
 */
import type { DocumentMetadata, TocEntry } from '../../src/model/types.ts';
import { classify } from './classify.ts';
import type { IssueCollector } from './errors.ts';
import { normalizeSpaces } from './repair.ts';
import { plainLine, readToc } from './toc.ts';

export interface Region {
  start: number;
  end: number;
}

export interface FrontMatter {
  /** The portal header table (文章标题, 制发机关…), when the text opens with one. */
  header?: DocumentMetadata;
  /** Front matter lines as printed (markup removed): titles, 文号, the 印发 notice. */
  notice: string[];
  toc: TocEntry[];
  /** The content: a 序言 section before the 目录, if any, then everything after it. */
  body: Region[];
  /** Lines after the body that are not the plan: 公开方式, 抄送, 印发. */
  colophon: string[];
}

/** Keys of the header table some government portals print before the text. */
const HEADER_KEYS = {
  文章标题: 'noticeTitle',
  制发机关: 'issuer',
  成文日期: 'date',
  文件字号: 'documentNumber',
  政策咨询部门: 'consultingDepartment',
  政策咨询电话: 'consultingPhone',
  有无政策解读: 'hasInterpretation',
} as const satisfies Record<string, keyof DocumentMetadata>;

const PREFACE_HEADING = /^(序|前)[\s\u3000]*言$/;
/** Lines of the colophon: how the document is published and distributed. */
const COLOPHON = /^(公开方式|抄送|主送|分送|发送|（此件[^）]*）)[：:]?|印发$/;

export function readFrontMatter(lines: string[], issues: IssueCollector): FrontMatter {
  const header = readHeaderTable(lines);
  const toc = readToc(lines);
  const plain = lines.map(plainLine);

  // The end of the body: trailing colophon lines (and blank lines among them).
  let end = lines.length;
  while (end > 0 && (plain[end - 1] === '' || COLOPHON.test(plain[end - 1]!))) end--;
  // Keep blank lines with the body; the colophon is what matched.
  const colophon = plain.slice(end).filter((l) => l !== '');

  const body: Region[] = [];
  let frontEnd: number;
  if (toc.heading !== -1) {
    if (toc.entries.length === 0)
      issues.add(
        toc.heading + 1,
        'toc-empty',
        'the 目录 lists no heading; expected entries like "第一章 标题……5" after it',
      );
    // A 序言/前言 before the 目录 is content; the rest before it is front matter.
    const preface = plain.slice(header.end, toc.heading).findIndex((l) => PREFACE_HEADING.test(l));
    frontEnd = preface === -1 ? toc.heading : header.end + preface;
    if (preface !== -1) body.push({ start: frontEnd, end: toc.heading });
    if (toc.end >= end)
      issues.add(lines.length, 'body-missing', 'nothing follows the 目录; expected the plan body');
    body.push({ start: toc.end, end });
  } else {
    // No 目录: the body starts at the first 序言/前言 or top-level heading numbered 1.
    const first = plain.findIndex((l, i) => i >= header.end && startsBody(l));
    if (first === -1) {
      issues.add(
        1,
        'body-start',
        'found neither a 目录 nor a first heading (第一篇, 第一章, 一、 or 序言); expected the plan body to start with one',
      );
      frontEnd = header.end;
    } else frontEnd = first;
    body.push({ start: frontEnd, end });
  }

  const notice = plain
    .slice(header.end, frontEnd)
    .map((l) => normalizeSpaces(l))
    .filter((l) => l !== '');
  return {
    ...(header.fields ? { header: header.fields } : {}),
    notice,
    toc: toc.entries,
    body,
    colophon,
  };
}

/** A line that can open a plan's body: 序言/前言, or a top-level heading numbered 1. */
function startsBody(line: string): boolean {
  if (PREFACE_HEADING.test(line)) return true;
  const c = classify(line);
  return c.kind === 'heading' && c.number === 1 && ['篇', '章', '一、'].includes(c.style);
}

/** The portal header table at the top of the text (`文章标题<TAB>…`), if there is one. */
function readHeaderTable(lines: string[]): { fields?: DocumentMetadata; end: number } {
  const fields: Partial<Record<keyof DocumentMetadata, string>> = {};
  let end = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      if (end === 0 && Object.keys(fields).length === 0) continue;
      break;
    }
    const cells = line.split('\t').map((c) => c.trim());
    let matched = false;
    for (let c = 0; c + 1 < cells.length; c += 2) {
      const key = cells[c] as keyof typeof HEADER_KEYS;
      if (key in HEADER_KEYS) {
        fields[HEADER_KEYS[key]] = normalizeSpaces(cells[c + 1]!);
        matched = true;
      }
    }
    if (!matched) break;
    end = i + 1;
  }
  if (end === 0) return { end: 0 };
  const noticeTitle = fields.noticeTitle ?? '';
  return {
    end,
    fields: {
      noticeTitle,
      title: normalizeSpaces(bookTitle(noticeTitle)),
      issuer: fields.issuer ?? '',
      date: fields.date ?? '',
      documentNumber: fields.documentNumber ?? '',
      consultingDepartment: fields.consultingDepartment ?? '',
      consultingPhone: fields.consultingPhone ?? '',
      hasInterpretation: fields.hasInterpretation ?? '',
    },
  };
}

/** The first title in 《》 (by indexOf: a pattern would rescan a run of 《 with no 》). */
function bookTitle(text: string): string {
  const open = text.indexOf('《');
  const close = open === -1 ? -1 : text.indexOf('》', open + 1);
  return close > open + 1 ? text.slice(open + 1, close) : '';
}
