import { fullAccess } from '@tessera/access';
import type { DashboardDefinition, ReportDefinition } from '@tessera/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService, type ReportService } from './report-service';
import { createSalesTeam, type SalesTeam, salesApp } from './test-app';

const winRate: ReportDefinition = {
  id: 'win_rate',
  label: { en: 'Win rate' },
  object: 'deal',
  measures: [
    { id: 'won', aggregate: 'count', filter: '[stage] = "won"' },
    { id: 'lost', aggregate: 'count', filter: '[stage] = "lost"' },
    { id: 'rate', aggregate: 'formula', formula: 'IF([won] + [lost] = 0, 0, [won] / ([won] + [lost]))', format: 'percent' },
    { id: 'revenue', aggregate: 'sum', field: 'amount', filter: '[stage] = "won"' },
  ],
  dateField: 'closed_at',
};
const byMonth: ReportDefinition = {
  id: 'revenue_by_month',
  label: { en: 'Revenue by month' },
  object: 'deal',
  dimensions: [{ id: 'month', field: 'closed_at', grain: 'month' }],
  measures: [{ id: 'revenue', aggregate: 'sum', field: 'amount' }],
  filters: [{ field: 'stage', op: 'eq', value: 'won' }],
  dateField: 'closed_at',
};
const byStageAndOwner: ReportDefinition = {
  id: 'pipeline',
  label: { en: 'Pipeline' },
  object: 'deal',
  dimensions: [
    { id: 'stage', field: 'stage' },
    { id: 'owner', field: 'owner_id' },
  ],
  measures: [
    { id: 'deals', aggregate: 'count' },
    { id: 'amount', aggregate: 'sum', field: 'amount' },
  ],
};
const margins: ReportDefinition = { id: 'margins', label: { en: 'Margins' }, object: 'deal', measures: [{ id: 'margin', aggregate: 'sum', field: 'margin' }] };
const dashboard: DashboardDefinition = {
  id: 'sales',
  label: { en: 'Sales' },
  dateRange: { from: '2026-10-01', to: '2027-01-01' },
  widgets: [
    { id: 'rate', kind: 'kpi', report: 'win_rate', measure: 'rate' },
    { id: 'revenue', kind: 'kpi', report: 'win_rate', measure: 'revenue' },
    { id: 'months', kind: 'bar', report: 'revenue_by_month' },
    { id: 'margin', kind: 'kpi', report: 'margins' },
  ],
};

let team: SalesTeam;
let reports: ReportService;

beforeAll(async () => {
  team = await createSalesTeam({ ...salesApp, reports: [winRate, byMonth, byStageAndOwner, margins], dashboards: [dashboard] });
  reports = createReportService(team.records);
  // 2026-10-31 17:00 UTC is 1 November, 01:00 in Shanghai: November's revenue there.
  await team.deal('rep1', { name: 'a', stage: 'won', amount: 100, margin: 10, closed_at: '2026-10-31T17:00:00Z' });
  await team.deal('rep1', { name: 'b', stage: 'lost', amount: 50, margin: 5, closed_at: '2026-11-10T02:00:00Z' });
  await team.deal('rep1', { name: 'c', stage: 'lead', amount: 30 });
  await team.deal('rep2', { name: 'd', stage: 'won', amount: 200, margin: 20, closed_at: '2026-10-15T02:00:00Z' });
  await team.deal('rep2', { name: 'e', stage: 'won', amount: 10, margin: 1, closed_at: '2026-11-20T02:00:00Z' });
  await team.deal('rep3', { name: 'f', stage: 'won', amount: 1000, margin: 100, closed_at: '2026-11-05T02:00:00Z' });
  await team.deal('rep3', { name: 'g', stage: 'lead', amount: 7 });
  await team.events.drain();
});
afterAll(async () => team?.close());

const kpi = (data: Awaited<ReturnType<ReportService['dashboard']>>, id: string, measure: string) => {
  const widget = data.widgets.find((w) => w.id === id);
  return widget?.status === 'ok' ? widget.result.rows[0]?.values[measure] : widget?.status === 'error' ? widget.code : widget?.status;
};

describe('a dashboard under each viewer’s access', () => {
  it('gives a rep, a manager and a director exactly the totals of the deals each may see', async () => {
    const totals = async (who: keyof SalesTeam['people']) => {
      const data = await reports.dashboard('sales', team.people[who].policy, 'sales');
      return { rate: kpi(data, 'rate', 'rate'), revenue: kpi(data, 'revenue', 'revenue'), margin: kpi(data, 'margin', 'margin') };
    };
    // The rep's role hides margins: that widget is refused, never summed over a field they may not see.
    expect(await totals('rep1')).toEqual({ rate: 0.5, revenue: 100, margin: 'report.field_hidden' });
    expect(await totals('manager')).toEqual({ rate: 0.75, revenue: 310, margin: 36 });
    expect(await totals('director')).toEqual({ rate: 0.8, revenue: 1310, margin: 136 });
  });

  it('buckets dates by month in the app’s time zone, and drills down to exactly the records behind a bar', async () => {
    const data = await reports.dashboard('sales', team.people.manager.policy, 'sales');
    const months = data.widgets.find((w) => w.id === 'months');
    if (months?.status !== 'ok') throw new Error('months failed');
    expect(months.result.rows.map((r) => [r.keys.month?.value, r.values.revenue])).toEqual([
      ['2026-10-01', 200],
      ['2026-11-01', 110],
    ]);
    const november = months.result.rows[1]!.drill;
    const listed = await team.records.list('sales', 'deal', team.people.manager.policy, { filters: november.filters, where: november.where, limit: 100 });
    expect(listed.items.map((r) => r.name).sort()).toEqual(['a', 'e']);
  });

  it('names people and orders select options as defined; a drill-down of a measure with a filter lists only what it counted', async () => {
    const result = await reports.run('sales', team.people.director.policy, 'pipeline');
    expect(result.rows.map((r) => [r.keys.stage?.value, r.keys.owner?.label, r.values.deals, r.values.amount])).toEqual([
      ['lead', '王芳', 1, 7],
      ['lead', '陈静', 1, 30],
      ['won', '李强', 2, 210],
      ['won', '王芳', 1, 1000],
      ['won', '陈静', 1, 100],
      ['lost', '陈静', 1, 50],
    ]);
    expect(result.rows[0]!.keys.stage?.label).toEqual({ en: 'Lead', 'zh-CN': '线索' });
    const won = await reports.run('sales', team.people.director.policy, 'win_rate', { measure: 'won', dateRange: { range: 'all_time' } });
    const listed = await team.records.list('sales', 'deal', team.people.director.policy, {
      filters: won.rows[0]!.drill.filters,
      where: won.rows[0]!.drill.where,
    });
    expect(listed.items).toHaveLength(won.rows[0]!.values.won as number);
  });
});

describe('drill-down formulas in the records list', () => {
  it('refuse a formula over a field the viewer’s role hides: filtering by it would tell its values', async () => {
    const rep = team.people.rep1.policy;
    await expect(team.records.list('sales', 'deal', rep, { where: '[margin] > 5' })).rejects.toMatchObject({ code: 'query.invalid' });
    const manager = await team.records.list('sales', 'deal', team.people.manager.policy, { where: '[margin] > 5', count: true });
    expect(manager.items.map((r) => r.name).sort()).toEqual(['a', 'd']);
  });
});

describe('the result cache', () => {
  it('serves a repeat from the cache, never to a viewer with other rights, and not after a record changes', async () => {
    const fresh = createReportService(team.records);
    const first = await fresh.run('sales', team.people.rep1.policy, 'win_rate', { dateRange: { range: 'all_time' } });
    const again = await fresh.run('sales', team.people.rep1.policy, 'win_rate', { dateRange: { range: 'all_time' } });
    expect([first.cached, again.cached]).toEqual([false, true]);
    const manager = await fresh.run('sales', team.people.manager.policy, 'win_rate', { dateRange: { range: 'all_time' } });
    expect(manager.cached).toBe(false);
    expect(manager.rows[0]!.values.won).toBe(3);

    await team.deal('rep1', { name: 'h', stage: 'won', amount: 5, closed_at: '2026-11-11T02:00:00Z' });
    // Committed but not yet counted by the data-versions subscriber: computed afresh, never the old total.
    const beforeCounted = await fresh.run('sales', team.people.rep1.policy, 'win_rate', { dateRange: { range: 'all_time' } });
    expect([beforeCounted.cached, beforeCounted.rows[0]!.values.won]).toEqual([false, 2]);
    await team.events.drain();
    const afterCounted = await fresh.run('sales', team.people.rep1.policy, 'win_rate', { dateRange: { range: 'all_time' } });
    expect([afterCounted.cached, afterCounted.rows[0]!.values.won]).toEqual([false, 2]);
    expect((await fresh.run('sales', team.people.rep1.policy, 'win_rate', { dateRange: { range: 'all_time' } })).cached).toBe(true);
  });

  it('runs identical widget statements once per dashboard call', async () => {
    const fresh = createReportService(team.records);
    const data = await fresh.dashboard('sales', fullAccess({ userId: team.people.director.id, departmentId: null }), 'sales');
    expect(data.widgets.map((w) => w.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    // rate and revenue read the same report over the same period: one statement for both.
    expect(fresh.cachedResults).toBe(3);
  });
});
