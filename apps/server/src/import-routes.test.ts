import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { flatOds, libreOfficeXlsx } from '@tessera/importer/testing';
import type { AppDocument } from '@tessera/schemas';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, multipartBody, userHeaders } from './test-session';

const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [
    {
      id: 'customer',
      label: { 'zh-CN': '客户', en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '客户名称', en: 'Name' }, required: true },
        { id: 'phone', type: 'phone', label: { 'zh-CN': '电话', en: 'Phone' }, unique: true },
      ],
      matchRules: [{ id: 'company', kind: 'company_name', label: { 'zh-CN': '同一公司', en: 'Same company' }, nameField: 'name', contactFields: ['phone'] }],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['create', 'read', 'update'], rows: 'all' }] }],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
let workbook: Buffer;
const filesDir = mkdtempSync(join(tmpdir(), 'tessera-import-test-'));
const base = '/api/apps/crm/objects/customer/imports';

const upload = (headers: Record<string, string>, name: string, content: Buffer) => {
  const body = multipartBody(name, 'application/octet-stream', content);
  return server.inject({ method: 'POST', url: base, headers: { ...headers, 'content-type': body.contentType }, payload: body.payload });
};
const plan = {
  sheet: 1,
  headerRow: 1,
  columns: [
    { column: 0, field: 'name' },
    { column: 1, field: 'phone' },
  ],
  dedup: { field: 'phone', mode: 'update' },
  atomicity: 'valid',
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database, filesDir, eventPollMs: 50 });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  await server.inject({ method: 'POST', url: '/api/apps/crm/publish', headers: admin, payload: {} });
  await server.inject({
    method: 'POST',
    url: '/api/apps/crm/objects/customer/records',
    headers: admin,
    payload: { values: { name: '旧名称', phone: '13800000001' } },
  });
  const path = await libreOfficeXlsx(
    'customers',
    flatOds([
      {
        name: 'Sheet1',
        rows: [
          ['客户名称', '电话'],
          ['新名称', 13800000001],
          ['乙公司', 13800000002],
          ['丙公司', 12345],
        ],
      },
    ]),
  );
  workbook = await readFile(path);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await database?.drop();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('the import API', () => {
  it('uploads, previews, dry-runs, runs as a job, reports errors and undoes', async () => {
    const uploaded = await upload(admin, '客户.xlsx', workbook);
    expect(uploaded.statusCode).toBe(201);
    const preview = uploaded.json();
    expect(preview).toMatchObject({ fileName: '客户.xlsx', kind: 'xlsx', headerRow: 1, sheets: [{ index: 1, name: 'Sheet1' }] });
    // Titles and offered fields first: a wrong suggestion then says which side it came from.
    expect(preview.columns.map((c: { title: string }) => c.title)).toEqual(['客户名称', '电话']);
    expect(preview.fields.map((f: { id: string }) => f.id)).toEqual(['name', 'phone']);
    expect(preview.columns.map((c: { suggestion: string }) => c.suggestion)).toEqual(['name', 'phone']);
    const url = `${base}/${preview.id}`;

    const dry = await server.inject({ method: 'POST', url: `${url}/dry-run`, headers: { ...admin, 'accept-language': 'zh-CN' }, payload: plan });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ counts: { rows: 3, created: 1, updated: 1, refused: 1 }, issueCount: 1 });
    expect(dry.json().issues[0]).toMatchObject({ row: 4, column: '电话', field: 'phone', code: 'field.format' });
    expect(dry.json().issues[0].message).toContain('电话');
    expect(preview.matchRules).toEqual([
      { id: 'company', kind: 'company_name', label: { 'zh-CN': '同一公司', en: 'Same company' }, nameField: 'name', contactFields: ['phone'] },
    ]);
    // By the company rule, 新名称 is not 旧名称 although it has its phone: a create, refused by the phone's uniqueness.
    const byRule = await server.inject({
      method: 'POST',
      url: `${url}/dry-run`,
      headers: admin,
      payload: { ...plan, dedup: { rule: 'company', mode: 'update' } },
    });
    expect(byRule.json()).toMatchObject({ counts: { rows: 3, created: 1, updated: 0, refused: 2 } });

    const run = await server.inject({ method: 'POST', url: `${url}/run`, headers: admin, payload: plan });
    expect(run.statusCode).toBe(202);
    expect(run.json()).toMatchObject({ status: 'running', progress: { rows: 0 } });
    await server.jobs.drain();
    const status = (await server.inject({ method: 'GET', url, headers: admin })).json();
    expect(status).toMatchObject({ status: 'done', committed: true, counts: { created: 1, updated: 1, refused: 1 }, issueCount: 1 });
    const names = async () =>
      (await sql<{ name: string }>`select name from app_crm.customer where deleted_at is null order by phone`.execute(database.db)).rows.map((r) => r.name);
    expect(await names()).toEqual(['新名称', '乙公司']);

    const report = await server.inject({ method: 'GET', url: `${url}/errors.xlsx`, headers: { ...admin, 'accept-language': 'en' } });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(2).values).toEqual([undefined, 4, '电话', 'Phone', expect.stringContaining('Phone')]);

    const again = await server.inject({ method: 'POST', url: `${url}/run`, headers: admin, payload: plan });
    expect(again.statusCode).toBe(409);
    const undo = await server.inject({ method: 'POST', url: `${url}/undo`, headers: admin });
    expect(undo.json()).toEqual({ deleted: 1, restored: 1, skipped: 0 });
    expect(await names()).toEqual(['旧名称']);
    const audit = await sql<{ action: string }>`select action from audit_log where action like 'import.%' order by id`.execute(database.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['import.run', 'import.undo']);
  });

  it('refuses a role without import, a file that is not a table, a bad plan, an unknown import — as problem+json', async () => {
    const rep = await userHeaders(server, database, 'rep@test.local');
    await server.inject({ method: 'PUT', url: `/api/admin/users/${rep.id}/roles`, headers: admin, payload: { appId: 'crm', roles: ['rep'] } });
    const refused = await upload(rep.headers, 'a.xlsx', workbook);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const notTable = await upload(admin, 'a.pdf', Buffer.from('%PDF-1.4'));
    expect(notTable.json()).toMatchObject({ status: 422, code: 'import.file_type' });
    const id = (await upload(admin, 'b.xlsx', workbook)).json().id;
    const bad = await server.inject({ method: 'POST', url: `${base}/${id}/dry-run`, headers: admin, payload: { ...plan, atomicity: 'some' } });
    expect(bad.json()).toMatchObject({ status: 400, code: 'request.invalid' });
    const twoKeys = await server.inject({
      method: 'POST',
      url: `${base}/${id}/dry-run`,
      headers: admin,
      payload: { ...plan, dedup: { field: 'phone', rule: 'company', mode: 'skip' } },
    });
    expect(twoKeys.json()).toMatchObject({ status: 400, code: 'request.invalid' });
    const noRule = await server.inject({
      method: 'POST',
      url: `${base}/${id}/dry-run`,
      headers: admin,
      payload: { ...plan, dedup: { rule: 'nope', mode: 'skip' } },
    });
    expect(noRule.json()).toMatchObject({ status: 422, code: 'import.mapping_invalid' });
    const unmapped = await server.inject({
      method: 'POST',
      url: `${base}/${id}/dry-run`,
      headers: admin,
      payload: { ...plan, columns: [{ column: 0, field: 'nope' }] },
    });
    expect(unmapped.json()).toMatchObject({ status: 422, code: 'import.mapping_invalid' });
    const unknown = await server.inject({ method: 'GET', url: `${base}/${crypto.randomUUID()}`, headers: admin });
    expect(unknown.json()).toMatchObject({ status: 404, code: 'import.not_found' });
  });
});
