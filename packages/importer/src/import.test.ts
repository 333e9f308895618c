import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePolicy, fullAccess } from '@tessera/access';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlierMappings } from './earlier-mappings';
import { errorReport, issueMessage } from './error-report';
import { createBatch, readErrors, saveOutcome } from './import-batches';
import type { ImportPlan } from './import-plan';
import { inspectFile } from './inspect-file';
import { runImport } from './run-import';
import { fileSource, type ImportFixture, importApp, publishImportApp } from './testing/crm-fixture';
import { type FixtureCell, flatOds, iconvFile, libreOfficeXlsx } from './testing/libreoffice';
import { undoImport } from './undo-import';

const ADMIN = '00000000-0000-4000-8000-0000000000aa';
const admin = fullAccess({ userId: ADMIN, departmentId: null });
let fx: ImportFixture;
let workbook: string;
let managerId: string;

const HEADER: FixtureCell[] = ['客户名称', '统一社会信用代码', '手机', '邮箱', '签约日期', '金额', '等级', '客户经理', '备注'];
/** Rows 3…: a merged title above the header, numeric phones, a date cell, a serial number, a formula, an empty row, bad rows. */
const ROWS: FixtureCell[][] = [
  [
    '杭州云帆科技有限公司',
    '91330100MA2XXXXX01',
    13812345678,
    'info@yunfan.cn',
    { date: '2024-03-01' },
    { formula: 'of:=1000*3', value: 3000 },
    'A 类',
    'wang@example.com',
    '老客户',
  ],
  ['上海启明软件有限公司', '91310000MA1XXXXX02', 13900001111, 'QM@qiming.cn', 45352, 1250.5, 'Class B', '王芳', null],
  [null, null, null, null, null, null, null, null, null],
  ['北京星河数据有限公司', '91110000MA0XXXXX03', 12345, 'not-an-email', { date: '2024-05-20' }, 800, 'C 类', '无此人', null],
  [null, '91440300MA5XXXXX04', 13700002222, null, null, null, null, null, null],
  ['深圳海岸电子有限公司', '91440300MA5XXXXX05', 13600003333, null, null, 99, 'b', null, null],
];

const plan = (overrides: Partial<ImportPlan> = {}): ImportPlan => ({
  sheet: 1,
  headerRow: 2,
  columns: ['name', 'uscc', 'phone', 'email', 'signed', 'amount', 'level', 'manager'].map((field, column) => ({ column, field })),
  dedup: { field: 'uscc', mode: 'update' },
  atomicity: 'valid',
  ...overrides,
});

const customers = async () =>
  (
    await sql<Record<string, unknown>>`select name, uscc, phone, email, signed::text as signed, amount::text as amount, level, manager, deleted_at
      from app_imp.customer order by name`.execute(fx.database.db)
  ).rows;

const run = async (path: string, p: ImportPlan, dryRun = false, kind: 'xlsx' | 'csv' = 'xlsx') => {
  const batchId = await createBatch(fx.database.db, { appId: 'imp', objectId: 'customer', fileId: crypto.randomUUID(), fileName: 'x', kind, createdBy: ADMIN });
  const outcome = await runImport(fx, { appId: 'imp', objectId: 'customer', access: admin }, { source: fileSource(path), kind }, p, {
    dryRun,
    batchId,
    onCommit: (o, tx) => saveOutcome(tx, batchId, p, o, false),
  });
  if (!outcome.committed) await saveOutcome(fx.database.db, batchId, p, outcome, dryRun);
  return { batchId, outcome };
};

beforeAll(async () => {
  fx = await publishImportApp();
  managerId = (
    await fx.database.db.insertInto('users').values({ email: 'Wang@Example.com', name: '王芳', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow()
  ).id;
  workbook = await libreOfficeXlsx(
    'customers',
    flatOds([
      { name: '客户', rows: [[{ merged: '客户导入（2024 年）', span: 9 }], HEADER, ...ROWS] },
      { name: '说明', rows: [['请从第 3 行开始填写']] },
    ]),
  );
}, 120_000);
afterAll(async () => fx?.database.drop());

describe('importing a workbook written by LibreOffice', () => {
  it('finds the sheets, the header row under a merged title, and suggests fields from zh-CN labels', async () => {
    const preview = await inspectFile({ source: fileSource(workbook), kind: 'xlsx' }, importApp.objects[0]!, admin);
    expect(preview.sheets.map((s) => s.name)).toEqual(['客户', '说明']);
    expect(preview.headerRow).toBe(2);
    expect(preview.columns.map((c) => c.suggestion)).toEqual(['name', 'uscc', 'phone', 'email', 'signed', 'amount', 'level', 'manager', null]);
    expect(preview.columns[2]!.samples[0]).toBe(13812345678);
  });

  it('a dry run checks every row with the records validators and writes nothing', async () => {
    const { outcome } = await run(workbook, plan(), true);
    expect(outcome.committed).toBe(false);
    expect(outcome.counts).toEqual({ rows: 5, created: 3, updated: 0, skipped: 0, refused: 2 });
    const byRow = (row: number) => outcome.issues.filter((i) => i.row === row).map((i) => `${i.column}:${i.code}`);
    // Row 6 (the file's numbering; row 5 is empty): a bad phone, a bad e-mail, an unknown option, a person nobody is.
    expect(byRow(6).sort()).toEqual(['客户经理:import.user_not_found', '手机:field.format', '等级:field.option', '邮箱:field.format'].sort());
    expect(byRow(7)).toEqual(['客户名称:field.required']);
    expect(issueMessage(outcome.issues.find((i) => i.code === 'field.required')!, 'zh-CN')).toBe('“客户名称”为必填项');
    expect(issueMessage(outcome.issues.find((i) => i.code === 'import.user_not_found')!, 'en')).toBe(
      '"Account manager": no active person with the name or e-mail "无此人"',
    );
    expect(await customers()).toEqual([]);
  });

  it('all or nothing: one bad row and nothing is imported', async () => {
    const { outcome } = await run(workbook, plan({ atomicity: 'all' }));
    expect(outcome.committed).toBe(false);
    expect(outcome.counts.refused).toBe(2);
    expect(await customers()).toEqual([]);
  });

  it('imports the valid rows with what the cells mean: dates, numeric phones, formulas, option labels, people by e-mail or name', async () => {
    const { batchId, outcome } = await run(workbook, plan());
    expect(outcome.committed).toBe(true);
    expect(outcome.counts).toMatchObject({ created: 3, refused: 2 });
    expect(await customers()).toEqual([
      {
        name: '上海启明软件有限公司',
        uscc: '91310000MA1XXXXX02',
        phone: '13900001111',
        email: 'qm@qiming.cn', // e-mail fields store addresses in lower case (the field's data rules)
        signed: '2024-03-01',
        amount: '1250.5',
        level: 'b',
        manager: managerId,
        deleted_at: null,
      },
      {
        name: '杭州云帆科技有限公司',
        uscc: '91330100MA2XXXXX01',
        phone: '13812345678',
        email: 'info@yunfan.cn',
        signed: '2024-03-01',
        amount: '3000',
        level: 'a',
        manager: managerId,
        deleted_at: null,
      },
      {
        name: '深圳海岸电子有限公司',
        uscc: '91440300MA5XXXXX05',
        phone: '13600003333',
        email: null,
        signed: null,
        amount: '99',
        level: 'b',
        manager: null,
        deleted_at: null,
      },
    ]);
    const { rows } = await sql<{ n: string }>`select count(*) as n from record_history h join record_events e on e.history_id = h.id
      where h.app_id = 'imp' and h.source = 'import' and e.detail->>'import' = ${batchId}`.execute(fx.database.db);
    expect(Number(rows[0]!.n)).toBe(3);
    const stored = await readErrors(fx.database.db, batchId);
    expect(stored.rows.map((r) => r.row)).toEqual([6, 7]);
    // A field no column maps to gets its own default on each created row.
    const channels = await sql<{ channel: string | null }>`select channel from app_imp.customer`.execute(fx.database.db);
    expect(channels.rows.map((r) => r.channel)).toEqual(['表格导入', '表格导入', '表格导入']);
  });

  it('writes an error report: row, column, field and reason in the user language, and the original rows', async () => {
    const { batchId } = await run(workbook, plan({ dedup: { field: 'uscc', mode: 'skip' } }));
    const chunks: Buffer[] = [];
    for await (const chunk of errorReport(await readErrors(fx.database.db, batchId), 'en', (id) => id)) chunks.push(chunk as Buffer);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const errors = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(errors[0]!.slice(1)).toEqual(['Row', 'Column', 'Field', 'Reason']);
    expect(errors.slice(1).map((r) => r.slice(1, 3))).toContainEqual([7, '客户名称']);
    expect(errors.slice(1).some((r) => r[4] === '"Customer name" is required')).toBe(true);
    const original = book.worksheets[1]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(original[1]!.slice(1, 3)).toEqual([6, '北京星河数据有限公司']);
  });

  it('dedup by credit code: updates matches, creates the rest, flags repeats within the file; undo puts everything back', async () => {
    const csv = [
      '客户名称,统一社会信用代码,手机,金额',
      // The key as typed (lower case, full-width spaces around it) still finds the stored record.
      '杭州云帆科技有限公司（新）,　 91330100ma2xxxxx01 ,+86 138 1234 5679,4000',
      '广州南风贸易有限公司,91440100MA9XXXXX06,13500004444,10',
      '广州南风贸易有限公司,91440100MA9XXXXX06,13500004444,10',
    ].join('\n');
    const utf8 = join(await mkdtemp(join(tmpdir(), 'tessera-csv-')), 'customers.csv');
    await writeFile(utf8, csv);
    const gbk = await iconvFile(utf8, 'GBK');
    const p = plan({ headerRow: 1, columns: ['name', 'uscc', 'phone', 'amount'].map((field, column) => ({ column, field })) });
    const before = await customers();
    const { batchId, outcome } = await run(gbk, p, false, 'csv');
    expect(outcome.counts).toMatchObject({ rows: 3, created: 1, updated: 1, refused: 1 });
    expect(outcome.issues).toEqual([expect.objectContaining({ row: 4, column: '统一社会信用代码', code: 'import.duplicate_in_file', params: { row: 3 } })]);
    // Where the run's time went is kept with it: every phase this run went through, in whole ms.
    expect(Object.keys(outcome.laps).sort()).toEqual(['create', 'dedup', 'read', 'references', 'remember', 'total', 'update', 'validate', 'values']);
    expect(Object.values(outcome.laps).every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
    const yunfan = (await customers()).find((c) => c.uscc === '91330100MA2XXXXX01');
    expect(yunfan).toMatchObject({ name: '杭州云帆科技有限公司（新）', phone: '13812345679', amount: '4000', email: 'info@yunfan.cn' });
    const undone = await undoImport(fx, { appId: 'imp', objectId: 'customer', access: admin, batchId });
    expect(undone).toEqual({ deleted: 1, restored: 1, skipped: 0 });
    expect((await customers()).filter((c) => c.deleted_at === null)).toEqual(before);
    await expect(undoImport(fx, { appId: 'imp', objectId: 'customer', access: admin, batchId })).rejects.toMatchObject({ code: 'import.state' });
  });

  it('maps a relation column by the related record display name (UTF-8 CSV with a BOM), never by id', async () => {
    await fx.records.create('imp', 'customer', admin, { values: { name: '成都锦江物流有限公司' } });
    const path = join(await mkdtemp(join(tmpdir(), 'tessera-csv-')), 'contacts.csv');
    await writeFile(path, `\uFEFF姓名,所属客户\n张伟,成都锦江物流有限公司\n李娜,不存在的公司\n赵强,${crypto.randomUUID()}\n`);
    const preview = await inspectFile({ source: fileSource(path), kind: 'csv' }, importApp.objects[1]!, admin);
    expect(preview.columns.map((c) => [c.title, c.suggestion])).toEqual([
      ['姓名', 'name'],
      ['所属客户', 'customer'],
    ]);
    const batchId = await createBatch(fx.database.db, {
      appId: 'imp',
      objectId: 'contact',
      fileId: crypto.randomUUID(),
      fileName: 'contacts.csv',
      kind: 'csv',
      createdBy: ADMIN,
    });
    const outcome = await runImport(
      fx,
      { appId: 'imp', objectId: 'contact', access: admin },
      { source: fileSource(path), kind: 'csv' },
      {
        sheet: 1,
        headerRow: preview.headerRow,
        columns: [
          { column: 0, field: 'name' },
          { column: 1, field: 'customer' },
        ],
        atomicity: 'valid',
      },
      { dryRun: false, batchId },
    );
    expect(outcome.counts).toMatchObject({ rows: 3, created: 1, refused: 2 });
    expect(outcome.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'import.relation_not_found'],
      [4, 'import.relation_not_found'],
    ]);
    const { rows } = await sql<{
      name: string;
      customer: string;
    }>`select c.name, k.name as customer from app_imp.contact c join app_imp.customer k on k.id = c.customer`.execute(fx.database.db);
    expect(rows).toEqual([{ name: '张伟', customer: '成都锦江物流有限公司' }]);
  });

  it('suggests again what an earlier import mapped a title to, though no label says so', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tessera-csv-')), 'tax.csv');
    await writeFile(path, '公司,税号\n温州瓯江制造有限公司,91330300MA7XXXXX09\n');
    const file = { source: fileSource(path), kind: 'csv' as const };
    const before = await inspectFile(file, importApp.objects[0]!, admin, {}, await earlierMappings(fx.db, 'imp', 'customer'));
    expect(before.columns.map((c) => c.suggestion)).toEqual([null, null]);
    const { outcome } = await run(
      path,
      plan({
        headerRow: 1,
        columns: [
          { column: 0, field: 'name' },
          { column: 1, field: 'uscc' },
        ],
      }),
      false,
      'csv',
    );
    expect(outcome.committed).toBe(true);
    const after = await inspectFile(file, importApp.objects[0]!, admin, {}, await earlierMappings(fx.db, 'imp', 'customer'));
    expect(after.columns.map((c) => c.suggestion)).toEqual(['name', 'uscc']);
  });

  it('a role without the import action is refused, even with create', async () => {
    const rep = (document: typeof importApp) =>
      compilePolicy(document, { userId: ADMIN, departmentId: null, departmentTree: [], roles: ['rep'], isAdmin: false });
    const batchId = crypto.randomUUID();
    await expect(
      runImport(fx, { appId: 'imp', objectId: 'customer', access: rep }, { source: fileSource(workbook), kind: 'xlsx' }, plan(), { dryRun: true, batchId }),
    ).rejects.toMatchObject({ code: 'record.forbidden', params: { action: 'import' } });
  });
});
