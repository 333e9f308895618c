import type { ReportDefinition } from '@tessera/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService, type ReportService } from './report-service';
import { createSalesTeam, type SalesTeam, salesApp } from './test-app';

/** Data completeness of key fields, per owner, under each viewer's rows and fields. */

let team: SalesTeam;
let reports: ReportService;

const completeness = (fields?: string[]): ReportDefinition => ({
  id: 'completeness',
  label: { en: 'Completeness' },
  object: 'deal',
  dimensions: [{ id: 'owner', field: 'owner_id' }],
  measures: [{ id: 'complete', aggregate: 'completeness', format: 'percent', ...(fields ? { fields } : {}) }],
});

beforeAll(async () => {
  const document = { ...salesApp, objects: salesApp.objects.map((o) => (o.id === 'deal' ? { ...o, quality: { keyFields: ['name', 'amount', 'stage'] } } : o)) };
  team = await createSalesTeam(document);
  await team.deal('rep1', { name: 'full', amount: 10, stage: 'won' });
  await team.deal('rep1', { name: '', amount: 10, stage: null });
  await team.deal('rep2', { name: 'half', amount: null, stage: null });
  reports = createReportService(team.records);
}, 60_000);
afterAll(async () => team?.close());

const shares = (rows: { keys: Record<string, { label: unknown }>; values: Record<string, unknown> }[]) =>
  rows.map((r) => [r.keys.owner?.label, Math.round(Number(r.values.complete) * 1000) / 1000]);

describe('data completeness', () => {
  it("averages the share of the object's key fields each record has filled, blank text counting as empty", async () => {
    // rep1: 3/3 and 1/3 → 2/3; rep2: 1/3.
    expect(shares((await reports.run('sales', team.people.director.policy, completeness())).rows)).toEqual([
      ['李强', 0.333],
      ['陈静', 0.667],
    ]);
    expect(shares((await reports.run('sales', team.people.rep1.policy, completeness())).rows)).toEqual([['陈静', 0.667]]);
    expect(shares((await reports.run('sales', team.people.director.policy, completeness(['name']))).rows)).toEqual([
      ['李强', 1],
      ['陈静', 0.5],
    ]);
  });

  it('refuses key fields the viewer may not see', async () => {
    await expect(reports.run('sales', team.people.rep1.policy, completeness(['name', 'margin']))).rejects.toMatchObject({ code: 'report.field_hidden' });
  });
});
