import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../scripts/pipeline/errors.ts';
import { repair } from '../../scripts/pipeline/repair.ts';
import { indexById } from '../../src/model/tree.ts';
import type { MeasureNode, Repair } from '../../src/model/types.ts';
import { buildText, planAround } from '../support/plan-text.ts';
import { realPlan } from '../support/real-plan.ts';

const numbered = (lines: string[], first = 1) =>
  lines.map((text, i) => ({ text, line: first + i }));
const run = (lines: string[]) =>
  repair(numbered(lines), { pageBreaks: true }, new IssueCollector('fixture.md'));
const texts = (lines: string[]) =>
  run(lines)
    .lines.map((l) => l.text)
    .filter((t) => t !== '');

describe('repair: each repair on a small case taken from the plan', () => {
  it('paragraph-split-by-page-break: joins a paragraph cut mid-word, across blank lines', () => {
    const { lines, repairs } = run([
      '建成产业化载体336.9万平米，品牌价',
      '',
      '',
      '值超过 300 亿元。',
    ]);
    expect(lines.filter((l) => l.text)).toEqual([
      { text: '建成产业化载体336.9万平米，品牌价值超过300亿元。', line: 1, endLine: 4 },
    ]);
    expect(repairs.filter((r) => r.kind === 'page-break-join')).toEqual([
      {
        kind: 'page-break-join',
        line: 4,
        before: '9万平米，品牌价⏎值超过 300 ',
        after: '9万平米，品牌价值超过 300 ',
      },
    ]);
  });

  it('does not join a paragraph that ends a sentence, or a heading', () => {
    expect(texts(['实现土壤环境质量稳步提升。', '', '推进净土保卫战。'])).toHaveLength(2);
    expect(
      texts(['### 第三节 到 2035 年远景目标', '', '站在全面建成小康社会新的历史起点上']),
    ).toHaveLength(2);
  });

  it('joins after ；and ）, which the PDF also cut at page ends', () => {
    expect(texts(['分别比2015年降低40.7%、38.5%；', '', '土壤污染防治工作得到充分肯定。'])).toEqual(
      ['分别比2015年降低40.7%、38.5%；土壤污染防治工作得到充分肯定。'],
    );
  });

  it('bold-lead-ends-in-full-stop: <b> becomes ** so the lead parses as bold', () => {
    expect(texts(['◆\t<b>智能制造产业。</b> 引进物联网'])).toEqual([
      '◆ **智能制造产业。** 引进物联网',
    ]);
  });

  it('box-items-in-div: a run of <div> or <p> blocks becomes one paragraph each', () => {
    expect(texts(['<div>◆ 青岛国际院士论坛项目</div> <div>◆ 院士港研究院南延项目</div>'])).toEqual([
      '◆ 青岛国际院士论坛项目',
      '◆ 院士港研究院南延项目',
    ]);
    expect(texts(['<p>◆ 中学：新建枣山中学等</p>'])).toEqual(['◆ 中学：新建枣山中学等']);
  });

  it('turns LaTeX and <sub> into plain PM2.5', () => {
    expect(texts(['主要污染物 $PM_{2.5}$ 、 $PM_{10}$ 分别比2015年降低'])).toEqual([
      '主要污染物PM2.5、PM10分别比2015年降低',
    ]);
    expect(texts(['以细颗粒物(PM<sub>2.5</sub>)为重点'])).toEqual(['以细颗粒物（PM2.5）为重点']);
  });

  it('widens half-width punctuation in Chinese text, but not a ratio', () => {
    expect(texts(['民生改善压力加大,短板明显。结构由34.8:65.2调整为28.6:71.4。'])).toEqual([
      '民生改善压力加大，短板明显。结构由34.8:65.2调整为28.6:71.4。',
    ]);
  });

  it('drops spaces between Han and digits or Latin: 2035 年 = 2035年', () => {
    expect(texts(['到 2025 年，布局 5G 基站 805 处'])).toEqual(['到2025年，布局5G基站805处']);
  });

  it('puts 和 / 等 back where the conversion wrote English words', () => {
    const { lines, repairs } = run(['推进产业结构调整 and 产业升级，核事故应急管理 etc 环境特性']);
    expect(lines[0]!.text).toBe('推进产业结构调整和产业升级，核事故应急管理等环境特性');
    expect(repairs.map((r) => r.kind)).toEqual(['stray-word', 'stray-word']);
  });

  it('splits a 专栏 title from the item on the next line', () => {
    expect(texts(['专栏 6 科技创新领域重大项目', '<div>◆ 青岛国际院士论坛项目</div>'])).toEqual([
      '专栏6科技创新领域重大项目',
      '◆ 青岛国际院士论坛项目',
    ]);
  });

  it('leaves table lines as written for the tables stage', () => {
    expect(texts(['\t6\t海洋经济增加值占生产总值比重\t%\t预期性\t17.3\t22\t20 左右'])).toEqual([
      '\t6\t海洋经济增加值占生产总值比重\t%\t预期性\t17.3\t22\t20 左右',
    ]);
  });

  it('reports an HTML tag it has no repair for, on the decoded paragraph', () => {
    // A tag on one line, a tag split over two lines of one paragraph, a tag written with entities.
    for (const [body, line] of [
      ['文字<span>乙</span>。', 5],
      ['<img src=x\nonerror=alert(1)>文字。', 5],
      ['文字&lt;script&gt;alert(1)&lt;/script&gt;。', 5],
    ] as const) {
      const { issues } = buildText(
        planAround(`第一章 总则\n\n${body}`),
        'markdown-from-html',
        'fixture.md',
      );
      expect(issues, body).toMatchObject([{ line, rule: 'html-unexpected' }]);
    }
  });
});

describe('repair on the real plan', () => {
  const { document } = realPlan();
  const byId = indexById(document);
  const measure = (id: string) => byId.get(id) as MeasureNode;
  const kinds = (kind: Repair['kind']) => document.repairs.filter((r) => r.kind === kind);

  it('joins the page breaks the issue names, inside the right measures', () => {
    expect(measure('1.1.2').text).toContain('品牌价值超过300亿元');
    expect(measure('9.3.1').text).toContain('把保障人民健康放在优先发展的战略位置');
    expect(measure('9.4.1').text.endsWith('到2025年，人均预期寿命达83.65岁。')).toBe(true);
  });

  it('records every repair with its kind and source line', () => {
    expect(kinds('page-break-join').length).toBeGreaterThanOrEqual(60);
    expect(kinds('latex').map((r) => [r.line, r.after])).toEqual([
      [110, 'PM2.5'],
      [110, 'PM10'],
    ]);
    expect(kinds('stray-word').map((r) => r.line)).toEqual([442, 567, 704]);
    expect(kinds('merged-cell').map((r) => r.line)).toEqual([247, 249]);
    expect(kinds('repeated-table-header').map((r) => r.line)).toEqual([143, 240]);
    expect(new Set(kinds('html-tag').map((r) => r.line))).toEqual(new Set([368, 479, 563, 656]));
  });

  it('leaves no HTML, LaTeX or stray markdown in any text', () => {
    const json = JSON.stringify(document.children);
    expect(json).not.toMatch(/<\/?(b|div|p|sub)>/);
    expect(json).not.toMatch(/\$PM/);
    expect(json).not.toMatch(/\*\*/);
  });
});
