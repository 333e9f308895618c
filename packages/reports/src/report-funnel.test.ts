import { fullAccess } from '@tessera/access';
import type { ReportDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService, type ReportService } from './report-service';
import { createSalesTeam, type SalesTeam } from './test-app';

/**
 * Funnels from stage history: deals moved through stages by real updates (so the history table
 * holds every change), counted in both modes, as a rep (their own deals) and a director (all).
 */

let team: SalesTeam;
let reports: ReportService;
const ids: Record<string, string> = {};

const funnel = (mode: 'ordered' | 'reached', filters: ReportDefinition['filters'] = []): ReportDefinition => ({
  id: `funnel_${mode}`,
  label: { en: 'Funnel' },
  object: 'deal',
  funnel: { field: 'stage', steps: ['lead', 'proposal', 'won'], mode },
  measures: [{ id: 'deals', aggregate: 'count' }],
  filters,
});

beforeAll(async () => {
  team = await createSalesTeam();
  const paths: [string, 'rep1' | 'rep3', string[]][] = [
    ['d1', 'rep1', ['lead', 'proposal', 'won']],
    ['d2', 'rep1', ['lead', 'won']],
    ['d3', 'rep1', ['lead', 'proposal', 'lost']],
    ['d4', 'rep1', ['proposal']],
    ['d5', 'rep3', ['lead', 'proposal']],
  ];
  for (const [name, owner, stages] of paths) {
    const id = await team.deal(owner, { name, stage: stages[0] });
    ids[name] = id;
    const person = team.people[owner];
    for (const stage of stages.slice(1)) {
      const current = await team.records.get('sales', 'deal', fullAccess({ userId: person.id, departmentId: person.department }), id);
      await team.records.update('sales', 'deal', fullAccess({ userId: person.id, departmentId: person.department }), id, {
        version: Number(current.version),
        values: { stage },
      });
    }
  }
  // d1 entered lead ten days ago and proposal four days ago (the history's times, as if it had happened then).
  const history = team.database.db;
  const rows = await sql<{ id: string }>`select id from record_history where record_id = ${ids.d1}::uuid order by id`.execute(history);
  const [lead, proposal] = rows.rows;
  await sql`update record_history set at = now() - interval '10 days' where id = ${lead?.id}`.execute(history);
  await sql`update record_history set at = now() - interval '4 days' where id = ${proposal?.id}`.execute(history);
  reports = createReportService(team.records);
}, 60_000);
afterAll(async () => team?.close());

const figures = (rows: { keys: Record<string, { value: unknown }>; values: Record<string, unknown> }[], key: string) =>
  rows.map((r) => [r.keys.step?.value, r.values[key]]);

describe('funnels from stage history', () => {
  it('count the deals that reached each stage, or went through every stage in order, as each viewer may see them', async () => {
    const director = team.people.director.policy;
    const rep = team.people.rep1.policy;
    expect(figures((await reports.run('sales', director, funnel('reached'))).rows, 'deals')).toEqual([
      ['lead', 5],
      ['proposal', 5],
      ['won', 2],
    ]);
    expect(figures((await reports.run('sales', director, funnel('ordered'))).rows, 'deals')).toEqual([
      ['lead', 4],
      ['proposal', 3],
      ['won', 1],
    ]);
    // The rep's own deals only: d5 belongs to another rep.
    const ordered = await reports.run('sales', rep, funnel('ordered'));
    expect(figures(ordered.rows, 'deals')).toEqual([
      ['lead', 3],
      ['proposal', 2],
      ['won', 1],
    ]);
    expect(figures(ordered.rows, 'conversion')).toEqual([
      ['lead', 1],
      ['proposal', 2 / 3],
      ['won', 1 / 2],
    ]);
    expect(figures(ordered.rows, 'overall')).toEqual([
      ['lead', 1],
      ['proposal', 2 / 3],
      ['won', 1 / 3],
    ]);
    expect(figures((await reports.run('sales', rep, funnel('reached'))).rows, 'deals')).toEqual([
      ['lead', 4],
      ['proposal', 4],
      ['won', 2],
    ]);
  });

  it('give the average days of completed stays in each stage', async () => {
    const answer = await reports.run('sales', team.people.director.policy, funnel('reached', [{ field: 'name', op: 'eq', value: 'd1' }]));
    const days = figures(answer.rows, 'days_in_stage').map(([step, d]) => [step, d === null ? null : Math.round(Number(d) * 100) / 100]);
    expect(days).toEqual([
      ['lead', 6],
      ['proposal', 4],
      ['won', null],
    ]);
  });

  it('refuse a funnel over a field that is not a select', async () => {
    await expect(reports.run('sales', team.people.director.policy, { ...funnel('reached'), funnel: { field: 'amount' } })).rejects.toMatchObject({
      code: 'report.invalid',
    });
  });
});
