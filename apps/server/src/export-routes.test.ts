import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, userHeaders } from './test-session';

const app: AppDocument = {
  id: 'exp',
  label: { en: 'Export' },
  objects: [
    {
      id: 'customer',
      label: { 'zh-CN': '客户', en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '客户名称', en: 'Name' } },
        { id: 'bank', type: 'text', label: { 'zh-CN': '银行账号', en: 'Bank account' }, encrypted: true },
        { id: 'margin', type: 'number', label: { 'zh-CN': '毛利', en: 'Margin' } },
        {
          id: 'level',
          type: 'select',
          label: { 'zh-CN': '等级', en: 'Level' },
          options: [
            { value: 'a', label: { 'zh-CN': 'A 类', en: 'Class A' } },
            { value: 'b', label: { 'zh-CN': 'B 类', en: 'Class B' } },
          ],
        },
        { id: 'vip', type: 'checkbox', label: { en: 'VIP' } },
      ],
    },
  ],
  roles: [
    { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['create', 'read', 'export'], rows: 'own', hiddenFields: ['margin'] }] },
    { id: 'viewer', label: { en: 'Viewer' }, permissions: [{ object: 'customer', actions: ['read'], rows: 'all' }] },
  ],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
let rep: Record<string, string>;
let viewer: Record<string, string>;
const url = '/api/apps/exp/objects/customer/records/export';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database, encryptionKey: randomBytes(32).toString('base64') });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  await server.inject({ method: 'POST', url: '/api/apps/exp/publish', headers: admin, payload: {} });
  const r = await userHeaders(server, database, 'rep@test.local');
  const v = await userHeaders(server, database, 'viewer@test.local');
  await server.inject({ method: 'PUT', url: `/api/admin/users/${r.id}/roles`, headers: admin, payload: { appId: 'exp', roles: ['rep'] } });
  await server.inject({ method: 'PUT', url: `/api/admin/users/${v.id}/roles`, headers: admin, payload: { appId: 'exp', roles: ['viewer'] } });
  rep = r.headers;
  viewer = v.headers;
  const create = (headers: Record<string, string>, values: Record<string, unknown>) =>
    server.inject({ method: 'POST', url: '/api/apps/exp/objects/customer/records', headers, payload: { values } });
  await create(rep, { name: '甲公司', bank: '6222020200001234', level: 'a', vip: true });
  await create(rep, { name: '乙公司, "北京"', level: 'b', vip: false });
  await create(admin, { name: '丙公司', bank: '6222020200009999', margin: 12.5, level: 'b' });
  // Many more rows than a page, to cross page boundaries.
  await sql`insert into app_exp.customer (name, level) select '批量' || g, 'a' from generate_series(1, 1200) g`.execute(database.db);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const workbookOf = async (payload: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  return (book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).map((row) => row.slice(1));
};

describe('exporting a list view', () => {
  it('as a rep: own rows only, the hidden field left out, the encrypted one masked, labels in their language', async () => {
    const response = await server.inject({
      method: 'POST',
      url,
      headers: { ...rep, 'accept-language': 'zh-CN' },
      payload: { format: 'xlsx', sort: [{ field: 'name', direction: 'asc' }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const rows = await workbookOf(response.rawPayload);
    expect(rows).toEqual([
      ['客户名称', '银行账号', '等级', 'VIP'],
      ['乙公司, "北京"', undefined, 'B 类', '否'],
      ['甲公司', '••••1234', 'A 类', '是'],
    ]);
  });

  it('as CSV with the view filters and columns, across pages, with a BOM and quoting', async () => {
    const response = await server.inject({
      method: 'POST',
      url,
      headers: { ...admin, 'accept-language': 'en' },
      payload: {
        format: 'csv',
        filters: [{ field: 'level', op: 'eq', value: 'b' }],
        sort: [{ field: 'created_at', direction: 'asc' }],
        columns: ['name', 'margin'],
      },
    });
    expect(response.body).toBe('\uFEFFName,Margin\r\n"乙公司, ""北京""",\r\n丙公司,12.5\r\n');
    const all = await server.inject({ method: 'POST', url, headers: admin, payload: { format: 'csv', columns: ['name'] } });
    expect(all.body.trim().split('\r\n')).toHaveLength(1 + 1203);
    const audit = await sql<{ n: string }>`select count(*) as n from audit_log where action = 'records.export'`.execute(database.db);
    expect(Number(audit.rows[0]!.n)).toBe(3);
  });

  it('refuses a role without export, and a bad filter before the download starts', async () => {
    const refused = await server.inject({ method: 'POST', url, headers: viewer, payload: { format: 'xlsx' } });
    expect(refused.json()).toMatchObject({ status: 403, code: 'record.forbidden' });
    const bad = await server.inject({ method: 'POST', url, headers: admin, payload: { format: 'csv', filters: [{ field: 'nope', op: 'eq', value: 1 }] } });
    expect(bad.json()).toMatchObject({ status: 400, code: 'query.invalid' });
    const format = await server.inject({ method: 'POST', url, headers: admin, payload: { format: 'pdf' } });
    expect(format.json()).toMatchObject({ status: 400, code: 'request.invalid' });
  });
});
