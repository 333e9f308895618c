import type { AppDocument, ReportDefinition, ReportMeasure } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService, type ReportService } from './report-service';
import { createSalesTeam, type SalesTeam, salesApp } from './test-app';

/**
 * Dormant records, duplicates and days between two dates as report measures, per owner, for a
 * rep (every customer, only their own deals), a manager (their department tree) and a director
 * (all) — each against a hand-written query with the role's rows spelled out.
 */

type Viewer = 'rep1' | 'manager' | 'director';
const VIEWERS: Viewer[] = ['rep1', 'manager', 'director'];

let team: SalesTeam;
let reports: ReportService;

/** Customers are dormant after 30 days without a change of their own or a deal of theirs closing; deals match on their name. */
const document: AppDocument = {
  ...salesApp,
  objects: salesApp.objects.map((o) => {
    if (o.id === 'customer')
      return { ...o, quality: { dormantAfterDays: 30, activity: [{ field: 'updated_at' }, { object: 'deal', via: 'customer', field: 'closed_at' }] } };
    if (o.id === 'deal') return { ...o, matchRules: [{ id: 'same_name', kind: 'exact', fields: ['name'] }] };
    return o;
  }),
};

function scopeOf(viewer: Viewer, object: 'customer' | 'deal', alias: string): RawBuilder<unknown> {
  const tree = [team.people.manager.department, team.people.rep1.department];
  if (viewer === 'director' || (viewer === 'rep1' && object === 'customer')) return sql`true`;
  if (viewer === 'rep1') return sql`${sql.ref(`${alias}.owner_id`)} = ${team.people.rep1.id}::uuid`;
  return sql`${sql.ref(`${alias}.department_id`)} = any(${tree}::uuid[])`;
}

const cutoff = sql`((date_trunc('day', now() at time zone 'Asia/Shanghai') - interval '30 days') at time zone 'Asia/Shanghai')`;

async function oracle(query: RawBuilder<unknown>): Promise<Record<string, number[]>> {
  const { rows } = await sql<{ owner: string; values: (string | null)[] }>`${query}`.execute(team.database.db);
  return Object.fromEntries(rows.map((r) => [r.owner, r.values.map((v) => (v === null ? Number.NaN : Math.round(Number(v) * 1e6) / 1e6))]));
}

const dormantOracle = (viewer: Viewer) =>
  oracle(
    sql`select c.owner_id::text as owner, array[
        count(*) filter (where coalesce(greatest(c.updated_at, (select max(d.closed_at) from app_sales.deal d
          where d.customer = c.id and d.deleted_at is null and ${scopeOf(viewer, 'deal', 'd')})) < ${cutoff}, true)),
        count(*)]::numeric[] as values
      from app_sales.customer c where c.deleted_at is null and ${scopeOf(viewer, 'customer', 'c')} group by 1`,
  );

/** The ids the latest-activity form (max() per row, the code before NOT EXISTS) calls dormant. */
const dormantIdsOracle = async (viewer: Viewer) =>
  (
    await sql<{ id: string }>`select c.id::text as id from app_sales.customer c where c.deleted_at is null and ${scopeOf(viewer, 'customer', 'c')}
      and coalesce(greatest(c.updated_at, (select max(d.closed_at) from app_sales.deal d
        where d.customer = c.id and d.deleted_at is null and ${scopeOf(viewer, 'deal', 'd')})) < ${cutoff}, true) order by 1`.execute(team.database.db)
  ).rows.map((r) => r.id);

const dealOracle = (viewer: Viewer) =>
  oracle(
    sql`select d.owner_id::text as owner, array[
        count(*) filter (where exists (select 1 from app_sales.deal o where o.id <> d.id and o.deleted_at is null and ${scopeOf(viewer, 'deal', 'o')}
          and lower(o.name) = lower(d.name))),
        count(*),
        avg(extract(epoch from d.closed_at - d.created_at) / 86400) filter (where d.stage = 'won')]::numeric[] as values
      from app_sales.deal d where d.deleted_at is null and ${scopeOf(viewer, 'deal', 'd')} group by 1`,
  );

const byOwner = (object: string, measures: ReportMeasure[]): ReportDefinition => ({
  id: `${object}_quality`,
  label: { en: 'Quality' },
  object,
  dimensions: [{ id: 'owner', field: 'owner_id' }],
  measures,
});

async function measured(viewer: Viewer, spec: ReportDefinition): Promise<Record<string, number[]>> {
  const answer = await reports.run('sales', team.people[viewer].policy, spec);
  return Object.fromEntries(
    answer.rows.map((r) => [
      String(r.keys.owner?.value),
      spec.measures.map((m) => (r.values[m.id] === null ? Number.NaN : Math.round(Number(r.values[m.id]) * 1e6) / 1e6)),
    ]),
  );
}

const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

beforeAll(async () => {
  team = await createSalesTeam(document);
  const owners = ['rep1', 'rep2', 'rep3', 'manager'] as const;
  const customers: string[] = [];
  for (let i = 0; i < 16; i += 1) customers.push(await team.record(owners[i % 4]!, 'customer', { name: `customer ${i}` }));
  // Half the customers last changed long ago; deals closing recently wake some of them, each seen only by whom may read the deal.
  await sql`update app_sales.customer set updated_at = now() - interval '90 days' where name ~ '[02468]$|1[02468]$'`.execute(team.database.db);
  const names = ['alpha', 'beta', 'Alpha', 'gamma', 'beta', 'delta', 'ALPHA', 'epsilon'];
  for (let i = 0; i < 24; i += 1) {
    await team.deal(owners[(i * 3) % 4]!, {
      name: names[i % names.length],
      customer: customers[(i * 5) % 16],
      stage: i % 3 === 0 ? 'won' : 'lead',
      closed_at: i % 3 === 0 ? days(i % 2 === 0 ? 5 : 60) : null,
    });
  }
  // Deals entered weeks before they closed: the sales cycle is days from creation to the close.
  await sql`update app_sales.deal set created_at = closed_at - (length(name) * interval '7 days') where closed_at is not null`.execute(team.database.db);
  await team.events.drain();
  reports = createReportService(team.records);
}, 120_000);
afterAll(async () => team?.close());

describe('dormant records', () => {
  it.each(VIEWERS)('counts and rates the customers with no activity in 30 days, as %s may see it', async (viewer) => {
    const spec = byOwner('customer', [
      { id: 'dormant', aggregate: 'dormant_count' },
      { id: 'customers', aggregate: 'count' },
      { id: 'rate', aggregate: 'dormant_rate' },
    ]);
    const expected = await dormantOracle(viewer);
    const got = await measured(viewer, spec);
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
    for (const [owner, [dormant, customers]] of Object.entries(expected)) {
      expect(got[owner]?.slice(0, 2)).toEqual([dormant, customers]);
      expect(got[owner]?.[2]).toBeCloseTo(Number(dormant) / Number(customers), 6);
    }
    expect(Object.values(expected).some(([dormant]) => Number(dormant) > 0)).toBe(true);
  });

  it('differs by viewer: a deal the rep may not read wakes no customer for them', async () => {
    const total = async (viewer: Viewer) => Object.values(await dormantOracle(viewer)).reduce((sum, [n]) => sum + Number(n), 0);
    expect(await total('rep1')).toBeGreaterThan(await total('director'));
  });

  it('is computed afresh once a deal closes today, never from the cache', async () => {
    const spec = byOwner('customer', [{ id: 'dormant', aggregate: 'dormant_count' }]);
    const before = await reports.run('sales', team.people.director.policy, spec);
    expect((await reports.run('sales', team.people.director.policy, spec)).cached).toBe(true);
    const sleeping = await sql<{ id: string }>`select c.id from app_sales.customer c where c.updated_at < now() - interval '60 days'
      and not exists (select 1 from app_sales.deal d where d.customer = c.id and d.closed_at > now() - interval '30 days') limit 1`.execute(team.database.db);
    await team.deal('rep2', { name: 'wake-up', customer: sleeping.rows[0]!.id, stage: 'won', closed_at: new Date().toISOString() });
    await team.events.drain();
    const after = await reports.run('sales', team.people.director.policy, spec);
    const sum = (rows: typeof before.rows) => rows.reduce((s, r) => s + Number(r.values.dormant), 0);
    expect(after.cached).toBe(false);
    expect(sum(after.rows)).toBe(sum(before.rows) - 1);
  });

  it('needs a dormancy rule on the object', async () => {
    await expect(reports.run('sales', team.people.director.policy, byOwner('deal', [{ id: 'd', aggregate: 'dormant_rate' }]))).rejects.toMatchObject({
      code: 'report.invalid',
    });
  });
});

describe('duplicates and days between dates', () => {
  it.each(VIEWERS)('rates the deals duplicating another %s may read, and averages the days from creation to a won close', async (viewer) => {
    const spec = byOwner('deal', [
      { id: 'duplicates', aggregate: 'duplicate_count' },
      { id: 'deals', aggregate: 'count' },
      { id: 'cycle', aggregate: 'avg_days', field: 'closed_at', filter: '[stage] = "won"' },
      { id: 'rate', aggregate: 'duplicate_rate' },
    ]);
    const expected = await dealOracle(viewer);
    const got = await measured(viewer, spec);
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
    for (const [owner, [duplicates, deals, cycle]] of Object.entries(expected)) {
      expect(got[owner]?.slice(0, 3)).toEqual([duplicates, deals, cycle]);
      expect(got[owner]?.[3]).toBeCloseTo(Number(duplicates) / Number(deals), 6);
    }
  });

  it('counts for a rep only the pairs among the deals they may read', async () => {
    const count = async (viewer: Viewer) => Object.values(await dealOracle(viewer)).reduce((sum, [n]) => sum + Number(n), 0);
    const rep = await count('rep1');
    const all = await count('director');
    expect(rep).toBeGreaterThan(0);
    expect(rep).toBeLessThan(all);
  });

  it('counts days only between two dates', async () => {
    await expect(
      reports.run('sales', team.people.director.policy, byOwner('deal', [{ id: 'd', aggregate: 'avg_days', field: 'closed_at', from: 'amount' }])),
    ).rejects.toMatchObject({ code: 'report.invalid' });
  });
});

describe('the dormant flag in the records list and on the record', () => {
  it.each(VIEWERS)('filters and flags exactly the customers the measure counts for %s', async (viewer) => {
    const policy = team.people[viewer].policy;
    const expected = Object.values(await dormantOracle(viewer)).reduce((sum, [n]) => sum + Number(n), 0);
    const dormant = await team.records.list('sales', 'customer', policy, { filters: [{ field: '_dormant', op: 'eq', value: true }], limit: 500 });
    const awake = await team.records.list('sales', 'customer', policy, { filters: [{ field: '_dormant', op: 'ne', value: true }], limit: 500 });
    expect(dormant.total).toBe(expected);
    expect(dormant.items.every((r) => r._dormant === true)).toBe(true);
    expect(awake.items.every((r) => r._dormant === false)).toBe(true);
    const one = dormant.items[0];
    if (one) expect((await team.records.get('sales', 'customer', policy, String(one.id)))._dormant).toBe(true);
  });

  it('refuses the filter on an object without a dormancy rule, and a value that is no yes/no', async () => {
    const policy = team.people.director.policy;
    await expect(team.records.list('sales', 'deal', policy, { filters: [{ field: '_dormant', op: 'eq', value: true }] })).rejects.toMatchObject({
      code: 'query.invalid',
    });
    await expect(team.records.list('sales', 'customer', policy, { filters: [{ field: '_dormant', op: 'eq', value: 'yes' }] })).rejects.toMatchObject({
      code: 'query.invalid',
    });
  });

  it('flags the same customers as the latest-activity form, at the edges of the cutoff', async () => {
    // Long-quiet customers whose only deals closed exactly at the cutoff (awake), a second before it (dormant),
    // never (dormant), or today but deleted (dormant): one of each per owner, so every viewer sees some.
    for (const owner of ['rep1', 'rep2', 'manager'] as const) {
      for (const edge of ['at', 'before', 'never', 'deleted']) {
        const customer = await team.record(owner, 'customer', { name: `edge ${edge} ${owner}` });
        const deal = await team.deal(owner, { name: `edge ${edge}`, customer, stage: 'won', closed_at: new Date().toISOString() });
        const closed = { at: cutoff, before: sql`${cutoff} - interval '1 second'`, never: sql`null`, deleted: sql`now()` }[edge];
        await sql`update app_sales.deal set closed_at = ${closed}, deleted_at = ${edge === 'deleted' ? sql`now()` : sql`null`} where id = ${deal}::uuid`.execute(
          team.database.db,
        );
        await sql`update app_sales.customer set updated_at = now() - interval '90 days' where id = ${customer}::uuid`.execute(team.database.db);
      }
    }
    for (const viewer of VIEWERS) {
      const listed = await team.records.list('sales', 'customer', team.people[viewer].policy, {
        filters: [{ field: '_dormant', op: 'eq', value: true }],
        limit: 500,
      });
      const expected = await dormantIdsOracle(viewer);
      expect(listed.items.map((r) => String(r.id)).sort()).toEqual(expected);
      expect(listed.items.filter((r) => String(r.name).startsWith('edge ')).length).toBeGreaterThan(0);
    }
  });
});
