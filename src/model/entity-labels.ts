/**
 * Entity type order and labels, shared by the build (entities.json carries each entity's label),
 * the entity pages (server side) and the search UI (browser): no Node imports here. The types are
 * described in docs/entities.md ("Types").
 */
import type { EntityType } from './types.ts';

export const TYPE_ORDER: readonly EntityType[] = [
  'organization',
  'park',
  'facility',
  'place',
  'project',
  'product',
  'event',
  'industry',
  'policy',
  'indicator',
];

export const TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  organization: '机构',
  park: '园区与功能区',
  facility: '设施与平台',
  place: '地点',
  project: '项目与工程',
  product: '产品与品牌',
  event: '会展与活动',
  industry: '产业',
  policy: '政策用语',
  indicator: '指标',
};
