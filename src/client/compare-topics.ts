/**
 * /compare/topics/?topic=…: any topic across plans, live. The query runs in the search worker's
 * by-plan mode (the engine's searchByPlan, as the CLI's --by-plan and the static topic pages do)
 * and each plan's best clause is shown side by side in the markup of
 * src/components/TopicColumns.astro, 未涉及 where a plan has nothing. Clauses that hold only some
 * of the topic's words are not a plan's answer. Text goes in through textContent only.
 */
import type { Hit } from '../search/engine.ts';
import { planUrl, searchUrl } from '../model/urls.ts';
import { searchByPlan } from './search-client.ts';
import { el, snippetNode } from './search-render.ts';

const PER_PLAN = 3;

interface PageData {
  topics: Record<string, string>;
  plans: { slug: string; shortName: string }[];
}

function link(href: string, text: string): HTMLAnchorElement {
  const a = el('a', undefined, text);
  a.href = href;
  return a;
}

function column(plan: PageData['plans'][number], topic: string, hits: Hit[]): HTMLLIElement {
  const shown = hits.filter((h) => h.phrase || h.tier !== 'partial');
  const li = el('li', shown.length ? 'topic-column' : 'topic-column topic-none');
  const head = el('h3', 'topic-plan');
  head.append(link(planUrl(plan.slug, '/'), plan.shortName));
  li.append(head);
  const search = searchUrl(topic, plan.slug);
  const best = shown[0];
  if (!best) {
    const p = el('p', 'topic-missing', `未涉及：本规划中没有包含“${topic}”的条文。`);
    p.append(link(search, '在本规划中搜索'));
    li.append(p);
    return li;
  }
  const title = el('p', 'topic-best');
  title.append(
    el('span', 'topic-badge', best.kindLabel),
    link(planUrl(plan.slug, best.url), `${best.id} ${best.title}`),
  );
  const snippet = el('p', 'topic-snippet');
  snippet.append(snippetNode(best.snippet));
  li.append(title, snippet, el('p', 'topic-citation', best.citation));
  if (shown.length > 1) {
    const more = el('ul', 'topic-more');
    for (const h of shown.slice(1)) {
      const item = el('li');
      item.append(link(planUrl(plan.slug, h.url), `${h.id} ${h.title}`));
      more.append(item);
    }
    li.append(more);
  }
  const all = el('p', 'topic-search');
  all.append(link(search, '在本规划中搜索全部结果'));
  li.append(all);
  return li;
}

async function run(live: HTMLElement, data: PageData, topic: string): Promise<void> {
  live.replaceChildren(el('p', 'topic-note', `正在比较“${topic}”……`));
  try {
    const plans = await searchByPlan(topic, { limit: PER_PLAN });
    const heading = el('h2', undefined, `“${topic}”在各规划中`);
    const list = el('ol', 'topic-columns');
    list.setAttribute('aria-label', `各规划关于“${topic}”的条文`);
    for (const plan of data.plans) list.append(column(plan, topic, plans[plan.slug] ?? []));
    const parts: HTMLElement[] = [heading];
    const page = data.topics[topic];
    if (page) {
      const note = el('p', 'topic-note', '本主题另有固定页面（无需 JavaScript）：');
      note.append(link(page, `“${topic}”在各规划中`));
      parts.push(note);
    }
    live.replaceChildren(...parts, list);
  } catch (error) {
    live.replaceChildren(el('p', 'topic-note', `比较失败：${(error as Error).message}`));
  }
}

const live = document.getElementById('topic-live');
const input = document.getElementById('topic-q') as HTMLInputElement | null;
if (live && input) {
  const data = JSON.parse(live.dataset.topics ?? '{}') as PageData;
  live.setAttribute('aria-live', 'polite');
  const topic = new URLSearchParams(location.search).get('topic')?.trim() ?? '';
  if (topic) {
    input.value = topic;
    void run(live, data, topic);
  }
}
