import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders } from './test-session';

const app: AppDocument = {
  id: 'pii',
  label: { en: 'PII' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'phone', type: 'phone', label: { en: 'Phone' } },
        { id: 'tier', type: 'select', label: { en: 'Tier' }, options: [{ value: 'a', label: { en: 'A' } }] },
        { id: 'revenue', type: 'currency', label: { en: 'Revenue' } },
      ],
    },
    {
      id: 'visit',
      label: { en: 'Visit' },
      displayField: 'subject',
      fields: [
        { id: 'subject', type: 'text', label: { en: 'Subject' } },
        { id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' },
        { id: 'notes', type: 'long_text', label: { en: 'Notes' } },
        { id: 'minutes', type: 'number', label: { en: 'Minutes' } },
      ],
    },
  ],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
const base = '/api/apps/pii/objects';
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  server.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database });
  admin = await adminHeaders(server, database);
  await call('POST', '/api/apps', { document: app });
  await call('POST', '/api/apps/pii/publish', {});
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('personal-data requests', () => {
  it('exports everything about a customer, then erases it while the numbers still add up', async () => {
    const wang = (await call('POST', `${base}/customer/records`, { values: { name: '王小明', phone: '13800138000', tier: 'a', revenue: '5000' } })).json();
    await call('PATCH', `${base}/customer/records/${wang.id}`, { version: 1, values: { phone: '13900139000' } });
    for (const minutes of [30, 45])
      await call('POST', `${base}/visit/records`, { values: { subject: '拜访王小明', customer: wang.id, notes: '电话 13900139000', minutes } });

    const exported = (await call('GET', `${base}/customer/records/${wang.id}/personal-data`)).json();
    expect(exported.record).toMatchObject({ name: '王小明', phone: '13900139000' });
    expect(exported.history.map((h: { operation: string }) => h.operation)).toEqual(['update', 'create']);
    expect(exported.related['visit.customer']).toHaveLength(2);

    expect((await call('POST', `${base}/customer/records/${wang.id}/anonymize`, { cascade: true })).json()).toEqual({ anonymized: 3 });
    const erased = (await call('GET', `${base}/customer/records/${wang.id}`)).json();
    expect(erased).toMatchObject({ name: `Anonymized-${String(wang.id).slice(0, 8)}`, phone: null, tier: 'a', revenue: '5000' });
    const everything =
      JSON.stringify((await sql`select * from app_pii.customer`.execute(database.db)).rows) +
      JSON.stringify((await sql`select * from app_pii.visit`.execute(database.db)).rows) +
      JSON.stringify((await sql`select changes from record_history`.execute(database.db)).rows);
    for (const trace of ['王小明', '13800138000', '13900139000']) expect(everything).not.toContain(trace);
    const minutes = await sql<{ total: string; n: string }>`select sum(minutes) as total, count(*) as n from app_pii.visit where customer = ${wang.id}`.execute(
      database.db,
    );
    expect(minutes.rows[0]).toEqual({ total: '75', n: '2' });
    const audit = (await call('GET', '/api/admin/audit?action=record.')).json().map((l: { action: string }) => l.action);
    expect(audit).toEqual(expect.arrayContaining(['record.export_personal_data', 'record.anonymize']));
  });
});
