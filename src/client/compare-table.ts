/**
 * /compare/indicators/: sorting and the category filter, added to the plain table the page
 * serves (which works without JavaScript). Each sortable column head (th[data-sort]) gets a
 * button; a second press reverses the order; aria-sort says which column sorts the table.
 * Sorting by a plan's column sorts by that plan's target figure, metrics it does not set last.
 * The category is kept in the URL (?category=…), so a filtered table can be shared.
 */

type Direction = 'ascending' | 'descending';

const collator = new Intl.Collator('zh-CN');

function sortKey(row: HTMLTableRowElement, key: string): string | number | null {
  if (key === 'name') return row.dataset.name ?? '';
  if (key === 'category') return Number(row.dataset.categoryOrder ?? 0);
  if (key === 'count') return Number(row.dataset.count ?? 0);
  const plan = /^plan-(\d+)$/.exec(key);
  if (plan) {
    const cell = row.querySelectorAll<HTMLTableCellElement>('td.cv')[Number(plan[1])];
    const text = cell?.dataset.target ?? '';
    return text === '' ? null : Number(text);
  }
  return Number(row.dataset.order ?? 0);
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return Number(a) - Number(b);
}

function enhance(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!body || table.dataset.enhanced) return;
  table.dataset.enhanced = 'true';
  const rows = Array.from(body.rows);
  const heads = Array.from(table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]'));

  const sortBy = (head: HTMLTableCellElement, direction: Direction) => {
    const key = head.dataset.sort!;
    for (const h of heads) h.removeAttribute('aria-sort');
    head.setAttribute('aria-sort', direction);
    const sign = direction === 'ascending' ? 1 : -1;
    const sorted = [...rows].sort((a, b) => {
      const ka = sortKey(a, key);
      const kb = sortKey(b, key);
      // Metrics a plan does not set stay last whichever the direction.
      if (ka === null || kb === null) return compare(ka, kb);
      return sign * compare(ka, kb) || compare(sortKey(a, 'order'), sortKey(b, 'order'));
    });
    body.append(...sorted);
  };

  for (const head of heads) {
    const label = (head.querySelector('a')?.textContent ?? head.textContent ?? '').trim();
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.setAttribute('aria-label', `按“${label}”排序`);
    button.textContent = '⇅';
    button.addEventListener('click', () => {
      const now = head.getAttribute('aria-sort');
      sortBy(head, now === 'ascending' ? 'descending' : 'ascending');
    });
    head.append(button);
  }

  const form = document.getElementById('compare-controls') as HTMLFormElement | null;
  const select = document.getElementById('compare-category') as HTMLSelectElement | null;
  const status = document.getElementById('compare-status');
  if (!form || !select) return;
  const filter = (category: string) => {
    let shown = 0;
    for (const row of rows) {
      const hide = category !== '' && row.dataset.category !== category;
      row.hidden = hide;
      if (!hide) shown++;
    }
    if (status)
      status.textContent = category ? `${category}：${shown} 项指标` : `共 ${shown} 项指标`;
  };
  const params = new URLSearchParams(location.search);
  const initial = params.get('category') ?? '';
  if ([...select.options].some((o) => o.value === initial)) select.value = initial;
  filter(select.value);
  select.addEventListener('change', () => {
    filter(select.value);
    const url = new URL(location.href);
    if (select.value) url.searchParams.set('category', select.value);
    else url.searchParams.delete('category');
    history.replaceState(null, '', url);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
}

const table = document.getElementById('compare-table');
if (table instanceof HTMLTableElement) enhance(table);
