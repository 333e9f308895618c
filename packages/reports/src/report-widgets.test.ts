import type { DashboardDefinition, ReportDefinition } from '@tessera/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService, type DashboardData, type ReportService } from './report-service';
import { createSalesTeam, type SalesTeam, salesApp } from './test-app';

/** Stage × owner, with an average: its totals are not the sum of its cells. */
const pipeline: ReportDefinition = {
  id: 'pipeline',
  label: { en: 'Pipeline' },
  object: 'deal',
  dimensions: [
    { id: 'stage', field: 'stage' },
    { id: 'owner', field: 'owner_id' },
  ],
  measures: [
    { id: 'amount', aggregate: 'sum', field: 'amount' },
    { id: 'average', aggregate: 'avg', field: 'amount' },
  ],
};
const dashboard: DashboardDefinition = {
  id: 'board',
  label: { en: 'Board' },
  widgets: [
    { id: 'pivot', kind: 'pivot', report: 'pipeline', measure: 'amount' },
    { id: 'pivot_avg', kind: 'pivot', report: 'pipeline', measure: 'average' },
    { id: 'gauge', kind: 'gauge', report: 'pipeline', measure: 'amount', max: 2000, target: 1000 },
    { id: 'note', kind: 'note', text: { en: '<p onclick="steal()">Read <b>me</b><script>alert(1)</script></p>', 'zh-CN': '<p>请阅读</p>' } },
  ],
};

let team: SalesTeam;
let reports: ReportService;

beforeAll(async () => {
  team = await createSalesTeam({ ...salesApp, reports: [pipeline], dashboards: [dashboard] });
  reports = createReportService(team.records);
  await team.deal('rep1', { name: 'a', stage: 'won', amount: 100 });
  await team.deal('rep1', { name: 'b', stage: 'lost', amount: 50 });
  await team.deal('rep1', { name: 'c', stage: 'lead', amount: 30 });
  await team.deal('rep2', { name: 'd', stage: 'won', amount: 200 });
  await team.deal('rep2', { name: 'e', stage: 'won', amount: 10 });
  await team.deal('rep3', { name: 'f', stage: 'won', amount: 1000 });
  await team.events.drain();
});
afterAll(async () => team?.close());

const widget = (data: DashboardData, id: string) => data.widgets.find((w) => w.id === id);

/** The pivot as names and numbers: header row, then each row with its cells and total, then the totals row. */
async function pivotGrid(who: keyof SalesTeam['people'], id: string) {
  const data = await reports.dashboard('sales', team.people[who].policy, 'board');
  const found = widget(data, id);
  if (found?.status !== 'ok' || !found.pivot) throw new Error(`${id} has no pivot`);
  const { pivot } = found;
  const name = (label: unknown, value: unknown) => (typeof label === 'string' ? label : ((label as { en?: string } | null)?.en ?? value));
  return [
    ['', ...pivot.columns.map((c) => name(c.key.label, c.key.value)), 'total'],
    ...pivot.rows.map((r) => [name(r.key.label, r.key.value), ...r.cells.map((c) => c.value), r.total.value]),
    ['total', ...pivot.columns.map((c) => c.total.value), pivot.total.value],
  ];
}

describe('pivot, gauge and note widgets under each viewer’s access', () => {
  it('crosses stage (options in their order) with owner, totals per row and column, only over what each may see', async () => {
    expect(await pivotGrid('rep1', 'pivot')).toEqual([
      ['', '陈静', 'total'],
      ['Lead', 30, 30],
      ['Won', 100, 100],
      ['Lost', 50, 50],
      ['total', 180, 180],
    ]);
    const manager = await pivotGrid('manager', 'pivot');
    expect(manager[0]).toEqual(['', '李强', '陈静', 'total']);
    expect(manager.slice(1)).toEqual([
      ['Lead', null, 30, 30],
      ['Won', 210, 100, 310],
      ['Lost', null, 50, 50],
      ['total', 210, 180, 390],
    ]);
    expect((await pivotGrid('director', 'pivot')).at(-1)).toEqual(['total', 210, 1000, 180, 1390]);
  });

  it('takes an average’s totals from the records, not from adding cells', async () => {
    const grid = await pivotGrid('manager', 'pivot_avg');
    expect(grid[2]).toEqual(['Won', 105, 100, 310 / 3]);
    expect(grid.at(-1)).toEqual(['total', 105, 60, 78]);
  });

  it('drills a pivot cell and a total to exactly the records behind it', async () => {
    const data = await reports.dashboard('sales', team.people.manager.policy, 'board');
    const pivot = widget(data, 'pivot');
    if (pivot?.status !== 'ok' || !pivot.pivot) throw new Error('no pivot');
    const names = async (drill: { filters: never[] | object[]; where?: string | undefined } | null) => {
      if (!drill) return null;
      const listed = await team.records.list('sales', 'deal', team.people.manager.policy, { filters: drill.filters as never, where: drill.where, limit: 100 });
      return listed.items.map((r) => r.name).sort();
    };
    const won = pivot.pivot.rows[1]!;
    expect(await names(won.cells[0]!.drill)).toEqual(['d', 'e']);
    expect(await names(won.total.drill)).toEqual(['a', 'd', 'e']);
    expect(await names(pivot.pivot.columns[1]!.total.drill)).toEqual(['a', 'b', 'c']);
    expect(pivot.pivot.rows[0]!.cells[0]).toEqual({ value: null, drill: null });
  });

  it('gives a gauge one number over everything the viewer may see, with its drill-down', async () => {
    const value = async (who: keyof SalesTeam['people']) => {
      const found = widget(await reports.dashboard('sales', team.people[who].policy, 'board'), 'gauge');
      if (found?.status !== 'ok') throw new Error('gauge failed');
      expect(found.result.rows).toHaveLength(1);
      return found.result.rows[0]!.values.amount;
    };
    expect([await value('rep1'), await value('manager'), await value('director')]).toEqual([180, 390, 1390]);
  });

  it('serves a note’s text through the rich-text allow-list, per language', async () => {
    const note = widget(await reports.dashboard('sales', team.people.rep3.policy, 'board'), 'note');
    expect(note).toEqual({ id: 'note', kind: 'note', status: 'note', text: { en: '<p>Read <b>me</b></p>', 'zh-CN': '<p>请阅读</p>' } });
  });
});
