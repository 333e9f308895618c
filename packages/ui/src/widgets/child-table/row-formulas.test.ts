import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import type { ChildRow } from './child-row';
import { rowFormulas } from './row-formulas';

const line: ObjectDefinition = {
  id: 'line',
  label: { en: 'Line' },
  parent: 'quote',
  fields: [
    { id: 'qty', type: 'number', label: { en: 'Qty', 'zh-CN': '数量' } },
    { id: 'price', type: 'currency', label: { en: 'Price' } },
    // Reads `amount`, which comes later in the list: the server's dependency order applies.
    { id: 'with_tax', type: 'formula', label: { en: 'With tax' }, formula: 'ROUND(amount * 1.13, 2)', resultType: 'currency' },
    { id: 'amount', type: 'formula', label: { en: 'Amount' }, formula: '[数量] * price', resultType: 'currency' },
    { id: 'size', type: 'formula', label: { en: 'Size' }, formula: 'IF(qty >= 10, "bulk", "single")', resultType: 'text' },
  ],
};

const context = () => ({ now: new Date('2026-01-01T00:00:00Z'), timeZone: 'Asia/Shanghai', currentUser: null });

describe('live line formulas', () => {
  it('compute exact decimals in dependency order, as the server does', () => {
    const formulas = rowFormulas(line, [line], context);
    expect(formulas.fields.map((f) => f.id)).toEqual(['with_tax', 'amount', 'size']);
    const row: ChildRow = { key: 'k', values: { qty: '3', price: '0.10' } };
    expect(formulas.valuesOf(row)).toEqual({ amount: '0.3', with_tax: '0.34', size: 'single' });
    expect(formulas.valuesOf({ key: 'k', values: { qty: '12', price: '19.99' } })).toEqual({ amount: '239.88', with_tax: '271.06', size: 'bulk' });
  });

  it('give blank for a blank input, and compute a line again only when a field they read changed', () => {
    let runs = 0;
    const formulas = rowFormulas(line, [line], () => {
      runs += 1;
      return context();
    });
    const row: ChildRow = { key: 'k', values: { qty: '2' } };
    expect(formulas.valuesOf(row)).toMatchObject({ amount: null, with_tax: null });
    formulas.valuesOf(row);
    expect(runs).toBe(1);
    const renamed = formulas.valuesOf({ ...row, values: { ...row.values, note: 'typed' } });
    expect(runs).toBe(1);
    expect(renamed).toMatchObject({ amount: null });
    expect(formulas.valuesOf({ ...row, values: { qty: '2', price: '1' } })).toMatchObject({ amount: '2' });
    expect(runs).toBe(2);
    // Another line with the same inputs is its own computation.
    formulas.valuesOf({ key: 'other', values: { qty: '2', price: '1' } });
    expect(runs).toBe(3);
  });

  it('are empty for a child object without formulas', () => {
    const plain = rowFormulas({ ...line, fields: line.fields.filter((f) => f.type !== 'formula') }, [], context);
    expect(plain.fields).toEqual([]);
    expect(plain.valuesOf({ key: 'k', values: { qty: '1' } })).toEqual({});
  });
});
