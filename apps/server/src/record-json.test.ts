import { fullAccess } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { jsonShapeOf, recordJsonSchemas } from '@tessera/records';
import { type AppDocument, FIELD_TYPES } from '@tessera/schemas';
import fastJson from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDemoServer } from './demo-testing';
import { buildServer } from './server';
import { adminHeaders, multipartBody } from './test-session';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const options = [
  { value: 'a', label: { en: 'A' } },
  { value: 'b', label: { en: 'B' } },
];
const label = (en: string) => ({ en });

/** One object with a field of every type the catalog has (the test below checks it still does). */
const everyType: AppDocument = {
  id: 'types',
  label: label('Types'),
  objects: [
    {
      id: 'account',
      label: label('Account'),
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: label('Name') },
        { id: 'story', type: 'long_text', label: label('Story') },
        { id: 'notes', type: 'rich_text', label: label('Notes') },
        { id: 'seats', type: 'number', label: label('Seats') },
        { id: 'budget', type: 'currency', label: label('Budget'), currency: 'CNY' },
        { id: 'share', type: 'percent', label: label('Share') },
        { id: 'founded', type: 'date', label: label('Founded') },
        { id: 'met_at', type: 'datetime', label: label('Met at') },
        { id: 'tier', type: 'select', label: label('Tier'), options },
        { id: 'tags', type: 'multi_select', label: label('Tags'), options },
        { id: 'vip', type: 'checkbox', label: label('VIP') },
        { id: 'keeper', type: 'user', label: label('Keeper') },
        { id: 'team', type: 'department', label: label('Team') },
        { id: 'parent_account', type: 'relation', label: label('Parent'), target: 'account' },
        { id: 'lines', type: 'child_table', label: label('Lines'), target: 'line' },
        { id: 'files', type: 'attachment', label: label('Files') },
        { id: 'logo', type: 'image', label: label('Logo') },
        { id: 'phone', type: 'phone', label: label('Phone') },
        { id: 'email', type: 'email', label: label('E-mail') },
        { id: 'site', type: 'url', label: label('Site') },
        { id: 'region', type: 'region', label: label('Region') },
        { id: 'code', type: 'auto_number', label: label('Code'), numberFormat: 'AC-{0000}' },
        { id: 'double_seats', type: 'formula', label: label('Double'), formula: 'seats * 2', resultType: 'number' },
        { id: 'sign', type: 'signature', label: label('Signature') },
        { id: 'contacts', type: 'related_list', label: label('Contacts'), target: 'contact', via: 'account' },
        { id: 'contact_count', type: 'formula', label: label('Contacts'), formula: 'COUNT(contacts)', resultType: 'number' },
      ],
    },
    {
      id: 'line',
      label: label('Line'),
      parent: 'account',
      fields: [
        { id: 'item', type: 'text', label: label('Item') },
        { id: 'qty', type: 'number', label: label('Quantity') },
        { id: 'due', type: 'datetime', label: label('Due') },
        { id: 'done', type: 'checkbox', label: label('Done') },
      ],
    },
    {
      id: 'contact',
      label: label('Contact'),
      displayField: 'full_name',
      fields: [
        { id: 'full_name', type: 'text', label: label('Name') },
        { id: 'account', type: 'relation', label: label('Account'), target: 'account' },
      ],
    },
  ],
};

/** What Fastify's serializer compiler makes of a schema: fast-json-stringify with no options of ours. */
const writerOf = (value: object) => {
  const schema = jsonShapeOf(value);
  if (!schema) throw new Error('the answer carries no shape');
  return fastJson(schema);
};

describe('records written from their schema, every field type', () => {
  let database: TestDatabase;
  let server: FastifyInstance;
  let admin: Record<string, string>;
  const accounts = '/api/apps/types/objects/account/records';
  const access = fullAccess({ userId: null, departmentId: null });
  const ids: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await buildServer({ database });
    admin = await adminHeaders(server, database);
    expect((await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: everyType } })).statusCode).toBe(201);
    expect((await server.inject({ method: 'POST', url: '/api/apps/types/publish', headers: admin, payload: {} })).statusCode).toBe(200);
    const body = multipartBody('logo.png', 'image/png', PNG);
    const upload = await server.inject({
      method: 'POST',
      url: '/api/apps/types/files',
      headers: { ...admin, 'content-type': body.contentType },
      payload: body.payload,
    });
    const file = upload.json<{ id: string; name: string }>();
    const me = (await server.inject({ method: 'GET', url: '/api/auth/me', headers: admin })).json<{ userId: string }>();
    const department = (
      await server.inject({ method: 'POST', url: '/api/admin/departments', headers: admin, payload: { name: '华东 "销售"', parentId: null } })
    ).json<{ id: string }>();
    const first = await server.inject({ method: 'POST', url: accounts, headers: admin, payload: { values: { name: 'Bare' } } });
    ids.push(first.json<{ id: string }>().id);
    const full = await server.inject({
      method: 'POST',
      url: accounts,
      headers: admin,
      payload: {
        values: {
          // Text that needs escaping, beyond the basic plane, and a line separator JSON.stringify leaves as is.
          name: 'Zhāng "Ltd" \\ 张三 😀\u2028end',
          story: 'line one\nline two\ttabbed',
          notes: '<p>Hello <b>world</b></p>',
          seats: '12.50',
          budget: '31502.25',
          share: '0.125',
          founded: '2001-02-03',
          met_at: '2024-05-06T07:08:09.123Z',
          tier: 'a',
          tags: ['a', 'b'],
          vip: true,
          keeper: me.userId,
          team: department.id,
          parent_account: ids[0],
          lines: [
            { item: 'Licence', qty: '10', due: '2024-06-01T00:00:00Z', done: false },
            { item: 'Service "days"', qty: '5.5', due: null, done: true },
          ],
          files: [{ id: file.id, name: file.name }],
          logo: [{ id: file.id, name: file.name }],
          phone: '13800138000',
          email: 'zhang@example.com',
          site: 'https://example.com/a?b=c&d="e"',
          region: '330106',
          sign: `data:image/png;base64,${PNG.toString('base64')}`,
        },
      },
    });
    expect(full.statusCode, full.body).toBe(201);
    ids.push(full.json<{ id: string }>().id);
    await server.inject({
      method: 'POST',
      url: '/api/apps/types/objects/contact/records',
      headers: admin,
      payload: { values: { full_name: 'Li', account: ids[1] } },
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('covers the whole field catalog', () => {
    const types = new Set(everyType.objects.flatMap((o) => o.fields.map((f) => f.type)));
    expect(FIELD_TYPES.filter((t) => !types.has(t))).toEqual([]);
  });

  it('names a JSON type for every stored field, so its values are written by code made for them', async () => {
    const app = (await server.records.readContext('types', access)).app;
    const { record } = recordJsonSchemas(app, 'account')!;
    const properties = record.properties as Record<string, { type?: unknown; items?: unknown }>;
    expect(properties.vip).toEqual({ type: ['boolean', 'null'] });
    expect(properties.tags).toEqual({ type: ['array', 'null'], items: { type: ['string', 'null'] } });
    expect(properties.met_at).toEqual({ type: ['string', 'null'] });
    expect(properties.version).toEqual({ type: 'integer' });
    expect(properties.lines?.type).toEqual(['array', 'null']);
    // A value of another type is refused, not coerced into something else.
    expect(() => fastJson(record)({ vip: 'yes' })).toThrow(/vip/);
    // The same object of the same version: built once, kept with the version.
    expect(recordJsonSchemas(app, 'account')!.record).toBe(record);
  });

  it.each([
    ['empty', 0],
    ['every field filled', 1],
  ])('writes a record (%s) exactly as JSON.stringify does', async (_, index) => {
    const record = await server.records.get('types', 'account', access, ids[index]!);
    expect(writerOf(record)(record)).toBe(JSON.stringify(record));
  });

  it('writes a page of records exactly as JSON.stringify does, and answers it so over HTTP', async () => {
    const page = await server.records.list('types', 'account', access, { sort: [{ field: 'created_at', direction: 'asc' }] });
    expect(page.items).toHaveLength(2);
    expect(writerOf(page)(page)).toBe(JSON.stringify(page));
    const answer = await server.inject({ method: 'GET', url: `${accounts}?sort=created_at`, headers: admin });
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.body).toBe(JSON.stringify(page));
    const one = await server.inject({ method: 'GET', url: `${accounts}/${ids[1]}`, headers: admin });
    expect(one.body).toBe(JSON.stringify(await server.records.get('types', 'account', access, ids[1]!)));
  });

  it('writes the new shape once a new version is published', async () => {
    const before = recordJsonSchemas((await server.records.readContext('types', access)).app, 'account')!.record;
    const draft = structuredClone(everyType);
    draft.objects[0]!.fields.push({ id: 'motto', type: 'text', label: label('Motto') });
    const { draftRevision } = (await server.inject({ method: 'GET', url: '/api/apps/types', headers: admin })).json<{ draftRevision: number }>();
    const saved = await server.inject({ method: 'PUT', url: '/api/apps/types/draft', headers: admin, payload: { document: draft, revision: draftRevision } });
    expect(saved.json()).toMatchObject({ valid: true });
    expect((await server.inject({ method: 'POST', url: '/api/apps/types/publish', headers: admin, payload: {} })).statusCode).toBe(200);
    const after = recordJsonSchemas((await server.records.readContext('types', access)).app, 'account')!.record;
    expect(after).not.toBe(before);
    expect((after.properties as Record<string, unknown>).motto).toEqual({ type: ['string', 'null'] });
  });
});

describe('records written from their schema, the demo CRM', () => {
  const demo = useDemoServer({ scale: 0.1 });
  const access = fullAccess({ userId: null, departmentId: null });

  it('writes every object of the demo exactly as JSON.stringify does', async () => {
    const objects: string[] = [];
    const app = (await demo.app.records.readContext('crm', access)).app;
    for (const object of app.document.objects.filter((o) => !o.parent)) {
      objects.push(object.id);
      const page = await demo.app.records.list('crm', object.id, access, { limit: 200 });
      expect(page.items.length, object.id).toBeGreaterThan(0);
      expect(writerOf(page)(page), object.id).toBe(JSON.stringify(page));
      const record = await demo.app.records.get('crm', object.id, access, String(page.items[0]!.id));
      expect(writerOf(record)(record), object.id).toBe(JSON.stringify(record));
    }
    expect(objects.length).toBeGreaterThan(5);
  });

  it('never writes a field a sales rep may not read, not even as null', async () => {
    const contracts = '/api/apps/crm/objects/contract/records';
    const rep = await demo.headers('chen.jing');
    const page = await demo.app.inject({ method: 'POST', url: `${contracts}/query`, headers: rep, payload: { limit: 50, count: false } });
    const items = page.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(items.length).toBeGreaterThan(0);
    // The writer knows the field; the rep's rows do not carry it, and the answer does not add it.
    expect(Object.keys((recordJsonSchemas((await demo.app.records.readContext('crm', access)).app, 'contract')!.record.properties as object) ?? {})).toContain(
      'amount',
    );
    for (const item of items) expect(item).not.toHaveProperty('amount');
    expect(page.body).not.toContain('"amount"');
    const one = await demo.app.inject({ method: 'GET', url: `${contracts}/${items[0]!.id}`, headers: rep });
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toContain('"amount"');
  });
});
