import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, userHeaders } from './test-session';

const app: AppDocument = {
  id: 'visits',
  label: { en: 'Visits' },
  objects: [
    {
      id: 'visit',
      label: { en: 'Visit' },
      fields: [
        { id: 'summary', type: 'long_text', label: { en: 'Summary' } },
        { id: 'secret', type: 'text', label: { en: 'Secret' }, encrypted: true },
        { id: 'visit_date', type: 'date', label: { en: 'Visit date' } },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'visit', actions: ['create', 'read', 'update'], rows: 'own' }] }],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
const drafts = '/api/apps/visits/objects/visit/drafts';
beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database, encryptionKey: randomBytes(32).toString('hex') });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  await server.inject({ method: 'POST', url: '/api/apps/visits/publish', headers: admin, payload: {} });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('form drafts', () => {
  it('autosave and resume per user, keep only object fields, never an encrypted value, and go away on discard', async () => {
    const rep = await userHeaders(server, database, 'drafter@test.local');
    await server.inject({ method: 'PUT', url: `/api/admin/users/${rep.id}/roles`, headers: admin, payload: { appId: 'visits', roles: ['rep'] } });
    const put = (headers: Record<string, string>, values: object) => server.inject({ method: 'PUT', url: `${drafts}/new`, headers, payload: { values } });
    expect((await put(rep.headers, { summary: '半路', secret: 'do not keep', junk: 1 })).statusCode).toBe(204);
    expect((await put(rep.headers, { summary: '半路，继续写', secret: 'do not keep' })).statusCode).toBe(204);
    const resumed = (await server.inject({ method: 'GET', url: `${drafts}/new`, headers: rep.headers })).json();
    expect(resumed).toMatchObject({ key: 'new', values: { summary: '半路，继续写' } });
    expect(JSON.stringify((await sql`select * from form_drafts`.execute(database.db)).rows)).not.toContain('do not keep');
    expect((await server.inject({ method: 'GET', url: `${drafts}/new`, headers: admin })).statusCode).toBe(404);
    expect((await server.inject({ method: 'GET', url: drafts, headers: rep.headers })).json()).toEqual([expect.objectContaining({ key: 'new' })]);
    expect((await server.inject({ method: 'DELETE', url: `${drafts}/new`, headers: rep.headers })).statusCode).toBe(204);
    expect((await server.inject({ method: 'GET', url: `${drafts}/new`, headers: rep.headers })).statusCode).toBe(404);
    expect((await server.inject({ method: 'PUT', url: `${drafts}/../../x`, headers: rep.headers, payload: { values: {} } })).statusCode).toBeGreaterThanOrEqual(
      400,
    );
  });
});

describe('saved views', () => {
  it("are each user's own, name only usable fields, and replace by name", async () => {
    const apiViews = '/api/apps/visits/objects/visit/views';
    const owner = await userHeaders(server, database, 'viewer@test.local');
    await server.inject({ method: 'PUT', url: `/api/admin/users/${owner.id}/roles`, headers: admin, payload: { appId: 'visits', roles: ['rep'] } });
    const save = (body: object) => server.inject({ method: 'POST', url: apiViews, headers: owner.headers, payload: body });
    const first = await save({
      name: '我的拜访',
      filters: [{ field: 'summary', op: 'contains', value: '报价' }],
      sort: [{ field: 'created_at', direction: 'desc' }],
      columns: ['summary', 'created_at'],
    });
    expect(first.statusCode).toBe(201);
    const again = await save({ name: '我的拜访', columns: ['summary'] });
    expect(again.json().id).toBe(first.json().id);
    expect((await server.inject({ method: 'GET', url: apiViews, headers: owner.headers })).json()).toEqual([
      expect.objectContaining({ name: '我的拜访', columns: ['summary'], filters: [], sort: [] }),
    ]);
    expect((await server.inject({ method: 'GET', url: apiViews, headers: admin })).json()).toEqual([]);
    const bad = await save({ name: 'bad', filters: [{ field: 'phone', op: 'is_empty' }], sort: [{ field: 'nope' }], columns: ['ghost'] });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ pointer: '/filters/0/field' }, { pointer: '/sort/0/field' }, { pointer: '/columns/0' }] });
    expect((await server.inject({ method: 'DELETE', url: `${apiViews}/${first.json().id}`, headers: owner.headers })).statusCode).toBe(204);
    expect((await server.inject({ method: 'GET', url: apiViews, headers: owner.headers })).json()).toEqual([]);
  });

  it('keep their quick search and column widths, and refuse widths out of range or for unknown columns', async () => {
    const apiViews = '/api/apps/visits/objects/visit/views';
    const owner = await userHeaders(server, database, 'widths@test.local');
    await server.inject({ method: 'PUT', url: `/api/admin/users/${owner.id}/roles`, headers: admin, payload: { appId: 'visits', roles: ['rep'] } });
    const save = (body: object) => server.inject({ method: 'POST', url: apiViews, headers: owner.headers, payload: body });
    expect((await save({ name: '报价', columns: ['summary'], search: '报价', columnWidths: { summary: 420 } })).statusCode).toBe(201);
    expect((await server.inject({ method: 'GET', url: apiViews, headers: owner.headers })).json()).toEqual([
      expect.objectContaining({ name: '报价', search: '报价', columnWidths: { summary: 420 } }),
    ]);
    const narrow = await save({ name: 'narrow', columnWidths: { summary: 5 } });
    expect(narrow.statusCode).toBe(400);
    const ghost = await save({ name: 'ghost', columnWidths: { ghost: 200 } });
    expect(ghost.json()).toMatchObject({ status: 400, errors: [{ pointer: '/columnWidths/ghost' }] });
  });

  it('keep the order a Kanban board shows its cards in, and refuse one by a field the object does not have', async () => {
    const apiViews = '/api/apps/visits/objects/visit/views';
    const owner = await userHeaders(server, database, 'board@test.local');
    await server.inject({ method: 'PUT', url: `/api/admin/users/${owner.id}/roles`, headers: admin, payload: { appId: 'visits', roles: ['rep'] } });
    const save = (body: object) => server.inject({ method: 'POST', url: apiViews, headers: owner.headers, payload: body });
    const saved = await save({ name: '看板', cardOrder: { field: 'visit_date', direction: 'asc' } });
    expect(saved.statusCode).toBe(201);
    expect((await server.inject({ method: 'GET', url: apiViews, headers: owner.headers })).json()).toEqual([
      expect.objectContaining({ name: '看板', cardOrder: { field: 'visit_date', direction: 'asc' } }),
    ]);
    const changed = await server.inject({
      method: 'PUT',
      url: `${apiViews}/${saved.json().id}`,
      headers: owner.headers,
      payload: { name: '看板', cardOrder: { field: 'created_at', direction: 'desc' } },
    });
    expect(changed.statusCode).toBe(200);
    expect((await server.inject({ method: 'GET', url: apiViews, headers: owner.headers })).json()[0].cardOrder).toEqual({
      field: 'created_at',
      direction: 'desc',
    });
    const ghost = await save({ name: 'ghost', cardOrder: { field: 'nope', direction: 'asc' } });
    expect(ghost.json()).toMatchObject({ status: 400, errors: [{ pointer: '/cardOrder/field', code: 'query.unknown_field' }] });
  });
});
