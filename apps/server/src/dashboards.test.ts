import type { ReportAnswer, ReportRow } from '@tessera/reports';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type DemoViewer, useDemoServer } from './demo-testing';

const server = useDemoServer();
type Viewer = DemoViewer;
const { headers } = server;

const dashboard = async (who: Viewer, body: Record<string, unknown> = {}) => {
  const response = await server.app.inject({ method: 'POST', url: '/api/apps/crm/dashboards/sales_overview/data', headers: await headers(who), payload: body });
  expect(response.statusCode).toBe(200);
  return response.json() as { range: { from: string; to: string }; widgets: { id: string; status: string; result: ReportAnswer; message?: string }[] };
};
const widget = (data: Awaited<ReturnType<typeof dashboard>>, id: string) => data.widgets.find((w) => w.id === id)!;
/** A KPI's one number. */
const revenueOf = (data: Awaited<ReturnType<typeof dashboard>>) => Number(widget(data, 'revenue').result.rows[0]?.values.revenue);

const scope = (who: Viewer) => server.scope(who, 'o');
const thisYear = sql`o.closed_at >= date_trunc('year', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'
  and o.closed_at < (date_trunc('year', now() at time zone 'Asia/Shanghai') + interval '1 year') at time zone 'Asia/Shanghai'`;

async function expected(who: Viewer) {
  const { rows } = await sql<{ revenue: string; won: string; lost: string; open: string }>`select
      coalesce(sum(o.amount) filter (where o.stage = 'won' and ${thisYear}), 0) as revenue,
      count(*) filter (where o.stage = 'won' and ${thisYear}) as won,
      count(*) filter (where o.stage = 'lost' and ${thisYear}) as lost,
      count(*) filter (where o.stage in ('lead', 'qualified', 'proposal', 'negotiation')) as open
    from app_crm.opportunity o where o.deleted_at is null and ${scope(who)}`.execute(server.database.db);
  const row = rows[0]!;
  const won = Number(row.won);
  const lost = Number(row.lost);
  return { revenue: Number(row.revenue), rate: won + lost === 0 ? 0 : Math.round((won / (won + lost)) * 1e10) / 1e10, open: Number(row.open) };
}

describe('the demo CRM’s sales dashboard', () => {
  it('shows a rep, their manager and the admin exactly the totals of the records each may see', async () => {
    const seen: Record<string, unknown> = {};
    for (const who of ['chen.jing', 'li.qiang', 'wang.lei', 'admin'] as const) {
      const data = await dashboard(who);
      expect(data.widgets.filter((w) => w.status !== 'ok')).toEqual([]);
      const value = (id: string, measure: string) => Number(widget(data, id).result.rows[0]?.values[measure]);
      seen[who] = { revenue: value('revenue', 'revenue'), rate: Math.round(value('win_rate', 'rate') * 1e10) / 1e10, open: value('open_deals', 'deals') };
      expect(seen[who]).toEqual(await expected(who));
    }
    const revenue = (who: Viewer) => (seen[who] as { revenue: number }).revenue;
    // Each rep sees their own deals; the manager of their department sees both reps' (the demo's one sales department holds every sample record, so all the admin sees).
    expect(revenue('chen.jing')).toBeGreaterThan(0);
    expect(revenue('li.qiang')).toBeGreaterThan(0);
    expect(revenue('chen.jing') + revenue('li.qiang')).toBe(revenue('wang.lei'));
    expect(revenue('wang.lei')).toBe(revenue('admin'));
  });

  it('never serves a cached result to a viewer with other rights, and recomputes once a record changes', async () => {
    await dashboard('chen.jing');
    const again = await dashboard('chen.jing');
    expect(widget(again, 'revenue').result.cached).toBe(true);
    const manager = await dashboard('wang.lei');
    expect(revenueOf(manager)).not.toBe(revenueOf(again));

    // The rep wins one of their open deals today: their revenue grows by its amount at once, not from the cache.
    const rep = await headers('chen.jing');
    const open = await server.app.inject({
      method: 'POST',
      url: '/api/apps/crm/objects/opportunity/records/query',
      headers: rep,
      payload: { filters: [{ field: 'stage', op: 'eq', value: 'negotiation' }], limit: 1 },
    });
    const deal = open.json().items[0];
    const won = await server.app.inject({
      method: 'PATCH',
      url: `/api/apps/crm/objects/opportunity/records/${deal.id}`,
      headers: rep,
      payload: { version: deal.version, values: { stage: 'won', closed_at: new Date().toISOString() } },
    });
    expect(won.statusCode).toBe(200);
    const after = await dashboard('chen.jing');
    expect(widget(after, 'revenue').result.cached).toBe(false);
    expect(revenueOf(after)).toBe(revenueOf(again) + Number(deal.amount));
    expect(revenueOf(after)).toBe((await expected('chen.jing')).revenue);
  });

  it('drills down from a funnel stage and a month to the very records counted, through the records list', async () => {
    const rep = await headers('wang.lei');
    const data = await dashboard('wang.lei', { dateRange: { range: 'all_time' } });
    for (const id of ['funnel', 'revenue_by_month']) {
      const result = widget(data, id).result;
      expect(result.rows.length).toBeGreaterThan(1);
      for (const row of result.rows.slice(0, 3)) {
        const listed = await server.app.inject({
          method: 'POST',
          url: `/api/apps/crm/objects/${row.drill.object}/records/query`,
          headers: rep,
          payload: { filters: row.drill.filters, where: row.drill.where, limit: 500, count: true },
        });
        expect(listed.statusCode).toBe(200);
        expect(listed.json().total).toBe(row.values.deals);
      }
    }
    // The funnel lists the open stages in their defined order.
    expect(widget(data, 'funnel').result.rows.map((r) => r.keys.stage?.value)).toEqual(['lead', 'qualified', 'proposal', 'negotiation']);
  });

  it('takes an ad-hoc report, and answers mistakes as problem+json in the caller’s language, never a 500', async () => {
    const admin = await headers('admin');
    const adhoc = await server.app.inject({
      method: 'POST',
      url: '/api/apps/crm/reports/query',
      headers: admin,
      payload: {
        report: {
          id: 'by_tier',
          label: { en: 'By tier' },
          object: 'customer',
          dimensions: [{ id: 'tier', field: 'tier' }],
          measures: [{ id: 'n', aggregate: 'count' }],
        },
      },
    });
    expect(adhoc.statusCode).toBe(200);
    const { rows } = await sql<{ n: string }>`select count(*) as n from app_crm.customer where deleted_at is null`.execute(server.database.db);
    expect(adhoc.json().rows.reduce((sum: number, r: ReportRow) => sum + Number(r.values.n), 0)).toBe(Number(rows[0]!.n));

    const invalid = await server.app.inject({
      method: 'POST',
      url: '/api/apps/crm/reports/query',
      headers: { ...admin, 'accept-language': 'zh-CN' },
      payload: { report: { id: 'bad', label: { en: 'Bad' }, object: 'customer', measures: [{ id: 'n', aggregate: 'sum', field: 'name' }] } },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(invalid.json().errors).toEqual([{ pointer: '/measures/0/aggregate', code: 'meta.report_aggregate_type', message: '字段“name”不能做“sum”统计' }]);

    for (const bad of [
      { filters: [{ field: 'amount', op: 'gte', value: 'lots' }] },
      { filters: [{ field: 'stage', op: 'in', value: 'won' }] },
      { where: '[amount] +' },
      { dateField: 'closed_at', dateRange: { from: '2026-13-45', to: '2027-01-01' } },
    ]) {
      const refused = await server.app.inject({
        method: 'POST',
        url: '/api/apps/crm/reports/query',
        headers: admin,
        payload: { report: { id: 'bad', label: { en: 'Bad' }, object: 'opportunity', measures: [{ id: 'n', aggregate: 'count' }], ...bad } },
      });
      expect([JSON.stringify(bad), refused.statusCode >= 400 && refused.statusCode < 500, refused.headers['content-type']]).toEqual([
        JSON.stringify(bad),
        true,
        'application/problem+json; charset=utf-8',
      ]);
    }

    const backwards = await server.app.inject({
      method: 'POST',
      url: '/api/apps/crm/dashboards/sales_overview/data',
      headers: admin,
      payload: { dateRange: { from: '2026-03-01', to: '2026-02-30' } },
    });
    expect([backwards.statusCode, backwards.json().errors.map((e: { pointer: string }) => e.pointer)]).toEqual([422, ['/dateRange/to']]);

    const missing = await server.app.inject({ method: 'POST', url: '/api/apps/crm/dashboards/nope/data', headers: admin, payload: {} });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'dashboard.not_found']);
    const malformed = await server.app.inject({
      method: 'POST',
      url: '/api/apps/crm/reports/query',
      headers: admin,
      payload: { dateRange: { range: 'someday' } },
    });
    expect(malformed.statusCode).toBe(400);
    const unsigned = await server.app.inject({ method: 'POST', url: '/api/apps/crm/dashboards/sales_overview/data', payload: {} });
    expect(unsigned.statusCode).toBe(401);
  });

  it('withholds a widget over a field the viewer’s role hides, with the reason, while the others answer', async () => {
    const rep = await headers('chen.jing');
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/apps/crm/reports/query',
      headers: { ...rep, 'accept-language': 'en' },
      payload: { report: { id: 'contracts', label: { en: 'Contracts' }, object: 'contract', measures: [{ id: 'total', aggregate: 'sum', field: 'amount' }] } },
    });
    expect([response.statusCode, response.json().code]).toEqual([403, 'report.field_hidden']);
  });
});
