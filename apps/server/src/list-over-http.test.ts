import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, userHeaders } from './test-session';

/** Customers with enough text per row that a page of 50 is tens of kilobytes of JSON. */
const app: AppDocument = {
  id: 'wire',
  label: { en: 'Wire' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'note', type: 'text', label: { en: 'Note' } },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['create', 'read'], rows: 'own' }] }],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
let rep: Record<string, string>;
const customers = '/api/apps/wire/objects/customer/records';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  await server.inject({ method: 'POST', url: '/api/apps/wire/publish', headers: admin, payload: {} });
  const user = await userHeaders(server, database, 'rep@test.local');
  rep = user.headers;
  await server.inject({ method: 'PUT', url: `/api/admin/users/${user.id}/roles`, headers: admin, payload: { appId: 'wire', roles: ['rep'] } });
  const rows = Array.from({ length: 120 }, (_, i) => ({
    values: { name: `${i % 2 ? 'Summit' : 'Harbour'} ${i}`, note: `Visited on day ${i}; wants a quote` },
  }));
  expect((await server.inject({ method: 'POST', url: `${customers}/batch`, headers: admin, payload: { rows } })).statusCode).toBe(201);
  expect((await server.inject({ method: 'POST', url: customers, headers: rep, payload: { values: { name: 'Summit of the rep' } } })).statusCode).toBe(201);
});

afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('a list page over HTTP', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('comes %s-compressed when the request accepts it, and decodes to the same page', async (encoding, decode) => {
    const query = { method: 'POST', url: `${customers}/query`, payload: { limit: 50, count: false } } as const;
    const plain = await server.inject({ ...query, headers: admin });
    const packed = await server.inject({ ...query, headers: { ...admin, 'accept-encoding': `${encoding}, identity;q=0.5` } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(packed.statusCode).toBe(200);
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(packed.headers.vary).toContain('accept-encoding');
    expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(decode(packed.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('answers a small body as it is', async () => {
    const answer = await server.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(answer.headers['content-encoding']).toBeUndefined();
  });
});

describe('the total of a list, asked for on its own', () => {
  it('counts what the query would page through, without rows', async () => {
    const all = await server.inject({ method: 'POST', url: `${customers}/count`, headers: admin, payload: {} });
    expect(all.json()).toEqual({ total: 121, totalIsEstimate: false });
    const summits = await server.inject({
      method: 'POST',
      url: `${customers}/count`,
      headers: admin,
      payload: { filters: [{ field: 'name', op: 'contains', value: 'Summit' }] },
    });
    expect(summits.json()).toEqual({ total: 61, totalIsEstimate: false });
  });

  it('counts only the rows the user may see', async () => {
    const mine = await server.inject({ method: 'POST', url: `${customers}/count`, headers: rep, payload: {} });
    expect(mine.json()).toEqual({ total: 1, totalIsEstimate: false });
  });

  it('refuses an unknown field by name, in the language asked for', async () => {
    const refused = await server.inject({
      method: 'POST',
      url: `${customers}/count`,
      headers: { ...admin, 'accept-language': 'zh-CN' },
      payload: { filters: [{ field: 'nope', op: 'eq', value: 1 }] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('nope');
  });
});
