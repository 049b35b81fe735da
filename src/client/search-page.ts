/**
 * The /search/ page: query and filters from and to the URL (?q=&plan=&chapter=&kind=&entity=),
 * in one plan or every plan (?plan=<slug> or ?plan=all; else the default: the legacy plan the
 * old /search/?q= links meant), results as you type, 50 at a time with 显示更多 for the next
 * ones (the engine's offset), counts per kind, chapter and entity type in the filters (behind a
 * 筛选 disclosure, opened on wide screens), an empty state with starting topics and a no-result
 * state with near terms. Arrow keys move from the box through the results; Enter opens one.
 *
 * When the index cannot be loaded (missing, not JSON, another version), the page says search is
 * unavailable and shows the ways on it was built with (目录, 名称索引, 主题页); nothing is left
 * uncaught.
 */
import type { EntityType } from '../model/types.ts';
import type { Hit, SearchResponse } from '../search/engine.ts';
import type { UnitKind } from '../search/format.ts';
import { ALL_PLANS } from '../search/format.ts';
import { preload, search, useScope } from './search-client.ts';
import { hitLink, markRendered, onlyPartial, queryNotes } from './search-render.ts';

/** Hits per page: the first query, and each 显示更多. */
const PAGE_SIZE = 50;

const form = document.getElementById('search-page-form') as HTMLFormElement | null;
const input = document.getElementById('search-page-q') as HTMLInputElement | null;
const chapter = document.getElementById('search-page-chapter') as HTMLSelectElement | null;
const plan = document.getElementById('search-page-plan') as HTMLSelectElement | null;
const filters = document.getElementById('search-page-filters') as HTMLDetailsElement | null;
const filterCount = document.getElementById('search-page-filter-count');
const status = document.getElementById('search-page-status');
const notes = document.getElementById('search-page-notes');
const results = document.getElementById('search-page-results') as HTMLOListElement | null;
const more = document.getElementById('search-page-more') as HTMLButtonElement | null;
const empty = document.getElementById('search-page-empty');
const unavailable = document.getElementById('search-page-unavailable');

function kindBoxes(): HTMLInputElement[] {
  return [...(form?.querySelectorAll<HTMLInputElement>('input[name="kind"]') ?? [])];
}

/** Entity-type filter: entities of the checked types and the units that mention one. */
function entityBoxes(): HTMLInputElement[] {
  return [...(form?.querySelectorAll<HTMLInputElement>('input[name="entity"]') ?? [])];
}

/**
 * The plan searched, from the URL (the default plan when it names none or an unknown one): the
 * worker loads its index, the chapter filter keeps its chapters, the topic links stay in it.
 * Choosing another plan reloads the page, which loads that plan's index.
 */
let planInUrl = false;

function choosePlan(): void {
  const wanted = new URLSearchParams(location.search).get('plan');
  planInUrl = wanted !== null;
  const options = [...plan!.options];
  const fallback = options.find((o) => o.dataset.default !== undefined) ?? options[0]!;
  const option = options.find((o) => o.value === wanted) ?? fallback;
  plan!.value = option.value;
  useScope(option.value === ALL_PLANS ? null : option.value);
  for (const o of [...chapter!.options])
    if (o.dataset.plan && o.dataset.plan !== option.value) o.remove();
  // Chapters are a plan's own: across every plan there is no chapter to choose.
  chapter!.closest('label')!.hidden = option.value === ALL_PLANS;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.topic-list a')) {
    const url = new URL(a.href);
    url.searchParams.set('plan', option.value);
    a.href = url.href;
  }
  plan!.addEventListener('change', () => {
    const params = new URLSearchParams();
    const q = input!.value.trim();
    if (q) params.set('q', q);
    params.set('plan', plan!.value);
    location.assign(`${location.pathname}?${params}`);
  });
}

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  input!.value = params.get('q') ?? '';
  chapter!.value = params.get('chapter') ?? '';
  const kinds = params.getAll('kind');
  for (const box of kindBoxes()) box.checked = kinds.includes(box.value);
  const types = params.getAll('entity');
  for (const box of entityBoxes()) box.checked = types.includes(box.value);
}

function writeUrl(): void {
  const params = new URLSearchParams();
  const q = input!.value.trim();
  if (q) params.set('q', q);
  if (planInUrl || plan!.selectedOptions[0]?.dataset.default === undefined)
    params.set('plan', plan!.value);
  if (chapter!.value) params.set('chapter', chapter!.value);
  for (const box of kindBoxes()) if (box.checked) params.append('kind', box.value);
  for (const box of entityBoxes()) if (box.checked) params.append('entity', box.value);
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
}

/** How many filters are on, shown on the 筛选 disclosure while it is closed. */
function showFilterCount(): void {
  const on =
    (chapter!.value ? 1 : 0) +
    kindBoxes().filter((b) => b.checked).length +
    entityBoxes().filter((b) => b.checked).length;
  filterCount!.textContent = on > 0 ? `（${on}）` : '';
}

/** The search as the page's controls say: query and filters. */
function currentQuery(): { q: string; kinds: UnitKind[]; entityTypes: EntityType[] } {
  return {
    q: input!.value.trim(),
    kinds: kindBoxes()
      .filter((b) => b.checked)
      .map((b) => b.value as UnitKind),
    entityTypes: entityBoxes()
      .filter((b) => b.checked)
      .map((b) => b.value as EntityType),
  };
}

/** What the page holds now: the query whose hits are shown, and how many. */
let shown = { q: '', hits: 0, total: 0 };

function showCounts(response: SearchResponse): void {
  for (const box of kindBoxes()) {
    const count = form!.querySelector(`.kind-count[data-kind="${box.value}"]`);
    if (count) count.textContent = String(response.facets.kinds[box.value as UnitKind] ?? 0);
  }
  for (const box of entityBoxes()) {
    const count = form!.querySelector(`.kind-count[data-entity-type="${box.value}"]`);
    if (count)
      count.textContent = String(response.facets.entityTypes[box.value as EntityType] ?? 0);
  }
  for (const option of chapter!.options) {
    if (!option.value) continue;
    option.dataset.label ??= option.textContent ?? '';
    option.textContent = `${option.dataset.label}（${response.facets.chapters[Number(option.value)] ?? 0}）`;
  }
}

function showStatus(): void {
  const { hits, total } = shown;
  status!.textContent = `找到 ${total} 条结果` + (total > hits ? `，显示前 ${hits} 条` : '');
  const left = total - hits;
  more!.hidden = left <= 0;
  more!.textContent = `显示更多（还有 ${left} 条）`;
}

function appendHits(hits: readonly Hit[]): void {
  const items = document.createDocumentFragment();
  for (const hit of hits) {
    const li = document.createElement('li');
    li.append(hitLink(hit));
    items.append(li);
  }
  results!.append(items);
}

function render(response: SearchResponse, q: string): void {
  results!.replaceChildren();
  notes!.replaceChildren();
  unavailable!.hidden = true;
  const note = queryNotes(response);
  if (note) notes!.append(note);
  showCounts(response);
  shown = { q, hits: response.hits.length, total: response.total };
  if (response.hits.length === 0) {
    status!.textContent = `没有找到“${q}”。`;
    more!.hidden = true;
    if (response.suggestions.length > 0) {
      const p = document.createElement('p');
      p.append('相近的词：');
      for (const s of response.suggestions) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'suggestion';
        b.textContent = s;
        b.addEventListener('click', () => {
          input!.value = s;
          void update(performance.now());
        });
        p.append(b, ' ');
      }
      notes!.append(p);
    }
    return;
  }
  if (onlyPartial(response)) {
    const p = document.createElement('p');
    p.className = 'sr-notes';
    p.textContent = '没有同时包含全部词语的条目，以下为部分匹配。';
    notes!.append(p);
  }
  appendHits(response.hits);
  showStatus();
}

/** The index could not be loaded: say so, and show the ways on (目录, 名称索引, 主题页). */
function showUnavailable(): void {
  results!.replaceChildren();
  notes!.replaceChildren();
  more!.hidden = true;
  empty!.hidden = true;
  status!.textContent = '搜索暂时不可用。';
  unavailable!.hidden = false;
  shown = { q: '', hits: 0, total: 0 };
}

let latest = 0;
async function update(startTime: number): Promise<void> {
  writeUrl();
  showFilterCount();
  const { q, kinds, entityTypes } = currentQuery();
  const ticket = ++latest;
  empty!.hidden = q !== '';
  if (!q) {
    results!.replaceChildren();
    notes!.replaceChildren();
    status!.textContent = '';
    more!.hidden = true;
    shown = { q: '', hits: 0, total: 0 };
    return;
  }
  let response: SearchResponse;
  try {
    response = await search(q, {
      limit: PAGE_SIZE,
      kinds,
      entityTypes,
      chapter: chapter!.value ? Number(chapter!.value) : null,
    });
  } catch {
    if (ticket === latest) showUnavailable();
    return;
  }
  if (ticket !== latest) return;
  render(response, q);
  markRendered(startTime);
}

/** 显示更多: the next page of the same search, appended; focus moves to its first hit. */
async function showMore(): Promise<void> {
  const { q, kinds, entityTypes } = currentQuery();
  if (!q || q !== shown.q) return;
  const ticket = latest;
  more!.disabled = true;
  let response: SearchResponse;
  try {
    response = await search(q, {
      limit: PAGE_SIZE,
      offset: shown.hits,
      kinds,
      entityTypes,
      chapter: chapter!.value ? Number(chapter!.value) : null,
    });
  } catch {
    if (ticket === latest) showUnavailable();
    return;
  } finally {
    more!.disabled = false;
  }
  if (ticket !== latest) return; // the query changed meanwhile
  const first = results!.children.length;
  appendHits(response.hits);
  shown = { q, hits: shown.hits + response.hits.length, total: response.total };
  showStatus();
  results!.children[first]?.querySelector<HTMLAnchorElement>('a.sr-hit')?.focus();
}

function links(): HTMLAnchorElement[] {
  return [...results!.querySelectorAll<HTMLAnchorElement>('a.sr-hit')];
}

if (
  form &&
  input &&
  chapter &&
  plan &&
  filters &&
  filterCount &&
  status &&
  notes &&
  results &&
  more &&
  empty &&
  unavailable
) {
  choosePlan();
  readUrl();
  // Wide screens show the filters; on a phone the results come first, the filters one tap away.
  filters.open = matchMedia('(min-width: 48em)').matches;
  preload();
  void update(performance.now());
  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return;
    void update(event.timeStamp);
  });
  input.addEventListener('compositionend', (event) => void update(event.timeStamp));
  form.addEventListener('change', (event) => {
    if (event.target !== input && event.target !== plan) void update(event.timeStamp);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // On a phone the keyboard covers the results: put it away and go to the first one.
    input.blur();
    links()[0]?.focus();
  });
  more.addEventListener('click', () => void showMore());
  // Arrow keys: from the box into the results and between them; Enter follows the focused link.
  form.parentElement!.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    if (all.length === 0) return;
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (document.activeElement === input && event.key === 'ArrowDown') all[0]!.focus();
    else if (at >= 0) {
      if (event.key === 'ArrowUp' && at === 0) input.focus();
      else
        all[
          Math.min(all.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))
        ]!.focus();
    } else return;
    event.preventDefault();
  });
  if (!input.value) input.focus();
}
