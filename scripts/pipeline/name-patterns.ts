import type { EntityType } from '../../src/model/types.ts';
import type { Gazetteer, TextField } from './gazetteer.ts';

/**
 * Gazetteer source 6, `pattern` (docs/entities.md): names ending in a place or
 * organization head word (…路, …街道, …社区, …山, …河, …公园; …中心, …研究院,
 * …实验室, …大学…), each taken back to the nearest boundary word
 * (`stemBefore`). The word lists are the plan's own: review them with it.
 */

interface Pattern {
  head: RegExp;
  type: EntityType;
  /** Shortest and longest stem (characters before the head word) considered. */
  minStem: number;
  maxStem: number;
  /** The stem must match this to count as a proper name. */
  proper: RegExp;
  /** What may follow the head word (one-character heads also end words such as 山东, 思路, 河道). */
  next?: RegExp;
}

/**
 * Place heads take any stem that survives the trimming (their stems are
 * short proper names: 枣山路, 李村河); organization heads need a proper-name
 * marker in the stem (a place or institution name, Latin letters, digits),
 * since the plan also writes generic ones (创新中心, 重点实验室).
 */
const ORG_MARKER =
  /青岛|李沧|山东|中国|中科院|中法|法兰西|欧萨|新南威尔士|吉林|清华|同济|湖南|海洋|海军|丝路|兴华|中艺|世园|院士港|中子科学|氢能|邮政|工业遗产|[A-Za-z0-9]/;
/** After 山, 河: the end of the run, a separator word, or a head the name is the stem of (楼山片区, 李村河公园). */
const AFTER_NATURAL =
  /^(?:$|等|和|及|与|以北|两侧|下游|中游|上游|公园|森林公园|片区|老工业片区|河|山体|打通|街道|社区)/;
/** After 路: as after 山 and 河, and the schools and libraries named after roads (李沧路小学). */
const AFTER_ROAD = new RegExp(
  `${AFTER_NATURAL.source.replace(/\)$/, '')}|图书馆|小学|中学|学校|幼儿园)`,
);
export const PATTERNS: readonly Pattern[] = [
  { head: /街道/, type: 'place', minStem: 2, maxStem: 4, proper: /./ },
  { head: /社区/, type: 'place', minStem: 2, maxStem: 6, proper: /./ },
  { head: /森林公园|公园/, type: 'place', minStem: 2, maxStem: 4, proper: /./ },
  { head: /片区|商圈|街区|风景区/, type: 'place', minStem: 2, maxStem: 6, proper: /./ },
  { head: /路/, type: 'place', minStem: 2, maxStem: 4, proper: /./, next: AFTER_ROAD },
  { head: /山/, type: 'place', minStem: 1, maxStem: 3, proper: /./, next: AFTER_NATURAL },
  { head: /河/, type: 'place', minStem: 1, maxStem: 3, proper: /./, next: AFTER_NATURAL },
  {
    head: /中心|研究院|研究所|实验室|产业园|大学|学院|联盟|学会|基金/,
    type: 'organization',
    minStem: 2,
    maxStem: 16,
    proper: ORG_MARKER,
  },
];

/** Words that end a name on its left: verbs, prepositions, conjunctions and the like the plan puts before names. */
export const LEFT_WORDS: readonly string[] = [
  '依托',
  '保护',
  '加强',
  '串联',
  '完成',
  '推进',
  '实施',
  '开展',
  '拓展',
  '利用',
  '结合',
  '加快',
  '建设',
  '特别是',
  '促进',
  '发挥',
  '还原',
  '构筑',
  '实现',
  '打造',
  '新建',
  '改扩建',
  '推动',
  '支持',
  '融入',
  '挖掘',
  '探索',
  '借鉴',
  '引进',
  '设立',
  '布局',
  '争取',
  '授予',
  '对接',
  '发掘',
  '承接',
  '扩大',
  '完善',
  '提升',
  '优化',
  '整合',
  '培育',
  '建立',
  '建成',
  '创建',
  '组建',
  '共建',
  '启用',
  '落实',
  '深化',
  '加大',
  '抓好',
  '鼓励',
  '辐射',
  '治理',
  '纳入',
  '撬动',
  '下沉至',
  '以北',
  '以南',
  '以东',
  '以西',
  '省控',
  '市控',
  '国控',
  '其中',
  '同时',
  '以',
  '在',
  '与',
  '和',
  '及',
  '对',
  '至',
  '由',
  '为',
  '从',
  '于',
  '将',
  '沿',
  '的',
  '等',
  '了',
  '是',
  '并',
  '如',
  '向',
  '把',
  '使',
  '让',
  '被',
  '即',
  '或',
  '到',
  '进',
];
/** Head words that end a name on the left of another (…研究院习水路). 路, 山 and 河 do not: 虎山路, 李村河公园. */
const HEAD_BOUNDARIES = [
  '街道',
  '社区',
  '研究院',
  '中心',
  '实验室',
  '大学',
  '学院',
  '片区',
  '商圈',
  '公园',
];
const BOUNDARY = new RegExp(`(?:${[...LEFT_WORDS, ...HEAD_BOUNDARIES].join('|')})$`);
/** Trimmed off a stem's start but not boundaries inside one (青岛-亚马逊AWS联合创新中心). */
const LEADING_ONLY = [
  '联合',
  '积极',
  '充分',
  '全面',
  '大力',
  '重点',
  '有序',
  '逐步',
  '进一步',
  '高水平',
  '持续',
  '深入',
];
const LEADING = new RegExp(
  `^(?:${[...LEFT_WORDS, ...LEADING_ONLY].sort((a, b) => b.length - a.length).join('|')})`,
);

/**
 * The stem of a name whose head word starts at `at` in `run`: the text back
 * to the nearest boundary (the run's start, a word of `LEFT_WORDS`, another
 * head word), without leading `LEFT_WORDS`; null when it is empty or there is
 * no boundary within `maxStem` characters.
 */
export function stemBefore(run: string, at: number, maxStem: number): string | null {
  for (let j = at; j >= Math.max(0, at - maxStem); j -= 1) {
    if (j !== 0 && !BOUNDARY.test(run.slice(0, j))) continue;
    let stem = run.slice(j, at);
    for (let m = LEADING.exec(stem); m && m[0]; m = LEADING.exec(stem))
      stem = stem.slice(m[0].length);
    return stem || null;
  }
  return null;
}

const NAME_RUN = /[\p{Script=Han}A-Za-z0-9-]+/gu;

export function addPatterns(g: Gazetteer, fields: TextField[]): void {
  for (const { text, field } of fields) {
    if (field === 'name') continue;
    for (const run of text.matchAll(NAME_RUN)) {
      const s = run[0];
      for (const p of PATTERNS) {
        for (const h of s.matchAll(new RegExp(p.head.source, 'g'))) {
          const end = h.index + h[0].length;
          if (p.next && !p.next.test(s.slice(end))) continue;
          const stem = stemBefore(s, h.index, p.maxStem);
          if (!stem || [...stem].length < p.minStem || /^[0-9-]/.test(stem)) continue;
          if (p.type === 'place' && /[0-9]/.test(stem)) continue; // 全区10个片区
          if (!p.proper.test(stem)) continue;
          g.add(stem + h[0], p.type, 'pattern');
        }
      }
    }
  }
}
