import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, userHeaders } from './test-session';

/** Quotes with lines; a rep works only their own quotes. */
const app: AppDocument = {
  id: 'quoting',
  label: { en: 'Quoting' },
  objects: [
    {
      id: 'quote',
      label: { en: 'Quote' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'quote_line' },
      ],
    },
    { id: 'quote_line', label: { en: 'Line' }, parent: 'quote', fields: [{ id: 'product', type: 'text', label: { en: 'Product' }, required: true }] },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'quote', actions: ['create', 'read'], rows: 'own' }] }],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
let rep: Record<string, string>;
const quotes = '/api/apps/quoting/objects/quote/records';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  await server.inject({ method: 'POST', url: '/api/apps/quoting/publish', headers: admin, payload: {} });
  const user = await userHeaders(server, database, 'rep@test.local');
  rep = user.headers;
  await server.inject({ method: 'PUT', url: `/api/admin/users/${user.id}/roles`, headers: admin, payload: { appId: 'quoting', roles: ['rep'] } });
  const create = (headers: Record<string, string>, title: string, lines: number) =>
    server.inject({
      method: 'POST',
      url: quotes,
      headers,
      payload: { values: { title, lines: Array.from({ length: lines }, (_, i) => ({ product: `P${i}` })) } },
    });
  expect((await create(admin, 'Admin three', 3)).statusCode).toBe(201);
  expect((await create(rep, 'Rep none', 0)).statusCode).toBe(201);
  expect((await create(rep, 'Rep two', 2)).statusCode).toBe(201);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

type Listed = { title: string; lines?: unknown; _lineCounts: Record<string, number> };
const counts = (items: Listed[]) => Object.fromEntries(items.map((item) => [item.title, item._lineCounts]));

describe('record lists over HTTP carry line counts, not lines', () => {
  it('gives each record of GET and POST …/query its number of lines, as the response schema declares', async () => {
    const listed = (await server.inject({ method: 'GET', url: `${quotes}?sort=title`, headers: admin })).json<{ items: Listed[] }>().items;
    expect(counts(listed)).toEqual({ 'Admin three': { lines: 3 }, 'Rep none': { lines: 0 }, 'Rep two': { lines: 2 } });
    expect(listed.every((item) => item.lines === undefined)).toBe(true);
    const queried = await server.inject({
      method: 'POST',
      url: `${quotes}/query`,
      headers: rep,
      payload: { filters: [{ field: 'title', op: 'starts_with', value: 'Rep' }] },
    });
    expect(counts(queried.json<{ items: Listed[] }>().items)).toEqual({ 'Rep none': { lines: 0 }, 'Rep two': { lines: 2 } });
    // Only the rep's own quotes: the admin's three lines are not theirs to count.
    const own = await server.inject({ method: 'GET', url: quotes, headers: rep });
    expect(Object.keys(counts(own.json<{ items: Listed[] }>().items)).sort()).toEqual(['Rep none', 'Rep two']);

    const spec = (await server.inject({ method: 'GET', url: '/docs/json', headers: admin })).json();
    const item =
      spec.paths['/api/apps/{appId}/objects/{objectId}/records/query'].post.responses['200'].content['application/json'].schema.properties.items.items;
    expect(item.properties._lineCounts).toMatchObject({ type: 'object', additionalProperties: { type: 'integer' } });
  });

  it('refuses to filter or sort by a child table', async () => {
    const sorted = await server.inject({ method: 'GET', url: `${quotes}?sort=lines`, headers: admin });
    expect(sorted.json()).toMatchObject({ status: 400, code: 'query.invalid', errors: [{ field: 'lines', code: 'query.unknown_field' }] });
    const filtered = await server.inject({
      method: 'POST',
      url: `${quotes}/query`,
      headers: admin,
      payload: { filters: [{ field: 'lines', op: 'gt', value: 1 }] },
    });
    expect(filtered.json()).toMatchObject({ status: 400, code: 'query.invalid', errors: [{ field: 'lines', code: 'query.unknown_field' }] });
  });
});
