import type { DashboardDefinition, ReportDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportService } from './report-service';
import { createSalesTeam, type SalesTeam, salesApp } from './test-app';

const heavy: ReportDefinition = {
  id: 'heavy',
  label: { en: 'Heavy' },
  object: 'deal',
  dimensions: [{ id: 'name', field: 'name' }],
  measures: [{ id: 'owners', aggregate: 'distinct_count', field: 'owner_id' }],
};
const light: ReportDefinition = {
  id: 'light',
  label: { en: 'Light' },
  object: 'deal',
  measures: [{ id: 'deals', aggregate: 'count' }],
  filters: [{ field: 'stage', op: 'eq', value: 'won' }],
};
const dashboard: DashboardDefinition = {
  id: 'mixed',
  label: { en: 'Mixed' },
  widgets: [
    { id: 'heavy', kind: 'table', report: 'heavy' },
    { id: 'light', kind: 'kpi', report: 'light' },
  ],
};

let team: SalesTeam;

beforeAll(async () => {
  team = await createSalesTeam({ ...salesApp, reports: [heavy, light], dashboards: [dashboard] });
  // Enough rows that grouping them by a unique name takes far longer than the heavy widget may.
  await sql`insert into app_sales.deal (id, owner_id, department_id, created_by, updated_by, name, stage)
    select gen_random_uuid(), ${team.people.rep1.id}::uuid, ${team.people.rep1.department}::uuid, ${team.people.rep1.id}::uuid, ${team.people.rep1.id}::uuid,
      'deal ' || i, case when i % 1000 = 0 then 'won' else 'lead' end
    from generate_series(1, 100000) i`.execute(team.database.db);
  await sql`analyze app_sales.deal`.execute(team.database.db);
}, 60_000);
afterAll(async () => team?.close());

describe('a statement timeout per widget', () => {
  it('stops the heavy widget alone, saying so, while the other widget answers', async () => {
    const reports = createReportService(team.records, { widgetTimeoutMs: 50 });
    const data = await reports.dashboard('sales', team.people.director.policy, 'mixed');
    const [heavyWidget, lightWidget] = data.widgets;
    expect(heavyWidget).toMatchObject({ id: 'heavy', status: 'error', code: 'report.timeout', params: { ms: 50 } });
    // The light widget may be stopped too on a very busy machine; when it answers, it answers right.
    if (lightWidget?.status === 'ok') expect(lightWidget.result.rows[0]?.values.deals).toBe(100);
    else expect(lightWidget).toMatchObject({ code: 'report.timeout' });
    // Given time, the heavy report answers.
    const patient = await createReportService(team.records).run('sales', team.people.director.policy, 'heavy');
    expect(patient.rows).toHaveLength(100000);
  }, 60_000);
});
