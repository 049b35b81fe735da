import { describe, expect, it } from 'vitest';
import { walk } from '../../src/model/tree.ts';
import { realPlan } from '../support/real-plan.ts';

/** Licang's counts; its outline is one of the corpus's golden files (test/corpus/outline.test.ts). */
describe('the plan outline', () => {
  const { document } = realPlan();
  const all = [...walk(document)].map((w) => w.node);
  const count = (kind: string) => all.filter((n) => n.kind === kind).length;

  it('has the counts the plan has', () => {
    expect({
      chapter: count('chapter'),
      section: count('section'),
      subpart: count('subpart'),
      measure: count('measure'),
      box: count('box'),
      boxItem: count('boxItem'),
      table: count('table'),
      indicator: count('indicator'),
    }).toEqual({
      chapter: 11,
      section: 38,
      subpart: 5,
      measure: 122,
      box: 8,
      boxItem: 30,
      table: 2,
      indicator: 43,
    });
  });

  it('splits measures into 110 bold-led and 12 dash-led, all dash-led in chapter 2 sections 2 and 3', () => {
    const measures = all.filter((n) => n.kind === 'measure');
    const dash = measures.filter((m) => m.style === 'dash');
    expect(measures.filter((m) => m.style === 'bold')).toHaveLength(110);
    expect(dash.map((m) => m.id)).toEqual([
      '2.2.1',
      '2.2.2',
      '2.2.3',
      '2.2.4',
      '2.2.5',
      '2.2.6',
      '2.3.1',
      '2.3.2',
      '2.3.3',
      '2.3.4',
      '2.3.5',
      '2.3.6',
    ]);
    // The first dash item is not bold in the source; its title still stops at the first 。
    expect(dash[0]!.title).toBe('坚持党的全面领导');
    expect(dash[1]!.title).toBe('坚持以人民为中心');
  });

  it('takes chapter and section titles from the body and agrees with the 目录 but for one recorded wording', () => {
    const chapters = all.filter((n) => n.kind === 'chapter');
    const tocChapters = document.toc.filter((e) => e.kind === 'chapter');
    expect(chapters.map((c) => c.title)).toEqual(
      tocChapters.map((e) => e.title.replace(/\s+/g, '')),
    );
    const sections = all.filter((n) => n.kind === 'section');
    const tocSections = document.toc.filter((e) => e.kind === 'section');
    const differing = sections.filter(
      (s, i) => s.title !== tocSections[i]!.title.replace(/\s+/g, ''),
    );
    expect(differing.map((s) => s.id)).toEqual(['1.3']);
    expect(document.tocDifferences).toEqual([
      { id: '1.3', toc: '到2035年远景目标', heading: '2035年远景目标', line: 171 },
    ]);
  });

  it('reads the header table as metadata', () => {
    expect(document.metadata).toMatchObject({
      title: '青岛市李沧区国民经济和社会发展第十四个五年规划和2035年远景目标纲要',
      issuer: '李沧区人民政府',
      date: '2021-03-31',
      documentNumber: '青李沧政发〔2021〕12号',
      consultingDepartment: '区发改局',
      consultingPhone: '0532-87637716',
    });
  });

  it('gives every node a unique ID and a citation that starts with the plan title', () => {
    const ids = all.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const node of all) expect(node.citation.startsWith(`《${document.title}》`)).toBe(true);
  });

  it('cites a measure by chapter, section and title, with nested quotes made single', () => {
    const measure = all.find((n) => n.id === '7.1.1')!;
    expect(measure.title).toBe('推进“山水园圈”工程');
    expect(measure.citation).toBe(
      '《青岛市李沧区国民经济和社会发展第十四个五年规划和2035年远景目标纲要》第七章第一节“推进‘山水园圈’工程”',
    );
    const inSubpart = all.find((n) => n.id === '4.1.1.1')!;
    expect(inSubpart.citation).toBe(
      '《青岛市李沧区国民经济和社会发展第十四个五年规划和2035年远景目标纲要》第四章第一节（一）“强化创新载体支撑作用”',
    );
  });
});
