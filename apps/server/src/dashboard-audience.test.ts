import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { ReportAnswer } from '@tessera/reports';
import type { AppDocument } from '@tessera/schemas';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstallResult, installTemplate } from './install-template';
import { buildServer } from './server';
import { adminHeaders, signInHeaders } from './test-session';

let database: TestDatabase;
let app: FastifyInstance;
let demo: InstallResult;

/** A team board: open deals by stage for everyone, and a per-owner leaderboard only managers are served. */
function withTeamBoard(document: AppDocument): AppDocument {
  return {
    ...document,
    reports: [
      ...(document.reports ?? []),
      {
        id: 'team_deals',
        label: { en: 'Deals', 'zh-CN': '商机' },
        object: 'opportunity',
        dimensions: [{ id: 'stage', field: 'stage' }],
        measures: [{ id: 'deals', aggregate: 'count' }],
      },
      {
        id: 'team_pivot',
        label: { en: 'Deals by stage and owner', 'zh-CN': '按阶段和负责人' },
        object: 'opportunity',
        dimensions: [
          { id: 'stage', field: 'stage' },
          { id: 'owner', field: 'owner_id' },
        ],
        measures: [{ id: 'deals', aggregate: 'count' }],
      },
      {
        id: 'team_by_owner',
        label: { en: 'By owner', 'zh-CN': '按负责人' },
        object: 'opportunity',
        dimensions: [{ id: 'owner', field: 'owner_id' }],
        measures: [{ id: 'amount', aggregate: 'sum', field: 'amount' }],
      },
    ],
    dashboards: [
      ...(document.dashboards ?? []),
      {
        id: 'team',
        label: { en: 'Team', 'zh-CN': '团队' },
        filters: ['owner', 'department'],
        widgets: [
          { id: 'deals', kind: 'bar', report: 'team_deals' },
          { id: 'owners', kind: 'table', report: 'team_by_owner', roles: ['sales_manager'] },
        ],
      },
      { id: 'managers', label: { en: 'Managers', 'zh-CN': '经理' }, roles: ['sales_manager'], widgets: [{ id: 'deals', kind: 'kpi', report: 'team_deals' }] },
      {
        id: 'shapes',
        label: { en: 'Shapes', 'zh-CN': '形状' },
        widgets: [
          { id: 'pivot', kind: 'pivot', report: 'team_pivot' },
          { id: 'gauge', kind: 'gauge', report: 'team_deals', max: 1000 },
          { id: 'note', kind: 'note', text: { 'zh-CN': '<h2>说明</h2><img src=x onerror="alert(1)"><a href="javascript:alert(1)">链接</a>' } },
        ],
      },
    ],
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database });
  await adminHeaders(app, database);
  demo = await installTemplate(database, 'crm', { seed: 5, scale: 1, team: true, records: app.records });
  await app.ready();
  await app.events.drain();
  const admin = await adminHeaders(app, database);
  const current = (await app.inject({ method: 'GET', url: '/api/apps/crm', headers: admin })).json() as { draft: AppDocument; draftRevision: number };
  const saved = await app.inject({
    method: 'PUT',
    url: '/api/apps/crm/draft',
    headers: admin,
    payload: { document: withTeamBoard(current.draft), revision: current.draftRevision },
  });
  expect(saved.json()).toMatchObject({ valid: true });
  expect((await app.inject({ method: 'POST', url: '/api/apps/crm/publish', headers: admin, payload: {} })).statusCode).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

type Who = 'chen.jing' | 'wang.lei' | 'admin';
const person = (key: string) => demo.people.find((p) => p.key === key)!;
const headers = (who: Who) => (who === 'admin' ? adminHeaders(app, database) : signInHeaders(app, person(who).email, person(who).password));
const post = async (who: Who, url: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url, headers: await headers(who), payload });
type Board = { widgets: { id: string; status: string; result: ReportAnswer }[] };
const total = (board: Board, widget: string) =>
  board.widgets.find((w) => w.id === widget)!.result.rows.reduce((sum, row) => sum + Number(row.values.deals ?? 0), 0);
const userId = async (email: string) => (await sql<{ id: string }>`select id from users where email = ${email}`.execute(database.db)).rows[0]!.id;
const countOwnedBy = async (owner: string) =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from app_crm.opportunity where deleted_at is null and owner_id = ${owner}`.execute(database.db)).rows[0]!.n,
  );

describe('who is served a dashboard and its widgets', () => {
  it('serves a rep the widgets meant for everyone and not the one kept for managers; the manager gets both', async () => {
    const rep = (await post('chen.jing', '/api/apps/crm/dashboards/team/data', {})).json() as Board;
    expect(rep.widgets.map((w) => w.id)).toEqual(['deals']);
    const manager = (await post('wang.lei', '/api/apps/crm/dashboards/team/data', {})).json() as Board;
    expect(manager.widgets.map((w) => w.id)).toEqual(['deals', 'owners']);
    // The rep's numbers are their own deals: exactly what they own, counted by hand.
    expect(total(rep, 'deals')).toBe(await countOwnedBy(await userId(person('chen.jing').email)));
  });

  it('refuses a dashboard outside the viewer’s roles, and a report shown only in widgets they may not see, with a problem in their language', async () => {
    const board = await post('chen.jing', '/api/apps/crm/dashboards/managers/data', {});
    expect(board.statusCode).toBe(403);
    expect(board.json()).toMatchObject({ code: 'dashboard.forbidden' });
    const report = await app.inject({
      method: 'POST',
      url: '/api/apps/crm/reports/query',
      headers: { ...(await headers('chen.jing')), 'accept-language': 'zh-CN' },
      payload: { reportId: 'team_by_owner' },
    });
    expect(report.statusCode).toBe(403);
    expect(report.json()).toMatchObject({ code: 'report.hidden', title: '报表“team_by_owner”只在你的角色看不到的组件中展示' });
    expect((await post('wang.lei', '/api/apps/crm/reports/query', { reportId: 'team_by_owner' })).statusCode).toBe(200);
  });

  it('sends a pivot with its totals, a gauge’s one number and a sanitized note, each over the viewer’s rows', async () => {
    type Shapes = {
      widgets: {
        id: string;
        status: string;
        result?: ReportAnswer;
        pivot?: { columns: unknown[]; rows: { cells: { value: number | null }[]; total: { value: number } }[]; total: { value: number } };
        text?: Record<string, string>;
      }[];
    };
    const board = async (who: Who) => {
      const response = await post(who, '/api/apps/crm/dashboards/shapes/data', {});
      expect(response.statusCode).toBe(200);
      const widgets = (response.json() as Shapes).widgets;
      return Object.fromEntries(widgets.map((w) => [w.id, w]));
    };
    const rep = await board('chen.jing');
    const owned = await countOwnedBy(await userId(person('chen.jing').email));
    expect(rep.pivot?.pivot?.total.value).toBe(owned);
    expect(rep.pivot?.pivot?.columns).toHaveLength(1);
    expect(rep.gauge?.result?.rows[0]?.values.deals).toBe(owned);
    const manager = await board('wang.lei');
    const pivot = manager.pivot?.pivot;
    expect(pivot?.columns.length).toBeGreaterThan(1);
    // Every row's total is its cells' sum for a count, and the grand total is every row's.
    for (const row of pivot?.rows ?? []) expect(row.cells.reduce((sum, c) => sum + (c.value ?? 0), 0)).toBe(row.total.value);
    expect(pivot?.rows.reduce((sum, r) => sum + r.total.value, 0)).toBe(pivot?.total.value);
    expect(manager.note).toEqual({
      id: 'note',
      kind: 'note',
      status: 'note',
      text: { 'zh-CN': '<h2>说明</h2><a target="_blank" rel="noopener noreferrer nofollow">链接</a>' },
    });
  });

  it('narrows every widget by the owner filter, under the viewer’s access', async () => {
    const rep = await userId(person('chen.jing').email);
    const filtered = (await post('admin', '/api/apps/crm/dashboards/team/data', { owner: rep })).json() as Board;
    expect(total(filtered, 'deals')).toBe(await countOwnedBy(rep));
    const owners = filtered.widgets.find((w) => w.id === 'owners')!.result.rows;
    expect(owners.map((row) => row.keys.owner?.value)).toEqual([rep]);
    const all = (await post('admin', '/api/apps/crm/dashboards/team/data', {})).json() as Board;
    expect(total(all, 'deals')).toBeGreaterThan(total(filtered, 'deals'));
    // A rep filtering on someone else's deals sees none of them: the filter only narrows their own scope.
    const other = await userId(person('li.qiang').email);
    expect(total((await post('chen.jing', '/api/apps/crm/dashboards/team/data', { owner: other })).json() as Board, 'deals')).toBe(0);
    const bad = await post('admin', '/api/apps/crm/dashboards/team/data', { owner: 'not-a-person' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ status: 400 });
  });
});

describe('exporting a widget', () => {
  it('writes a widget’s rows as CSV and XLSX with the viewer’s numbers, and refuses a role without export or a hidden widget', async () => {
    const csv = await post('wang.lei', '/api/apps/crm/dashboards/team/widgets/owners/export', { format: 'csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const board = (await post('wang.lei', '/api/apps/crm/dashboards/team/data', {})).json() as Board;
    expect(lines.length).toBe(1 + board.widgets.find((w) => w.id === 'owners')!.result.rows.length);

    // A pivot leaves as the grid it shows: stage down, owner across, a total column and a total row.
    const pivotCsv = await app.inject({
      method: 'POST',
      url: '/api/apps/crm/dashboards/shapes/widgets/pivot/export',
      headers: { ...(await headers('wang.lei')), 'accept-language': 'en' },
      payload: { format: 'csv' },
    });
    expect(pivotCsv.statusCode).toBe(200);
    const grid = pivotCsv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    const shapes = (await post('wang.lei', '/api/apps/crm/dashboards/shapes/data', {})).json() as {
      widgets: { id: string; pivot?: { columns: unknown[]; rows: unknown[]; total: { value: number } } }[];
    };
    const pivot = shapes.widgets.find((w) => w.id === 'pivot')!.pivot!;
    expect(grid[0]![0]).toBe('Stage \\ Owner');
    expect(grid[0]!.length).toBe(pivot.columns.length + 2);
    expect(grid[0]!.at(-1)).toBe('Total');
    expect(grid.length).toBe(1 + pivot.rows.length + 1);
    expect(grid.at(-1)![0]).toBe('Total');
    expect(Number(grid.at(-1)!.at(-1))).toBe(pivot.total.value);

    const xlsx = await post('admin', '/api/apps/crm/dashboards/team/widgets/deals/export', { format: 'xlsx' });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const counted = sheet
      .getSheetValues()
      .slice(2)
      .reduce<number>((sum, row) => sum + Number((row as unknown[])[2] ?? 0), 0);
    expect(counted).toBe(total((await post('admin', '/api/apps/crm/dashboards/team/data', {})).json() as Board, 'deals'));

    // A rep's role has no export on deals; the managers' widget is not theirs to see at all.
    expect((await post('chen.jing', '/api/apps/crm/dashboards/team/widgets/deals/export', { format: 'csv' })).json()).toMatchObject({
      status: 403,
      code: 'report.export_forbidden',
    });
    expect((await post('chen.jing', '/api/apps/crm/dashboards/team/widgets/owners/export', { format: 'csv' })).json()).toMatchObject({
      status: 404,
      code: 'widget.not_found',
    });
  });
});

describe('the studio’s widget preview', () => {
  it('answers a draft widget for an admin without saving anything, and is refused to anyone else', async () => {
    const spec = {
      widget: { id: 'draft_kpi', kind: 'kpi', report: 'draft_kpi' },
      report: { id: 'draft_kpi', label: { en: 'Draft' }, object: 'opportunity', measures: [{ id: 'deals', aggregate: 'count' }] },
    };
    const preview = await post('admin', '/api/apps/crm/dashboards/preview', spec);
    expect(preview.statusCode).toBe(200);
    const all = Number((await sql<{ n: string }>`select count(*) as n from app_crm.opportunity where deleted_at is null`.execute(database.db)).rows[0]!.n);
    expect(preview.json()).toMatchObject({ status: 'ok', result: { rows: [{ values: { deals: all } }] } });
    expect((await post('wang.lei', '/api/apps/crm/dashboards/preview', spec)).statusCode).toBe(403);
    const broken = await post('admin', '/api/apps/crm/dashboards/preview', {
      ...spec,
      report: { ...spec.report, measures: [{ id: 'x', aggregate: 'sum', field: 'nope' }] },
    });
    expect(broken.json()).toMatchObject({ status: 'error', code: 'report.invalid' });
  });
});
