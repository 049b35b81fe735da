/**
 * /<slug>/targets/: filters and sorts the table in place. The form above the table (rendered
 * `hidden`: without JavaScript the table shows every target, and the two pages, /targets/ and
 * /targets/by-metric/, are the two orders) filters the rows by deadline (data-deadline: the
 * year, `other` or `none`) and by chapter (data-chapter: the chapter's ID, or a part's), and
 * sorts them by chapter, metric or deadline; the column headers 章节, 事项 and 期限 sort too.
 * The choice goes into the URL's query (?deadline=2025&chapter=7&sort=deadline), so a filtered
 * table can be shared, and is read back on load. A bundled module, not an inline script, for the
 * site's Content-Security-Policy (src/site/security.ts).
 */
export {};

type Sort = 'chapter' | 'metric' | 'deadline';
type Compare = (a: HTMLTableRowElement, b: HTMLTableRowElement) => number;

const table = document.querySelector<HTMLTableElement>('table[data-sortable]');
const body = table?.tBodies[0];
if (table && body) {
  const collator = new Intl.Collator('zh-Hans-CN');
  const order = (row: HTMLTableRowElement) => Number(row.dataset.order);
  /** The deadline's rank: its year; then a deadline without a year; then none. */
  const due = (row: HTMLTableRowElement) =>
    row.dataset.year
      ? Number(row.dataset.year)
      : row.dataset.deadline === 'other'
        ? Number.MAX_SAFE_INTEGER - 1
        : Number.MAX_SAFE_INTEGER;
  const keys: Record<Sort, Compare> = {
    chapter: (a, b) => order(a) - order(b),
    metric: (a, b) =>
      collator.compare(a.dataset.metric ?? '', b.dataset.metric ?? '') || order(a) - order(b),
    deadline: (a, b) => due(a) - due(b) || order(a) - order(b),
  };
  const isSort = (s: string | null | undefined): s is Sort => !!s && s in keys;
  const defaultSort: Sort = isSort(table.dataset.defaultSort)
    ? table.dataset.defaultSort
    : 'chapter';
  const sortNames = JSON.parse(table.dataset.sortNames ?? '{}') as Record<string, string>;
  const caption = table.caption;
  const rows = [...body.rows];

  const form = document.querySelector<HTMLFormElement>('form[data-targets-filter]');
  const select = (name: string) =>
    form?.querySelector<HTMLSelectElement>(`select[name="${name}"]`) ?? null;
  const deadline = select('deadline');
  const chapter = select('chapter');
  const sortSelect = select('sort');
  const count = form?.querySelector<HTMLElement>('[data-count]');
  const clear = form?.querySelector<HTMLButtonElement>('button[type="reset"]');
  const has = (s: HTMLSelectElement | null, value: string) =>
    !!s && [...s.options].some((o) => o.value === value);

  const state = { deadline: '', chapter: '', sort: defaultSort };

  const headers = [...table.querySelectorAll<HTMLTableCellElement>('th[data-sort]')];

  /** Show the rows the filters keep, in the chosen order, and say how many. */
  const apply = (updateUrl: boolean) => {
    let shown = 0;
    for (const row of rows) {
      const keep =
        (!state.deadline || row.dataset.deadline === state.deadline) &&
        (!state.chapter || row.dataset.chapter === state.chapter);
      row.hidden = !keep;
      if (keep) shown++;
    }
    body.append(...[...rows].sort(keys[state.sort]));
    for (const h of headers) {
      if (h.dataset.sort === state.sort) h.setAttribute('aria-sort', 'ascending');
      else h.removeAttribute('aria-sort');
    }
    if (caption) caption.textContent = `量化目标（${sortNames[state.sort] ?? ''}）`;
    if (deadline) deadline.value = state.deadline;
    if (chapter) chapter.value = state.chapter;
    if (sortSelect) sortSelect.value = state.sort;
    if (clear) clear.hidden = !state.deadline && !state.chapter;
    if (count)
      count.textContent =
        `显示 ${shown} / ${rows.length} 项` + (shown ? '' : '：没有符合条件的目标');
    if (updateUrl) {
      const url = new URL(location.href);
      const set = (name: string, value: string, fallback: string) => {
        if (value && value !== fallback) url.searchParams.set(name, value);
        else url.searchParams.delete(name);
      };
      set('deadline', state.deadline, '');
      set('chapter', state.chapter, '');
      set('sort', state.sort, defaultSort);
      history.replaceState(history.state, '', url);
    }
  };

  for (const th of headers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = (th.textContent ?? '').trim();
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', () => {
      const key = th.dataset.sort;
      if (isSort(key)) state.sort = key;
      apply(true);
    });
  }

  if (form) {
    const query = new URLSearchParams(location.search);
    const wanted = (name: string, s: HTMLSelectElement | null) => {
      const value = query.get(name) ?? '';
      return has(s, value) ? value : '';
    };
    state.deadline = wanted('deadline', deadline);
    state.chapter = wanted('chapter', chapter);
    const sort = query.get('sort');
    if (isSort(sort)) state.sort = sort;
    form.addEventListener('change', () => {
      state.deadline = deadline?.value ?? '';
      state.chapter = chapter?.value ?? '';
      const s = sortSelect?.value;
      if (isSort(s)) state.sort = s;
      apply(true);
    });
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('reset', (event) => {
      event.preventDefault();
      state.deadline = '';
      state.chapter = '';
      apply(true);
      // The button hides with no filter on: keep the focus in the form.
      deadline?.focus();
    });
    // The in-place form replaces the links between the two pages' orders.
    for (const links of document.querySelectorAll<HTMLElement>('[data-sort-links]'))
      links.hidden = true;
    form.hidden = false;
  }
  apply(false);
  // A shared link to one row (#7.1.1.t1) shows it even when the query's filters would hide it.
  const target =
    location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target instanceof HTMLTableRowElement) {
    if (target.hidden) {
      state.deadline = '';
      state.chapter = '';
      apply(true);
    }
    // The query may have moved the row: go to it again.
    if (location.search) target.scrollIntoView();
  }
}
