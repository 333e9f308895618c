import type { ReportDefinition, ReportMeasure } from '@tessera/schemas';
import fc from 'fast-check';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportError } from './report-error';
import { createReportService, type ReportService } from './report-service';
import { createSalesTeam, type SalesTeam } from './test-app';

/**
 * Joins against an oracle: customers, their deals and the deals' contracts (random, seeded), and
 * reports over joins and related records' fields. The oracle asks one hand-written query per
 * kind of record — customers; customers with their deals; customers, deals and contracts — each
 * with its own row scope per role and per object, and merges them by group key here in JS.
 */

type Role = 'rep1' | 'manager' | 'director';
const OWNERS = ['rep1', 'rep2', 'rep3', 'manager'] as const;
const INDUSTRIES = ['retail', 'energy', 'finance'] as const;

let team: SalesTeam;
let reports: ReportService;

/** Each role's rows of one object, written out here rather than taken from the access package. */
function scopeOf(role: Role, object: 'customer' | 'deal' | 'contract', alias: string): RawBuilder<unknown> {
  const tree = [team.people.manager.department, team.people.rep1.department];
  if (role === 'director' || (role === 'rep1' && object === 'customer')) return sql`true`;
  if (role === 'rep1') return sql`${sql.ref(`${alias}.owner_id`)} = ${team.people.rep1.id}::uuid`;
  return sql`${sql.ref(`${alias}.department_id`)} = any(${tree}::uuid[])`;
}

const normal = (value: unknown) => {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) && typeof value !== 'boolean' ? Math.round(n * 1e6) / 1e6 : String(value);
};

/** A customer dimension: the report's spec and the oracle's SQL over `c`. */
const CUSTOMER_DIMENSIONS = [
  { spec: { id: 'industry', field: 'industry' }, expr: sql`c.industry` },
  { spec: { id: 'owner', field: 'owner_id' }, expr: sql`c.owner_id` },
  { spec: { id: 'size', field: 'employees', bucket: { width: 250 } }, expr: sql`floor(c.employees / 250) * 250` },
  {
    spec: { id: 'size_band', field: 'employees', bucket: { edges: [0, 100, 500] } },
    expr: sql`case when c.employees is null then null when c.employees >= 500 then 500 when c.employees >= 100 then 100 else 0 end`,
  },
];

type Source = 'customer' | 'deal' | 'contract';
interface JoinMeasure {
  spec: ReportMeasure;
  source: Source;
  expr: RawBuilder<unknown>;
  /** The value of a group without any such record. */
  empty: number | null;
}

const JOIN_MEASURES: JoinMeasure[] = [
  { spec: { id: 'customers', aggregate: 'count' }, source: 'customer', expr: sql`count(*)`, empty: 0 },
  { spec: { id: 'deal_count', aggregate: 'count', join: 'deals' }, source: 'deal', expr: sql`count(*)`, empty: 0 },
  { spec: { id: 'deal_amount', aggregate: 'sum', field: 'amount', join: 'deals' }, source: 'deal', expr: sql`coalesce(sum(d.amount), 0)`, empty: 0 },
  {
    spec: { id: 'deal_median', aggregate: 'median', field: 'amount', join: 'deals' },
    source: 'deal',
    expr: sql`percentile_cont(0.5) within group (order by d.amount)`,
    empty: null,
  },
  {
    spec: { id: 'won_amount', aggregate: 'sum', field: 'amount', join: 'deals', filter: '[stage] = "won"' },
    source: 'deal',
    expr: sql`coalesce(sum(case when d.stage = 'won' then d.amount end), 0)`,
    empty: 0,
  },
  { spec: { id: 'contract_value', aggregate: 'sum', field: 'value', join: 'contracts' }, source: 'contract', expr: sql`coalesce(sum(k.value), 0)`, empty: 0 },
  {
    spec: { id: 'contracted_deals', aggregate: 'distinct_count', field: 'deal', join: 'contracts' },
    source: 'contract',
    expr: sql`count(distinct k.deal)`,
    empty: 0,
  },
];

const JOINS: ReportDefinition['joins'] = [
  { id: 'deals', object: 'deal', via: 'customer' },
  { id: 'contracts', object: 'contract', via: 'deal', from: 'deals' },
];

/** The oracle's rows of one kind of record, grouped by the dimensions, as JSON key → values. */
async function oracleGroups(role: Role, source: Source, dims: RawBuilder<unknown>[], measures: JoinMeasure[], where: RawBuilder<unknown>) {
  const from = {
    customer: sql`app_sales.customer as c`,
    deal: sql`app_sales.customer as c join app_sales.deal as d on d.customer = c.id and d.deleted_at is null and ${scopeOf(role, 'deal', 'd')}`,
    contract: sql`app_sales.customer as c join app_sales.deal as d on d.customer = c.id and d.deleted_at is null and ${scopeOf(role, 'deal', 'd')}
      join app_sales.contract as k on k.deal = d.id and k.deleted_at is null and ${scopeOf(role, 'contract', 'k')}`,
  }[source];
  const select = [...dims.map((d, i) => sql`${d} as ${sql.id(`k${i}`)}`), ...measures.map((m, i) => sql`${m.expr} as ${sql.id(`v${i}`)}`)];
  if (select.length === 0) select.push(sql`1 as one`);
  const groupBy = dims.length ? sql` group by ${sql.join(dims.map((_, i) => sql.lit(i + 1)))}` : sql``;
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(select)} from ${from}
    where c.deleted_at is null and ${scopeOf(role, 'customer', 'c')} and ${where}${groupBy}`.execute(team.database.db);
  return new Map(rows.map((row) => [JSON.stringify(dims.map((_, i) => normal(row[`k${i}`]))), measures.map((_, i) => normal(row[`v${i}`]))] as const));
}

beforeAll(async () => {
  team = await createSalesTeam();
  const data = fc.sample(
    fc.record({
      customers: fc.array(
        fc.record({
          owner: fc.constantFrom(...OWNERS),
          industry: fc.option(fc.constantFrom(...INDUSTRIES), { nil: null }),
          employees: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
        }),
        { minLength: 25, maxLength: 25 },
      ),
      deals: fc.array(
        fc.record({
          owner: fc.constantFrom(...OWNERS),
          customer: fc.nat(24),
          amount: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
          stage: fc.constantFrom('lead', 'won', 'lost'),
        }),
        { minLength: 60, maxLength: 60 },
      ),
      contracts: fc.array(fc.record({ owner: fc.constantFrom(...OWNERS), deal: fc.nat(59), value: fc.integer({ min: 1, max: 20_000 }) }), {
        minLength: 90,
        maxLength: 90,
      }),
    }),
    { numRuns: 1, seed: 11 },
  )[0]!;
  const customers: string[] = [];
  for (const [i, c] of data.customers.entries())
    customers.push(await team.record(c.owner, 'customer', { name: `customer ${i}`, industry: c.industry, employees: c.employees, credit_limit: 1000 }));
  const deals: string[] = [];
  for (const [i, d] of data.deals.entries())
    deals.push(await team.deal(d.owner, { name: `deal ${i}`, customer: customers[d.customer], amount: d.amount, stage: d.stage }));
  for (const [i, k] of data.contracts.entries()) await team.record(k.owner, 'contract', { name: `contract ${i}`, deal: deals[k.deal], value: k.value });
  reports = createReportService(team.records);
}, 120_000);
afterAll(async () => team?.close());

describe('reports over joins', () => {
  it('never count a customer or a deal twice, however many contracts it has', async () => {
    const customer = await team.record('director', 'customer', { name: 'Twice', industry: null, employees: 5000 });
    const first = await team.deal('director', { name: 'first', customer, amount: 100 });
    await team.deal('director', { name: 'second', customer, amount: 200 });
    for (const value of [10, 20, 30]) await team.record('director', 'contract', { name: `c${value}`, deal: first, value });
    const answer = await reports.run('sales', team.people.director.policy, {
      id: 'twice',
      label: { en: 'Twice' },
      object: 'customer',
      joins: JOINS,
      filters: [{ field: 'name', op: 'eq', value: 'Twice' }],
      measures: [
        { id: 'customers', aggregate: 'count' },
        { id: 'deal_amount', aggregate: 'sum', field: 'amount', join: 'deals' },
        { id: 'contract_value', aggregate: 'sum', field: 'value', join: 'contracts' },
        { id: 'per_customer', aggregate: 'formula', formula: '[deal_amount] / [customers]' },
      ],
    });
    // A naive join (customer ⋈ deal ⋈ contract) gives 4 customers and 500 in deals.
    expect(answer.rows[0]?.values).toEqual({ customers: 1, deal_amount: 300, contract_value: 60, per_customer: 300 });
  });

  it('agree with the oracle on customers with their deals and contracts, for a rep, a manager and a director', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...CUSTOMER_DIMENSIONS), { maxLength: 2, selector: (d) => d.spec.field }),
        fc.subarray(JOIN_MEASURES, { minLength: 1 }),
        fc.option(fc.subarray([...INDUSTRIES], { minLength: 1 }), { nil: null }),
        fc.constantFrom<Role>('rep1', 'manager', 'director'),
        async (dims, measures, industries, role) => {
          const report: ReportDefinition = {
            id: 'generated',
            label: { en: 'Generated' },
            object: 'customer',
            joins: JOINS,
            dimensions: dims.map((d) => d.spec as NonNullable<ReportDefinition['dimensions']>[number]),
            measures: measures.map((m) => m.spec),
            ...(industries ? { filters: [{ field: 'industry', op: 'in' as const, value: industries }] } : {}),
          };
          const answer = await reports.run('sales', team.people[role].policy, report);
          const where = industries ? sql`c.industry = any(${industries}::text[])` : sql`true`;
          const exprs = dims.map((d) => d.expr);
          const groups = await oracleGroups(role, 'customer', exprs, [], where);
          const bySource = new Map<Source, Map<string, (number | string | null)[]>>();
          for (const source of ['customer', 'deal', 'contract'] as const)
            bySource.set(
              source,
              await oracleGroups(
                role,
                source,
                exprs,
                measures.filter((m) => m.source === source),
                where,
              ),
            );
          const expected = [...groups.keys()].map((key) => [
            ...JSON.parse(key),
            ...measures.map((m) => {
              const ofSource = measures.filter((x) => x.source === m.source);
              const found = bySource.get(m.source)?.get(key);
              return found ? found[ofSource.indexOf(m)] : m.empty;
            }),
          ]);
          const actual = answer.rows.map((row) => [
            ...dims.map((d) => normal(row.keys[d.spec.id]?.value)),
            ...measures.map((m) => normal(row.values[m.spec.id])),
          ]);
          const sorted = (list: unknown[][]) => list.map((r) => JSON.stringify(r)).sort();
          expect(sorted(actual)).toEqual(sorted(expected));
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  }, 180_000);

  it("agree with the oracle on deals grouped and filtered by their customer's fields", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.option(fc.subarray([...INDUSTRIES], { minLength: 1 }), { nil: null }),
        fc.constantFrom<Role>('rep1', 'manager', 'director'),
        async (byStage, industries, role) => {
          const answer = await reports.run('sales', team.people[role].policy, {
            id: 'by_industry',
            label: { en: 'By industry' },
            object: 'deal',
            dimensions: [{ id: 'industry', field: 'customer.industry' }, ...(byStage ? [{ id: 'stage', field: 'stage' }] : [])],
            measures: [
              { id: 'deals', aggregate: 'count' },
              { id: 'amount', aggregate: 'sum', field: 'amount' },
            ],
            ...(industries ? { filters: [{ field: 'customer.industry', op: 'in' as const, value: industries }] } : {}),
          });
          const stage = byStage ? [sql`d.stage`] : [];
          const { rows } = await sql<Record<string, unknown>>`select c.industry, ${sql.join([...stage, sql`count(*)`, sql`coalesce(sum(d.amount), 0)`])}
            from app_sales.deal as d
            left join app_sales.customer as c on c.id = d.customer and c.deleted_at is null and ${scopeOf(role, 'customer', 'c')}
            where d.deleted_at is null and ${scopeOf(role, 'deal', 'd')} and ${industries ? sql`c.industry = any(${industries}::text[])` : sql`true`}
            group by ${byStage ? sql`1, 2` : sql`1`}`.execute(team.database.db);
          const expected = rows.map((r) => Object.values(r).map(normal));
          const actual = answer.rows.map((r) => [
            normal(r.keys.industry?.value),
            ...(byStage ? [normal(r.keys.stage?.value)] : []),
            normal(r.values.deals),
            normal(r.values.amount),
          ]);
          const sorted = (list: unknown[][]) => list.map((r) => JSON.stringify(r)).sort();
          expect(sorted(actual)).toEqual(sorted(expected));
        },
      ),
      { numRuns: 15, seed: 5 },
    );
  }, 120_000);

  it("refuses a report reading a related record's field the viewer's role hides", async () => {
    const report: ReportDefinition = {
      id: 'credit',
      label: { en: 'Credit' },
      object: 'deal',
      dimensions: [{ id: 'credit', field: 'customer.credit_limit' }],
      measures: [{ id: 'deals', aggregate: 'count' }],
    };
    await expect(reports.run('sales', team.people.rep1.policy, report)).rejects.toThrow(ReportError);
    await expect(reports.run('sales', team.people.rep1.policy, report)).rejects.toMatchObject({ code: 'report.field_hidden' });
    expect((await reports.run('sales', team.people.director.policy, report)).rows.length).toBeGreaterThan(0);
  });

  it('never serve a cached answer after a joined object changed', async () => {
    const report: ReportDefinition = {
      id: 'contracts_total',
      label: { en: 'Contracts' },
      object: 'customer',
      joins: JOINS,
      measures: [{ id: 'contract_value', aggregate: 'sum', field: 'value', join: 'contracts' }],
    };
    const director = team.people.director.policy;
    const customer = await team.record('director', 'customer', { name: 'Late' });
    const deal = await team.deal('director', { name: 'late', customer });
    await team.events.drain();
    const first = await reports.run('sales', director, report);
    const again = await reports.run('sales', director, report);
    expect([first.cached, again.cached]).toEqual([false, true]);
    // Only a contract changes: the customers (the source) keep their data version.
    await team.record('director', 'contract', { name: 'late', deal, value: 7 });
    await team.events.drain();
    const after = await reports.run('sales', director, report);
    expect(after.cached).toBe(false);
    expect(Number(after.rows[0]?.values.contract_value)).toBe(Number(first.rows[0]?.values.contract_value) + 7);
  });
});
