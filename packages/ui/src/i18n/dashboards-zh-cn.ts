import type { dashboardsEn } from './dashboards-en';

/** 仪表盘的中文文案：日期筛选、指标卡、下钻。 */
export const dashboardsZhCN: Record<keyof typeof dashboardsEn, string> = {
  'dashboard.notFound': '应用中没有这个仪表盘',
  'dashboard.loadFailed': '仪表盘加载失败',
  'dashboard.refresh': '刷新',
  'dashboard.range.this_month': '本月',
  'dashboard.range.this_quarter': '本季度',
  'dashboard.range.this_year': '今年',
  'dashboard.range.year_to_date': '年初至今',
  'dashboard.range.last_30': '最近 30 天',
  'dashboard.range.last_90': '最近 90 天',
  'dashboard.range.all_time': '全部时间',
  'dashboard.range.custom': '自定义日期…',
  'dashboard.kpi.delta': '较上期 {delta}',
  'dashboard.kpi.deltaYear': '较去年同期 {delta}',
  'dashboard.kpi.noPrevious': '对比期无数据',
  'dashboard.kpi.target': '目标 {target}',
  'dashboard.drill.total': '共 {count} 条记录',
  'dashboard.drill.failed': '记录加载失败',
};
