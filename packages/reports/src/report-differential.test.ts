import type { ReportDefinition, ReportDimension, ReportMeasure } from '@tessera/schemas';
import fc from 'fast-check';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService, type ReportService } from './report-service';
import { createSalesTeam, type SalesTeam } from './test-app';

/**
 * Differential test: random deals, generated reports, each answered by the engine and by a
 * query written here by hand — its own row scope per role, a local-time date_trunc instead of the
 * three-argument one, CASE sums instead of FILTER — for a rep, a manager and a director.
 */

const STAGES = ['lead', 'proposal', 'won', 'lost'] as const;
const OWNERS = ['rep1', 'rep2', 'rep3', 'manager'] as const;
const ZONE = 'Asia/Shanghai';

const dealArb = fc.record({
  owner: fc.constantFrom(...OWNERS),
  stage: fc.option(fc.constantFrom(...STAGES), { nil: null }),
  amount: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  closedAt: fc.option(fc.integer({ min: Date.UTC(2025, 11, 20), max: Date.UTC(2026, 2, 10) }), { nil: null }),
  closedOn: fc.option(fc.integer({ min: 20_440, max: 20_540 }), { nil: null }),
  hot: fc.boolean(),
});

interface OracleDimension {
  spec: ReportDimension;
  expr: RawBuilder<unknown>;
}
interface OracleMeasure {
  spec: ReportMeasure;
  expr: RawBuilder<unknown>;
}

const ref = (column: string) => sql.ref(`d.${column}`);
const localBucket = (grain: string, column: string) => sql`to_char(date_trunc(${sql.lit(grain)}, ${ref(column)} at time zone ${sql.lit(ZONE)}), 'YYYY-MM-DD')`;

const dimensionArb: fc.Arbitrary<OracleDimension> = fc.oneof(
  fc.constant({ spec: { id: 'stage', field: 'stage' }, expr: ref('stage') }),
  fc.constant({ spec: { id: 'owner', field: 'owner_id' }, expr: ref('owner_id') }),
  fc.constant({ spec: { id: 'department', field: 'department_id' }, expr: ref('department_id') }),
  fc.constant({ spec: { id: 'hot', field: 'hot' }, expr: ref('hot') }),
  fc.constantFrom('day', 'week', 'month', 'quarter', 'year').map((grain) => ({
    spec: { id: 'closed', field: 'closed_at', grain } as ReportDimension,
    expr: localBucket(grain, 'closed_at'),
  })),
  fc.constantFrom('week', 'month', 'year').map((grain) => ({
    spec: { id: 'closed_day', field: 'closed_on', grain } as ReportDimension,
    expr: sql`to_char(date_trunc(${sql.lit(grain)}, ${ref('closed_on')}::timestamp), 'YYYY-MM-DD')`,
  })),
);

const MEASURES: OracleMeasure[] = [
  { spec: { id: 'deals', aggregate: 'count' }, expr: sql`count(*)` },
  { spec: { id: 'won', aggregate: 'count', filter: '[stage] = "won"' }, expr: sql`sum(case when d.stage = 'won' then 1 else 0 end)` },
  { spec: { id: 'amount', aggregate: 'sum', field: 'amount' }, expr: sql`coalesce(sum(d.amount), 0)` },
  { spec: { id: 'average', aggregate: 'avg', field: 'amount' }, expr: sql`avg(d.amount)` },
  { spec: { id: 'smallest', aggregate: 'min', field: 'amount' }, expr: sql`min(d.amount)` },
  { spec: { id: 'latest', aggregate: 'max', field: 'closed_on' }, expr: sql`to_char(max(d.closed_on), 'YYYY-MM-DD')` },
  { spec: { id: 'owners', aggregate: 'distinct_count', field: 'owner_id' }, expr: sql`count(distinct d.owner_id)` },
  { spec: { id: 'median', aggregate: 'median', field: 'amount' }, expr: sql`percentile_cont(0.5) within group (order by d.amount)` },
  {
    spec: { id: 'won_share', aggregate: 'formula', formula: 'IF([deals] = 0, 0, [won] / [deals])' },
    expr: sql`case when count(*) = 0 then 0 else sum(case when d.stage = 'won' then 1 else 0 end)::numeric / count(*) end`,
  },
];

/** Filters the engine takes as list conditions or a formula, with their hand-written SQL. */
const filterArb = fc.oneof(
  fc.constant({ report: {}, expr: sql`true` }),
  fc.subarray([...STAGES], { minLength: 1 }).map((stages) => ({
    report: { filters: [{ field: 'stage', op: 'in' as const, value: stages }] },
    expr: sql`d.stage = any(${stages}::text[])`,
  })),
  fc.integer({ min: 0, max: 100_000 }).map((min) => ({
    report: { filters: [{ field: 'amount', op: 'gte' as const, value: min }] },
    expr: sql`d.amount >= ${min}`,
  })),
  fc.constant({ report: { where: '[hot]' }, expr: sql`coalesce(d.hot, false)` }),
  fc.constant({
    report: { dateField: 'closed_at', dateRange: { from: '2026-01-01', to: '2026-02-01' } },
    expr: sql`d.closed_at >= '2025-12-31T16:00:00Z' and d.closed_at < '2026-01-31T16:00:00Z'`,
  }),
);

const reportArb = fc.record({
  dimensions: fc.uniqueArray(dimensionArb, { maxLength: 2, selector: (d) => d.spec.id }),
  measures: fc.subarray(MEASURES, { minLength: 1 }).map((picked) => (picked.some((m) => m.spec.id === 'won_share') ? MEASURES : picked)),
  filter: filterArb,
});

let team: SalesTeam;
let reports: ReportService;

/** Each role's rows, written out by hand rather than taken from the access package. */
function scopeOf(role: 'rep1' | 'manager' | 'director'): RawBuilder<unknown> {
  if (role === 'rep1') return sql`d.owner_id = ${team.people.rep1.id}::uuid`;
  if (role === 'manager') return sql`d.department_id = any(${[team.people.manager.department, team.people.rep1.department]}::uuid[])`;
  return sql`true`;
}

const normal = (value: unknown) => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  const n = Number(value);
  return Number.isFinite(n) && typeof value !== 'boolean' && !/^\d{4}-/.test(String(value)) ? Math.round(n * 1e6) / 1e6 : String(value);
};

beforeAll(async () => {
  team = await createSalesTeam();
  const deals = fc.sample(fc.array(dealArb, { minLength: 150, maxLength: 150 }), { numRuns: 1, seed: 42 })[0]!;
  for (const [i, deal] of deals.entries()) {
    await team.deal(deal.owner, {
      name: `deal ${i}`,
      stage: deal.stage,
      amount: deal.amount,
      closed_at: deal.closedAt === null ? null : new Date(deal.closedAt).toISOString(),
      closed_on: deal.closedOn === null ? null : new Date(deal.closedOn * 86_400_000).toISOString().slice(0, 10),
      hot: deal.hot,
    });
  }
  reports = createReportService(team.records);
}, 60_000);
afterAll(async () => team?.close());

describe('reports against hand-written SQL', () => {
  it('agree on every group and value, for a rep, a manager and a director', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, fc.constantFrom('rep1', 'manager', 'director') as fc.Arbitrary<'rep1' | 'manager' | 'director'>, async (picked, role) => {
        const report: ReportDefinition = {
          id: 'generated',
          label: { en: 'Generated' },
          object: 'deal',
          dimensions: picked.dimensions.map((d) => d.spec),
          measures: picked.measures.map((m) => m.spec),
          ...picked.filter.report,
        };
        const answer = await reports.run('sales', team.people[role].policy, report);
        const keys = picked.dimensions.map((d, i) => sql`${d.expr} as ${sql.id(`k${i}`)}`);
        const values = picked.measures.map((m, i) => sql`${m.expr} as ${sql.id(`v${i}`)}`);
        const groupBy = keys.length ? sql` group by ${sql.join(picked.dimensions.map((_, i) => sql.lit(i + 1)))}` : sql``;
        const { rows } = await sql<Record<string, unknown>>`select ${sql.join([...keys, ...values])} from app_sales.deal as d
          where d.deleted_at is null and ${scopeOf(role)} and ${picked.filter.expr}${groupBy}`.execute(team.database.db);
        const expected = rows.map((row) => [...picked.dimensions.map((_, i) => normal(row[`k${i}`])), ...picked.measures.map((_, i) => normal(row[`v${i}`]))]);
        const actual = answer.rows.map((row) => [
          ...picked.dimensions.map((d) => normal(row.keys[d.spec.id]?.value)),
          ...picked.measures.map((m) => normal(row.values[m.spec.id])),
        ]);
        const sorted = (list: unknown[][]) => list.map((r) => JSON.stringify(r)).sort();
        expect(sorted(actual)).toEqual(sorted(expected));
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 120_000);
});
