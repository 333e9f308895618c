/** English strings of dashboards: the date filter, KPI cards, drill-downs. */
export const dashboardsEn = {
  'dashboard.notFound': 'This dashboard is not in the app',
  'dashboard.loadFailed': 'The dashboard could not be loaded',
  'dashboard.refresh': 'Refresh',
  'dashboard.range.this_month': 'This month',
  'dashboard.range.this_quarter': 'This quarter',
  'dashboard.range.this_year': 'This year',
  'dashboard.range.year_to_date': 'Year to date',
  'dashboard.range.last_30': 'Last 30 days',
  'dashboard.range.last_90': 'Last 90 days',
  'dashboard.range.all_time': 'All time',
  'dashboard.range.custom': 'Dates…',
  'dashboard.kpi.delta': '{delta} vs the period before',
  'dashboard.kpi.noPrevious': 'Nothing in the period before',
  'dashboard.kpi.target': 'Target {target}',
  'dashboard.drill.total': '{count} records',
  'dashboard.drill.failed': 'The records could not be loaded',
} as const;
