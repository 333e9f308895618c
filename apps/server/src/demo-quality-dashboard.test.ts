import type { ReportAnswer } from '@tessera/reports';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type DemoViewer, useDemoServer } from './demo-testing';

/**
 * The demo CRM's data-quality dashboard (dormant customers, duplicate rate) and the sales
 * overview's sales cycle and visits leaderboard, on first start: each viewer's figures equal a
 * hand-written query over the rows their role gives them — a rep their own, the manager their
 * department's, the admin all — and the duplicates equal what the duplicates page shows them.
 */

const server = useDemoServer();
const VIEWERS: DemoViewer[] = ['chen.jing', 'li.qiang', 'wang.lei', 'admin'];
const { headers, scope } = server;
const person = (key: string) => server.demo.people.find((p) => p.key === key)!;

async function widgets(who: DemoViewer, dashboard: string): Promise<Map<string, ReportAnswer>> {
  const response = await server.app.inject({
    method: 'POST',
    url: `/api/apps/crm/dashboards/${dashboard}/data`,
    headers: await headers(who),
    payload: { dateRange: { range: 'all_time' } },
  });
  expect(response.statusCode, response.body).toBe(200);
  const data = response.json() as { widgets: { id: string; status: string; code?: string; result: ReportAnswer }[] };
  expect(data.widgets.filter((w) => w.status !== 'ok')).toEqual([]);
  return new Map(data.widgets.map((w) => [w.id, w.result] as const));
}
const kpi = (answers: Map<string, ReportAnswer>, id: string, measure: string) => Number(answers.get(id)?.rows[0]?.values[measure]);

/** Dormant: no contact, visit or deal change the viewer may read since the start of the local day 180 days ago. */
async function dormantByHand(who: DemoViewer) {
  const cutoff = sql`((date_trunc('day', now() at time zone 'Asia/Shanghai') - interval '180 days') at time zone 'Asia/Shanghai')`;
  const { rows } = await sql<{ dormant: string; customers: string }>`select count(*) filter (where coalesce(greatest(c.last_contact_at,
      (select max(v.visited_at) from app_crm.visit v where v.customer = c.id and v.deleted_at is null and ${scope(who, 'v')}),
      (select max(o.updated_at) from app_crm.opportunity o where o.customer = c.id and o.deleted_at is null and ${scope(who, 'o')})) < ${cutoff}, true)) as dormant,
      count(*) as customers
    from app_crm.customer c where c.deleted_at is null and ${scope(who, 'c')}`.execute(server.database.db);
  return { dormant: Number(rows[0]!.dormant), customers: Number(rows[0]!.customers) };
}

describe('the demo data-quality dashboard', () => {
  it('shows each viewer the dormant customers and the duplicate rate of the customers they may see', async () => {
    const seen = new Map<DemoViewer, { dormant: number; duplicates: number }>();
    for (const who of VIEWERS) {
      const answers = await widgets(who, 'data_quality');
      const expected = await dormantByHand(who);
      expect(kpi(answers, 'dormant_customers', 'dormant')).toBe(expected.dormant);
      expect(kpi(answers, 'dormant_rate', 'dormant_rate')).toBeCloseTo(expected.dormant / expected.customers, 9);

      const scan = await server.app.inject({ method: 'GET', url: '/api/apps/crm/objects/customer/duplicates?limit=1000', headers: await headers(who) });
      const grouped = new Set((scan.json() as { groups: { records: { id: string }[] }[] }).groups.flatMap((g) => g.records.map((r) => r.id)));
      // Exact rule by hand: customers sharing a credit code with another the viewer may read.
      const { rows } = await sql<{ n: string }>`select count(*) as n from app_crm.customer c where c.deleted_at is null and ${scope(who, 'c')}
        and exists (select 1 from app_crm.customer d where d.id <> c.id and d.deleted_at is null and ${scope(who, 'd')}
          and upper(d.credit_code) = upper(c.credit_code))`.execute(server.database.db);
      expect(grouped.size).toBeGreaterThanOrEqual(Number(rows[0]!.n));
      expect(kpi(answers, 'duplicate_rate', 'duplicate_rate')).toBeCloseTo(grouped.size / expected.customers, 9);
      seen.set(who, { dormant: expected.dormant, duplicates: grouped.size });
    }
    const rep = seen.get('chen.jing')!;
    const other = seen.get('li.qiang')!;
    const manager = seen.get('wang.lei')!;
    expect(rep.dormant).toBeGreaterThan(0);
    expect(manager.duplicates).toBeGreaterThan(0);
    // The reps' customers are the department's; pairs across two reps count only for the manager.
    expect(rep.dormant + other.dormant).toBe(manager.dormant);
    expect(rep.duplicates + other.duplicates).toBeLessThanOrEqual(manager.duplicates);
    expect(seen.get('admin')).toEqual(manager);
  });
});

describe('the demo sales overview’s sales cycle and visits leaderboard', () => {
  it('averages the days from a deal’s creation to its won close, and ranks visits per rep, as each viewer may see them', async () => {
    const cycles = new Map<DemoViewer, Record<string, number>>();
    for (const who of VIEWERS) {
      const answers = await widgets(who, 'sales_overview');
      const { rows } = await sql<{ owner: string; days: string; visits: string }>`select u.name as owner,
          (select avg(extract(epoch from o.closed_at - o.created_at) / 86400) from app_crm.opportunity o
            where o.owner_id = u.id and o.stage = 'won' and o.deleted_at is null and ${scope(who, 'o')}) as days,
          (select count(*) from app_crm.visit v where v.owner_id = u.id and v.deleted_at is null and ${scope(who, 'v')}) as visits
        from users u where u.email in (${person('chen.jing').email}, ${person('li.qiang').email})`.execute(server.database.db);
      const expected = Object.fromEntries(rows.filter((r) => r.days !== null).map((r) => [r.owner, Math.round(Number(r.days) * 1e6) / 1e6]));
      const shown = Object.fromEntries(
        (answers.get('sales_cycle_by_owner')?.rows ?? []).map((r) => [String(r.keys.owner?.label), Math.round(Number(r.values.cycle_days) * 1e6) / 1e6]),
      );
      expect(shown).toEqual(expected);
      for (const days of Object.values(shown)) expect(days).toBeGreaterThan(3);
      cycles.set(who, shown);

      const leaderboard = (answers.get('visits')?.rows ?? []).map((r) => [String(r.keys.owner?.label), Number(r.values.visits)]);
      const visits = rows.map((r) => [r.owner, Number(r.visits)]).filter(([, n]) => Number(n) > 0);
      expect(leaderboard).toEqual(visits.sort((a, b) => Number(b[1]) - Number(a[1])));
    }
    expect(Object.keys(cycles.get('chen.jing')!)).toEqual(['陈静']);
    expect(Object.keys(cycles.get('wang.lei')!).sort()).toEqual(['李强', '陈静']);
    expect(cycles.get('wang.lei')!['陈静']).toBe(cycles.get('chen.jing')!['陈静']);
  });
});
