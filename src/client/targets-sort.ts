/**
 * /<slug>/targets/: the column headers 章节 and 事项 sort the table in place (the two pages,
 * /targets/ and /targets/by-metric/, are the two orders without JavaScript). A bundled module,
 * not an inline script, for the site's Content-Security-Policy (src/site/security.ts).
 */
export {};

const table = document.querySelector<HTMLTableElement>('table[data-sortable]');
const body = table?.tBodies[0];
if (table && body) {
  const collator = new Intl.Collator('zh-Hans-CN');
  const order = (row: HTMLTableRowElement) => Number(row.dataset.order);
  const keys: Record<string, (a: HTMLTableRowElement, b: HTMLTableRowElement) => number> = {
    chapter: (a, b) => order(a) - order(b),
    metric: (a, b) =>
      collator.compare(a.dataset.metric ?? '', b.dataset.metric ?? '') || order(a) - order(b),
  };
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('th[data-sort]')];
  for (const th of headers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = (th.textContent ?? '').trim();
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', () => {
      const rows = [...body.rows].sort(keys[th.dataset.sort ?? 'chapter']);
      body.append(...rows);
      for (const h of headers) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', 'ascending');
    });
  }
}
