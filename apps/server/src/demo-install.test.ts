import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoApprovals } from './demo-approvals';
import { type InstallResult, installTemplate } from './install-template';
import { buildServer } from './server';
import { signInHeaders } from './test-session';

let database: TestDatabase;
let app: FastifyInstance;
let demo: InstallResult;
let started: number;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database });
  demo = await installTemplate(database, 'crm', { seed: 11, scale: 1, team: true, records: app.records });
  started = await runDemoApprovals(app.flows, demo.appId, demo.approvals);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const person = (key: string) => demo.people.find((p) => p.key === key)!;
const signIn = (key: string) => signInHeaders(app, person(key).email, person(key).password);

describe('the demo CRM on first start', () => {
  it('comes with its team: people who sign in with their own password, in departments with heads, with their roles', async () => {
    expect(demo.people.map((p) => [p.key, p.roles.join()])).toEqual([
      ['liu.yang', 'sales_director'],
      ['wang.lei', 'sales_manager'],
      ['chen.jing', 'sales_rep'],
      ['li.qiang', 'sales_rep'],
      ['zhao.min', 'finance'],
      ['sun.li', 'legal'],
    ]);
    expect(new Set(demo.people.map((p) => p.password)).size).toBe(6);
    const { rows } = await sql<{ name: string; head: string }>`select d.name, u.email as head from departments d join users u on u.id = d.head_user_id
      order by d.name`.execute(database.db);
    expect(rows).toContainEqual({ name: '华东销售部', head: 'wang.lei@demo.tessera.local' });
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: await signIn('chen.jing') });
    expect(me.json()).toMatchObject({ name: '陈静' });
  });

  it('shares the sample records among the reps, each record with its customer, so a rep sees only their own', async () => {
    const { rows } = await sql<{ owner: string; customers: string }>`select u.email as owner, count(*) as customers from app_crm.customer c
      join users u on u.id = c.owner_id group by u.email order by u.email`.execute(database.db);
    expect(rows.map((r) => r.owner)).toEqual(['chen.jing@demo.tessera.local', 'li.qiang@demo.tessera.local']);
    const { rows: strays } = await sql<{ n: string }>`select count(*) as n from app_crm.opportunity o join app_crm.customer c on c.id = o.customer
      where o.owner_id is distinct from c.owner_id`.execute(database.db);
    expect(Number(strays[0]!.n)).toBe(0);
    const listed = await app.inject({
      method: 'POST',
      url: '/api/apps/crm/objects/customer/records/query',
      headers: await signIn('chen.jing'),
      payload: { limit: 500 },
    });
    const own = Number(rows.find((r) => r.owner.startsWith('chen.jing'))!.customers);
    expect(listed.json().items).toHaveLength(own);
  });

  it('lays out its list views: the pipeline as a board by stage, a visit calendar, high-discount quotes for managers and finance only', async () => {
    type LiveViews = { document: { objects: { id: string; views?: { id: string; layout?: string; groupField?: string; dateField?: string }[] }[] } };
    const viewsOf = async (key: string, object: string) => {
      const live = (await app.inject({ method: 'GET', url: '/api/apps/crm/live', headers: await signIn(key) })).json() as LiveViews;
      return live.document.objects.find((o) => o.id === object)?.views ?? [];
    };
    expect((await viewsOf('chen.jing', 'opportunity')).find((v) => v.id === 'by_stage')).toMatchObject({ layout: 'kanban', groupField: 'stage' });
    expect((await viewsOf('chen.jing', 'visit')).find((v) => v.id === 'visit_calendar')).toMatchObject({ layout: 'calendar', dateField: 'visited_at' });
    expect((await viewsOf('chen.jing', 'quote')).map((v) => v.id)).not.toContain('high_discount');
    for (const key of ['wang.lei', 'liu.yang', 'zhao.min'])
      expect(
        (await viewsOf(key, 'quote')).map((v) => v.id),
        key,
      ).toContain('high_discount');
  });

  it('has approvals under way: waiting for the director, the manager and finance, one returned to its rep, one approved with legal copied', async () => {
    expect(started).toBe(5);
    const counts = async (key: string) => (await app.inject({ method: 'GET', url: '/api/flows/inbox/counts', headers: await signIn(key) })).json();
    expect((await counts('liu.yang')).todo).toBe(1);
    expect((await counts('wang.lei')).todo).toBe(2);
    expect((await counts('chen.jing')).submitted).toBe(2);
    const { rows } = await sql<{ flow_id: string; status: string }>`select flow_id, status from flow_instances order by flow_id, status`.execute(database.db);
    expect(rows.filter((r) => r.status === 'approved').map((r) => r.flow_id)).toEqual(['contract_approval']);
    const cc = await app.inject({ method: 'GET', url: '/api/flows/inbox?box=cc', headers: await signIn('sun.li') });
    expect(cc.json()).toHaveLength(1);
    // The flows keep the records' status fields: the approved contract is active, the quotes show where they stand.
    const { rows: contracts } = await sql<{ status: string }>`select c.status from app_crm.contract c join flow_instances i on i.record_id = c.id
      order by c.status`.execute(database.db);
    expect(contracts.map((c) => c.status)).toEqual(['active', 'in_approval']);
    const { rows: quotes } = await sql<{ approval_status: string }>`select q.approval_status from app_crm.quote q join flow_instances i on i.record_id = q.id
      order by 1`.execute(database.db);
    expect(quotes.map((q) => q.approval_status)).toEqual(['returned', 'running', 'running']);
  });
});
