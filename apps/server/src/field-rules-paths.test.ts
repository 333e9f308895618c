import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, multipartBody } from './test-session';

/**
 * A field's format and cleaning rules hold on every path over HTTP: the records API without a
 * form, batch create, bulk edit, an import and a flow step store the canonical value, and refuse a
 * credit code with a wrong check character with a 422 naming the field and the rule in the
 * caller's language.
 */
const GOOD = '91350100M000100Y43';
const BAD = '91350100M000100Y44';

const app: AppDocument = {
  id: 'fr',
  label: { en: 'Field rules' },
  objects: [
    {
      id: 'company',
      label: { en: 'Company' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true },
        { id: 'code', type: 'text', label: { 'zh-CN': '信用代码', en: 'Credit code' }, format: 'cn-uscc' },
        { id: 'mobile', type: 'phone', label: { 'zh-CN': '手机', en: 'Mobile' }, phoneKind: 'mobile' },
        { id: 'stage', type: 'select', label: { en: 'Stage' }, options: ['new', 'checked'].map((value) => ({ value, label: { en: value } })) },
        { id: 'contact', type: 'text', label: { 'zh-CN': '联系邮箱', en: 'Contact' } },
      ],
    },
  ],
  flows: [
    {
      id: 'fill',
      label: { en: 'Fill in' },
      object: 'company',
      trigger: { kind: 'submit' },
      nodes: [{ id: 'set', kind: 'update_record', values: { code: '"91350100m000100y43"', mobile: '"86 138 0013 8000"', stage: '"checked"' } }],
    },
    {
      id: 'spoil',
      label: { en: 'Spoil' },
      object: 'company',
      trigger: { kind: 'submit' },
      nodes: [{ id: 'set', kind: 'update_record', values: { code: `"${BAD}"` } }],
    },
  ],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
const records = '/api/apps/fr/objects/company/records';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database, eventPollMs: 50 });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  expect((await server.inject({ method: 'POST', url: '/api/apps/fr/publish', headers: admin, payload: {} })).statusCode).toBe(200);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const post = (url: string, payload: object, language = 'en', headers: Record<string, string> = {}) =>
  server.inject({ method: 'POST', url, headers: { ...admin, 'accept-language': language, ...headers }, payload });
const storedBy = async (name: string) =>
  (await sql<{ code: string | null; mobile: string | null }>`select code, mobile from app_fr.company where name = ${name}`.execute(database.db)).rows[0];

function expectCodeRefused(body: { errors?: { field?: string; code: string; message: string }[] }, language: 'zh-CN' | 'en') {
  const error = body.errors?.find((e) => e.code === 'field.format');
  expect(error).toBeDefined();
  expect(error?.message).toContain(language === 'zh-CN' ? '“信用代码”格式不正确' : '"Credit code" is not a valid unified social credit code');
}

describe('field rules over HTTP, on every write path', () => {
  it('records API without a form, batch and bulk edit', async () => {
    const made = await post(records, { values: { name: 'API', code: ' 91350100m000100y43 ', mobile: '8613800138000' } });
    expect(made.statusCode).toBe(201);
    expect(await storedBy('API')).toEqual({ code: GOOD, mobile: '13800138000' });
    const refused = await post(records, { values: { name: 'API bad', code: BAD } }, 'zh-CN');
    expect(refused.statusCode).toBe(422);
    expectCodeRefused(refused.json(), 'zh-CN');

    const batch = await post(`${records}/batch`, {
      rows: [{ values: { name: 'Batch', code: '９１３５０１００Ｍ０００１００Ｙ４３' } }, { values: { name: 'Batch bad', code: BAD } }],
    });
    expect(batch.statusCode).toBe(422);
    expectCodeRefused(batch.json(), 'en');
    expect((await post(`${records}/batch`, { rows: [{ values: { name: 'Batch', code: '９１３５０１００Ｍ０００１００Ｙ４３' } }] })).statusCode).toBe(201);
    expect(await storedBy('Batch')).toEqual({ code: GOOD, mobile: null });

    const bulk = await post(`${records}/bulk-update`, { filters: [{ field: 'name', op: 'eq', value: 'Batch' }], values: { mobile: '0086 139-0013-9000' } });
    expect(bulk.json()).toEqual({ done: 1, skipped: [] });
    expect(await storedBy('Batch')).toEqual({ code: GOOD, mobile: '13900139000' });
    const badBulk = await post(`${records}/bulk-update`, { filters: [{ field: 'name', op: 'eq', value: 'Batch' }], values: { code: BAD } }, 'zh-CN');
    expect(badBulk.statusCode).toBe(422);
    expectCodeRefused(badBulk.json(), 'zh-CN');
  });

  it('an import stores canonical values and reports the bad code in the user’s language', async () => {
    const csv = Buffer.from(`名称,信用代码,手机\n导入甲,91350100m000100y43,86 138 0013 8000\n导入乙,${BAD},13800138000\n`, 'utf8');
    const body = multipartBody('公司.csv', 'text/csv', csv);
    const uploaded = await server.inject({
      method: 'POST',
      url: '/api/apps/fr/objects/company/imports',
      headers: { ...admin, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    // The preview carries each field's data rules, for the wizard to show samples as they will be stored.
    expect(uploaded.json().fields).toContainEqual(expect.objectContaining({ id: 'code', format: 'cn-uscc' }));
    expect(uploaded.json().fields).toContainEqual(expect.objectContaining({ id: 'mobile', phoneKind: 'mobile' }));
    const url = `/api/apps/fr/objects/company/imports/${uploaded.json().id}`;
    const plan = {
      sheet: 1,
      headerRow: 1,
      columns: [
        { column: 0, field: 'name' },
        { column: 1, field: 'code' },
        { column: 2, field: 'mobile' },
      ],
      dedup: null,
      atomicity: 'valid',
    };
    const dry = await post(`${url}/dry-run`, plan, 'zh-CN');
    expect(dry.json()).toMatchObject({ counts: { rows: 2, created: 1, refused: 1 }, issueCount: 1 });
    expect(dry.json().issues[0]).toMatchObject({ row: 3, column: '信用代码', field: 'code', code: 'field.format' });
    expect(dry.json().issues[0].message).toContain('“信用代码”格式不正确');
    expect((await post(`${url}/run`, plan)).statusCode).toBe(202);
    await server.jobs.drain();
    expect(await storedBy('导入甲')).toEqual({ code: GOOD, mobile: '13800138000' });
    expect(await storedBy('导入乙')).toBeUndefined();
  });

  it('a flow’s update-record step stores canonical values, and one that writes a bad code is refused naming the field', async () => {
    const made = (await post(records, { values: { name: 'Flow' } })).json();
    const submitted = await post('/api/apps/fr/flows/fill/instances', { recordId: made.id }, 'en', { 'idempotency-key': 'fill-1' });
    expect(submitted.statusCode).toBe(201);
    expect(await storedBy('Flow')).toEqual({ code: GOOD, mobile: '13800138000' });
    const spoiled = await post('/api/apps/fr/flows/spoil/instances', { recordId: made.id }, 'zh-CN', { 'idempotency-key': 'spoil-1' });
    expect(spoiled.statusCode).toBe(422);
    expectCodeRefused(spoiled.json(), 'zh-CN');
    expect(await storedBy('Flow')).toEqual({ code: GOOD, mobile: '13800138000' });
  });

  it('the publish review counts the stored rows that break a new rule; publish goes on, the rows stay readable, writing one again must meet the rule', async () => {
    // Rows from before the rule, as an old import or API client left them.
    const made = (await post(records, { values: { name: 'Old 1', contact: 'not an address' } })).json();
    await post(records, { values: { name: 'Old 2', contact: 'li@example.com' } });
    const app0 = (await server.inject({ method: 'GET', url: '/api/apps/fr', headers: admin })).json();
    const draft = structuredClone(app0.draft ?? app) as AppDocument;
    const contact = draft.objects[0]!.fields.find((f) => f.id === 'contact')!;
    Object.assign(contact, { format: 'email', required: true });
    const saved = await server.inject({ method: 'PUT', url: '/api/apps/fr/draft', headers: admin, payload: { document: draft, revision: app0.draftRevision } });
    expect(saved.statusCode).toBe(200);
    const empty = Number(
      (
        await sql<{ n: string }>`select count(*) as n from app_fr.company where deleted_at is null and (contact is null or btrim(contact) = '')`.execute(
          database.db,
        )
      ).rows[0]!.n,
    );
    const review = await server.inject({ method: 'GET', url: '/api/apps/fr/diff', headers: admin });
    expect(review.json().ruleBreaks).toEqual([
      {
        object: 'company',
        field: 'contact',
        rule: 'required',
        count: empty,
        countIsEstimate: false,
        list: expect.stringMatching(/^\/apps\/fr\/objects\/company\?f=1\./),
      },
      {
        object: 'company',
        field: 'contact',
        rule: 'format',
        format: 'email',
        count: 1,
        countIsEstimate: false,
        list: expect.stringMatching(/^\/apps\/fr\/objects\/company\?f=1\./),
      },
    ]);
    expect((await server.inject({ method: 'POST', url: '/api/apps/fr/publish', headers: admin, payload: {} })).statusCode).toBe(200);
    const read = await server.inject({ method: 'GET', url: `${records}/${made.id}`, headers: admin });
    expect(read.statusCode).toBe(200);
    expect(read.json().values?.contact ?? read.json().contact).toBe('not an address');
    const again = await server.inject({
      method: 'PATCH',
      url: `${records}/${made.id}`,
      headers: { ...admin, 'accept-language': 'en' },
      payload: { version: made.version ?? 1, values: { contact: 'still not one' } },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ field: 'contact', code: 'field.format' });
  });
});
