import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullAccess } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueMessage } from './error-report';
import { createBatch } from './import-batches';
import type { ImportPlan } from './import-plan';
import { inspectFile } from './inspect-file';
import { runImport } from './run-import';
import { fileSource, type ImportFixture, importApp, publishImportApp } from './testing/crm-fixture';
import { type FixtureCell, flatOds, libreOfficeXlsx } from './testing/libreoffice';

/** The small CRM with match rules: the credit code, phone and e-mail together, and the company by name and a contact. */
const app: AppDocument = {
  ...importApp,
  id: 'impr',
  objects: [
    {
      ...importApp.objects[0]!,
      matchRules: [
        { id: 'credit', kind: 'exact', label: { 'zh-CN': '信用代码', en: 'Credit code' }, fields: ['uscc'] },
        { id: 'phone_email', kind: 'exact', fields: ['phone', 'email'] },
        { id: 'company', kind: 'company_name', label: { 'zh-CN': '同一公司', en: 'Same company' }, nameField: 'name', contactFields: ['phone', 'email'] },
      ],
    },
    importApp.objects[1]!,
  ],
};
const admin = fullAccess({ userId: '00000000-0000-4000-8000-0000000000aa', departmentId: null });
let fx: ImportFixture;
let workbook: string;

const EXISTING = [
  { name: '某某科技有限公司', uscc: '91110000MA0AAAAA01', phone: '13800138000', email: 'info@mm.cn' },
  { name: '星辰贸易有限公司', phone: '13900000001' },
  { name: '星辰贸易（上海）有限公司', phone: '13900000001' },
  { name: '华为技术有限公司', phone: '13700000001' },
  { name: '双胞胎甲有限公司', phone: '13500000000', email: 'twin@x.cn' },
  { name: '双胞胎乙有限公司', phone: '13500000000', email: 'twin@x.cn' },
];

const HEADER: FixtureCell[] = ['客户名称', '统一社会信用代码', '手机', '邮箱'];
/** Rows 2…6 of the sheet. */
const ROWS: FixtureCell[][] = [
  ['某某科技(北京)有限责任公司', '91110000ma0aaaaa01', '+86 138 0013 8000', 'new@mm.cn'],
  ['星辰贸易有限公司', null, 13900000001, null],
  ['华为终端有限公司', null, 13700000001, null],
  ['北京市某某科技股份有限公司', '91110000MA0AAAAA01', 13800138000, null],
  ['新开张有限公司', null, 13600000000, 'TWIN@X.CN'],
];

const plan = (dedup: ImportPlan['dedup']): ImportPlan => ({
  sheet: 1,
  headerRow: 1,
  columns: ['name', 'uscc', 'phone', 'email'].map((field, column) => ({ column, field })),
  dedup,
  atomicity: 'valid',
});

const run = async (path: string, p: ImportPlan, dryRun: boolean, kind: 'xlsx' | 'csv' = 'xlsx') => {
  const batchId = await createBatch(fx.db, { appId: 'impr', objectId: 'customer', fileId: crypto.randomUUID(), fileName: 'x', kind, createdBy: null });
  return runImport(fx, { appId: 'impr', objectId: 'customer', access: admin }, { source: fileSource(path), kind }, p, { dryRun, batchId });
};

const names = async () =>
  (await sql<{ name: string }>`select name from app_impr.customer where deleted_at is null order by name`.execute(fx.db)).rows.map((r) => r.name);
const issuesOf = (outcome: Awaited<ReturnType<typeof run>>) => outcome.issues.map((i) => ({ row: i.row, column: i.column, code: i.code, params: i.params }));

beforeAll(async () => {
  fx = await publishImportApp(app);
  for (const values of EXISTING) await fx.records.create('impr', 'customer', admin, { values });
  workbook = await libreOfficeXlsx('match-rules', flatOds([{ name: '客户', rows: [HEADER, ...ROWS] }]));
}, 120_000);
afterAll(async () => fx?.database.drop());

describe('the dedup key as one of the object’s match rules', () => {
  it('the preview offers the match rules', async () => {
    const preview = await inspectFile({ source: fileSource(workbook), kind: 'xlsx' }, app.objects[0]!, admin);
    expect(preview.matchRules.map((r) => r.id)).toEqual(['credit', 'phone_email', 'company']);
  });

  it('a company-name rule matches by the normalized name and a contact; several matches and rows matching an earlier row are reported', async () => {
    const outcome = await run(workbook, plan({ rule: 'company', mode: 'update' }), true);
    expect(outcome.counts).toEqual({ rows: 5, created: 2, updated: 1, skipped: 0, refused: 2 });
    expect(issuesOf(outcome)).toEqual([
      // Both 星辰 records are the same company as the row: it is not updated at random.
      { row: 3, column: '客户名称', code: 'import.rule_matches_many', params: { count: 2, candidates: '星辰贸易有限公司; 星辰贸易（上海）有限公司' } },
      { row: 5, column: '客户名称', code: 'import.rule_repeats_row', params: { row: 2 } },
    ]);
    expect(issueMessage(outcome.issues[0]!, 'zh-CN')).toBe('按“同一公司”匹配到 2 条已有记录（星辰贸易有限公司; 星辰贸易（上海）有限公司），无法确定更新哪一条');
    expect(issueMessage(outcome.issues[1]!, 'en')).toBe('By "Same company", this is the same record as row 2 of the file');
    // A dry run: nothing kept.
    expect(await names()).toEqual(EXISTING.map((e) => e.name).sort());
  });

  it('update existing: the matched record takes the row’s values; 华为终端 (another business on the same phone) is created', async () => {
    const outcome = await run(workbook, plan({ rule: 'company', mode: 'update' }), false);
    expect(outcome.committed).toBe(true);
    const { rows } = await sql<{ name: string; email: string | null }>`select name, email from app_impr.customer where phone = '13800138000'`.execute(fx.db);
    expect(rows).toEqual([{ name: '某某科技(北京)有限责任公司', email: 'new@mm.cn' }]);
    expect(await names()).toContain('华为终端有限公司');
    expect(await names()).toContain('华为技术有限公司');
  });

  it('skip and always create', async () => {
    const skip = await run(workbook, plan({ rule: 'company', mode: 'skip' }), true);
    expect(skip.counts).toMatchObject({ created: 0, updated: 0, skipped: 4, refused: 1 });
    const create = await run(workbook, plan({ rule: 'company', mode: 'create' }), true);
    // Nothing is matched: rows 2 and 5 then break the credit code's uniqueness.
    expect(create.counts).toMatchObject({ created: 3, skipped: 0, updated: 0, refused: 2 });
    expect(create.issues.map((i) => `${i.row}:${i.code}`)).toEqual(['2:field.unique', '5:field.unique']);
  });

  it('an exact rule matches on all its fields as the detector normalizes them: case, +86, full-width', async () => {
    const credit = await run(workbook, plan({ rule: 'credit', mode: 'skip' }), true);
    // Rows 2 and 5 carry the stored credit code (one in lower case): row 2 matches it, row 5 repeats row 2.
    expect(credit.counts).toMatchObject({ skipped: 1, created: 3, refused: 1 });
    expect(issuesOf(credit)).toEqual([{ row: 5, column: '统一社会信用代码', code: 'import.rule_repeats_row', params: { row: 2 } }]);
    const both = await run(workbook, plan({ rule: 'phone_email', mode: 'update' }), true);
    // Row 2 (+86, the e-mail the record now has) updates it; row 6 (13600000000 + TWIN@X.CN) updates the record the
    // import above created from it, not the twins, who share its e-mail but not its phone. Rows 3-5 have no e-mail,
    // so no key: created, row 5 refused by the credit code's uniqueness.
    expect(both.counts).toMatchObject({ created: 2, updated: 2, refused: 1 });
    expect(both.issues.map((i) => `${i.row}:${i.code}`)).toEqual(['5:field.unique']);
  });

  it('an exact rule matching two records is ambiguous, with both named', async () => {
    const csv = join(await mkdtemp(join(tmpdir(), 'tessera-rule-')), 'twins.csv');
    await writeFile(csv, '客户名称,统一社会信用代码,手机,邮箱\n双胞胎有限公司,,+86 135 0000 0000,ＴＷＩＮ@x.cn\n');
    const outcome = await run(csv, plan({ rule: 'phone_email', mode: 'update' }), true, 'csv');
    expect(issuesOf(outcome)).toEqual([
      { row: 2, column: '手机', code: 'import.rule_matches_many', params: { count: 2, candidates: '双胞胎甲有限公司; 双胞胎乙有限公司' } },
    ]);
  });

  it('rows of the file match each other across chunks', async () => {
    const lines = Array.from({ length: 2_100 }, (_, i) => `客户${i}有限公司,,${13000000000 + i},`);
    lines.push('北京客户7有限责任公司,,13000000007,');
    const csv = join(await mkdtemp(join(tmpdir(), 'tessera-rule-')), 'many.csv');
    await writeFile(csv, `客户名称,统一社会信用代码,手机,邮箱\n${lines.join('\n')}\n`);
    const outcome = await run(csv, plan({ rule: 'company', mode: 'skip' }), true, 'csv');
    expect(outcome.counts).toMatchObject({ rows: 2_101, created: 2_100, refused: 1 });
    expect(issuesOf(outcome)).toEqual([{ row: 2_102, column: '客户名称', code: 'import.rule_repeats_row', params: { row: 9 } }]);
  });

  it('refuses a rule the mapped columns cannot fill, naming it', async () => {
    const p = { ...plan({ rule: 'credit', mode: 'update' }), columns: [{ column: 0, field: 'name' }] };
    await expect(run(workbook, p, true)).rejects.toMatchObject({ code: 'import.mapping_invalid', params: { reason: expect.stringContaining('uscc') } });
    await expect(run(workbook, plan({ rule: 'nope', mode: 'skip' }), true)).rejects.toMatchObject({ code: 'import.mapping_invalid' });
  });
});
