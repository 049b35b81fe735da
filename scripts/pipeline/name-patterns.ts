import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { EntityType } from '../../src/model/types.ts';
import type { Gazetteer, TextField } from './gazetteer.ts';

/**
 * Gazetteer source 6, `pattern` (docs/entities.md): names ending in a place or
 * organization head word (…路, …街道, …社区, …山, …河, …公园; …中心, …研究院,
 * …实验室, …大学…), each taken back to the nearest boundary word
 * (`stemBefore`). The word lists are the plan's own: review them with it.
 *
 * Most of its length is those word lists (PROVINCES, NATIONAL, PATTERNS,
 * LEFT_WORDS, HEAD_BOUNDARIES, LEADING_ONLY), kept next to the one scan that
 * reads them (addPatterns) so that an entry is reviewed with the rule it feeds.
 */

interface Pattern {
  head: RegExp;
  type: EntityType;
  /** Shortest and longest stem (characters before the head word) considered. */
  minStem: number;
  maxStem: number;
  /** Whether the stem must carry a proper-name marker (`NameContext.proper`). */
  proper: boolean;
  /** What may follow the head word (one-character heads also end words such as 山东, 思路, 河道). */
  next?: RegExp;
}

/**
 * What marks a stem as part of a proper name, in any plan: a province or national name, the
 * plan's own region (from its title: 南京市 → 南京), a place the plan names (紫金山 → 紫金山实验室),
 * a university, or Latin letters and digits (AWS, 5G). Plans also write generic names
 * (创新中心, 重点实验室, 产业园区): without a marker a stem is not a name.
 */
export const PROVINCES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
] as const;
const NATIONAL = [
  '中国',
  '中华',
  '国家',
  '中科院',
  '中国科学院',
  '中国工程院',
  '长三角',
  '粤港澳',
  '大湾区',
  '京津冀',
];

/** The words that mark a proper name in one plan (see PROVINCES). */
export interface NameContext {
  proper: (stem: string) => boolean;
  /** The stem without its markers: 国家医学 → 医学, 南京 → ''. */
  unmarked: (stem: string) => string;
}

let jieba: Jieba | undefined;
/** jieba with its general dictionary, loaded once (words and parts of speech). */
export function generalWords(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Parts of speech that end a name on its left: verbs, adverbs, prepositions, conjunctions, pronouns, numerals. */
const NOT_IN_NAME = new Set([
  'v',
  'vd',
  'd',
  'p',
  'c',
  'r',
  'm',
  'q',
  'u',
  'ul',
  'uj',
  'ud',
  'ug',
  'uz',
]);

/**
 * A stem without what precedes the name in its sentence: the words after the last verb, adverb,
 * preposition, conjunction, pronoun or numeral jieba reads in it (争创国家数字贸易示范区 →
 * 国家数字贸易; 发展各类基金 → ''). Verbal nouns (创新, 设计, 贸易) stay: they are in names.
 */
export function cleanStem(stem: string): string {
  if (!/\p{Script=Han}/u.test(stem)) return stem;
  const words = generalWords().tag(stem, false);
  let from = 0;
  words.forEach((w, i) => {
    if (NOT_IN_NAME.has(w.tag)) from = i + 1;
  });
  return words
    .slice(from)
    .map((w) => w.word)
    .join('');
}

/** The plan's region words from its title: 青岛市李沧区… → 青岛, 李沧; 广州市… → 广州. */
export function regionWords(title: string): string[] {
  const out: string[] = [];
  const head = /^(.+?)(?:国民经济|经济和社会|“|第)/.exec(title)?.[1] ?? '';
  for (const m of head.matchAll(/(\p{Script=Han}{2,3}?)(?:省|市|区|县|自治区|自治州)/gu))
    out.push(m[1]!);
  return out;
}

/** A context whose markers are the general ones, the plan's region words and `places`. */
export function nameContext(title: string, places: Iterable<string> = []): NameContext {
  const words = [...PROVINCES, ...NATIONAL, ...regionWords(title)];
  // Places whose head makes them names (玄武区, 紫金山, 李村河, 振华路街道), not 产业社区 or 城市片区.
  for (const p of places) {
    const stem = /^(.{2,4}?)(?:街道|区|县|山|河|湖)$/.exec(p)?.[1];
    if (stem) words.push(stem);
  }
  const alternatives = [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
  const marker = new RegExp(`${alternatives}|大学|[A-Za-z0-9]`);
  const markers = new RegExp(`${alternatives}|[A-Za-z0-9]+`, 'g');
  return { proper: (stem) => marker.test(stem), unmarked: (stem) => stem.replace(markers, '') };
}

/** After 山, 河: the end of the run, a separator word, or a head the name is the stem of (楼山片区, 李村河公园). */
const AFTER_NATURAL =
  /^(?:$|等|和|及|与|以北|两侧|下游|中游|上游|公园|森林公园|片区|老工业片区|河|山体|打通|街道|社区)/;
/** After 路: as after 山 and 河, and the schools and libraries named after roads (李沧路小学). */
const AFTER_ROAD = new RegExp(
  `${AFTER_NATURAL.source.replace(/\)$/, '')}|图书馆|小学|中学|学校|幼儿园)`,
);
/** Place heads first: organizations, parks and facilities may take a place as their marker. */
export const PATTERNS: readonly Pattern[] = [
  { head: /街道/, type: 'place', minStem: 2, maxStem: 4, proper: false },
  { head: /社区/, type: 'place', minStem: 2, maxStem: 6, proper: false },
  { head: /森林公园|公园/, type: 'place', minStem: 2, maxStem: 4, proper: false },
  { head: /片区|商圈|街区|风景区/, type: 'place', minStem: 2, maxStem: 6, proper: false },
  { head: /路/, type: 'place', minStem: 2, maxStem: 4, proper: false, next: AFTER_ROAD },
  { head: /山/, type: 'place', minStem: 1, maxStem: 3, proper: false, next: AFTER_NATURAL },
  { head: /河/, type: 'place', minStem: 1, maxStem: 3, proper: false, next: AFTER_NATURAL },
  {
    head: /中心|研究院|研究所|实验室|大学|学院|联盟|学会|基金|集团|银行/,
    type: 'organization',
    minStem: 2,
    maxStem: 16,
    proper: true,
  },
  {
    head: /产业园|科技园|园区|基地|示范区|试验区|先行区|功能区|创新区|合作区|集聚区|开发区|高新区|新区|自贸区/,
    type: 'park',
    minStem: 2,
    maxStem: 16,
    proper: true,
  },
  {
    head: /数据库|数据中心|科技馆|博物馆|图书馆|美术馆|体育馆|大剧院|大科学装置|机场|港区/,
    type: 'facility',
    minStem: 2,
    maxStem: 12,
    proper: true,
  },
  {
    head: /论坛|博览会|交易会|展览会|峰会|大会|音乐节|文化节|艺术节|电影节/,
    type: 'event',
    minStem: 2,
    maxStem: 12,
    proper: true,
  },
];

/** Words that end a name on its left: verbs, prepositions, conjunctions and the like the plan puts before names. */
export const LEFT_WORDS: readonly string[] = [
  '依托',
  '健全',
  '升级',
  '用好',
  '服务',
  '申报',
  '争创',
  '办好',
  '构建',
  '强化',
  '增强',
  '营造',
  '筹建',
  '运营',
  '组织',
  '引导',
  '形成',
  '擦亮',
  '打响',
  '做强',
  '做优',
  '做大',
  '壮大',
  '参加',
  '举办',
  '引入',
  '联动',
  '带动',
  '围绕',
  '面向',
  '聚焦',
  '支撑',
  '服务于',
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
  '产业园',
  '园区',
  '基地',
  '示范区',
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

/** Heads that a place's name alone makes a proper name: 南京大学, 禄口国际机场, 南京科技馆. */
const SELF_NAMED = /^(?:大学|学院|机场|科技馆|博物馆|图书馆|美术馆|体育馆|大剧院|银行|集团)$/;

/** Names found by the patterns, in the order found: places first, so later heads can use them. */
export function addPatterns(g: Gazetteer, fields: TextField[], title: string): void {
  const scan = (patterns: readonly Pattern[], context: NameContext) => {
    for (const { text, field } of fields) {
      if (field === 'name') continue;
      for (const run of text.matchAll(NAME_RUN)) {
        const s = run[0];
        // A whole quoted term is a slogan's wording, not a place (“绿水青山”).
        const quoted = text[run.index - 1] === '“' && text[run.index + s.length] === '”';
        for (const p of patterns) {
          for (const h of s.matchAll(new RegExp(p.head.source, 'g'))) {
            const end = h.index + h[0].length;
            if (p.next && !p.next.test(s.slice(end))) continue;
            const raw = stemBefore(s, h.index, p.maxStem);
            const stem = raw && p.proper ? cleanStem(raw) : raw;
            if (!stem || [...stem].length < p.minStem || /^[0-9-]/.test(stem)) continue;
            if (p.type === 'place' && /[0-9]/.test(stem)) continue; // 全区10个片区
            if (p.type === 'place' && (quoted || /[道型]$/.test(stem))) continue; // 海绵型道路
            if (p.proper && !context.proper(stem)) continue;
            // A marker and the head alone is a kind, not a name (国家实验室), but for the heads
            // a place's name makes proper (南京大学, 南京科技馆).
            if (p.proper && !context.unmarked(stem) && !SELF_NAMED.test(h[0])) continue;
            if (p.proper && /^国家级/.test(stem)) continue; // a level, not a name: 国家级开发区
            g.add(stem + h[0], p.type, 'pattern');
          }
        }
      }
    }
  };
  const places = PATTERNS.filter((p) => p.type === 'place');
  scan(places, nameContext(title));
  addDistricts(g, fields);
  const found = [...g.byName.values()].filter((c) => c.type === 'place').map((c) => c.name);
  scan(
    PATTERNS.filter((p) => p.type !== 'place'),
    nameContext(title, found),
  );
}

/**
 * Districts, counties and towns the plan lists (玄武区、秦淮区、建邺区…): a list of two or more
 * items, each a name of two or three characters and the same administrative head.
 */
export function addDistricts(g: Gazetteer, fields: TextField[]): void {
  const LIST = /(?:\p{Script=Han}{2,3}(区|县|市|镇)、)+\p{Script=Han}{2,3}(区|县|市|镇)/gu;
  for (const { text, field } of fields) {
    if (field === 'name') continue;
    for (const m of text.matchAll(LIST)) {
      const items = m[0].split('、');
      const heads = new Set(items.map((i) => i.slice(-1)));
      if (heads.size !== 1) continue;
      // The first item may carry a verb before the name (推动建邺区): keep its last three characters at most.
      const names = items.map((i, k) =>
        k === 0 ? i.slice(-4).replace(/^(?:推动|支持|推进|加快|在|和)/, '') : i,
      );
      // Names, not slogans (产业立市、制造强市, 教育强区) nor phrases (进园区、进景区): jieba reads
      // no verb, adjective or adverb in them.
      const plain = (n: string) => {
        const words = generalWords().tag(n, false);
        return (
          words.every((w) => !/^(?:v|vn|vd|a|ad|d|p|c|r|m)$/.test(w.tag)) &&
          words.some((w) => /^(?:ns|nr|nz)$/.test(w.tag)) // a place name jieba knows: 玄武区
        );
      };
      if (names.some((n) => /^(?:全|各|新|城|市|本)/.test(n) || [...n].length < 3 || !plain(n)))
        continue;
      for (const n of names) g.add(n, 'place', 'pattern');
    }
  }
}
