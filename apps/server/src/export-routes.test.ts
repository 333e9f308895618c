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
    {
      id: 'quote',
      label: { 'zh-CN': '报价', en: 'Quote' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { 'zh-CN': '标题', en: 'Title' } },
        { id: 'customer', type: 'relation', target: 'customer', label: { 'zh-CN': '客户', en: 'Customer' } },
        { id: 'total', type: 'currency', label: { 'zh-CN': '总额', en: 'Total' }, scale: 2 },
        { id: 'usd', type: 'currency', currency: 'USD', label: { en: 'USD' } },
        { id: 'seats', type: 'number', scale: 0, label: { 'zh-CN': '席位', en: 'Seats' } },
        { id: 'weight', type: 'number', label: { en: 'Weight' } },
        { id: 'discount', type: 'percent', scale: 1, label: { 'zh-CN': '折扣', en: 'Discount' } },
        { id: 'due', type: 'date', label: { 'zh-CN': '到期', en: 'Due' } },
        { id: 'sent_at', type: 'datetime', label: { en: 'Sent' } },
        { id: 'doubled', type: 'formula', resultType: 'currency', formula: 'total * 2', label: { en: 'Doubled' } },
        { id: 'count', type: 'formula', resultType: 'number', formula: 'seats + 1', label: { en: 'Count' } },
        { id: 'big', type: 'formula', resultType: 'boolean', formula: 'total > 1000', label: { en: 'Big' } },
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
  const customer = await sql<{ id: string }>`select id from app_exp.customer where name = '丙公司'`.execute(database.db);
  await server.inject({
    method: 'POST',
    url: '/api/apps/exp/objects/quote/records',
    headers: admin,
    payload: {
      values: {
        title: 'Q-1',
        customer: customer.rows[0]!.id,
        total: '31502.25',
        usd: '-1234.5',
        seats: 16,
        weight: '0.125',
        discount: '12.5',
        due: '2026-03-31',
        sent_at: '2026-03-31T16:30:00.000Z',
      },
    },
  });
  // Many more rows than a page, to cross page boundaries.
  await sql`insert into app_exp.customer (name, level) select '批量' || g, 'a' from generate_series(1, 1200) g`.execute(database.db);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const sheetOf = async (payload: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  return book.worksheets[0]!;
};

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

describe("exporting figures, dates and computed fields in the field's own format", () => {
  const quoteUrl = '/api/apps/exp/objects/quote/records/export';
  const exportQuotes = (format: 'xlsx' | 'csv', locale: string) =>
    server.inject({ method: 'POST', url: quoteUrl, headers: { ...admin, 'accept-language': locale }, payload: { format } });

  it.each(['zh-CN', 'en'])('writes numeric cells with Excel formats, date cells and labels (%s)', async (locale) => {
    const response = await exportQuotes('xlsx', locale);
    expect(response.statusCode).toBe(200);
    const sheet = await sheetOf(response.rawPayload);
    const titles = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (id: string) =>
      sheet
        .getRow(2)
        .getCell(
          titles.indexOf(app.objects[1]!.fields.find((f) => f.id === id)!.label[locale as 'en'] ?? app.objects[1]!.fields.find((f) => f.id === id)!.label.en) +
            1,
        );
    const figure = (id: string) => ({ type: cell(id).type, value: cell(id).value, numFmt: cell(id).numFmt });
    expect(figure('total')).toEqual({ type: ExcelJS.ValueType.Number, value: 31502.25, numFmt: '"CNY "#,##0.00' });
    expect(figure('usd')).toEqual({ type: ExcelJS.ValueType.Number, value: -1234.5, numFmt: '"USD "#,##0.00' });
    expect(figure('seats')).toEqual({ type: ExcelJS.ValueType.Number, value: 16, numFmt: '#,##0' });
    expect(figure('weight')).toEqual({ type: ExcelJS.ValueType.Number, value: 0.125, numFmt: '#,##0.000' });
    expect(figure('discount')).toEqual({ type: ExcelJS.ValueType.Number, value: 12.5, numFmt: '#,##0.0"%"' });
    // Formulas by the type they produce: money stays money, a count an integer, yes/no a label.
    expect(figure('doubled')).toEqual({ type: ExcelJS.ValueType.Number, value: 63004.5, numFmt: '"CNY "#,##0.00' });
    expect(figure('count')).toEqual({ type: ExcelJS.ValueType.Number, value: 17, numFmt: '#,##0' });
    expect(cell('big').value).toBe(locale === 'zh-CN' ? '是' : 'Yes');
    expect(figure('due')).toEqual({ type: ExcelJS.ValueType.Date, value: new Date(Date.UTC(2026, 2, 31)), numFmt: 'yyyy-mm-dd' });
    // 16:30 UTC is half past midnight the next day on China time, the app's time zone.
    expect(figure('sent_at')).toEqual({ type: ExcelJS.ValueType.Date, value: new Date(Date.UTC(2026, 3, 1, 0, 30)), numFmt: 'yyyy-mm-dd hh:mm' });
    expect(cell('customer').value).toBe('丙公司');
    expect(cell('title').value).toBe('Q-1');
  });

  it('writes CSV figures Excel reads as numbers, the unit in the column title (zh-CN and en)', async () => {
    const zh = await exportQuotes('csv', 'zh-CN');
    expect(zh.body).toBe(
      '\uFEFF标题,客户,总额 (CNY),USD (USD),席位,Weight,折扣 (%),到期,Sent,Doubled (CNY),Count,Big\r\n' +
        'Q-1,丙公司,31502.25,-1234.50,16,0.125,12.5,2026-03-31,2026-04-01 00:30,63004.50,17,是\r\n',
    );
    const en = await exportQuotes('csv', 'en');
    expect(en.body.split('\r\n')[0]).toBe('\uFEFFTitle,Customer,Total (CNY),USD (USD),Seats,Weight,Discount (%),Due,Sent,Doubled (CNY),Count,Big');
    expect(en.body.split('\r\n')[1]).toBe('Q-1,丙公司,31502.25,-1234.50,16,0.125,12.5,2026-03-31,2026-04-01 00:30,63004.50,17,Yes');
  });
});
