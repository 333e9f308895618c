import { fullAccess } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { RecordError } from './record-error';
import { usePublishedApp } from './test-app';

const admin = fullAccess({ userId: '00000000-0000-4000-8000-00000000000a', departmentId: null });

const app: AppDocument = {
  id: 'many',
  label: { en: 'Many' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true },
        { id: 'uscc', type: 'text', label: { en: 'USCC' }, unique: true },
        { id: 'code', type: 'auto_number', label: { en: 'Code' }, numberFormat: 'C-{0000}' },
        {
          id: 'tags',
          type: 'multi_select',
          label: { en: 'Tags' },
          options: [
            { value: 'vip', label: { en: 'VIP' } },
            { value: 'new', label: { en: 'New' } },
          ],
        },
      ],
    },
    {
      id: 'order',
      label: { en: 'Order' },
      fields: [
        { id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' },
        { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'line' },
        { id: 'total', type: 'formula', label: { en: 'Total' }, formula: 'SUM(lines.amount)', resultType: 'currency' },
      ],
    },
    {
      id: 'line',
      label: { en: 'Line' },
      parent: 'order',
      fields: [
        { id: 'qty', type: 'number', label: { en: 'Qty' } },
        { id: 'price', type: 'currency', label: { en: 'Price' } },
        { id: 'amount', type: 'formula', label: { en: 'Amount' }, formula: 'qty * price', resultType: 'currency' },
      ],
    },
  ],
};

const published = usePublishedApp(app);
const rows = async (query: ReturnType<typeof sql<{ n: string }>>) => Number((await query.execute(published.database.db)).rows[0]!.n);

describe('creating many records at once', () => {
  it('refuses the whole batch when one row is wrong (all or nothing), naming the row and the field', async () => {
    const error = await published.records
      .createMany('many', 'customer', admin, [{ values: { name: 'Fine' } }, { values: { name: 'Gold', tags: ['gold'] } }, { values: { name: '' } }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordError);
    expect((error as RecordError).code).toBe('record.batch_invalid');
    expect((error as RecordError).issues.map((i) => `${i.pointer}:${i.code}`)).toEqual([
      '/rows/1/values/tags/0:field.option',
      '/rows/2/values/name:field.required',
    ]);
    expect((error as RecordError).params).toEqual({ count: 2 });
    expect(await rows(sql`select count(*) as n from app_many.customer`)).toBe(0);
  });

  it('writes the valid rows and reports the others, unique values taken by a record or by an earlier row included', async () => {
    await published.records.create('many', 'customer', admin, { values: { name: 'Existing', uscc: '91330100MA27XXXX01' } });
    const result = await published.records.createMany(
      'many',
      'customer',
      admin,
      [
        { values: { name: 'A', uscc: '91330100MA27XXXX02', tags: ['vip'] } },
        { values: { name: 'B', uscc: '91330100MA27XXXX01' } },
        { values: { name: 'C', uscc: '91330100MA27XXXX02' } },
        { values: { name: null } },
        { values: { name: 'E' } },
      ],
      { atomicity: 'valid', source: 'import' },
    );
    expect(result.created.map((c) => c.index)).toEqual([0, 4]);
    expect(result.refused.map((r) => [r.index, r.issues.map((i) => `${i.field}:${i.code}`)])).toEqual([
      [1, ['uscc:field.unique']],
      [2, ['uscc:field.unique']],
      [3, ['name:field.required']],
    ]);
    const a = await published.records.get('many', 'customer', admin, result.created[0]!.id);
    expect(a).toMatchObject({ name: 'A', tags: ['vip'], code: 'C-0002', version: 1 });
    const [history] = await published.records.history('many', 'customer', admin, result.created[0]!.id);
    expect(history).toMatchObject({
      operation: 'create',
      source: 'import',
      changes: expect.arrayContaining([
        { field: 'name', old: null, new: 'A' },
        { field: 'code', old: null, new: 'C-0002' },
      ]),
    });
    expect(
      await rows(sql`select count(*) as n from record_events e join record_history h on h.id = e.history_id where e.app_id = 'many' and h.source = 'import'`),
    ).toBe(2);
  });

  it('writes the lines of many records in one go, with their formulas and the parents’ totals', async () => {
    const customer = await published.records.create('many', 'customer', admin, { values: { name: 'Buyer' } });
    const inputs = Array.from({ length: 300 }, (_, i) => ({
      values: {
        customer: customer.id,
        lines: [
          { qty: i + 1, price: '2.50' },
          { qty: 1, price: '1' },
        ],
      },
    }));
    const result = await published.records.createMany('many', 'order', admin, inputs);
    expect(result.created).toHaveLength(300);
    expect(await rows(sql`select count(*) as n from app_many.line`)).toBe(600);
    expect(
      await rows(sql`select count(*) as n from app_many."order" o where o.total = (select sum(amount) from app_many.line l where l.parent_id = o.id)`),
    ).toBe(300);
    const last = await published.records.get('many', 'order', admin, result.created[299]!.id);
    expect(last).toMatchObject({
      total: '751',
      lines: [expect.objectContaining({ qty: '300', amount: '750' }), expect.objectContaining({ qty: '1', amount: '1' })],
    });
  });

  it('keeps ids a caller chose (a template’s sample data), and names one already taken', async () => {
    const id = '00000000-0000-4000-8000-00000000c0de';
    const result = await published.records.createMany('many', 'customer', admin, [{ id, values: { name: 'Chosen' } }]);
    expect(result.created).toEqual([{ index: 0, id }]);
    const again = await published.records.create('many', 'customer', admin, { id, values: { name: 'Twice' } }).catch((e: unknown) => e);
    // A conflict with what exists (409), not a value to correct: the id names the record already there.
    expect(again).toMatchObject({ code: 'record.id_taken', issues: [{ field: 'id', code: 'record.id_taken' }] });
  });
});
