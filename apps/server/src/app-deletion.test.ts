import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, multipartBody, signInHeaders } from './test-session';

const deals: AppDocument = {
  id: 'deals',
  label: { 'zh-CN': '商机', en: 'Deals' },
  objects: [
    {
      id: 'quote',
      label: { en: 'Quote' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' }, required: true },
        { id: 'files', type: 'attachment', label: { en: 'Files' } },
      ],
    },
    { id: 'note', label: { en: 'Note' }, fields: [{ id: 'body', type: 'text', label: { en: 'Body' } }] },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'quote', actions: ['create', 'read', 'update'], rows: 'own' }] }],
  flows: [
    {
      id: 'discount',
      label: { en: 'Discount approval' },
      object: 'quote',
      trigger: { kind: 'submit' },
      // A deadline: the running approval has a timer job waiting, which deleting the app must cancel.
      nodes: [{ id: 'manager', kind: 'approval', label: { en: 'Manager' }, approvers: [{ kind: 'department_head', levels: 1 }], sla: { hours: 8 } }],
    },
  ],
  dashboards: [{ id: 'overview', label: { en: 'Overview' }, widgets: [] }],
};
const other: AppDocument = {
  id: 'other',
  label: { en: 'Other' },
  objects: [{ id: 'item', label: { en: 'Item' }, fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }] }],
};

let database: TestDatabase;
let app: FastifyInstance;
let admin: Record<string, string>;
let rep: { id: string; headers: Record<string, string> };
let manager: { id: string; headers: Record<string, string> };
let instance: string;
let fileId: string;
const filesDir = mkdtempSync(join(tmpdir(), 'tessera-delete-app-'));

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
  app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function person(name: string) {
  const created = await call('POST', '/api/admin/users', admin, { email: `${name}@test.local`, name, password: 'a long enough password' });
  return { id: created.json().id as string, headers: await signInHeaders(app, `${name}@test.local`, 'a long enough password') };
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database, filesDir });
  admin = await adminHeaders(app, database);
  for (const document of [deals, other]) {
    expect((await call('POST', '/api/apps', admin, { document })).statusCode).toBe(201);
    expect((await call('POST', `/api/apps/${document.id}/publish`, admin, {})).statusCode).toBe(200);
  }
  rep = await person('rep');
  manager = await person('manager');
  const sales = (await call('POST', '/api/admin/departments', admin, { name: 'Sales', headUserId: manager.id })).json().id;
  await call('PATCH', `/api/admin/users/${rep.id}`, admin, { departmentId: sales });
  await call('PUT', `/api/admin/users/${rep.id}/roles`, admin, { appId: 'deals', roles: ['rep'] });
  const body = multipartBody('terms.pdf', 'application/pdf', Buffer.from('%PDF-1.4 terms'));
  fileId = (await call('POST', '/api/apps/deals/files', { ...rep.headers, 'content-type': body.contentType }, body.payload as unknown as object)).json().id;
  const quotes = '/api/apps/deals/objects/quote/records';
  const first = (await call('POST', quotes, rep.headers, { values: { title: 'Big deal', files: [{ id: fileId, name: 'terms.pdf' }] } })).json();
  for (const title of ['Second', 'Third']) await call('POST', quotes, rep.headers, { values: { title } });
  await call('POST', '/api/apps/other/objects/item/records', admin, { values: { name: 'stays' } });
  const submitted = await call('POST', '/api/apps/deals/flows/discount/instances', rep.headers, { recordId: first.id });
  expect(submitted.statusCode, submitted.body).toBe(201);
  instance = submitted.json().id;
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('deleting an app', () => {
  it('lists what it takes: records per object, running approvals, dashboards, files', async () => {
    const impact = await call('GET', '/api/apps/deals/deletion-impact', admin);
    expect(impact.statusCode).toBe(200);
    expect(impact.json()).toEqual({
      id: 'deals',
      label: { 'zh-CN': '商机', en: 'Deals' },
      objects: [
        { id: 'quote', label: { en: 'Quote' }, records: 3 },
        { id: 'note', label: { en: 'Note' }, records: 0 },
      ],
      flows: [{ id: 'discount', label: { en: 'Discount approval' }, running: 1 }],
      dashboards: [{ id: 'overview', label: { en: 'Overview' } }],
      files: { count: 1, bytes: 14 },
      versions: 1,
    });
  });

  it('is for administrators only', async () => {
    expect((await call('GET', '/api/apps/deals/deletion-impact', rep.headers)).statusCode).toBe(403);
    expect((await call('DELETE', '/api/apps/deals', rep.headers, { confirm: 'deals' })).statusCode).toBe(403);
    expect((await call('GET', '/api/apps', rep.headers)).json().map((a: { id: string }) => a.id)).toEqual(['deals']);
  });

  it('needs the app id repeated, and says so in the caller’s language', async () => {
    const wrong = await call('DELETE', '/api/apps/deals', { ...admin, 'accept-language': 'zh-CN' }, { confirm: 'other' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ pointer: '/confirm', message: '请输入应用标识“deals”以确认删除' })]);
    expect((await call('DELETE', '/api/apps/deals', admin, {})).statusCode).toBe(400);
  });

  it('removes tables and rows, cancels running approvals and their timers, and is audited', async () => {
    const db = database.db;
    const timers = await db.selectFrom('jobs').select(['id', 'state']).where(sql<string>`payload->>'instance'`, '=', instance).execute();
    expect(timers.some((j) => j.state === 'queued')).toBe(true);
    expect((await call('GET', '/api/flows/inbox/counts', manager.headers)).json().todo).toBe(1);

    const deleted = await call('DELETE', '/api/apps/deals', admin, { confirm: 'deals' });
    expect(deleted.json()).toEqual({ deleted: 'deals', cancelledInstances: 1 });

    const schema = await sql<{ n: string }>`select count(*) as n from pg_namespace where nspname = 'app_deals'`.execute(db);
    expect(Number(schema.rows[0]?.n)).toBe(0);
    for (const table of ['meta_apps', 'meta_versions', 'meta_columns', 'user_roles', 'files', 'flow_instances', 'record_history', 'notifications'] as const) {
      const column = table === 'meta_apps' ? 'id' : 'app_id';
      const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = 'deals'`.execute(db);
      expect({ table, rows: Number(rows[0]?.n) }).toEqual({ table, rows: 0 });
    }
    const after = await db.selectFrom('jobs').select('state').where(sql<string>`payload->>'instance'`, '=', instance).execute();
    expect(after.filter((j) => j.state === 'queued')).toEqual([]);
    expect(after.some((j) => j.state === 'cancelled')).toBe(true);
    expect(existsSync(join(filesDir, fileId.slice(0, 2), fileId.slice(2, 4), fileId))).toBe(false);

    const audit = (await call('GET', '/api/admin/audit?action=meta.delete_app', admin)).json();
    expect(audit).toEqual([
      expect.objectContaining({
        subject: 'deals',
        detail: expect.objectContaining({
          objects: [
            { id: 'quote', records: 3 },
            { id: 'note', records: 0 },
          ],
          cancelledInstances: 1,
          files: 1,
        }),
      }),
    ]);
    // Gone from everyone's navigation and inbox; the other app is untouched.
    expect((await call('GET', '/api/apps', rep.headers)).json()).toEqual([]);
    expect((await call('GET', '/api/apps', admin)).json().map((a: { id: string }) => a.id)).toEqual(['other']);
    expect((await call('GET', '/api/apps/deals/live', rep.headers)).statusCode).toBe(404);
    expect((await call('GET', '/api/flows/inbox/counts', manager.headers)).json().todo).toBe(0);
    expect((await call('GET', '/api/apps/other/objects/item/records', admin)).json().items).toHaveLength(1);
    expect((await call('DELETE', '/api/apps/deals', admin, { confirm: 'deals' })).statusCode).toBe(404);
  });

  it('lets the same id be created and published again, from empty tables', async () => {
    expect((await call('POST', '/api/apps', admin, { document: deals })).statusCode).toBe(201);
    expect((await call('POST', '/api/apps/deals/publish', admin, {})).json().version).toBe(1);
    expect((await call('GET', '/api/apps/deals/objects/quote/records', admin)).json().items).toEqual([]);
  });
});
