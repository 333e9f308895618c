import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstallResult, installTemplate } from './install-template';
import { buildServer } from './server';
import { signInHeaders } from './test-session';

/**
 * The demo CRM's Sales overview on first start: its funnel from the deals' stage histories, revenue
 * against each rep's monthly target and customer key-field completeness, with true figures from
 * the sample data — the manager's covering both reps, a rep's only their own.
 */

let database: TestDatabase;
let app: FastifyInstance;
let demo: InstallResult;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database });
  demo = await installTemplate(database, 'crm', { seed: 11, scale: 1, team: true, records: app.records });
}, 240_000);
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

type Row = { keys: Record<string, { value: unknown; label: unknown }>; values: Record<string, number | null> };
type Widget = { id: string; status: string; result?: { rows: Row[] }; code?: string };

async function widgetsFor(key: string): Promise<Map<string, Widget>> {
  const person = demo.people.find((p) => p.key === key)!;
  const response = await app.inject({
    method: 'POST',
    url: '/api/apps/crm/dashboards/sales_overview/data',
    headers: await signInHeaders(app, person.email, person.password),
    // The past year, so the figures do not depend on how far into the calendar year the test runs.
    payload: { dateRange: { range: 'last_n_days', days: 365 } },
  });
  expect(response.statusCode, response.body).toBe(200);
  return new Map((response.json() as { widgets: Widget[] }).widgets.map((w) => [w.id, w] as const));
}

const rowsOf = (widgets: Map<string, Widget>, id: string): Row[] => {
  const widget = widgets.get(id);
  expect(widget?.status, `${id}: ${widget?.code}`).toBe('ok');
  return widget?.result?.rows ?? [];
};
const byStep = (rows: Row[]) => Object.fromEntries(rows.map((r) => [String(r.keys.step?.value), r.values]));
const ownerNames = (rows: Row[]) => rows.map((r) => String(r.keys.owner?.label)).sort();

describe('the demo Sales overview on first start', () => {
  it('dates the deals’ stage history over past weeks and months, written by the records write path', async () => {
    const { rows } = await sql<{ moves: string; oldest_days: string; updates: string }>`select count(*) as moves,
      extract(day from now() - min(at)) as oldest_days, count(*) filter (where operation <> 'create') as updates
      from record_history where app_id = 'crm' and object_id = 'opportunity'`.execute(database.db);
    expect(Number(rows[0]!.updates)).toBeGreaterThan(300);
    expect(Number(rows[0]!.oldest_days)).toBeGreaterThan(60);
  });

  it('shows the manager a sales funnel from stage history, narrowing from leads to won deals, with days in stage', async () => {
    const funnel = byStep(rowsOf(await widgetsFor('wang.lei'), 'stage_funnel'));
    expect(Object.keys(funnel)).toEqual(['lead', 'qualified', 'proposal', 'negotiation', 'won']);
    const deals = ['lead', 'qualified', 'proposal', 'negotiation', 'won'].map((s) => Number(funnel[s]?.deals));
    expect(deals[4]).toBeGreaterThan(0);
    expect(deals).toEqual([...deals].sort((a, b) => b - a));
    expect(Number(funnel.won?.overall)).toBeGreaterThan(0);
    expect(Number(funnel.won?.overall)).toBeLessThan(1);
    // Stays of 3–21 days each in the sample histories.
    expect(Number(funnel.lead?.days_in_stage)).toBeGreaterThanOrEqual(3);
    expect(Number(funnel.lead?.days_in_stage)).toBeLessThanOrEqual(22);
  });

  it('shows revenue against each rep’s monthly targets and key-field completeness per rep to the manager, and a rep only their own', async () => {
    const manager = await widgetsFor('wang.lei');
    const rep = await widgetsFor('chen.jing');
    const team = rowsOf(manager, 'revenue_vs_target');
    expect(ownerNames(team)).toEqual(['李强', '陈静']);
    for (const row of team) {
      expect(Number(row.values.target)).toBeGreaterThan(0);
      expect(Number(row.values.attainment)).toBeGreaterThan(0);
      expect(Number(row.values.attainment)).toBeLessThan(3);
    }
    const own = rowsOf(rep, 'revenue_vs_target');
    expect(ownerNames(own)).toEqual(['陈静']);
    expect(own[0]?.values).toEqual(team.find((r) => r.keys.owner?.label === '陈静')?.values);
    const months = rowsOf(manager, 'revenue_vs_target_by_month');
    // Every month starting inside the past 365 days has both reps' targets (the first, partial month does not).
    expect(months.filter((m) => Number(m.values.target) > 0).length).toBeGreaterThanOrEqual(12);
    expect(months.reduce((sum, m) => sum + Number(m.values.revenue), 0)).toBeGreaterThan(0);

    const completeness = rowsOf(manager, 'key_field_completeness');
    expect(ownerNames(completeness)).toEqual(['李强', '陈静']);
    for (const row of completeness) {
      expect(Number(row.values.completeness)).toBeGreaterThan(0.3);
      expect(Number(row.values.completeness)).toBeLessThan(1);
    }
    expect(ownerNames(rowsOf(rep, 'key_field_completeness'))).toEqual(['陈静']);

    const repFunnel = byStep(rowsOf(rep, 'stage_funnel'));
    const teamFunnel = byStep(rowsOf(manager, 'stage_funnel'));
    expect(Number(repFunnel.lead?.deals)).toBeGreaterThan(0);
    expect(Number(repFunnel.lead?.deals)).toBeLessThan(Number(teamFunnel.lead?.deals));
  });
});
