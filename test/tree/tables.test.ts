import { describe, expect, it } from 'vitest';
import { indexById } from '../../src/model/tree.ts';
import type { IndicatorNode, TableNode } from '../../src/model/types.ts';
import { parseCell } from '../../scripts/pipeline/tables.ts';
import { realPlan } from '../support/real-plan.ts';

const byId = indexById(realPlan().document);
const row = (id: string) => byId.get(id) as IndicatorNode;
const table = (id: string) => byId.get(id) as TableNode;
const cell = (id: string, column: string) => row(id).cells.find((c) => c.column === column)!;

describe('indicator tables', () => {
  it('reads 表1 as 22 rows and 表2 as 21 rows, skipping the header repeated at the page break', () => {
    expect(table('T1').children.filter((c) => c.kind === 'indicator')).toHaveLength(22);
    expect(table('T2').children.filter((c) => c.kind === 'indicator')).toHaveLength(21);
    expect(table('T1').repeatedHeaders.map((h) => h.line)).toEqual([143]);
    expect(table('T2').repeatedHeaders.map((h) => h.line)).toEqual([240]);
  });

  it('attaches each table its 注', () => {
    expect(table('T1').children.at(-1)).toMatchObject({ kind: 'note', id: 'T1.note' });
    expect((table('T2').children.at(-1) as { text: string }).text).toBe(
      '注：①带*数据为市指标数据。 ②[]内为“十四五”时期5年累计数。',
    );
  });

  it('continues a blank 类别 from the row above, across the page break', () => {
    expect(row('T1.18').category).toBe('生态建设');
    expect(row('T2.12').category).toBe('民生福祉');
    expect(row('T2.21').category).toBe('绿色生态');
  });

  it('takes 表2 units from the parentheses at the end of the name', () => {
    expect(row('T2.2')).toMatchObject({ name: '全员劳动生产率', unit: '万元/人' });
    expect(row('T2.13')).toMatchObject({ name: '每千人口拥有执业（助理）医师数', unit: '人' });
    expect(row('T1.10')).toMatchObject({ name: '常住人口数量', unit: '万', attribute: '约束性' });
  });

  it('resolves the cells the PDF merged vertically and says where from', () => {
    expect(cell('T2.17', '年均')).toMatchObject({ text: '完成市下达任务', raw: '完成市 下达任务' });
    expect(cell('T2.18', '年均')).toMatchObject({
      text: '完成市下达任务',
      raw: '',
      mergedFrom: 'T2.17',
    });
    expect(cell('T2.19', '2025年')).toMatchObject({ text: '完成市下达任务' });
    expect(cell('T2.20', '2025年')).toMatchObject({
      text: '完成市下达任务',
      raw: '',
      mergedFrom: 'T2.19',
    });
  });

  it('parses values and turns the notes into flags', () => {
    expect(cell('T2.2', '2020年')).toMatchObject({ value: 20.6, cityLevel: true });
    expect(cell('T2.2', '2025年')).toMatchObject({ value: 25, cityLevel: true, approximate: true });
    expect(cell('T2.11', '年均')).toMatchObject({ value: 12, cumulative: true });
    expect(cell('T1.9', '十三五目标')).toMatchObject({ value: 70, comparator: '>' });
    expect(cell('T1.19', '2015')).toMatchObject({
      raw: '[ > 15.5 ]',
      value: 15.5,
      cumulative: true,
      comparator: '>',
    });
    expect(cell('T1.6', '十三五完成')).toMatchObject({ value: 20, approximate: true });
    expect(cell('T2.10', '年均')).toMatchObject({ text: '与GDP增速基本同步', value: null });
    expect(cell('T2.21', '2025年')).toMatchObject({ value: 16.5 });
    expect(cell('T2.21', '2020年')).toMatchObject({ text: '—', value: null });
  });

  it('parses a cell on its own', () => {
    expect(parseCell('x', '< 5 *', '<5*')).toMatchObject({
      value: 5,
      comparator: '<',
      cityLevel: true,
      cumulative: false,
    });
  });
});
