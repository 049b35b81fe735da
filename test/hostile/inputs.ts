/**
 * Hostile and broken input for the build, by class (docs/pipeline.md,
 * "Limits"): each class makes a whole plan of about `size` bytes in one
 * source form, seeded so any case can be replayed, and says how it must end:
 * a correct build, or problems with the rules named (never a crash, never
 * internal-error). `normalPlan` is the yardstick: a well-formed plan of the
 * same size and form, built in the same process, against which the time of
 * a hostile one is judged as a ratio, never as an absolute time.
 */
import type { SourceForm } from '../../src/model/plan-meta.ts';
import { deriveForms } from '../fixtures/plans/derive.ts';
import { TEXT_TITLE } from '../support/plan-text.ts';
import { random } from '../support/real-plan.ts';

export const FORMS: readonly SourceForm[] = [
  'markdown-from-pdf',
  'markdown-from-html',
  'plain-text',
  'pdf-text',
];
const MARKDOWN: readonly SourceForm[] = ['markdown-from-pdf', 'markdown-from-html'];

export interface HostileClass {
  name: string;
  /** What it attacks, and what happened before it was fixed. */
  why: string;
  forms: readonly SourceForm[];
  /** The whole text, about `size` bytes. */
  make: (size: number, form: SourceForm, rng: () => number) => string | Uint8Array;
  /** The rules it may fail with (['*']: any but internal-error); [] means it must build. */
  rules: readonly string[];
}

const CN = '一二三四五六七八九';
/** 1 → 一, 23 → 二十三, 105 → 一百零五 (enough for the sizes here). */
function cn(n: number): string {
  if (n < 10) return CN[n - 1]!;
  if (n < 100)
    return `${n >= 20 ? CN[Math.floor(n / 10) - 1] : ''}十${n % 10 ? CN[(n % 10) - 1] : ''}`;
  const rest = n % 100;
  return `${CN[Math.floor(n / 100) - 1]}百${rest === 0 ? '' : rest < 10 ? `零${CN[rest - 1]}` : rest < 20 ? `一${cn(rest)}` : cn(rest)}`;
}

/** Sentences in the style of the real plans, for paragraphs of any length. */
const SENTENCES = [
  '坚持以推动高质量发展为主题，统筹发展和安全，加快构建新发展格局',
  '实施创新驱动发展战略，强化企业科技创新主体地位，推动科技成果转化',
  '到2030年，全社会研发经费投入强度达到3.5%，高新技术企业数量达到5000家',
  '深化要素市场化配置改革，完善产权保护制度，营造市场化法治化国际化营商环境',
  '推进城乡融合发展，完善基本公共服务体系，提高人民生活品质',
  '加强生态环境保护，持续改善空气质量，确保地表水优良比例稳定在90%以上',
];
const sentence = (rng: () => number) => SENTENCES[Math.floor(rng() * SENTENCES.length)]!;

/** A plain-text plan: title, then chapters of sections of lead paragraphs, until `size` bytes. */
function plainPlan(size: number, rng: () => number, body?: (chapter: number) => string): string {
  const out = [TEXT_TITLE, ''];
  let bytes = Buffer.byteLength(out.join('\n'));
  for (let c = 1; bytes < size && c <= 999; c++) {
    const chapter = [`第${cn(c)}章  推进重点领域改革${cn(c)}`, ''];
    for (let s = 1; s <= 3; s++) {
      chapter.push(`第${cn(s)}节  完善体制机制${cn(s)}`, '');
      for (let p = 0; p < 3; p++)
        chapter.push(`重点任务${cn(p + 1)}。${sentence(rng)}，${sentence(rng)}。`);
      chapter.push('');
    }
    if (body) chapter.push(body(c), '');
    out.push(...chapter);
    bytes += Buffer.byteLength(chapter.join('\n'));
  }
  return out.join('\n');
}

/** The same plan in `form` (derive.ts prints each form as its real plans do). */
function inForm(plain: string, form: SourceForm): string {
  return form === 'plain-text' ? plain : deriveForms(plain)[form];
}

/** A well-formed plan of about `size` bytes in `form`: the yardstick of the time bounds. */
export function normalPlan(size: number, form: SourceForm, seed = 1): string {
  return inForm(plainPlan(size, random(seed)), form);
}

/** A plan whose body is the title, one chapter heading, then `payload` (repeated units). */
function around(payload: string, form: SourceForm): string {
  const heading = form === 'markdown-from-pdf' ? '## 第一章 总则' : '第一章  总则';
  return `${TEXT_TITLE}\n\n${heading}\n\n${payload}\n`;
}

/** `unit` repeated to about `size` bytes, joined by `sep`. */
function fill(size: number, unit: (i: number) => string, sep = '\n\n'): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < size; i++) {
    const u = unit(i);
    parts.push(u);
    bytes += Buffer.byteLength(u) + sep.length;
  }
  return parts.join(sep);
}

export const CLASSES: readonly HostileClass[] = [
  {
    name: 'runs of blanks',
    why: 'a trailing-blank pattern rescanned each run: 64 KB of spaces took 19 s, 1 MB never ended',
    forms: FORMS,
    make: (size, form) =>
      around(
        fill(size, () => `发展${' '.repeat(9000)}x。`),
        form,
      ),
    // PDF text: lines 4,500 characters wide are the page's full width, so none ends a paragraph.
    rules: ['block-too-long'],
  },
  {
    name: 'a 目录 line ending in blanks',
    why: 'the page-number pattern backtracked exponentially: 26 blanks 0.5 s, 40 never',
    forms: FORMS,
    // (The same lines in every form: a 目录 line reads alike in all of them.)
    make: (size) =>
      `${TEXT_TITLE}\n\n目录\n\n${fill(size, (i) => `第${cn((i % 900) + 1)}章 总则 5${' '.repeat(60)}x`, '\n')}\n`,
    // The entries repeat after 第九百章, so the 目录 ends there and the body numbers its chapters twice.
    rules: ['chapter-number', 'toc-empty', 'body-missing', 'toc-chapter-missing'],
  },
  {
    name: '<b> without </b>',
    why: '<b>([\\s\\S]*?)<\\/b> rescanned the rest of the line from every <b>: 512 KB took 33.8 s',
    forms: MARKDOWN,
    make: (size, form) =>
      around(
        fill(size, () => `文${'<b>'.repeat(2000)}字。`),
        form,
      ),
    rules: ['html-unexpected', 'markup-limit'],
  },
  {
    name: 'LaTeX fragments',
    why: '\\s*\\$… started at every blank and [^}]* ran to the end of the line from every $a_{',
    forms: FORMS,
    make: (size, form) =>
      around(
        fill(size, (i) => (i % 2 ? `$${' '.repeat(5000)}x` : `${'$a_{'.repeat(1500)}。`)),
        form,
      ),
    rules: ['markup-limit', 'block-too-long'],
  },
  {
    name: 'runs of **a',
    why: 'remark-cjk-friendly is worse than linear in a paragraph\u2019s emphasis delimiters (128 KB: 15 s)',
    forms: MARKDOWN,
    make: (size, form) =>
      around(
        fill(size, () => '**a'.repeat(40)),
        form,
      ),
    rules: ['markup-limit', 'bold-lead-stop', 'bold-lead-unterminated'],
  },
  {
    name: 'nested *',
    why: '8,192 nested * on one line overflowed the stack in mdast-util-to-string',
    forms: MARKDOWN,
    make: (size, form) =>
      around(
        fill(size, () => `${'*'.repeat(4096)}a${'*'.repeat(4096)}`),
        form,
      ),
    rules: ['markup-limit', 'bold-lead-unterminated'],
  },
  {
    name: 'list markers - - -',
    why: 'remark nested a list per marker: 16 KB took 40 s and overflowed the stack, 40 KB never ended',
    forms: MARKDOWN,
    make: (size, form) =>
      around(
        fill(size, () => `${'- '.repeat(5000)}x`),
        form,
      ),
    rules: [],
  },
  {
    name: 'brackets and tags',
    why: 'link and HTML syntax rescanned from every [ and <',
    forms: MARKDOWN,
    make: (size, form) =>
      around(
        fill(size, (i) => (i % 2 ? '['.repeat(8000) : '<a'.repeat(4000))),
        form,
      ),
    rules: ['markup-limit', 'html-unexpected'],
  },
  {
    name: 'a paragraph with no end',
    why: 'hard-wrapped text with no 。 is one paragraph: a joined paragraph was rescanned on every line',
    forms: FORMS,
    make: (size, form) =>
      around(
        fill(
          size,
          () => '发展实体经济推进产业升级完善体制机制',
          form === 'pdf-text' ? '\n' : '\n\n',
        ),
        form,
      ),
    rules: ['block-too-long'],
  },
  {
    name: 'thousands of ◆ items',
    why: 'box items and notes were counted by refiltering every item (quadratic in a box)',
    forms: FORMS,
    make: (size, form) =>
      around(
        `专栏1  重点项目\n${fill(size, (i) => `◆ 项目${i}：建设内容${i}。`, form === 'plain-text' || form === 'pdf-text' ? '\n' : '\n')}`,
        form,
      ),
    rules: [],
  },
  {
    name: 'a long plan with every level',
    why: '100,000 blocks were spread into one push(), which overflows the call stack',
    forms: FORMS,
    make: (size, form, rng) => inForm(plainPlan(size, rng), form),
    rules: [],
  },
  {
    name: 'invisible and control characters',
    why: 'a NUL byte became U+FFFD with no repair recorded; PDF text kept them all',
    forms: FORMS,
    make: (size, form) =>
      around(
        fill(
          size,
          (i) => `发展\u0000实体\u200b经济\u00ad推进\u202e产业${i % 7 ? '' : '\u2028'}升级。`,
        ),
        form,
      ),
    rules: [],
  },
  {
    name: 'bytes that are not UTF-8',
    why: 'an overlong C0 AF or a surrogate ED A0 80 was reported as byte 0xundefined at the end of the file',
    forms: FORMS,
    make: (size, form) => {
      const text = Buffer.from(
        around(
          fill(size, () => '发展实体经济。'),
          form,
        ),
      );
      const bad = [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xe4, 0xb8]];
      const parts: Buffer[] = [];
      let at = 0;
      for (let k = 1; at < text.length; k++) {
        const next = Math.min(text.length, at + 997 * k);
        // Cut only at a line end, so the bad bytes stand between whole characters.
        const end = next >= text.length ? next : text.indexOf(0x0a, next) + 1 || text.length;
        parts.push(text.subarray(at, end), Buffer.from(bad[k % bad.length]!));
        at = end;
      }
      return Buffer.concat(parts);
    },
    rules: ['encoding'],
  },
  {
    name: 'lines ending in a lone CR',
    why: 'CR-only line endings were one line, reported as toc-missing',
    forms: FORMS,
    make: (size, form, rng) => inForm(plainPlan(size, rng), form).replace(/\n/g, '\r'),
    rules: [],
  },
  {
    name: 'numbering that never runs 1, 2, 3',
    why: 'thousands of problems: each is one line, all of them are reported',
    forms: FORMS,
    make: (size, form, rng) => inForm(plainPlan(size, rng), form).replace(/第二节/g, '第四节'),
    rules: ['section-number'],
  },
  {
    name: 'a long table',
    why: 'the tables stage reads a table in one pass over its lines',
    forms: ['plain-text', 'markdown-from-pdf'],
    make: (size, form) =>
      around(
        `表1  主要指标\n${form === 'plain-text' ? '序号  指标  2030年  属性' : '序号\t指标\t2030年\t属性'}\n${fill(
          size,
          (i) =>
            form === 'plain-text'
              ? `${i + 1}  地区生产总值年均增长（%）  5  预期性`
              : `${i + 1}\t地区生产总值年均增长（%）\t5\t预期性`,
          '\n',
        )}`,
        form,
      ),
    rules: [],
  },
  {
    name: 'random fragments',
    why: 'any mix of the above, and the characters and markers plans use, in seeded random order',
    forms: FORMS,
    // (The same fragments in every form: each form's layout reads them its own way.)
    make: (size, _form, rng) => {
      const pieces = [
        '第一章  ',
        '第二节',
        '一、',
        '（一）',
        '1.',
        '1.1 ',
        '专栏1',
        '表1',
        '注：',
        '◆',
        '——',
        '**',
        '*',
        '<b>',
        '</b>',
        '<div>',
        '$a_{',
        '[',
        '](',
        '&lt;',
        '\\',
        '`',
        '|',
        '\t',
        '   ',
        '\u3000',
        '。',
        '，',
        '目录',
        '名词解释',
        '附录',
        '…… 5',
        '— 3 —',
        '2035 年',
        ' and ',
        '\u200b',
        '\u0000',
        '\r',
        '\n',
        '\n\n',
        '发展',
        '经济',
        '123',
      ];
      let text = `${TEXT_TITLE}\n\n`;
      while (text.length < size / 2) text += pieces[Math.floor(rng() * pieces.length)];
      return text;
    },
    rules: ['*'],
  },
];

/** Every class in every form it applies to. */
export const CASES = CLASSES.flatMap((c) => c.forms.map((form) => ({ c, form })));
