import type { regionFilterEn } from './region-filter-en';

/** 列表按地区筛选（“地区 位于 广东省 / 深圳市”）的简体中文文字。与英文的键一一对应。 */
export const regionFilterZhCn: Record<keyof typeof regionFilterEn, string> = {
  'listView.op.within': '位于',
  'listView.filter.pickRegion': '省、市或区县',
};
