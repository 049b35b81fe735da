import { describe, expect, it } from 'vitest';
import { PAGE_FOOTER } from '../../scripts/pipeline/reflow.ts';

/** The page numbers PDF text carries at the foot of its pages (scripts/pipeline/reflow.ts). */
describe('a page footer', () => {
  it.each([
    '— 14 —',
    '- 14 -',
    '—14—',
    '－ 3 －',
    '·14·',
    '• 7 •',
    '第 14 页',
    '第14页 共80页',
    '14 / 80',
  ])('%s is one', (line) => {
    expect(PAGE_FOOTER.test(line)).toBe(true);
  });

  it.each(['14', '2025', '— 2025年 —', '第14页的表格', '第一章', '14.5 / 20'])(
    '%s is none',
    (line) => {
      expect(PAGE_FOOTER.test(line)).toBe(false);
    },
  );
});
