import type { AppDocument, DashboardDefinition, ReportDefinition } from '@tessera/schemas';

export const APP_ID = 'bench_dash';
export const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const OPEN_STAGES = ['lead', 'qualified', 'proposal', 'negotiation'];
/** The period the dashboard shows: 2026 in the app's zone (Asia/Shanghai), and the year before for the KPI's comparison. */
export const PERIOD = { from: '2026-01-01', to: '2027-01-01' } as const;
export const DEPARTMENT_COUNT = 12;
/** The manager's department tree: department 0 and its two sub-departments. */
export const MANAGER_TREE = [0, 1, 2];

const options = (values: readonly string[]) => values.map((value) => ({ value, label: { en: value } }));
const won = '[stage] = "won"';

const reports: ReportDefinition[] = [
  {
    id: 'funnel',
    label: { en: 'Funnel' },
    object: 'opportunity',
    dimensions: [{ id: 'stage', field: 'stage' }],
    measures: [{ id: 'deals', aggregate: 'count' }],
    filters: [{ field: 'stage', op: 'in', value: OPEN_STAGES }],
  },
  {
    id: 'revenue_by_month',
    label: { en: 'Revenue by month' },
    object: 'opportunity',
    dimensions: [{ id: 'month', field: 'closed_at', grain: 'month' }],
    measures: [{ id: 'revenue', aggregate: 'sum', field: 'amount' }],
    filters: [{ field: 'stage', op: 'eq', value: 'won' }],
    dateField: 'closed_at',
  },
  {
    id: 'win_rate_by_owner',
    label: { en: 'Win rate by owner' },
    object: 'opportunity',
    dimensions: [{ id: 'owner', field: 'owner_id' }],
    measures: [
      { id: 'won', aggregate: 'count', filter: won },
      { id: 'lost', aggregate: 'count', filter: '[stage] = "lost"' },
      { id: 'rate', aggregate: 'formula', formula: 'IF([won] + [lost] = 0, 0, [won] / ([won] + [lost]))' },
    ],
    filters: [{ field: 'stage', op: 'in', value: ['won', 'lost'] }],
    dateField: 'closed_at',
  },
  {
    id: 'cycle',
    label: { en: 'Average sales cycle' },
    object: 'opportunity',
    measures: [{ id: 'days', aggregate: 'avg', field: 'cycle_days' }],
    filters: [{ field: 'stage', op: 'eq', value: 'won' }],
    dateField: 'closed_at',
  },
  {
    id: 'pipeline_by_department',
    label: { en: 'Pipeline by department' },
    object: 'opportunity',
    dimensions: [{ id: 'department', field: 'department_id' }],
    measures: [{ id: 'amount', aggregate: 'sum', field: 'amount' }],
    filters: [{ field: 'stage', op: 'in', value: OPEN_STAGES }],
  },
  {
    id: 'top_reps',
    label: { en: 'Top 10' },
    object: 'opportunity',
    dimensions: [{ id: 'owner', field: 'owner_id' }],
    measures: [{ id: 'revenue', aggregate: 'sum', field: 'amount' }],
    filters: [{ field: 'stage', op: 'eq', value: 'won' }],
    dateField: 'closed_at',
    sort: [{ by: 'revenue', direction: 'desc' }],
    limit: 10,
  },
  {
    id: 'completeness',
    label: { en: 'Data completeness' },
    object: 'customer',
    measures: [
      { id: 'customers', aggregate: 'count' },
      { id: 'complete', aggregate: 'count', filter: 'AND(NOT(ISBLANK([phone])), NOT(ISBLANK([email])), NOT(ISBLANK([industry])))' },
      { id: 'share', aggregate: 'formula', formula: 'IF([customers] = 0, 0, [complete] / [customers])' },
    ],
  },
  {
    id: 'revenue',
    label: { en: 'Revenue' },
    object: 'opportunity',
    measures: [{ id: 'revenue', aggregate: 'sum', field: 'amount' }],
    filters: [{ field: 'stage', op: 'eq', value: 'won' }],
    dateField: 'closed_at',
  },
];

export const dashboard: DashboardDefinition = {
  id: 'b3',
  label: { en: 'B3' },
  dateRange: PERIOD,
  widgets: [
    { id: 'funnel', kind: 'funnel', report: 'funnel' },
    { id: 'revenue_by_month', kind: 'line', report: 'revenue_by_month' },
    { id: 'win_rate', kind: 'bar', report: 'win_rate_by_owner', measure: 'rate' },
    { id: 'cycle', kind: 'kpi', report: 'cycle' },
    { id: 'pipeline', kind: 'bar', report: 'pipeline_by_department' },
    { id: 'top10', kind: 'leaderboard', report: 'top_reps' },
    { id: 'completeness', kind: 'kpi', report: 'completeness', measure: 'share' },
    { id: 'target', kind: 'kpi', report: 'revenue', compare: 'previous_period', target: 1e9 },
  ],
};

/** Opportunities and customers as B3 describes them, the 8-widget dashboard, and a sales manager role (department tree). */
export function dashboardApp(): AppDocument {
  return {
    id: APP_ID,
    label: { en: 'B3' },
    timeZone: 'Asia/Shanghai',
    objects: [
      {
        id: 'customer',
        label: { en: 'Customer' },
        displayField: 'name',
        fields: [
          { id: 'name', type: 'text', label: { en: 'Name' } },
          { id: 'phone', type: 'text', label: { en: 'Phone' } },
          { id: 'email', type: 'email', label: { en: 'Email' } },
          { id: 'industry', type: 'select', label: { en: 'Industry' }, options: options(['software', 'retail', 'energy']) },
        ],
      },
      {
        id: 'opportunity',
        label: { en: 'Opportunity' },
        displayField: 'name',
        fields: [
          { id: 'name', type: 'text', label: { en: 'Name' } },
          { id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' },
          { id: 'stage', type: 'select', label: { en: 'Stage' }, options: options(STAGES) },
          { id: 'amount', type: 'currency', label: { en: 'Amount' } },
          { id: 'closed_at', type: 'datetime', label: { en: 'Closed at' } },
          { id: 'cycle_days', type: 'number', label: { en: 'Cycle days' } },
        ],
      },
    ],
    roles: [
      {
        id: 'sales_manager',
        label: { en: 'Sales manager' },
        permissions: [
          { object: 'opportunity', actions: ['read'], rows: 'department_tree' },
          { object: 'customer', actions: ['read'], rows: 'department_tree' },
        ],
      },
    ],
    reports,
    dashboards: [dashboard],
  };
}
