import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { RecordError } from './record-error';
import { fullAdmin as admin, usePublishedApp } from './test-app';

const app: AppDocument = {
  id: 'calc',
  label: { en: 'Calc' },
  timeZone: 'Asia/Shanghai',
  objects: [
    {
      id: 'quote',
      label: { 'zh-CN': '报价', en: 'Quote' },
      fields: [
        { id: 'discount', type: 'percent', label: { 'zh-CN': '折扣', en: 'Discount' } },
        { id: 'lines', type: 'child_table', label: { 'zh-CN': '明细', en: 'Lines' }, target: 'line' },
        { id: 'gross', type: 'formula', label: { en: 'Gross' }, formula: 'SUM(lines.amount)', resultType: 'currency' },
        { id: 'net', type: 'formula', label: { en: 'Net' }, formula: 'ROUND(gross * (1 - COALESCE([折扣], 0)), 2)', resultType: 'currency' },
        { id: 'band', type: 'formula', label: { en: 'Band' }, formula: 'IF(net >= 10000, "large", "small")', resultType: 'text' },
      ],
    },
    {
      id: 'line',
      label: { en: 'Line' },
      parent: 'quote',
      fields: [
        { id: 'qty', type: 'number', label: { en: 'Qty' } },
        { id: 'price', type: 'currency', label: { en: 'Price' } },
        { id: 'amount', type: 'formula', label: { en: 'Amount' }, formula: 'qty * price', resultType: 'currency' },
      ],
    },
  ],
};

const published = usePublishedApp(app);

describe('formula fields', () => {
  it('computes on create in dependency order, with exact decimals, child rows included', async () => {
    const quote = await published.records.create('calc', 'quote', admin, {
      values: {
        discount: '0.1',
        lines: [
          { qty: 3, price: '0.10' },
          { qty: '2', price: '4999.95' },
        ],
      },
    });
    expect((quote.lines as { amount: string }[]).map((l) => l.amount)).toEqual(['0.3', '9999.9']);
    expect(quote).toMatchObject({ gross: '10000.2', net: '9000.18', band: 'small' });
  });

  it('recomputes when an input or the child rows change, reading stored rows it was not sent', async () => {
    const quote = await published.records.create('calc', 'quote', admin, { values: { lines: [{ qty: 1, price: '20000' }] } });
    expect(quote).toMatchObject({ net: '20000', band: 'large' });
    const discounted = await published.records.update('calc', 'quote', admin, String(quote.id), { version: 1, values: { discount: '0.75' } });
    expect(discounted).toMatchObject({ gross: '20000', net: '5000', band: 'small', version: 2 });
    const relined = await published.records.update('calc', 'quote', admin, String(quote.id), { version: 2, values: { lines: [{ qty: 2, price: '20000' }] } });
    expect(relined).toMatchObject({ gross: '40000', net: '10000', band: 'large' });
    const history = await published.records.history('calc', 'quote', admin, String(quote.id));
    expect(history[1]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'discount', old: null, new: '0.75' },
        { field: 'net', old: '20000', new: '5000' },
      ]),
    );
  });

  it('refuses a value sent for a formula field', async () => {
    const error = await published.records.create('calc', 'quote', admin, { values: { net: '1' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordError);
    expect((error as RecordError).issues).toEqual([expect.objectContaining({ field: 'net', code: 'field.read_only' })]);
  });
});

describe('create responses', () => {
  it('include child tables even when no rows were sent, like a read', async () => {
    const quote = await published.records.create('calc', 'quote', admin, { values: { discount: '0' } });
    expect(quote.lines).toEqual([]);
    expect(quote).toEqual(await published.records.get('calc', 'quote', admin, String(quote.id)));
  });
});
