/**
 * The clause tools (src/components/ClauseTools.astro): next to every anchored thing's `#ID` link,
 * 复制链接 (its absolute URL), 复制引用 (its GB/T 7714-2015 reference) and 引用格式, a panel with
 * the reference, the short in-text form to copy, and BibTeX, RIS and CSL-JSON to download. The
 * strings are written when the site is built (src/site/citations.ts); the exports of a page's
 * clauses are fetched from its export file on the first export. The access date is put in here:
 * the reader's today (src/model/cite-access.ts). Also on /cite/: the document's download links
 * get the reader's date too. And the current entry of a long table of contents is scrolled into
 * view. Everything works without it; it only adds.
 */
import { cslAccessed, cslText, todayIso, withAccessDate } from '../model/cite-access.ts';

const status = document.getElementById('copy-status');

/** Plain-http hosts have no Clipboard API: the old way, from a hidden text area. */
function fallbackCopy(text: string): void {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'copy-buffer';
  document.body.appendChild(area);
  area.select();
  try {
    // Deprecated, and the only way to copy without the Clipboard API (a plain-http host).
    (document as { execCommand(command: string): boolean }).execCommand('copy');
  } finally {
    area.remove();
  }
}

const copy = (text: string): Promise<void> =>
  navigator.clipboard && window.isSecureContext
    ? navigator.clipboard.writeText(text).catch(() => fallbackCopy(text))
    : Promise.resolve(fallbackCopy(text));

function announce(text: string): void {
  if (status) status.textContent = text;
}

function copied(button: HTMLButtonElement, done: string, text: string): void {
  announce(`${done}：${text}`);
  button.dataset.done = '';
  setTimeout(() => delete button.dataset.done, 1500);
}

/* ------------------------------------------------------------- exports */

type ExportFormat = 'bibtex' | 'ris' | 'csl';

interface ExportEntry {
  bibtex: string;
  ris: string;
  csl: object;
}

const EXPORTS: Record<ExportFormat, { label: string; ext: string; type: string }> = {
  bibtex: { label: 'BibTeX', ext: 'bib', type: 'application/x-bibtex' },
  ris: { label: 'RIS', ext: 'ris', type: 'application/x-research-info-systems' },
  csl: { label: 'CSL-JSON', ext: 'json', type: 'application/vnd.citationstyles.csl+json' },
};

const exportFiles = new Map<string, Promise<{ items: Record<string, ExportEntry> }>>();

function exportFile(url: string): Promise<{ items: Record<string, ExportEntry> }> {
  let file = exportFiles.get(url);
  if (!file) {
    file = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json() as Promise<{ items: Record<string, ExportEntry> }>;
    });
    file.catch(() => exportFiles.delete(url));
    exportFiles.set(url, file);
  }
  return file;
}

function download(name: string, text: string, type: string): void {
  const href = URL.createObjectURL(new Blob([text], { type: `${type}; charset=utf-8` }));
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

async function exportClause(tools: HTMLElement, format: ExportFormat): Promise<void> {
  const { id = '', export: url = '', file = id } = tools.dataset;
  const spec = EXPORTS[format];
  try {
    const entry = (await exportFile(url)).items[id];
    if (!entry) throw new Error(`${id} is not in ${url}`);
    const today = todayIso();
    const text =
      format === 'csl'
        ? cslText([cslAccessed(entry.csl, today)])
        : withAccessDate(format, entry[format], today);
    download(`${file}.${spec.ext}`, text, spec.type);
    announce(`已下载 ${spec.label}：${file}.${spec.ext}`);
  } catch {
    announce(`${spec.label} 导出失败，请稍后再试，或到“如何引用”页下载。`);
  }
}

/* --------------------------------------------------------------- panel */

/** The one panel of a page (a popover where the browser has them), filled for the tools that open it. */
let panel: HTMLElement | undefined;
let opener: HTMLButtonElement | undefined;
const popovers = typeof HTMLElement.prototype.showPopover === 'function';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text) el.textContent = text;
  return el;
}

function button(label: string, className = ''): HTMLButtonElement {
  const b = element('button', className, label);
  b.type = 'button';
  return b;
}

function closePanel(): void {
  if (!panel) return;
  if (popovers && panel.matches(':popover-open')) panel.hidePopover();
  else if (!popovers && !panel.hidden) {
    panel.hidden = true;
    opener?.setAttribute('aria-expanded', 'false');
    opener?.focus();
  }
}

function makePanel(): HTMLElement {
  const p = element('div', 'cite-panel');
  p.id = 'cite-panel';
  p.setAttribute('role', 'dialog');
  p.setAttribute('aria-labelledby', 'cite-panel-title');
  if (popovers) {
    p.popover = 'auto';
    p.addEventListener('toggle', (event) => {
      const open = (event as ToggleEvent).newState === 'open';
      opener?.setAttribute('aria-expanded', String(open));
      if (!open) opener?.focus();
    });
  } else {
    p.hidden = true;
    p.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') closePanel();
    });
  }
  document.body.appendChild(p);
  return p;
}

function openPanel(tools: HTMLElement, from: HTMLButtonElement): void {
  panel ??= makePanel();
  if (opener && opener !== from) opener.setAttribute('aria-expanded', 'false');
  opener = from;
  const today = todayIso();
  const { id = '', cite = '', intext = '' } = tools.dataset;
  const reference = withAccessDate('gbt', cite, today);
  const title = element('h2', 'cite-panel-title', id === 'plan' ? '引用本文件' : `引用 ${id}`);
  title.id = 'cite-panel-title';
  const copyReference = button('复制参考文献');
  copyReference.dataset.copy = 'reference';
  copyReference.addEventListener('click', () =>
    copy(reference).then(() => copied(copyReference, '已复制引用', reference)),
  );
  const copyInText = button('复制文中标注');
  copyInText.dataset.copy = 'in-text';
  copyInText.addEventListener('click', () =>
    copy(intext).then(() => copied(copyInText, '已复制文中标注', intext)),
  );
  const exports = element('p', 'cite-panel-exports');
  for (const format of Object.keys(EXPORTS) as ExportFormat[]) {
    const b = button(EXPORTS[format].label);
    b.dataset.export = format;
    b.addEventListener('click', () => void exportClause(tools, format));
    exports.append(b, ' ');
  }
  const close = button('关闭', 'cite-panel-close');
  close.addEventListener('click', closePanel);
  const actions = (b: HTMLButtonElement) => {
    const p = element('p', 'cite-panel-actions');
    p.append(b);
    return p;
  };
  panel.replaceChildren(
    title,
    element('p', 'cite-panel-label', '参考文献（GB/T 7714-2015）'),
    element('p', 'cite-panel-text', reference),
    actions(copyReference),
    element('p', 'cite-panel-label', '文中标注'),
    element('p', 'cite-panel-text', intext),
    actions(copyInText),
    element('p', 'cite-panel-label', '导出到文献管理软件（Zotero、EndNote、NoteExpress、LaTeX）'),
    exports,
    element('p', 'cite-panel-note', `引用日期为今天（${today}）。`),
    close,
  );
  from.setAttribute('aria-expanded', 'true');
  // Named only once the panel exists (an IDREF to nothing is an error).
  from.setAttribute('aria-controls', 'cite-panel');
  if (popovers) {
    if (!panel.matches(':popover-open')) panel.showPopover();
  } else panel.hidden = false;
  copyReference.focus();
}

/* --------------------------------------------------------------- tools */

const BUTTONS = [
  { kind: 'link', short: '链接', label: '复制链接' },
  { kind: 'citation', short: '引用', label: '复制引用' },
  { kind: 'formats', short: '格式', label: '引用格式' },
] as const;

for (const tools of document.querySelectorAll<HTMLElement>('.tools[data-cite]')) {
  const compact = tools.classList.contains('compact');
  for (const spec of BUTTONS) {
    const b = button(compact ? spec.short : spec.label);
    // Table cells show the short label; the name keeps it (label-in-name) and says what it does.
    if (compact) b.setAttribute('aria-label', spec.label);
    b.dataset.copy = spec.kind;
    if (spec.kind === 'formats') {
      b.setAttribute('aria-haspopup', 'dialog');
      b.setAttribute('aria-expanded', 'false');
      b.addEventListener('click', () => {
        if (opener === b && panel && (popovers ? panel.matches(':popover-open') : !panel.hidden))
          closePanel();
        else openPanel(tools, b);
      });
    } else {
      b.addEventListener('click', () => {
        const text =
          spec.kind === 'link'
            ? (tools.dataset.url ?? '')
            : withAccessDate('gbt', tools.dataset.cite ?? '', todayIso());
        void copy(text).then(() =>
          copied(b, spec.kind === 'link' ? '已复制链接' : '已复制引用', text),
        );
      });
    }
    tools.appendChild(b);
  }
}

/* References printed on a page (/cite/): the reader's access date. */
for (const el of document.querySelectorAll<HTMLElement>('[data-cite-text]')) {
  el.textContent = withAccessDate('gbt', el.textContent ?? '', todayIso());
}

/* The document's downloads on /cite/: the reader's access date too. */
for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-cite-download]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const format = link.dataset.citeDownload as ExportFormat;
    const name = link.getAttribute('download') || link.pathname.split('/').pop()!;
    fetch(link.href)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((text) => {
        download(name, withAccessDate(format, text, todayIso()), EXPORTS[format].type);
        announce(`已下载 ${EXPORTS[format].label}：${name}`);
      })
      .catch(() => location.assign(link.href));
  });
}

/* ------------------------------------------------------ table of contents */

/** Bring the current entry of a long table of contents into view. */
function revealCurrent(box: Element | null): void {
  const current = box?.querySelector('[aria-current="page"]');
  if (!box || !current) return;
  const offset = current.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTop += offset - box.clientHeight / 3;
}
revealCurrent(document.querySelector('.sidebar'));
const drawer = document.querySelector<HTMLDetailsElement>('.toc-drawer');
drawer?.addEventListener('toggle', () => {
  if (drawer.open) revealCurrent(drawer.querySelector('.toc'));
});
