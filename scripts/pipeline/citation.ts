import { quoteTitle, toChineseNumber } from '../../src/model/text.ts';

/**
 * Human citation strings, one per node kind. The plan title goes in 《》; a
 * node's own title goes in “”, with quotes inside it turned single:
 * 《…纲要》第七章第一节“推进‘山水园圈’工程”.
 */
const book = (planTitle: string) => `《${planTitle}》`;

export const chapterPath = (chapter: number) => `第${toChineseNumber(chapter)}章`;
export const sectionPath = (chapter: number, section: number) =>
  `${chapterPath(chapter)}第${toChineseNumber(section)}节`;
/** Sub-parts 一、二、 read as （一）（二） after their section. */
export const subpartPath = (chapter: number, section: number, subpart: number) =>
  `${sectionPath(chapter, section)}（${toChineseNumber(subpart)}）`;

/** A heading-like node or a measure: where it is, then its title. */
export function citeAt(planTitle: string, path: string, title: string): string {
  return `${book(planTitle)}${path}${quoteTitle(title)}`;
}

/** An un-headed paragraph: where it is, then its place among the paragraphs there. */
export function citeParagraph(planTitle: string, where: string, ordinal: number): string {
  return `${book(planTitle)}${where}第${ordinal}段`;
}

export function citeBox(planTitle: string, path: string, number: number, title: string): string {
  return `${book(planTitle)}${path}专栏${number}${quoteTitle(title)}`;
}

export function citeBoxItem(boxCitation: string, title: string): string {
  return `${boxCitation}之${quoteTitle(title)}`;
}

export function citeTable(planTitle: string, number: number, title: string): string {
  return `${book(planTitle)}表${number}${quoteTitle(title)}`;
}

export function citeIndicator(planTitle: string, table: number, row: number, name: string): string {
  return `${book(planTitle)}表${table}第${row}项${quoteTitle(name)}`;
}

export function citeNote(planTitle: string, table: number): string {
  return `${book(planTitle)}表${table}注`;
}

/** A figure: 图1 or 附图1 (`label`), then its title. */
export function citeFigure(planTitle: string, label: string, title: string): string {
  return `${book(planTitle)}${label}${quoteTitle(title)}`;
}

export function citeDocument(planTitle: string): string {
  return book(planTitle);
}
