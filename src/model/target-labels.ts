/**
 * The comparator vocabulary of targets (docs/entities.md, "Targets"), shared by the build, the
 * site and the downloads: each code's label as a page reads it, in English, and the words plans
 * print for it. No Node imports here.
 */
import type { TargetComparator } from './types.ts';

export const COMPARATORS: Readonly<
  Record<TargetComparator, { label: string; english: string; printed: readonly string[] }>
> = {
  '≥': {
    label: '不低于',
    english: 'at least',
    printed: ['达到', '达', '以上', '不低于', '不少于', '提高到', '提升至'],
  },
  '>': { label: '高于', english: 'more than', printed: ['超过', '超', '高于', '突破'] },
  '≤': {
    label: '不高于',
    english: 'at most',
    printed: ['以内', '以下', '不超过', '不高于', '控制在', '降至'],
  },
  '<': { label: '低于', english: 'less than', printed: ['低于', '少于'] },
  '≈': { label: '约', english: 'about', printed: ['左右', '约', '基本同步', '同步'] },
  range: { label: '区间', english: 'between', printed: ['300—500'] },
  '=': { label: '计划', english: 'the planned number', printed: ['新建幼儿园16所'] },
};

/** The comparators in the order a filter lists them. */
export const COMPARATOR_ORDER: readonly TargetComparator[] = [
  '≥',
  '>',
  '≈',
  '=',
  'range',
  '≤',
  '<',
];
