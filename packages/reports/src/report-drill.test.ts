import type { ReportDefinition } from '@tessera/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService, type ReportService } from './report-service';
import { createSalesTeam, type SalesTeam } from './test-app';

/**
 * Drill-down on keys reached through a relation (deals by their customer's industry, by the
 * customer's owner two hops away through the contract): the records list, asked with a row's
 * drill filters, lists exactly as many records as the row counts — for a rep (who sees every
 * customer but only their deals), a manager (their department tree) and a director (all).
 */

let team: SalesTeam;
let reports: ReportService;
const VIEWERS = ['rep1', 'manager', 'director'] as const;

beforeAll(async () => {
  team = await createSalesTeam();
  const owners = ['rep1', 'rep2', 'rep3', 'manager'] as const;
  const industries = ['retail', 'energy', 'finance', null];
  const customers: string[] = [];
  for (let i = 0; i < 12; i += 1)
    customers.push(await team.record(owners[i % 4]!, 'customer', { name: `customer ${i}`, industry: industries[i % 4], employees: i * 40 }));
  const deals: string[] = [];
  for (let i = 0; i < 40; i += 1)
    deals.push(
      await team.deal(owners[(i * 3) % 4]!, {
        name: `deal ${i}`,
        // Every seventh deal has no customer: it belongs under the blank industry, as the report groups it.
        customer: i % 7 === 0 ? null : customers[i % 12],
        amount: 1000 + i * 10,
        stage: i % 3 === 0 ? 'won' : 'lead',
      }),
    );
  for (let i = 0; i < 25; i += 1) await team.record(owners[i % 4]!, 'contract', { name: `contract ${i}`, deal: deals[(i * 5) % 40], value: 100 + i });
  reports = createReportService(team.records);
}, 120_000);
afterAll(async () => team?.close());

const report = (object: string, field: string, extra: Partial<ReportDefinition> = {}): ReportDefinition => ({
  id: 'drill',
  label: { en: 'Drill' },
  object,
  dimensions: [{ id: 'key', field }],
  measures: [
    { id: 'records', aggregate: 'count' },
    { id: 'won', aggregate: 'count', filter: '[stage] = "won"' },
  ],
  ...extra,
});

async function drilledCounts(viewer: (typeof VIEWERS)[number], spec: ReportDefinition, measure: string) {
  const policy = team.people[viewer].policy;
  const answer = await reports.run('sales', policy, spec, { measure });
  expect(answer.rows.length).toBeGreaterThan(1);
  const pairs: [number, number][] = [];
  for (const row of answer.rows) {
    const listed = await team.records.list('sales', row.drill.object, policy, { filters: row.drill.filters, where: row.drill.where, limit: 500 });
    pairs.push([Number(row.values[measure]), listed.total ?? -1]);
  }
  return pairs;
}

describe('drill-down on keys through relations', () => {
  it.each(VIEWERS)('lists exactly the deals behind each customer industry, blank included, for %s', async (viewer) => {
    for (const measure of ['records', 'won']) {
      const pairs = await drilledCounts(viewer, report('deal', 'customer.industry'), measure);
      for (const [counted, listed] of pairs) expect(listed).toBe(counted);
      expect(pairs.reduce((sum, [n]) => sum + n, 0)).toBeGreaterThan(0);
    }
  });

  it.each(VIEWERS)('lists the contracts behind a key two relations away (the deal’s customer’s owner) and a period, for %s', async (viewer) => {
    const spec = report('contract', 'deal.customer.owner_id', { measures: [{ id: 'records', aggregate: 'count' }] });
    for (const [counted, listed] of await drilledCounts(viewer, spec, 'records')) expect(listed).toBe(counted);
  });

  it('refuses a path through a field the viewer may not see, as the list refuses the field itself', async () => {
    await expect(
      team.records.list('sales', 'deal', team.people.rep1.policy, { filters: [{ field: 'customer.credit_limit', op: 'gt', value: 1 }] }),
    ).rejects.toMatchObject({ code: 'query.invalid' });
  });
});
