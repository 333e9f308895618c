import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders } from './test-session';

const shop: AppDocument = {
  id: 'shop',
  label: { 'zh-CN': '商店', en: 'Shop' },
  objects: [
    {
      id: 'customer',
      label: { 'zh-CN': '客户', en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true },
        { id: 'email', type: 'email', label: { 'zh-CN': '邮箱', en: 'Email' } },
        { id: 'credit', type: 'currency', label: { en: 'Credit' } },
      ],
    },
    {
      id: 'order',
      label: { en: 'Order' },
      fields: [
        { id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' },
        { id: 'total', type: 'number', label: { en: 'Total' } },
      ],
    },
  ],
};

let database: TestDatabase;
let app: FastifyInstance;
let admin: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database, bodyLimit: 64 * 1024 });
  admin = await adminHeaders(app, database);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const json = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method, url, payload: payload as object, headers: { 'accept-language': 'en', ...admin, ...headers } });
const records = '/api/apps/shop/objects/customer/records';

describe('HTTP API', () => {
  it('serves GB/T 2260 regions level by level', async () => {
    const provinces = (await json('GET', '/api/regions')).json() as { code: string; name: string }[];
    expect(provinces).toContainEqual({ code: '330000', name: '浙江省' });
    expect((await json('GET', '/api/regions?parent=330100')).json()).toContainEqual({ code: '330106', name: '西湖区' });
    expect((await json('GET', '/api/regions?parent=x')).statusCode).toBe(400);
  });

  it('serves only the six-digit codes a region field can store, never the towns of a city without districts', async () => {
    // 广东省 lists 东莞市 and 中山市; the table has nine-digit towns under them, which no record can hold.
    expect((await json('GET', '/api/regions?parent=440000')).json()).toEqual(
      expect.arrayContaining([
        { code: '441900', name: '东莞市' },
        { code: '442000', name: '中山市' },
      ]),
    );
    for (const city of ['441900', '442000', '460400']) expect((await json('GET', `/api/regions?parent=${city}`)).json(), city).toEqual([]);
    expect((await json('GET', '/api/regions?parent=620200')).json()).toEqual([{ code: '620201', name: '市辖区' }]);
  });

  it('answers health and serves OpenAPI at /docs', async () => {
    expect((await json('GET', '/api/health')).json()).toEqual({ status: 'ok', database: 'postgres' });
    expect((await json('GET', '/api/health/live')).json()).toEqual({ status: 'live' });
    expect((await json('GET', '/api/health/ready')).json()).toEqual({ status: 'ready', database: 'postgres', listener: true });
    const spec = (await json('GET', '/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/apps', '/api/apps/{appId}/publish', '/api/apps/{appId}/objects/{objectId}/records/query']),
    );
  });

  it('documents what every operation answers: a 2xx with its schema (a 204 has no body), errors as problem+json', async () => {
    type Operation = { responses: Record<string, { content?: Record<string, { schema?: object }> }> };
    const spec = (await json('GET', '/docs/json')).json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, ...operation })),
    );
    expect(operations.length).toBeGreaterThan(50);
    // A route without a response schema is documented as a bare 200 'Default Response' with no content.
    const hasSchema = (response: Operation['responses'][string]) =>
      Object.values(response.content ?? {}).some((media) => media.schema && Object.keys(media.schema).length > 0);
    const answered = (operation: Operation) =>
      Object.entries(operation.responses).some(([status, response]) => status === '204' || (/^2\d\d$/.test(status) && hasSchema(response)));
    expect(operations.filter((o) => !answered(o)).map((o) => o.route)).toEqual([]);
    expect(
      operations.filter((o) => !['4XX', '5XX'].every((status) => o.responses[status]?.content?.['application/problem+json']?.schema)).map((o) => o.route),
    ).toEqual([]);
    const exported =
      spec.paths['/api/apps/{appId}/objects/{objectId}/records/{recordId}/personal-data']?.get?.responses['200']?.content?.['application/json']?.schema;
    expect(exported).toMatchObject({
      properties: { record: { type: 'object', additionalProperties: true }, history: { type: 'array' }, related: { type: 'object' } },
    });
  });

  it('runs the admin flow: create, invalid draft, publish, versions, rollback', async () => {
    expect((await json('POST', '/api/apps', { document: shop })).statusCode).toBe(201);
    const bad = await json(
      'PUT',
      '/api/apps/shop/draft',
      { document: { ...shop, objects: [{ ...shop.objects[0], fields: [{ id: 'x', type: 'relation', label: { en: 'X' }, target: 'nowhere' }] }] }, revision: 1 },
      { 'accept-language': 'zh-CN' },
    );
    // A half-built draft is kept, its problems reported with it; publishing it is refused with the same problems.
    const problems = [
      { pointer: '/objects/0/fields/0/target', code: 'meta.unknown_object', message: '对象“nowhere”不存在' },
      { pointer: '/objects/0/displayField', code: 'meta.unknown_field', message: '对象“customer”没有字段“name”' },
    ];
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toEqual({ draftRevision: 2, valid: false, errors: problems });
    expect((await json('GET', '/api/apps/shop')).json()).toMatchObject({
      draftRevision: 2,
      draft: { objects: [{ fields: [{ id: 'x', target: 'nowhere' }] }] },
    });
    const refused = await json('POST', '/api/apps/shop/publish', {}, { 'accept-language': 'zh-CN' });
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'meta.invalid', status: 422, title: '应用定义有 2 处错误', errors: problems });
    expect((await json('GET', '/api/apps/shop/live')).statusCode).toBe(404);
    expect((await json('PUT', '/api/apps/shop/draft', { document: shop, revision: 2 })).json()).toEqual({ draftRevision: 3, valid: true, errors: [] });

    const published = await json('POST', '/api/apps/shop/publish', { comment: 'v1' });
    expect(published.json()).toMatchObject({ version: 1 });
    expect((await json('GET', '/api/apps/shop/live')).json()).toMatchObject({ version: 1, document: { id: 'shop' } });

    const withPhone = {
      ...shop,
      objects: [
        { ...shop.objects[0]!, fields: [...shop.objects[0]!.fields, { id: 'phone', type: 'phone' as const, label: { en: 'Phone' } }] },
        shop.objects[1]!,
      ],
    };
    expect((await json('PUT', '/api/apps/shop/draft', { document: withPhone, revision: 3 })).json()).toEqual({ draftRevision: 4, valid: true, errors: [] });
    const conflict = await json('PUT', '/api/apps/shop/draft', { document: shop, revision: 3 });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'meta.draft_conflict' });
    const diff = (await json('GET', '/api/apps/shop/diff')).json();
    expect(diff.changes).toEqual([{ kind: 'field_added', object: 'customer', field: 'phone' }]);
    expect((await json('POST', '/api/apps/shop/publish', { revision: 4 })).json()).toMatchObject({ version: 2 });

    const created = await json('POST', records, { values: { name: 'Ann', phone: '13800138000' } });
    expect(created.statusCode).toBe(201);
    expect((await json('POST', '/api/apps/shop/rollback', { version: 1 })).json()).toMatchObject({ version: 3 });
    const afterRollback = await json('POST', records, { values: { name: 'Ben', phone: '13800138000' } });
    expect(afterRollback.statusCode).toBe(422);
    expect(afterRollback.json().errors).toEqual([expect.objectContaining({ field: 'phone', code: 'field.unknown' })]);
    expect((await json('GET', '/api/apps/shop/versions')).json().map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  });

  it('runs the end-user flow: create, get with display values, patch, list, delete, restore', async () => {
    const ann = (await json('POST', records, { values: { name: 'Ann Co', email: 'ann@example.com', credit: '99.95' } })).json();
    const order = (await json('POST', '/api/apps/shop/objects/order/records', { values: { customer: ann.id, total: 5 } })).json();
    expect((await json('GET', `/api/apps/shop/objects/order/records/${order.id}`)).json()).toMatchObject({
      customer: ann.id,
      total: '5',
      _display: { customer: 'Ann Co' },
    });
    const patched = await json('PATCH', `${records}/${ann.id}`, { version: 1, values: { credit: 100 } });
    expect(patched.json()).toMatchObject({ version: 2, credit: '100' });
    expect((await json('PATCH', `${records}/${ann.id}`, { version: 1, values: { credit: 1 } })).statusCode).toBe(409);
    const listed = (await json('POST', `${records}/query`, { filters: [{ field: 'email', op: 'contains', value: 'ann@' }] })).json();
    expect(listed).toMatchObject({ total: 1, totalIsEstimate: false, nextCursor: null, items: [{ id: ann.id }] });
    const paged = (await json('GET', `${records}?sort=-created_at,name&limit=1`)).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.nextCursor).toEqual(expect.any(String));
    expect((await json('DELETE', `${records}/${ann.id}`)).statusCode).toBe(204);
    expect((await json('GET', `${records}/${ann.id}`)).statusCode).toBe(404);
    expect((await json('POST', `${records}/${ann.id}/restore`)).json()).toMatchObject({ deleted_at: null });
    const history = (await json('GET', `${records}/${ann.id}/history`)).json();
    expect(history.map((h: { operation: string }) => h.operation)).toEqual(['restore', 'delete', 'update', 'create']);
  });

  it('answers bad input with a clear problem+json, in the caller language', async () => {
    const wrongType = await json('POST', records, { values: { name: 42, credit: 'lots' } }, { 'accept-language': 'zh-CN' });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json().errors.map((e: { field: string; message: string }) => [e.field, e.message])).toEqual([
      ['name', '“名称”应为文本'],
      ['credit', '“Credit”格式不正确（应为数字）'],
    ]);
    const malformed = await app.inject({ method: 'POST', url: records, headers: { ...admin, 'content-type': 'application/json' }, payload: '{"values": {' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'request.malformed_json' });
    const huge = await json('POST', records, { values: { name: 'x'.repeat(70 * 1024) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'request.too_large' });
    const extra = await json('POST', records, { values: {}, sneaky: true });
    // The declared problem schema drops nothing: every member and every error's four keys arrive.
    expect(extra.json()).toEqual({
      type: 'https://tessera.dev/problems/request.invalid',
      title: 'The request has 1 error(s)',
      status: 400,
      code: 'request.invalid',
      errors: [
        {
          pointer: '/body/sneaky',
          field: 'sneaky',
          code: 'request.additionalProperties',
          message: '"sneaky" does not satisfy rule "additionalProperties" (must NOT have additional properties)',
        },
      ],
    });
    expect((await json('POST', '/api/apps/shop/objects/ghost/records', { values: {} })).json()).toMatchObject({ status: 404, code: 'record.object_not_found' });
    expect((await json('GET', '/api/apps/nope/live')).json()).toMatchObject({ status: 404, code: 'meta.app_not_found' });
    expect((await json('GET', `${records}/not-a-uuid`)).statusCode).toBe(400);
    expect((await json('GET', '/api/nothing-here')).json()).toMatchObject({ status: 404, code: 'request.not_found' });
    expect((await json('GET', `${records}?sort=name;drop`)).statusCode).toBe(400);
  });
});
