/**
 * DOM for search results, shared by the header's drop-down and the /search/
 * page. Text goes in through textContent only: snippets are plan text, but
 * nothing here ever parses HTML.
 */
import type { Hit, SearchResponse } from '../search/engine.ts';
import type { Snippet } from '../search/snippet.ts';
import { currentScope, resultHref } from './search-client.ts';

/** An element with a class and text (text goes in through textContent only). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A snippet with its marks as <mark> elements. */
export function snippetNode(snippet: Snippet): HTMLElement {
  const p = el('span', 'sr-snippet');
  let at = 0;
  for (const [s, e] of snippet.marks) {
    p.append(snippet.text.slice(at, s), el('mark', undefined, snippet.text.slice(s, e)));
    at = e;
  }
  p.append(snippet.text.slice(at));
  return p;
}

/** One result as a link: kind badge, its plan (when searching every plan), breadcrumb, snippet. */
export function hitLink(hit: Hit): HTMLAnchorElement {
  const a = el('a', 'sr-hit');
  a.href = resultHref(hit);
  const head = el('span', 'sr-head');
  head.append(
    el('span', `sr-badge sr-${hit.kind}${hit.review ? ' sr-review' : ''}`, hit.kindLabel),
  );
  if (currentScope() === null) head.append(el('span', 'sr-plan', hit.plan.name));
  head.append(el('span', 'sr-crumbs', hit.breadcrumb.join(' › ')));
  a.append(head, snippetNode(hit.snippet));
  return a;
}

/** "also searched: …", pinyin and question notes above the results. */
export function queryNotes(response: SearchResponse): HTMLElement | null {
  const { query } = response;
  const notes: string[] = [];
  if (query.pinyin)
    notes.push(`拼音“${query.pinyin.from}”按“${query.pinyin.to.slice(0, 4).join('、')}”搜索`);
  if (query.alsoSearched.length > 0) notes.push(`同时搜索：${query.alsoSearched.join('、')}`);
  if (query.intent === 'figure') notes.push('按数值问题搜索：先列出给出数字的条目');
  if (query.intent === 'where') notes.push('按位置问题搜索：先列出章节');
  if (notes.length === 0) return null;
  return el('p', 'sr-notes', notes.join('；'));
}

/** Whether no hit contains every word of the query. */
export function onlyPartial(response: SearchResponse): boolean {
  return response.hits.length > 0 && response.hits.every((h) => h.tier === 'partial');
}

/**
 * Record keystroke-to-rendered time (User Timing, read by the benchmark):
 * `plan-kb:search-dom` when the results are in the DOM, `plan-kb:search` at
 * the next animation frame, i.e. when they are painted.
 */
export function markRendered(startTime: number): void {
  performance.measure('plan-kb:search-dom', { start: startTime, end: performance.now() });
  requestAnimationFrame(() => {
    performance.measure('plan-kb:search', { start: startTime, end: performance.now() });
  });
}
