/**
 * The /search/ page: query and filters from and to the URL (?q=&plan=&chapter=&kind=&entity=),
 * in one plan or every plan (?plan=<slug> or ?plan=all; else the default: the legacy plan the
 * old /search/?q= links meant),
 * results as you type, counts per kind, an empty state with starting topics
 * and a no-result state with near terms. Arrow keys move from the box through
 * the results; Enter opens one.
 */
import type { EntityType } from '../model/types.ts';
import type { SearchResponse } from '../search/engine.ts';
import type { UnitKind } from '../search/format.ts';
import { ALL_PLANS } from '../search/format.ts';
import { preload, search, useScope } from './search-client.ts';
import { hitLink, markRendered, onlyPartial, queryNotes } from './search-render.ts';

const LIMIT = 50;

const form = document.getElementById('search-page-form') as HTMLFormElement | null;
const input = document.getElementById('search-page-q') as HTMLInputElement | null;
const chapter = document.getElementById('search-page-chapter') as HTMLSelectElement | null;
const plan = document.getElementById('search-page-plan') as HTMLSelectElement | null;
const status = document.getElementById('search-page-status');
const notes = document.getElementById('search-page-notes');
const results = document.getElementById('search-page-results') as HTMLOListElement | null;
const empty = document.getElementById('search-page-empty');

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

function render(response: SearchResponse, q: string): void {
  results!.replaceChildren();
  notes!.replaceChildren();
  const note = queryNotes(response);
  if (note) notes!.append(note);
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
  if (response.hits.length === 0) {
    status!.textContent = `没有找到“${q}”。`;
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
  status!.textContent =
    `找到 ${response.total} 条结果` +
    (response.total > response.hits.length ? `，显示前 ${response.hits.length} 条` : '');
  if (onlyPartial(response)) {
    const p = document.createElement('p');
    p.className = 'sr-notes';
    p.textContent = '没有同时包含全部词语的条目，以下为部分匹配。';
    notes!.append(p);
  }
  for (const hit of response.hits) {
    const li = document.createElement('li');
    li.append(hitLink(hit));
    results!.append(li);
  }
}

let latest = 0;
async function update(startTime: number): Promise<void> {
  writeUrl();
  const q = input!.value.trim();
  const ticket = ++latest;
  empty!.hidden = q !== '';
  if (!q) {
    results!.replaceChildren();
    notes!.replaceChildren();
    status!.textContent = '';
    return;
  }
  const kinds = kindBoxes()
    .filter((b) => b.checked)
    .map((b) => b.value as UnitKind);
  const entityTypes = entityBoxes()
    .filter((b) => b.checked)
    .map((b) => b.value as EntityType);
  const response = await search(q, {
    limit: LIMIT,
    kinds,
    entityTypes,
    chapter: chapter!.value ? Number(chapter!.value) : null,
  });
  if (ticket !== latest) return;
  render(response, q);
  markRendered(startTime);
}

function links(): HTMLAnchorElement[] {
  return [...results!.querySelectorAll<HTMLAnchorElement>('a.sr-hit')];
}

if (form && input && chapter && plan && status && notes && results && empty) {
  choosePlan();
  readUrl();
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
    links()[0]?.focus();
  });
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
