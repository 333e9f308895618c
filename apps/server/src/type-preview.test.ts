import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, userHeaders } from './test-session';

/** The studio's type-change preview over HTTP: admins only, input checked, counts as publish will convert them. */
const app: AppDocument = {
  id: 'tp',
  label: { en: 'Type preview' },
  objects: [
    {
      id: 'item',
      label: { en: 'Item' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'qty', type: 'text', label: { en: 'Quantity' } },
      ],
    },
  ],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
const preview = '/api/apps/tp/objects/item/fields/qty/type-preview';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database, eventPollMs: 50 });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  expect((await server.inject({ method: 'POST', url: '/api/apps/tp/publish', headers: admin, payload: {} })).statusCode).toBe(200);
  const rows = [
    ['a', '3'],
    ['b', 'N/A'],
    ['c', '12 pcs'],
    ['d', ' 4 '],
    ['e', ' '],
  ];
  for (const [name, qty] of rows) {
    const created = await server.inject({ method: 'POST', url: '/api/apps/tp/objects/item/records', headers: admin, payload: { values: { name, qty } } });
    expect(created.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('type change preview routes', () => {
  it('counts the rows text → number converts, blanks and cannot convert, with examples', async () => {
    const response = await server.inject({ method: 'GET', url: `${preview}?type=number`, headers: admin });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // The records API stores white space alone as blank, so 'e' is empty already.
    expect(body).toMatchObject({ kind: 'convert', from: 'text', to: 'number', rows: 5, converted: 2, failing: 2, blanked: 0, empty: 1 });
    expect(body.examples.failing).toEqual(['12 pcs', 'N/A']);
  });

  it('lists the same counts in the publish review once the draft changes the type', async () => {
    const draft = await server.inject({ method: 'GET', url: '/api/apps/tp', headers: admin });
    const { draftRevision } = draft.json();
    const changed = structuredClone(app);
    changed.objects[0]!.fields[1]!.type = 'number';
    const saved = await server.inject({ method: 'PUT', url: '/api/apps/tp/draft', headers: admin, payload: { document: changed, revision: draftRevision } });
    expect(saved.statusCode).toBe(200);
    const review = (await server.inject({ method: 'GET', url: '/api/apps/tp/diff', headers: admin })).json();
    expect(review.typeChanges).toEqual([expect.objectContaining({ object: 'item', field: 'qty', converted: 2, failing: 2 })]);
    const publish = await server.inject({ method: 'POST', url: '/api/apps/tp/publish', headers: admin, payload: {} });
    expect(publish.statusCode).toBe(422);
    expect(publish.json().detail ?? publish.json().title).toContain('2');
  });

  it('says what no conversion and an impossible one are', async () => {
    expect((await server.inject({ method: 'GET', url: `${preview}?type=email`, headers: admin })).json()).toEqual({ kind: 'same' });
    expect((await server.inject({ method: 'GET', url: `${preview}?type=checkbox`, headers: admin })).json()).toMatchObject({ kind: 'convert', failing: 4 });
    expect((await server.inject({ method: 'GET', url: `${preview}?type=attachment`, headers: admin })).json()).toEqual({
      kind: 'unsupported',
      from: 'text',
      to: 'attachment',
    });
    const formula = await server.inject({ method: 'GET', url: `${preview}?type=formula&resultType=date`, headers: admin });
    expect(formula.json()).toMatchObject({ kind: 'convert', to: 'formula', failing: 4 });
    const fresh = '/api/apps/tp/objects/item/fields/not_yet/type-preview?type=number';
    expect((await server.inject({ method: 'GET', url: fresh, headers: admin })).json()).toEqual({ kind: 'none' });
  });

  it('refuses an unknown type, a missing app and a non-admin', async () => {
    const bad = await server.inject({ method: 'GET', url: `${preview}?type=banana`, headers: { ...admin, 'accept-language': 'zh-CN' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await server.inject({ method: 'GET', url: '/api/apps/nope/objects/item/fields/qty/type-preview?type=number', headers: admin })).statusCode).toBe(
      404,
    );
    const user = await userHeaders(server, database, 'user@test.local');
    expect((await server.inject({ method: 'GET', url: `${preview}?type=number`, headers: user.headers })).statusCode).toBe(403);
  });
});
