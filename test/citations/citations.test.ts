import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { buildPlan, readPlanInputs } from '../../scripts/build.ts';
import { cslText, todayIso, withAccessDate, type CiteFormat } from '../../src/model/cite-access.ts';
import { walk } from '../../src/model/tree.ts';
import { citePageFile, DEFAULT_SITE } from '../../src/model/urls.ts';
import {
  citationOf,
  latex,
  type CiteDocument,
  type CitePart,
} from '../../src/site/citation-formats.ts';
import {
  buildDate,
  citationFor,
  citeDocument,
  pageExportFiles,
  placesOf,
  toolsOf,
} from '../../src/site/citations.ts';
import { loadSitePlan } from '../../src/site/site-plan.ts';

/**
 * The citations of issue 8 §2, exactly: GB/T 7714-2015 for an online official document and for
 * a clause of it (the 析出文献 form), the in-text form, BibTeX, RIS and CSL-JSON; a plan with a
 * 文号 (李沧, 广州) and without one, dated by year only (南京) or by month (苏州); the reader's
 * access date put into each format; the exports parsed back by citation-js.
 */
const ACCESSED = '2026-12-01';
const licang = loadSitePlan('licang-14');
const nanjing = loadSitePlan('nanjing-15');
const LICANG_TITLE = '青岛市李沧区国民经济和社会发展第十四个五年规划和2035年远景目标纲要';
const NANJING_TITLE = '南京市国民经济和社会发展第十五个五年规划纲要';

describe('the document reference (GB/T 7714-2015, online official document)', () => {
  it('李沧: issuer, title: 文号[Z/OL], (date)[access date], URL — the issue’s example', () => {
    const c = citationFor(licang, 'plan', ACCESSED);
    expect(c.gbt).toBe(
      `李沧区人民政府. ${LICANG_TITLE}: 青李沧政发〔2021〕12号[Z/OL]. (2021-03-31)[2026-12-01]. ${DEFAULT_SITE}/licang-14/.`,
    );
    expect(c.inText).toBe('《李沧区“十四五”规划纲要》');
  });

  it('南京 (no 文号, dated 2026 only): no “: 文号”, the year as printed, no made-up day', () => {
    const c = citationFor(nanjing, 'plan', ACCESSED);
    expect(c.gbt).toBe(
      `南京市人民政府. ${NANJING_TITLE}[Z/OL]. (2026)[2026-12-01]. ${DEFAULT_SITE}/nanjing-15/.`,
    );
    expect(c.bibtex).toBe(
      [
        '@misc{nanjing15,',
        '\turldate = {2026-12-01},',
        '\tauthor = {{南京市人民政府}},',
        '\tdate = {2026},',
        '\tshorttitle = {南京“十五五”规划纲要},',
        `\ttitle = {${NANJING_TITLE}},`,
        `\turl = {${DEFAULT_SITE}/nanjing-15/},`,
        '\tmark = {Z},',
        '\tyear = {2026},',
        '}',
        '',
      ].join('\n'),
    );
    expect(c.ris).toBe(
      [
        'TY  - RPRT',
        'AU  - 南京市人民政府',
        'DA  - 2026///',
        'PY  - 2026',
        'ID  - nanjing-15',
        'LA  - zh-CN',
        'ST  - 南京“十五五”规划纲要',
        `TI  - ${NANJING_TITLE}`,
        `UR  - ${DEFAULT_SITE}/nanjing-15/`,
        'Y2  - 2026/12/1/',
        'ER  - ',
        '',
      ].join('\n'),
    );
    expect(c.csl).toEqual({
      id: 'nanjing-15',
      'citation-key': 'nanjing15',
      type: 'document',
      author: [{ literal: '南京市人民政府' }],
      title: NANJING_TITLE,
      'title-short': '南京“十五五”规划纲要',
      language: 'zh-CN',
      issued: { 'date-parts': [[2026]] },
      accessed: { 'date-parts': [[2026, 12, 1]] },
      URL: `${DEFAULT_SITE}/nanjing-15/`,
    });
  });

  it('苏州 (no 文号, dated 2026-04) and 广州 (a 十五五 plan with a 文号)', () => {
    expect(citationFor(loadSitePlan('suzhou-15'), 'plan', ACCESSED).gbt).toBe(
      `苏州市人民政府. 苏州市国民经济和社会发展第十五个五年规划纲要[Z/OL]. (2026-04)[2026-12-01]. ${DEFAULT_SITE}/suzhou-15/.`,
    );
    expect(citationFor(loadSitePlan('guangzhou-15'), 'plan', ACCESSED).gbt).toBe(
      `广州市人民政府. 广州市国民经济和社会发展第十五个五年规划纲要: 穗府〔2026〕4号[Z/OL]. (2026-05-21)[2026-12-01]. ${DEFAULT_SITE}/guangzhou-15/.`,
    );
  });
});

describe('a clause reference (GB/T 7714 析出文献: the part // the plan)', () => {
  it('李沧 7.1.1: issuer, 第七章第一节第1条, the ID, the measure’s title, the plan, 文号, URL', () => {
    const c = citationFor(licang, '7.1.1', ACCESSED);
    expect(c.gbt).toBe(
      `李沧区人民政府. 第七章第一节第1条 7.1.1 推进“山水园圈”工程[Z/OL]//李沧区人民政府. ${LICANG_TITLE}: 青李沧政发〔2021〕12号. (2021-03-31)[2026-12-01]. ${DEFAULT_SITE}/licang-14/7/1/#7.1.1.`,
    );
    expect(c.inText).toBe('《李沧区“十四五”规划纲要》第七章第一节第1条');
    expect(c.bibtex).toBe(
      [
        '@inbook{licang14_7_1_1,',
        '\turldate = {2026-12-01},',
        '\tauthor = {{李沧区人民政府}},',
        `\tbooktitle = {${LICANG_TITLE}},`,
        '\teditor = {{李沧区人民政府}},',
        '\tdate = {2021-03-31},',
        '\ttitle = {第七章第一节第1条 7.1.1 推进“山水园圈”工程},',
        `\turl = {${DEFAULT_SITE}/licang-14/7/1/#7.1.1},`,
        '\tnumber = {青李沧政发〔2021〕12号},',
        '\tmark = {Z},',
        '\tyear = {2021},',
        '}',
        '',
      ].join('\n'),
    );
    expect(c.ris).toBe(
      [
        'TY  - CHAP',
        'A2  - 李沧区人民政府',
        'AU  - 李沧区人民政府',
        'ID  - licang-14/7.1.1',
        'LA  - zh-CN',
        'PY  - 2021',
        `T2  - ${LICANG_TITLE}`,
        'TI  - 第七章第一节第1条 7.1.1 推进“山水园圈”工程',
        `UR  - ${DEFAULT_SITE}/licang-14/7/1/#7.1.1`,
        'Y2  - 2026/12/1/',
        'ER  - ',
        '',
      ].join('\n'),
    );
    expect(c.csl).toEqual({
      id: 'licang-14/7.1.1',
      'citation-key': 'licang14_7_1_1',
      type: 'document',
      author: [{ literal: '李沧区人民政府' }],
      title: '第七章第一节第1条 7.1.1 推进“山水园圈”工程',
      'container-author': [{ literal: '李沧区人民政府' }],
      'container-title': LICANG_TITLE,
      language: 'zh-CN',
      issued: { 'date-parts': [[2021, 3, 31]] },
      accessed: { 'date-parts': [[2026, 12, 1]] },
      URL: `${DEFAULT_SITE}/licang-14/7/1/#7.1.1`,
      note: `container-title: ${LICANG_TITLE}\ncontainer-author: 李沧区人民政府`,
    });
  });

  it('南京 4.2.1, a plan without 文号: the plan’s title alone after //', () => {
    const c = citationFor(nanjing, '4.2.1', ACCESSED);
    expect(c.gbt).toBe(
      `南京市人民政府. 第四章第二节第1条 4.2.1 人工智能（软件和信息服务）[Z/OL]//南京市人民政府. ${NANJING_TITLE}. (2026)[2026-12-01]. ${DEFAULT_SITE}/nanjing-15/4/2/#4.2.1.`,
    );
    expect(c.inText).toBe('《南京“十五五”规划纲要》第四章第二节第1条');
    expect(c.bibtex).not.toContain('number =');
  });

  it('every anchored kind: paragraphs, rows, items, targets, sub-parts, figures, notes, terms', () => {
    const ref = (slug: string, id: string) =>
      citationFor(loadSitePlan(slug), id, ACCESSED).gbt.split('[Z/OL]')[0];
    const inText = (slug: string, id: string) => citationFor(loadSitePlan(slug), id).inText;
    expect(ref('licang-14', '9.4.p1')).toBe('李沧区人民政府. 第九章第四节第1段 9.4.p1');
    // A measure's lead is its 第1段, so the paragraph after it is its 第2段.
    expect(ref('licang-14', '7.3.1.p1')).toBe('李沧区人民政府. 第七章第三节第1条第2段 7.3.1.p1');
    expect(ref('licang-14', 'T2.21')).toBe('李沧区人民政府. 表2第21项 T2.21 全区森林覆盖率');
    expect(ref('licang-14', 'B5.2')).toBe('李沧区人民政府. 专栏5第2项 B5.2 先进核能技术与材料');
    expect(ref('licang-14', '7.1.1.t1')).toBe(
      '李沧区人民政府. 第七章第一节第1条 7.1.1.t1 森林覆盖率达到16.5%',
    );
    expect(ref('licang-14', '4.1.1')).toBe(
      '李沧区人民政府. 第四章第一节（一） 4.1.1 智慧新能源交通',
    );
    expect(ref('licang-14', 'T1.note')).toBe('李沧区人民政府. 表1注 T1.note');
    expect(ref('guangzhou-15', 'G54')).toBe('广州市人民政府. 名词解释第54条 G54 广东强芯');
    expect(inText('licang-14', 'F1')).toBe('《李沧区“十四五”规划纲要》图1');
    expect(inText('nanjing-15', 'P7.p1')).toBe('《南京“十五五”规划纲要》第七篇第1段');
    // A measure directly in a chapter (南京 第三十七章 has no sections).
    expect(inText('nanjing-15', '37.2')).toBe('《南京“十五五”规划纲要》第三十七章第2条');
    // A target's URL is its row on /targets/.
    expect(citationFor(licang, '7.1.1.t1').csl.URL).toBe(
      `${DEFAULT_SITE}/licang-14/targets/#7.1.1.t1`,
    );
  });

  it('name the 篇 only when chapters restart in each 篇 (fixture chapters-restart)', () => {
    const i = readPlanInputs('chapters-restart-plain', 'test/fixtures/plans');
    const places = placesOf(buildPlan(i.bytes, i.file, i.meta).document);
    expect(places.get('P2.1.1.1')?.place).toBe('第二篇第一章第一节第1条');
    expect(places.get('P2.1')?.place).toBe('第二篇第一章');
    expect(places.get('P1')?.place).toBe('第一篇');
    // Chapters numbered through the plan: the chapter alone names the place.
    expect(placesOf(nanjing.document).get('4.2')?.place).toBe('第四章第二节');
  });

  it('covers everything with an ID in every plan, and its page’s export file lists it', () => {
    for (const slug of ['licang-14', 'nanjing-15', 'suzhou-15', 'guangzhou-15']) {
      const plan = loadSitePlan(slug);
      const places = placesOf(plan.document);
      const missing = [...walk(plan.document)]
        .map(({ node }) => node.id)
        .filter((id) => id !== 'plan' && !places.get(id)?.place);
      expect(missing, slug).toEqual([]);
      const listed = new Set([...pageExportFiles(plan).values()].flat());
      for (const id of [...places.keys(), ...plan.targets.map((t) => t.id), 'plan'])
        expect(listed.has(id), `${slug} ${id}`).toBe(true);
    }
    expect(toolsOf(licang, '7.1.1').exports).toBe('/licang-14/cite/pages/7.1.json');
    expect(toolsOf(licang, 'T2.21').exports).toBe('/licang-14/cite/pages/indicators.json');
    expect(citePageFile('/')).toBe('pages/home.json');
  });
});

describe('the reader’s access date', () => {
  const parts = ['plan', '7.1.1', 'T2.21', '9.4.p1', '7.1.1.t1'];
  it.each(['gbt', 'bibtex', 'ris', 'csl'] as CiteFormat[])(
    '%s: filling in a date gives what generating with it gives',
    (format) => {
      for (const id of parts) {
        const text = (accessed: string) => {
          const c = citationFor(licang, id, accessed);
          return format === 'csl' ? cslText([c.csl]) : c[format];
        };
        expect(withAccessDate(format, text('2026-12-01'), '2027-03-05')).toBe(text('2027-03-05'));
      }
    },
  );

  it('is the reader’s local day; the build’s is SOURCE_DATE_EPOCH when set', () => {
    expect(todayIso(new Date(2027, 0, 9, 23, 59))).toBe('2027-01-09');
    expect(buildDate({ SOURCE_DATE_EPOCH: '1764547200' })).toBe('2025-12-01');
    expect(buildDate({})).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe('the exports parse back (citation-js, as a reference manager reads them)', () => {
  const back = (text: string) => new Cite(text) as unknown as { data: Record<string, unknown>[] };

  it('BibTeX, RIS and CSL-JSON of the document and a clause keep title, author, date and URL', () => {
    for (const id of ['plan', '7.1.1']) {
      const c = citationFor(licang, id, ACCESSED);
      for (const text of [c.bibtex, c.ris, cslText([c.csl])]) {
        const [item] = back(text).data;
        expect(item?.title, text).toBe(c.csl.title);
        expect(item?.URL, text).toBe(c.csl.URL);
        expect(JSON.stringify(item?.author), text).toContain('李沧区人民政府');
        expect(item?.accessed, text).toEqual({ 'date-parts': [[2026, 12, 1]] });
        expect((item?.issued as { 'date-parts': number[][] })['date-parts'][0]![0], text).toBe(
          2021,
        );
      }
    }
  });

  it('escapes LaTeX’s specials in BibTeX, and they read back as written', () => {
    expect(latex('单位GDP能耗下降13.5% & R_D {x} #1 $ ^ ~ \\')).toBe(
      '单位GDP能耗下降13.5\\% \\& R\\_D \\{x\\} \\#1 \\$ \\textasciicircum{} \\textasciitilde{} \\textbackslash{}',
    );
    const doc: CiteDocument = {
      slug: 'x-1',
      key: 'x1',
      issuer: '某市人民政府',
      title: '某市规划',
      shortTitle: '某市规划',
      issued: '2026',
      url: 'https://plans.example.org/x-1/',
    };
    const part: CitePart = {
      id: '1.1.1',
      place: '第一章第一节第1条',
      title: '研发投入强度达到3.5% & R_D',
      url: 'https://plans.example.org/x-1/1/1/#1.1.1',
    };
    const c = citationOf(doc, part, ACCESSED);
    // (citation-js protects capitals from a style's case changes: {R}.)
    expect(c.bibtex).toContain(
      'title = {第一章第一节第1条 1.1.1 研发投入强度达到3.5\\% \\& {R}\\_D}',
    );
    expect(back(c.bibtex).data[0]?.title).toBe(
      '第一章第一节第1条 1.1.1 研发投入强度达到3.5% & R_D',
    );
    expect(c.gbt).toBe(
      '某市人民政府. 第一章第一节第1条 1.1.1 研发投入强度达到3.5% & R_D[Z/OL]//某市人民政府. 某市规划. (2026)[2026-12-01]. https://plans.example.org/x-1/1/1/#1.1.1.',
    );
  });
});

describe('the plan as a document', () => {
  it('takes issuer, title, short title, 文号, date and its home URL from the metadata', () => {
    expect(citeDocument(licang)).toEqual({
      slug: 'licang-14',
      key: 'licang14',
      issuer: '李沧区人民政府',
      title: LICANG_TITLE,
      shortTitle: '李沧区“十四五”规划纲要',
      number: '青李沧政发〔2021〕12号',
      issued: '2021-03-31',
      url: `${DEFAULT_SITE}/licang-14/`,
    });
    expect(citeDocument(nanjing).number).toBeUndefined();
  });
});
