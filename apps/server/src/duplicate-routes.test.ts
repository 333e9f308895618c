import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders } from './test-session';

const crm: AppDocument = {
  id: 'dup',
  label: { en: 'Duplicates' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'phone', type: 'phone', label: { en: 'Phone' } },
      ],
      matchRules: [{ id: 'company', kind: 'company_name', nameField: 'name', contactFields: ['phone'] }],
    },
    { id: 'visit', label: { en: 'Visit' }, fields: [{ id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' }] },
  ],
};

let database: TestDatabase;
let app: FastifyInstance;
let admin: Record<string, string>;
const base = '/api/apps/dup/objects/customer';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database });
  admin = await adminHeaders(app, database);
  await app.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: crm } });
  await app.inject({ method: 'POST', url: '/api/apps/dup/publish', headers: admin, payload: {} });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const call = (method: 'GET' | 'POST', url: string, payload?: object, headers = admin) => app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('duplicate routes', () => {
  it('checks, scans, merges with an audit line, and undoes over HTTP', async () => {
    const first = (await call('POST', `${base}/records`, { values: { name: '北京星辰科技有限公司', phone: '13800138000' } })).json().id;
    const check = await call('POST', `${base}/duplicates/check`, { values: { name: '星辰科技（北京）有限责任公司', phone: '138 0013 8000' } });
    expect(check.json()).toEqual({ candidates: [{ visible: true, id: first, display: '北京星辰科技有限公司', rule: 'company', score: 1 }] });
    const second = (await call('POST', `${base}/records`, { values: { name: '星辰科技有限公司', phone: '13800138000' } })).json().id;
    const visit = (await call('POST', '/api/apps/dup/objects/visit/records', { values: { customer: second } })).json().id;

    const scan = (await call('GET', `${base}/duplicates`)).json();
    expect(scan).toMatchObject({ total: 1, skippedBlocks: 0, groups: [{ score: 1, rules: ['company'] }] });

    const merged = await call('POST', `${base}/merges`, { survivorId: first, loserId: second, take: [] });
    expect(merged.statusCode).toBe(201);
    expect(merged.json()).toMatchObject({ survivorId: first, loserId: second, repointed: 1 });
    expect((await call('GET', `/api/apps/dup/objects/visit/records/${visit}`)).json().customer).toBe(first);
    const audit = (await call('GET', '/api/admin/audit?action=record.merge')).json();
    expect(JSON.stringify(audit)).toContain(merged.json().mergeId);
    expect((await call('GET', `${base}/records/${first}/merges`)).json()).toEqual([expect.objectContaining({ loserId: second, undone: false })]);

    const undone = await call('POST', `${base}/merges/${merged.json().mergeId}/undo`);
    expect(undone.statusCode).toBe(200);
    expect((await call('GET', `/api/apps/dup/objects/visit/records/${visit}`)).json().customer).toBe(second);
  });

  it('answers bad input with problem+json naming the field, in the reader’s language', async () => {
    const bad = await call('POST', `${base}/merges`, { survivorId: 'nope', loserId: 'x', take: [] }, { ...admin, 'accept-language': 'zh-CN' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const same = '00000000-0000-4000-8000-000000000001';
    const itself = await call('POST', `${base}/merges`, { survivorId: same, loserId: same, take: [] }, { ...admin, 'accept-language': 'zh-CN' });
    expect(itself.statusCode).toBe(422);
    expect(itself.json()).toMatchObject({ code: 'merge.same_record', title: '不能把记录与它自己合并' });
    const taken = await call('POST', `${base}/duplicates/check`, { values: 'x' });
    expect(taken.statusCode).toBe(400);
  });
});
