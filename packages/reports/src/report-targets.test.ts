import type { ReportDefinition } from '@tessera/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService, type ReportService } from './report-service';
import { createSalesTeam, type SalesTeam } from './test-app';

/**
 * Revenue against target: targets kept as records per person and month (read under each
 * viewer's row scope, like the deals), or one fixed value, next to the actual in each group.
 */

let team: SalesTeam;
let reports: ReportService;

const revenueVsTarget = (dimension: NonNullable<ReportDefinition['dimensions']>[number]): ReportDefinition => ({
  id: 'revenue_vs_target',
  label: { en: 'Revenue against target' },
  object: 'deal',
  dimensions: [dimension],
  dateField: 'closed_on',
  dateRange: { from: '2026-01-01', to: '2026-04-01' },
  measures: [
    { id: 'revenue', aggregate: 'sum', field: 'amount', filter: '[stage] = "won"' },
    { id: 'target', aggregate: 'target', targets: { object: 'sales_target', field: 'amount', month: 'month' } },
    { id: 'fixed', aggregate: 'target', value: 300 },
    { id: 'attainment', aggregate: 'formula', formula: 'IF([target] = 0, 0, [revenue] / [target])', format: 'percent' },
  ],
});

beforeAll(async () => {
  team = await createSalesTeam();
  await team.deal('rep1', { name: 'a', stage: 'won', amount: 100, closed_on: '2026-01-10' });
  await team.deal('rep1', { name: 'b', stage: 'won', amount: 50, closed_on: '2026-01-20' });
  await team.deal('rep1', { name: 'c', stage: 'lost', amount: 999, closed_on: '2026-02-02' });
  await team.deal('rep1', { name: 'd', stage: 'won', amount: 70, closed_on: '2026-05-02' });
  for (const [owner, month, amount] of [
    ['rep1', '2026-01-01', 1000],
    ['rep1', '2026-02-01', 1000],
    ['rep1', '2026-04-01', 1000],
    ['rep2', '2026-01-01', 500],
  ] as const)
    await team.record(owner, 'sales_target', { month, amount });
  reports = createReportService(team.records);
}, 60_000);
afterAll(async () => team?.close());

const values = (rows: { keys: Record<string, { label: unknown; value: unknown }>; values: Record<string, unknown> }[], key: string, by: 'label' | 'value') =>
  rows.map((r) => [r.keys[key]?.[by], r.values.revenue, r.values.target, r.values.fixed, r.values.attainment]);

describe('targets', () => {
  it('show each person their revenue against their targets in the period, including people with a target and no sale', async () => {
    const byOwner = revenueVsTarget({ id: 'owner', field: 'owner_id' });
    const director = await reports.run('sales', team.people.director.policy, byOwner);
    expect(values(director.rows, 'owner', 'label')).toEqual([
      ['李强', 0, 500, 300, 0],
      ['陈静', 150, 2000, 300, 0.075],
    ]);
    // A rep reads their own deals and targets only.
    const rep = await reports.run('sales', team.people.rep1.policy, byOwner);
    expect(values(rep.rows, 'owner', 'label')).toEqual([['陈静', 150, 2000, 300, 0.075]]);
  });

  it('sum the targets of each month of a monthly report', async () => {
    const answer = await reports.run('sales', team.people.director.policy, revenueVsTarget({ id: 'month', field: 'closed_on', grain: 'month' }));
    expect(values(answer.rows, 'month', 'value')).toEqual([
      ['2026-01-01', 150, 1500, 300, 0.1],
      ['2026-02-01', 0, 1000, 300, 0],
    ]);
  });

  it('refuse targets by a dimension targets do not have', async () => {
    await expect(reports.run('sales', team.people.director.policy, revenueVsTarget({ id: 'stage', field: 'stage' }))).rejects.toMatchObject({
      code: 'report.invalid',
    });
  });
});
