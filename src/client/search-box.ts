/**
 * The header search box on every page: results as you type in a drop-down
 * (ARIA combobox + listbox), arrow keys and Enter to open one, Escape to
 * close, `/` to focus the box from anywhere. Without JavaScript the box is a
 * plain GET form to /search/.
 *
 * The index is fetched on first focus or typing, by the worker. Above the results, the scope:
 * 本规划 (the page's plan) or 全部规划 (every plan), one click away. When the index cannot be
 * loaded, the drop-down says search is unavailable and offers the plan's 目录 and 名称索引 and
 * the topic pages instead. The “按 / 键” hint is shown only where there is a keyboard to press
 * it on (a fine pointer that can hover: not a phone).
 */
import { allResultsHref, currentScope, preload, search, useScope } from './search-client.ts';
import { hitLink, markRendered, onlyPartial, queryNotes } from './search-render.ts';

const LIMIT = 8;

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input || form.dataset.enhanced) return;
  form.dataset.enhanced = 'true';
  const panel = document.createElement('div');
  panel.className = 'sbox-panel';
  panel.hidden = true;
  const list = document.createElement('div');
  list.id = `${input.id || 'q'}-results`;
  list.className = 'sbox-list';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', '搜索结果');
  const status = document.createElement('p');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  form.append(panel, status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  // The scope: this plan (the page's, or the default plan on pages outside every plan) or all.
  const plan = form.dataset.plan ?? null;
  const scopeBar = document.createElement('div');
  scopeBar.className = 'sbox-scope';
  scopeBar.setAttribute('role', 'group');
  scopeBar.setAttribute('aria-label', '搜索范围');
  const scopeButtons = (
    [
      [form.dataset.planName ?? '本规划', plan],
      ['全部规划', null],
    ] as const
  ).map(([label, value]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', (event) => {
      useScope(value);
      void runSafely(event.timeStamp);
      input.focus();
    });
    return { button, value };
  });
  scopeBar.append(...scopeButtons.map((b) => b.button));
  const showScope = () => {
    const now = currentScope();
    for (const { button, value } of scopeButtons)
      button.setAttribute('aria-pressed', String(value === now));
  };

  let active = -1;
  let latest = 0;
  let announce: ReturnType<typeof setTimeout> | undefined;
  // Screen readers hear the count once typing pauses, not at every keystroke.
  const say = (text: string) => {
    clearTimeout(announce);
    announce = setTimeout(() => (status.textContent = text), 600);
  };
  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];

  /** The index could not be loaded: say so, with the ways on the page's data attributes give. */
  const unavailable = () => {
    const p = document.createElement('p');
    p.className = 'sbox-unavailable';
    p.append('搜索暂时不可用。可以从');
    const ways: [string, string | undefined][] = [
      ['目录', form.dataset.root],
      ['名称索引', form.dataset.entities],
      ['主题页', form.dataset.topics],
    ];
    ways
      .filter((w): w is [string, string] => Boolean(w[1]))
      .forEach(([label, href], i) => {
        const a = document.createElement('a');
        a.href = href;
        a.textContent = label;
        p.append(i > 0 ? '、' : '', a);
      });
    p.append('继续查找。');
    panel.replaceChildren(p);
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'false');
    say('搜索暂时不可用');
  };
  const runSafely = (startTime: number) =>
    run(startTime).catch(() => {
      latest++; // a late answer to the failed query must not replace the message
      unavailable();
    });

  const close = () => {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (index: number) => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    const current = all[active]!;
    input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  };

  async function run(startTime: number): Promise<void> {
    const q = input!.value.trim();
    const ticket = ++latest;
    if (!q) {
      close();
      return;
    }
    const response = await search(q, { limit: LIMIT });
    if (ticket !== latest) return; // a newer keystroke won
    const arrived = performance.now();
    // Build the new content off-document, then swap it in with one DOM change.
    const content = document.createDocumentFragment();
    const items = document.createDocumentFragment();
    active = -1;
    showScope();
    content.append(scopeBar);
    const notes = queryNotes(response);
    if (notes) content.append(notes);
    if (response.hits.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'sbox-empty';
      empty.textContent = `没有找到“${q}”。`;
      if (response.suggestions.length > 0)
        empty.textContent += `试试：${response.suggestions.join('、')}`;
      content.append(empty);
      say(`没有找到“${q}”`);
    } else {
      if (onlyPartial(response)) {
        const partial = document.createElement('p');
        partial.className = 'sr-notes';
        partial.textContent = '没有同时包含全部词语的条目，以下为部分匹配';
        content.append(partial);
      }
      // Each option is the result's link itself: an option's content is presentational, so no link inside one.
      response.hits.forEach((hit, i) => {
        const link = hitLink(hit);
        link.id = `${list.id}-${i}`;
        link.setAttribute('role', 'option');
        link.setAttribute('aria-selected', 'false');
        link.tabIndex = -1;
        items.append(link);
      });
      list.replaceChildren(items);
      content.append(list);
      const more = document.createElement('a');
      more.className = 'sbox-more';
      more.href = allResultsHref(q);
      more.textContent = `查看全部 ${response.total} 条结果 →`;
      content.append(more);
      say(`找到 ${response.total} 条结果`);
    }
    panel.replaceChildren(content);
    panel.hidden = false;
    input!.setAttribute('aria-expanded', String(response.hits.length > 0));
    performance.measure('plan-kb:search-render', { start: arrived, end: performance.now() });
    markRendered(startTime);
  }

  input.addEventListener('focus', preload, { once: true });
  input.addEventListener('input', (event) => {
    preload();
    // While an IME is composing, the box holds pinyin letters, not the words being typed.
    if ((event as InputEvent).isComposing) return;
    void runSafely(event.timeStamp);
  });
  input.addEventListener('compositionend', (event) => void runSafely(event.timeStamp));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (panel.hidden && input.value.trim()) void runSafely(event.timeStamp);
      event.preventDefault();
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && active >= 0 && !panel.hidden) {
      const link = options()[active];
      if (link instanceof HTMLAnchorElement) {
        event.preventDefault();
        location.assign(link.href);
      }
    } else if (event.key === 'Escape') {
      if (!panel.hidden) {
        event.preventDefault();
        close();
      } else input.blur();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  // Keep focus in the input while a result is pressed, so focusout does not close the list first.
  panel.addEventListener('mousedown', (event) => {
    if ((event.target as HTMLElement).closest('a') === null) event.preventDefault();
  });
}

/** `/` focuses the header search box, as on many sites, unless the reader is typing somewhere. */
function shortcut(input: HTMLInputElement): void {
  document.addEventListener('keydown', (event) => {
    if (
      event.key !== '/' ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      isEditable(event.target)
    )
      return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

/** A keyboard to press `/` on: a fine pointer that can hover (a desktop), not a touch screen. */
const hasKeyboard = () => matchMedia('(hover: hover) and (pointer: fine)').matches;

const form = document.querySelector<HTMLFormElement>('form.search[role="search"]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
if (form && input) {
  enhance(form);
  shortcut(input);
  input.setAttribute('aria-keyshortcuts', '/');
  if (hasKeyboard()) input.placeholder = `${input.placeholder}（按 / 键）`;
}
