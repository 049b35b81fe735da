/**
 * Entity type order and labels, shared by the entity pages (server side) and
 * the search UI (browser): no Node imports here.
 */
import type { EntityType } from './types.ts';

export const TYPE_ORDER: readonly EntityType[] = [
  'organization',
  'place',
  'project',
  'industry',
  'policy',
  'indicator',
];

export const TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  organization: '机构与平台',
  place: '地点',
  project: '项目',
  industry: '产业',
  policy: '政策用语',
  indicator: '指标',
};
