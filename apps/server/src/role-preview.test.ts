import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument, RoleDefinition } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, userHeaders } from './test-session';

const crm: AppDocument = {
  id: 'preview',
  label: { en: 'Preview' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' }, required: true },
        { id: 'credit', type: 'number', label: { en: 'Credit' } },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['create', 'read', 'update'], rows: 'all' }] }],
};

/** The rep role as the studio's draft would have it after the admin narrowed it: own rows, credit hidden. */
const narrowed: RoleDefinition = {
  id: 'rep',
  label: { en: 'Rep' },
  permissions: [{ object: 'customer', actions: ['read', 'update'], rows: 'own', hiddenFields: ['credit'] }],
};

let database: TestDatabase;
let app: FastifyInstance;
let admin: Record<string, string>;
const people: Record<string, { id: string; headers: Record<string, string> }> = {};
const customers: Record<string, string> = {};

const preview = (payload: object, headers = admin) => app.inject({ method: 'POST', url: '/api/apps/preview/roles/preview', headers, payload });

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database });
  admin = await adminHeaders(app, database);
  await app.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: crm } });
  expect((await app.inject({ method: 'POST', url: '/api/apps/preview/publish', headers: admin, payload: {} })).statusCode).toBe(200);
  for (const name of ['ann', 'bob'] as const) {
    people[name] = await userHeaders(app, database, `${name}@preview.local`);
    await app.inject({ method: 'PUT', url: `/api/admin/users/${people[name].id}/roles`, headers: admin, payload: { appId: 'preview', roles: ['rep'] } });
  }
  for (const [owner, name, credit] of [
    ['ann', 'Ann one', 10],
    ['ann', 'Ann two', 20],
    ['bob', 'Bob one', 30],
  ] as const) {
    const created = await app.inject({
      method: 'POST',
      url: '/api/apps/preview/objects/customer/records',
      headers: people[owner]!.headers,
      payload: { values: { name, credit } },
    });
    customers[name] = created.json().id;
  }
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('view as a role (the studio preview)', () => {
  it("shows a sample user's list and record under the draft's role: only their rows, the hidden field left out", async () => {
    const answer = await preview({ role: narrowed, objectId: 'customer', userId: people.ann!.id, recordId: customers['Ann one'] });
    expect(answer.statusCode).toBe(200);
    const body = answer.json();
    expect(body.viewer).toEqual({ id: people.ann!.id, name: 'ann' });
    expect(body.access).toEqual({ actions: ['read', 'update'], hiddenFields: ['credit'], readOnlyFields: ['credit'] });
    expect(body.items.map((r: { name: string }) => r.name).sort()).toEqual(['Ann one', 'Ann two']);
    expect(body.total).toBe(2);
    for (const item of body.items) expect(item).not.toHaveProperty('credit');
    expect(body.record).toMatchObject({ id: customers['Ann one'], name: 'Ann one' });
    expect(body.record).not.toHaveProperty('credit');
  });

  it("another person's record is not shown, and the published role still rules the real requests", async () => {
    const body = (await preview({ role: narrowed, objectId: 'customer', userId: people.ann!.id, recordId: customers['Bob one'] })).json();
    expect(body.record).toBeNull();
    // Nothing was published or written: Ann still sees all three with the credit.
    const list = (await app.inject({ method: 'GET', url: '/api/apps/preview/objects/customer/records', headers: people.ann!.headers })).json();
    expect(list.items).toHaveLength(3);
    expect(list.items[0]).toHaveProperty('credit');
  });

  it('the role itself, as the admin asking: "own" means the admin\'s rows (none here)', async () => {
    const body = (await preview({ role: narrowed, objectId: 'customer' })).json();
    expect(body.items).toEqual([]);
    expect(body.total).toBe(0);
  });

  it('an object or field only the draft has does not break the preview: published objects show their rows, a draft-only one its drafted access and no rows', async () => {
    const drafted = {
      id: 'rep',
      label: { en: 'Rep' },
      permissions: [
        { object: 'customer', actions: ['read'], rows: 'all', hiddenFields: ['credit', 'segment'] },
        { object: 'visit', actions: ['create', 'read'], rows: 'own', readOnlyFields: ['outcome'] },
      ],
    };
    const published = await preview({ role: drafted, objectId: 'customer', userId: people.bob!.id });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ published: true, total: 3, access: { actions: ['read'], hiddenFields: ['credit'] } });
    const draftOnly = await preview({ role: drafted, objectId: 'visit', userId: people.bob!.id });
    expect(draftOnly.statusCode).toBe(200);
    expect(draftOnly.json()).toEqual({
      viewer: { id: people.bob!.id, name: expect.any(String) },
      access: { actions: ['create', 'read'], hiddenFields: [], readOnlyFields: ['outcome'] },
      items: [],
      total: 0,
      record: null,
      published: false,
    });
  });

  it('a role that cannot read the object gets its access and no rows', async () => {
    const body = (await preview({ role: { id: 'rep', label: { en: 'Rep' }, permissions: [] }, objectId: 'customer', userId: people.bob!.id })).json();
    expect(body).toMatchObject({ access: { actions: [] }, items: [], record: null });
  });

  it('refuses a role the publish checks refuse (422 naming the rule and its pointer), an unknown person (404), and non-admins (403)', async () => {
    const broken = await preview({
      role: { ...narrowed, permissions: [{ object: 'customer', actions: ['read'], rows: 'all', rowFormula: 'name + 1' }] },
      objectId: 'customer',
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    expect(broken.json().errors[0]).toMatchObject({ pointer: '/roles/0/permissions/0/rowFormula', code: 'expr.operand_type' });
    expect((await preview({ role: narrowed, objectId: 'customer', userId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await preview({ role: narrowed, objectId: 'customer' }, people.ann!.headers)).statusCode).toBe(403);
    expect((await preview({ objectId: 'customer' })).statusCode).toBe(400);
  });
});
