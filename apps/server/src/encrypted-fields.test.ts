import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, userHeaders } from './test-session';

const withoutEncryption: AppDocument = {
  id: 'bank',
  label: { en: 'Bank' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'account', type: 'text', label: { 'zh-CN': '银行账号', en: 'Bank account' } },
      ],
    },
  ],
  roles: [{ id: 'sales', label: { en: 'Sales' }, permissions: [{ object: 'customer', actions: ['read', 'create'], rows: 'all', hiddenFields: ['account'] }] }],
};
const encrypted: AppDocument = {
  ...withoutEncryption,
  objects: [
    { ...withoutEncryption.objects[0]!, fields: withoutEncryption.objects[0]!.fields.map((f) => (f.id === 'account' ? { ...f, encrypted: true } : f)) },
  ],
};

let database: TestDatabase;
let app: FastifyInstance;
let keyless: FastifyInstance;
let admin: Record<string, string>;
const records = '/api/apps/bank/objects/customer/records';
const call = (server: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
  server.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const stored = async () =>
  (await sql<{ name: string; account: string | null }>`select name, account from app_bank.customer order by name`.execute(database.db)).rows;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database, encryptionKey: randomBytes(32).toString('base64') });
  keyless = await buildServer({ database });
  admin = await adminHeaders(app, database);
  await call(app, 'POST', '/api/apps', admin, { document: withoutEncryption });
  await call(app, 'POST', '/api/apps/bank/publish', admin, {});
  await call(app, 'POST', records, admin, { values: { name: 'Before', account: '6222021234567890' } });
});
afterAll(async () => {
  await app?.close();
  await keyless?.close();
  await database?.drop();
});

describe('encrypted fields', () => {
  it('refuses to publish them without a key, and seals existing values when they are turned on', async () => {
    const draft = await call(keyless, 'PUT', '/api/apps/bank/draft', admin, { document: encrypted, revision: 1 });
    expect(draft.statusCode).toBe(200);
    expect((await call(keyless, 'POST', '/api/apps/bank/publish', admin, {})).json()).toMatchObject({ status: 422, code: 'meta.encryption_key_missing' });
    expect((await stored())[0]?.account).toBe('6222021234567890');
    expect((await call(app, 'POST', '/api/apps/bank/publish', admin, {})).json()).toMatchObject({ version: 2 });
    expect((await stored())[0]?.account).toMatch(/^enc:v1:/);
  });

  it('stores only ciphertext, shows the value on the record, masks it in lists and history', async () => {
    const created = await call(app, 'POST', records, admin, { values: { name: 'After', account: '6217000012345678' } });
    expect(created.json()).toMatchObject({ account: '6217000012345678' });
    const raw = await stored();
    expect(raw.every((r) => r.account?.startsWith('enc:v1:'))).toBe(true);
    const history = await sql<{ changes: unknown }>`select changes from record_history where app_id = 'bank'`.execute(database.db);
    expect(JSON.stringify(history.rows)).not.toContain('6217000012345678');
    const id = created.json().id as string;
    expect((await call(app, 'GET', `${records}/${id}`, admin)).json()).toMatchObject({ account: '6217000012345678' });
    const list = (await call(app, 'POST', `${records}/query`, admin, { sort: [{ field: 'name' }] })).json();
    expect(list.items.map((r: { account: string }) => r.account)).toEqual(['••••5678', '••••7890']);
    const patched = await call(app, 'PATCH', `${records}/${id}`, admin, { version: 1, values: { account: '6217000099998888', name: 'After' } });
    expect(patched.json()).toMatchObject({ version: 2, account: '6217000099998888' });
    const timeline = (await call(app, 'GET', `${records}/${id}/history`, admin)).json();
    expect(timeline[0].changes).toEqual([{ field: 'account', old: '••••5678', new: '••••8888' }]);
  });

  it('cannot be searched, compared or sorted, only tested for emptiness', async () => {
    expect((await call(app, 'POST', `${records}/query`, admin, { filters: [{ field: 'account', op: 'contains', value: '6217' }] })).json()).toMatchObject({
      status: 400,
      errors: [{ code: 'query.operator' }],
    });
    expect((await call(app, 'POST', `${records}/query`, admin, { sort: [{ field: 'account' }] })).statusCode).toBe(400);
    expect((await call(app, 'POST', `${records}/query`, admin, { filters: [{ field: 'account', op: 'is_not_empty' }] })).json()).toMatchObject({ total: 2 });
  });

  it('stays invisible to roles that do not see the field, and unwritable without a key', async () => {
    const sales = await userHeaders(app, database, 'sales@test.local');
    await call(app, 'PUT', `/api/admin/users/${sales.id}/roles`, admin, { appId: 'bank', roles: ['sales'] });
    const list = (await call(app, 'POST', `${records}/query`, sales.headers, {})).json();
    expect(list.items.every((r: object) => !('account' in r))).toBe(true);
    // A process checks the live version at most once a second; a fresh one sees version 2 at once.
    await keyless.close();
    keyless = await buildServer({ database });
    const refused = await call(keyless, 'POST', records, admin, { values: { name: 'No key', account: '1234567890' } });
    expect(refused.json()).toMatchObject({ status: 503, code: 'record.encryption_unavailable' });
  });
});
