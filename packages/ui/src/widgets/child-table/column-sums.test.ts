import type { FieldDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import type { ChildRow, ChildRows } from './child-row';
import { columnSums, isSummed } from './column-sums';
import { addRow, moveRow, removeRow, setCell } from './row-ops';

const qty: FieldDefinition = { id: 'qty', type: 'number', label: { en: 'Qty' } };
const price: FieldDefinition = { id: 'price', type: 'currency', label: { en: 'Price' } };

const rows = (values: Record<string, string | null>[]): ChildRows => values.map((v, i): ChildRow => ({ key: `k${i}`, values: v }));

describe('column totals', () => {
  it('sum the quantities and amounts (typed or computed) the admin asked a total of, never percentages or text', () => {
    // Ten licences, five days and a year add up to nothing: no total unless asked for.
    expect(isSummed(qty)).toBe(false);
    expect(isSummed({ ...qty, showTotal: true })).toBe(true);
    expect(isSummed({ ...price, showTotal: true })).toBe(true);
    expect(isSummed({ ...price, showTotal: false })).toBe(false);
    expect(isSummed({ id: 'p', type: 'percent', label: { en: 'P' }, showTotal: true })).toBe(false);
    expect(isSummed({ id: 'a', type: 'formula', label: { en: 'A' }, formula: 'qty', resultType: 'currency', showTotal: true })).toBe(true);
    expect(isSummed({ id: 't', type: 'formula', label: { en: 'T' }, formula: '"x"', resultType: 'text', showTotal: true })).toBe(false);
  });

  it('add exactly and skip blanks and half-typed numbers', () => {
    const sums = columnSums([qty, price], (row, id) => row.values[id]);
    expect(
      sums(
        rows([
          { qty: '0.1', price: '0.2' },
          { qty: '0.2', price: null },
          { qty: '-', price: '' },
        ]),
      ),
    ).toEqual({ qty: '0.3', price: '0.2' });
    expect(sums([])).toEqual({ qty: '0', price: '0' });
  });

  it('stay right through edits, moves, additions and removals, and keep their object when unchanged', () => {
    const sums = columnSums([qty], (row, id) => row.values[id]);
    let current = rows(Array.from({ length: 1000 }, (_, i) => ({ qty: String(i + 1) })));
    expect(sums(current)).toEqual({ qty: '500500' });
    current = setCell(current, 10, 'qty', '1000.5');
    expect(sums(current).qty).toBe('501489.5');
    const before = sums(current);
    current = setCell(current, 20, 'note', 'x');
    expect(sums(current)).toBe(before);
    current = moveRow(current, 0, 999);
    expect(sums(current).qty).toBe('501489.5');
    current = addRow(current);
    current = setCell(current, 1000, 'qty', '10');
    expect(sums(current).qty).toBe('501499.5');
    current = removeRow(current, 0);
    expect(sums(current).qty).toBe('501497.5');
  });
});
