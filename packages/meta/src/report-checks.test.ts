import type { AppDocument, DashboardDefinition, ReportDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { localizeIssues } from './issue';
import { validateDocument } from './validate-document';

const base: AppDocument = {
  id: 'sales',
  label: { en: 'Sales' },
  objects: [
    {
      id: 'deal',
      label: { en: 'Deal' },
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        {
          id: 'stage',
          type: 'select',
          label: { en: 'Stage' },
          options: [
            { value: 'won', label: { en: 'Won' } },
            { value: 'lost', label: { en: 'Lost' } },
          ],
        },
        { id: 'amount', type: 'currency', label: { en: 'Amount' } },
        { id: 'closed_on', type: 'date', label: { en: 'Closed on' } },
        { id: 'notes', type: 'rich_text', label: { en: 'Notes' } },
      ],
    },
  ],
};

const winRate: ReportDefinition = {
  id: 'win_rate',
  label: { en: 'Win rate' },
  object: 'deal',
  dimensions: [
    { id: 'owner', field: 'owner_id' },
    { id: 'month', field: 'closed_on', grain: 'month' },
  ],
  measures: [
    { id: 'won', aggregate: 'count', filter: '[stage] = "won"' },
    { id: 'lost', aggregate: 'count', filter: '[stage] = "lost"' },
    { id: 'rate', aggregate: 'formula', formula: 'IF([won] + [lost] = 0, 0, [won] / ([won] + [lost]))', format: 'percent' },
    { id: 'revenue', aggregate: 'sum', field: 'amount' },
  ],
  filters: [{ field: 'stage', op: 'in', value: ['won', 'lost'] }],
  dateField: 'closed_on',
  dateRange: { range: 'this_year' },
  sort: [{ by: 'rate', direction: 'desc' }],
  limit: 10,
};

const issuesOf = (document: Partial<AppDocument>) => {
  const verdict = validateDocument({ ...base, ...document });
  return verdict.ok ? [] : verdict.issues.map((i) => `${i.pointer} ${i.code}`);
};

describe('report checks', () => {
  it('accept a win-rate report by owner and month with a dashboard showing it', () => {
    const dashboard: DashboardDefinition = {
      id: 'sales',
      label: { en: 'Sales' },
      widgets: [{ id: 'rate', kind: 'kpi', report: 'win_rate', measure: 'rate', compare: 'previous_period' }],
    };
    expect(issuesOf({ reports: [winRate], dashboards: [dashboard] })).toEqual([]);
  });

  it('point at unknown fields, missing or misplaced grains, and aggregates that do not fit the field', () => {
    const report: ReportDefinition = {
      ...winRate,
      dimensions: [
        { id: 'stage', field: 'stage', grain: 'month' },
        { id: 'closed', field: 'closed_on' },
      ],
      measures: [
        { id: 'total', aggregate: 'sum', field: 'name' },
        { id: 'notes', aggregate: 'count', field: 'notes' },
        { id: 'avg', aggregate: 'avg' },
      ],
      filters: [{ field: 'nope', op: 'eq', value: 1 }],
      sort: [{ by: 'rate' }],
    };
    expect(issuesOf({ reports: [report] })).toEqual([
      '/reports/0/dimensions/0/grain meta.report_grain_not_date',
      '/reports/0/dimensions/1/grain meta.report_grain_missing',
      '/reports/0/measures/0/aggregate meta.report_aggregate_type',
      '/reports/0/measures/1/field meta.report_field',
      '/reports/0/measures/2 schema.required',
      '/reports/0/filters/0/field meta.report_field',
      '/reports/0/sort/0/by meta.report_unknown_ref',
    ]);
  });

  it('hold formulas to their kind: a measure filter is yes/no, a formula measure reads other measures and gives a number', () => {
    const report: ReportDefinition = {
      ...winRate,
      measures: [
        { id: 'won', aggregate: 'count', filter: '[amount] + 1' },
        { id: 'rate', aggregate: 'formula', formula: '[won] / [amount]' },
      ],
      sort: [],
    };
    const verdict = validateDocument({ ...base, reports: [report] });
    expect(verdict.ok).toBe(false);
    const issues = verdict.ok ? [] : localizeIssues(verdict.issues, 'zh-CN');
    expect(issues.map((i) => `${i.pointer} ${i.code}`)).toEqual([
      '/reports/0/measures/0/filter meta.flow_formula_type',
      '/reports/0/measures/1/formula expr.unknown_field',
    ]);
    expect(issues[0]!.message).toContain('boolean');
  });

  it('refuse dates that are not in the calendar, and ranges that end before they start', () => {
    expect(issuesOf({ reports: [{ ...winRate, dateRange: { from: '2026-02-30', to: '2026-13-01' } }] })).toEqual([
      '/reports/0/dateRange/from meta.report_date_invalid',
      '/reports/0/dateRange/to meta.report_date_invalid',
    ]);
    expect(issuesOf({ reports: [{ ...winRate, dateRange: { from: '2026-03-01', to: '2026-02-01' } }] })).toEqual([
      '/reports/0/dateRange/to meta.report_range_order',
    ]);
  });

  it('check that a widget shows a report and measure that exist, and compares periods only over a date field', () => {
    const { dateField: _d, dateRange: _r, ...undated } = winRate;
    const dashboard: DashboardDefinition = {
      id: 'sales',
      label: { en: 'Sales' },
      widgets: [
        { id: 'a', kind: 'bar', report: 'missing' },
        { id: 'a', kind: 'kpi', report: 'win_rate', measure: 'nope', compare: 'previous_period' },
      ],
    };
    expect(issuesOf({ reports: [undated], dashboards: [dashboard] })).toEqual([
      '/dashboards/0/widgets/0/report meta.report_unknown_ref',
      '/dashboards/0/widgets/1/id meta.duplicate_id',
      '/dashboards/0/widgets/1/measure meta.report_unknown_ref',
      '/dashboards/0/widgets/1/compare meta.report_compare_needs_date',
    ]);
  });

  it('check what a gauge, a pivot table and a note each need', () => {
    const oneDimension: ReportDefinition = { ...winRate, id: 'by_owner', dimensions: [{ id: 'owner', field: 'owner_id' }] };
    const dashboard: DashboardDefinition = {
      id: 'sales',
      label: { en: 'Sales' },
      widgets: [
        { id: 'pivot_ok', kind: 'pivot', report: 'win_rate' },
        { id: 'pivot_flat', kind: 'pivot', report: 'by_owner' },
        { id: 'gauge_ok', kind: 'gauge', report: 'win_rate', target: 50 },
        { id: 'gauge_endless', kind: 'gauge', report: 'win_rate' },
        { id: 'note_ok', kind: 'note', text: { en: '<p>Read me</p>' } },
        { id: 'note_empty', kind: 'note', text: { en: '  ' } },
        { id: 'bar_bare', kind: 'bar' },
      ],
    };
    expect(issuesOf({ reports: [winRate, oneDimension], dashboards: [dashboard] })).toEqual([
      '/dashboards/0/widgets/1/report meta.widget_pivot_dimensions',
      '/dashboards/0/widgets/3/max meta.widget_gauge_max',
      '/dashboards/0/widgets/5/text meta.widget_note_text',
      '/dashboards/0/widgets/6/report schema.required',
    ]);
  });

  it('name only roles the app has in a dashboard’s and a widget’s audience', () => {
    const dashboard: DashboardDefinition = {
      id: 'sales',
      label: { en: 'Sales' },
      roles: ['rep', 'ghost'],
      widgets: [{ id: 'a', kind: 'kpi', report: 'win_rate', roles: ['rep', 'nobody'] }],
    };
    const roles = [{ id: 'rep', label: { en: 'Rep' }, permissions: [] }];
    expect(issuesOf({ roles, reports: [winRate], dashboards: [dashboard] })).toEqual([
      '/dashboards/0/roles/1 meta.report_unknown_ref',
      '/dashboards/0/widgets/0/roles/1 meta.report_unknown_ref',
    ]);
  });

  it('follow relation paths and joins, and check number buckets', () => {
    const objects: AppDocument['objects'] = [
      ...base.objects.map((o) => ({
        ...o,
        fields: [...o.fields, { id: 'customer', type: 'relation' as const, target: 'customer', label: { en: 'Customer' } }],
      })),
      {
        id: 'customer',
        label: { en: 'Customer' },
        fields: [
          { id: 'name', type: 'text', label: { en: 'Name' } },
          { id: 'employees', type: 'number', label: { en: 'Employees' } },
        ],
      },
    ];
    const byCustomer: ReportDefinition = {
      id: 'by_customer',
      label: { en: 'By customer' },
      object: 'customer',
      joins: [{ id: 'deals', object: 'deal', via: 'customer' }],
      dimensions: [{ id: 'size', field: 'employees', bucket: { edges: [0, 100, 1000] } }],
      measures: [
        { id: 'customers', aggregate: 'count' },
        { id: 'median', aggregate: 'median', field: 'amount', join: 'deals' },
      ],
    };
    const byIndustry: ReportDefinition = {
      id: 'by_name',
      label: { en: 'By customer name' },
      object: 'deal',
      dimensions: [{ id: 'customer_name', field: 'customer.name' }],
      measures: [{ id: 'deals', aggregate: 'count' }],
      filters: [{ field: 'customer.employees', op: 'gte', value: 10 }],
    };
    expect(issuesOf({ objects, reports: [byCustomer, byIndustry] })).toEqual([]);
    const wrong: ReportDefinition = {
      ...byCustomer,
      joins: [
        { id: 'deals', object: 'deal', via: 'name' },
        { id: 'again', object: 'customer', via: 'name' },
      ],
      dimensions: [
        { id: 'size', field: 'name', bucket: { width: 10 } },
        { id: 'band', field: 'employees', bucket: { edges: [10, 5] } },
      ],
      filters: [{ field: 'employees.name', op: 'eq', value: 'x' }],
    };
    expect(issuesOf({ objects, reports: [wrong] })).toEqual([
      '/reports/0/joins/0/via meta.report_join_via',
      '/reports/0/joins/1/object meta.report_join_repeat',
      '/reports/0/dimensions/0/bucket meta.report_bucket',
      '/reports/0/dimensions/1/bucket meta.report_bucket',
      '/reports/0/measures/1/join meta.report_unknown_ref',
      '/reports/0/filters/0/field meta.report_field',
    ]);
  });
});
