import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { createStudioStore } from '../../model/studio-store';
import { addDashboard, addWidget, placeWidget, removeDashboard, removeWidget, updateWidget, updateWidgetReport } from './dashboard-edits';
import { withDimension, withMeasure, withObject, withPeriod, withReportKeys, withSort } from './report-edits';
import { MEASURE_KINDS } from './report-kinds';

const app: AppDocument = {
  id: 'sales',
  label: { en: 'Sales' },
  objects: [
    {
      id: 'deal',
      label: { en: 'Deal' },
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'stage', type: 'select', label: { en: 'Stage' }, options: [{ value: 'won', label: { en: 'Won' } }] },
        { id: 'amount', type: 'currency', label: { en: 'Amount' } },
      ],
    },
    { id: 'visit', label: { en: 'Visit' }, fields: [{ id: 'note', type: 'text', label: { en: 'Note' } }] },
  ],
};
const title = { en: 'Deals', 'zh-CN': '商机' };

/** A document with one dashboard holding a bar chart at the top left and a KPI beside it. */
function board(): AppDocument {
  let d = addDashboard(app, 'team', { en: 'Team' });
  d = addWidget(d, 'team', 'bar', 'bar', title, { x: 0, y: 0 });
  return addWidget(d, 'team', 'kpi', 'kpi', title, { x: 12, y: 0 });
}
const widgets = (d: AppDocument) => d.dashboards?.[0]?.widgets ?? [];

describe('dashboard edits', () => {
  it('adds a dashboard with a menu entry, and widgets each with a starter report of their own', () => {
    const d = board();
    expect(d.navigation).toEqual([{ id: 'dashboard_team', dashboard: 'team' }]);
    expect(widgets(d).map((w) => [w.id, w.report, w.layout])).toEqual([
      ['bar', 'team_bar', { x: 0, y: 0, w: 12, h: 8 }],
      ['kpi', 'team_kpi', { x: 12, y: 0, w: 6, h: 4 }],
    ]);
    // A chart groups by the first select field; a KPI is one number.
    expect(d.reports?.find((r) => r.id === 'team_bar')).toMatchObject({ object: 'deal', dimensions: [{ id: 'group', field: 'stage' }] });
    expect(d.reports?.find((r) => r.id === 'team_kpi')?.dimensions).toBeUndefined();
  });

  it('drops a widget below the ones it would cover, and moves and resizes one within the grid', () => {
    let d = addWidget(board(), 'team', 'table', 'table', title, { x: 4, y: 2 });
    expect(widgets(d)[2]?.layout).toEqual({ x: 4, y: 8, w: 12, h: 8 });
    d = placeWidget(d, 'team', 'kpi', { x: 20, y: 0, w: 6, h: 4 });
    expect(widgets(d)[1]?.layout).toEqual({ x: 18, y: 0, w: 6, h: 4 });
    const same = placeWidget(d, 'team', 'kpi', { x: 18, y: 0, w: 6, h: 4 });
    expect(same).toBe(d);
  });

  it('removes a widget with its report, and a dashboard with its menu entry and reports', () => {
    const d = removeWidget(board(), 'team', 'bar');
    expect(widgets(d).map((w) => w.id)).toEqual(['kpi']);
    expect(d.reports?.map((r) => r.id)).toEqual(['team_kpi']);
    const gone = removeDashboard(board(), 'team');
    expect([gone.dashboards, gone.navigation, gone.reports]).toEqual([[], [], []]);
  });

  it('builds a report from the panel’s choices: group, measure, filter, period, sort and top N', () => {
    let d = updateWidgetReport(board(), 'team', 'bar', (r) => withMeasure(r, 'sum', 'amount'));
    d = updateWidgetReport(d, 'team', 'bar', (r) => withReportKeys(r, { where: 'amount > 1000', limit: 5, dateField: 'created_at' }));
    d = updateWidgetReport(d, 'team', 'bar', (r) => withPeriod(withSort(r, 'value', 'desc'), { range: 'last_n_days', days: 30 }));
    expect(d.reports?.find((r) => r.id === 'team_bar')).toEqual({
      id: 'team_bar',
      label: title,
      object: 'deal',
      dimensions: [{ id: 'group', field: 'stage' }],
      measures: [{ id: 'value', aggregate: 'sum', field: 'amount', label: { en: 'Count', 'zh-CN': '数量' } }],
      where: 'amount > 1000',
      limit: 5,
      dateField: 'created_at',
      dateRange: { range: 'last_n_days', days: 30 },
      sort: [{ by: 'value', direction: 'desc' }],
    });
    // Removing the group drops a sort on it; another object starts over as a count.
    const ungrouped = withDimension(withSort(d.reports![0]!, 'group', 'asc'), null);
    expect([ungrouped.dimensions, ungrouped.sort]).toEqual([undefined, undefined]);
    expect(withObject(d.reports![0]!, 'visit')).toEqual({
      id: 'team_bar',
      label: title,
      object: 'visit',
      measures: [{ id: 'value', aggregate: 'count', label: { en: 'Count', 'zh-CN': '数量' } }],
    });
    // No date field, no period.
    expect(withReportKeys(d.reports![0]!, { dateField: undefined }).dateRange).toBeUndefined();
  });

  it('undoes and redoes every step through the studio store', () => {
    const store = createStudioStore();
    store.getState().load('sales', app, 1, null);
    const { edit } = store.getState();
    edit((d) => addDashboard(d, 'team', { en: 'Team' }));
    edit((d) => addWidget(d, 'team', 'kpi', 'kpi', title, null));
    edit((d) => placeWidget(d, 'team', 'kpi', { x: 3, y: 1, w: 8, h: 4 }));
    edit((d) => updateWidget(d, 'team', 'kpi', { roles: ['manager'] }));
    expect(widgets(store.getState().document!)[0]).toMatchObject({ layout: { x: 3, y: 1, w: 8, h: 4 }, roles: ['manager'] });
    store.getState().undo();
    expect(widgets(store.getState().document!)[0]?.roles).toBeUndefined();
    store.getState().undo();
    expect(widgets(store.getState().document!)[0]?.layout).toEqual({ x: 0, y: 0, w: 6, h: 4 });
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().document).toBe(app);
    store.getState().redo();
    expect(store.getState().document?.dashboards?.[0]?.id).toBe('team');
  });

  it('offers the data-quality measures only where the object declares what they read, and shows the shares as percent', () => {
    const deal = app.objects[0]!;
    const kind = (aggregate: string) => MEASURE_KINDS.find((k) => k.aggregate === aggregate)!;
    expect(['completeness', 'dormant_rate', 'duplicate_count'].map((a) => kind(a).missing(deal))).toEqual([
      'dash.needs.keyFields',
      'dash.needs.dormancy',
      'dash.needs.matchRules',
    ]);
    const declared: typeof deal = {
      ...deal,
      quality: { keyFields: ['name', 'amount'], dormantAfterDays: 90 },
      matchRules: [{ id: 'same_name', kind: 'exact', fields: ['name'] }],
    };
    expect(['completeness', 'dormant_rate', 'duplicate_count', 'sum'].map((a) => kind(a).missing(declared))).toEqual([null, null, null, null]);

    const report = board().reports!.find((r) => r.id === 'team_kpi')!;
    const rate = withMeasure(report, 'dormant_rate', undefined, { percent: true });
    expect(rate.measures[0]).toMatchObject({ aggregate: 'dormant_rate', format: 'percent' });
    expect(rate.measures[0]).not.toHaveProperty('field');
    // Back to a sum: the percent the share brought goes, a currency the admin chose stays.
    expect(withMeasure(rate, 'sum', 'amount').measures[0]).not.toHaveProperty('format');
    const money = { ...report, measures: [{ ...report.measures[0]!, format: 'currency' as const }] };
    expect(withMeasure(money, 'sum', 'amount').measures[0]).toMatchObject({ format: 'currency' });
    // Average days counts from a second date; another aggregate drops it.
    const days = withMeasure(report, 'avg_days', 'updated_at', { from: 'created_at' });
    expect(days.measures[0]).toMatchObject({ aggregate: 'avg_days', field: 'updated_at', from: 'created_at' });
    expect(withMeasure(days, 'count', undefined).measures[0]).not.toHaveProperty('from');
  });
});
