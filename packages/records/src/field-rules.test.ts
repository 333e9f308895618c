import { localizeFieldIssues, RecordError } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fullAdmin, usePublishedApp } from './test-app';

/**
 * Data rules belong to the field and hold on every path: the same canonical value is stored and
 * the same bad credit code refused whether the write names a form or not, creates one record or a
 * batch, edits one record, many by a filter (bulk edit) or many each with its own values (what an
 * import and a flow's "update records" step call).
 */
const GOOD_CODE = '91350100M000100Y43';
const BAD_CODE = '91350100M000100Y44';

const app: AppDocument = {
  id: 'rules',
  label: { en: 'Rules' },
  objects: [
    {
      id: 'company',
      label: { en: 'Company' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true, normalize: { halfWidth: true } },
        { id: 'code', type: 'text', label: { 'zh-CN': '统一社会信用代码', en: 'Credit code' }, format: 'cn-uscc' },
        { id: 'mobile', type: 'phone', label: { 'zh-CN': '手机', en: 'Mobile' }, phoneKind: 'mobile' },
        { id: 'email', type: 'email', label: { 'zh-CN': '邮箱', en: 'Email' } },
        { id: 'note', type: 'text', label: { en: 'Note' } },
      ],
    },
  ],
  forms: [
    {
      id: 'company_form',
      object: 'company',
      label: { en: 'Company' },
      nodes: ['name', 'code', 'mobile', 'email', 'note'].map((field) => ({ id: `n_${field}`, kind: 'field' as const, field })),
    },
  ],
};

const published = usePublishedApp(app);

const SENT = {
  name: ' 某某科技（北京）有限公司 ',
  code: ' 91350100m000100y43 ',
  mobile: '+86 138-0013-8000',
  email: 'Zhang.Wei@Example.COM',
  note: '（备注）',
};
const STORED = { name: '某某科技(北京)有限公司', code: GOOD_CODE, mobile: '13800138000', email: 'zhang.wei@example.com', note: '（备注）' };

async function stored(id: string) {
  const row = await sql<Record<string, unknown>>`select name, code, mobile, email, note from app_rules.company where id = ${id}`.execute(published.database.db);
  return row.rows[0];
}

async function refusal(write: () => Promise<unknown>) {
  const error = await write().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordError);
  return error as RecordError;
}

function expectBadCode(error: RecordError) {
  expect(error.status).toBe(422);
  expect(error.issues).toEqual([
    expect.objectContaining({ field: 'code', code: 'field.format', params: expect.objectContaining({ format: 'format.cn-uscc' }) }),
  ]);
  expect(localizeFieldIssues(error.issues, 'zh-CN')[0]!.message).toBe('“统一社会信用代码”格式不正确（应为统一社会信用代码（18 位，末位为校验码））');
  expect(localizeFieldIssues(error.issues, 'en')[0]!.message).toBe(
    '"Credit code" is not a valid unified social credit code (18 characters, the last a check character)',
  );
}

describe('field rules on every write path', () => {
  it('a create without a form stores the canonical values and refuses a bad check character', async () => {
    const { records } = published;
    const made = await records.create('rules', 'company', fullAdmin, { values: SENT });
    expect(await stored(String(made.id))).toEqual(STORED);
    expectBadCode(await refusal(() => records.create('rules', 'company', fullAdmin, { values: { ...SENT, code: BAD_CODE } })));
  });

  it('a create through a form does the same: the form judges the canonical values', async () => {
    const { records } = published;
    const made = await records.create('rules', 'company', fullAdmin, {
      values: { ...SENT, code: '９１３５０１００Ｍ０００１００Ｙ４３' },
      form: 'company_form',
    });
    expect(await stored(String(made.id))).toEqual(STORED);
    const error = await refusal(() => records.create('rules', 'company', fullAdmin, { values: { ...SENT, code: BAD_CODE }, form: 'company_form' }));
    expect(error.issues).toEqual([expect.objectContaining({ field: 'code' })]);
  });

  it('white space alone is empty, so "required" fails on it; an empty optional formatted field is blank, not a format error', async () => {
    const { records } = published;
    const error = await refusal(() => records.create('rules', 'company', fullAdmin, { values: { ...SENT, name: ' \u3000 ' } }));
    expect(error.issues.map((i) => [i.field, i.code])).toEqual([['name', 'field.required']]);
    const made = await records.create('rules', 'company', fullAdmin, { values: { name: 'Blank', code: '', mobile: '  ', email: '' } });
    expect(await stored(String(made.id))).toEqual({ name: 'Blank', code: null, mobile: null, email: null, note: null });
  });

  it('an edit, a batch, a bulk edit and per-record edits store canonical values and refuse the bad code', async () => {
    const { records } = published;
    const made = await records.create('rules', 'company', fullAdmin, { values: { name: 'Edit me' } });
    const id = String(made.id);
    await records.update('rules', 'company', fullAdmin, id, { version: 1, values: { code: SENT.code, mobile: '8613800138000' } });
    expect(await stored(id)).toMatchObject({ code: GOOD_CODE, mobile: '13800138000' });
    expectBadCode(await refusal(() => records.update('rules', 'company', fullAdmin, id, { version: 2, values: { code: BAD_CODE } })));

    const batch = await records.createMany('rules', 'company', fullAdmin, [{ values: SENT }, { values: { ...SENT, name: 'Second' } }]);
    expect(await stored(batch.created[0]!.id)).toEqual(STORED);
    const badBatch = await refusal(() => records.createMany('rules', 'company', fullAdmin, [{ values: SENT }, { values: { ...SENT, code: BAD_CODE } }]));
    expect(badBatch.code).toBe('record.batch_invalid');
    expect(badBatch.issues).toEqual([expect.objectContaining({ field: 'code', pointer: '/rows/1/values/code', code: 'field.format' })]);

    await records.bulkUpdate('rules', 'company', fullAdmin, { ids: [id] }, { email: ' Li@EXAMPLE.cn ', note: '  kept  ' });
    expect(await stored(id)).toMatchObject({ email: 'li@example.cn', note: 'kept' });
    expectBadCode(await refusal(() => records.bulkUpdate('rules', 'company', fullAdmin, { ids: [id] }, { code: BAD_CODE })));

    const each = await records.updateEach('rules', 'company', fullAdmin, [{ id, values: { mobile: '0086 139 0013 9000' } }]);
    expect(each.refused).toEqual([]);
    expect(await stored(id)).toMatchObject({ mobile: '13900139000' });
    const refusedEach = await records.updateEach('rules', 'company', fullAdmin, [{ id, values: { code: BAD_CODE } }]);
    expect(refusedEach.refused[0]!.issues).toEqual([expect.objectContaining({ field: 'code', code: 'field.format' })]);
  });
});
