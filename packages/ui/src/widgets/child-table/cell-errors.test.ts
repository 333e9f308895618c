import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../api/problem';
import { cellErrorKey, childErrorsOf } from './cell-errors';
import { rowsFromWire } from './child-row';
import { addRow } from './row-ops';

const quote: ObjectDefinition = {
  id: 'quote',
  label: { en: 'Quote' },
  fields: [
    { id: 'title', type: 'text', label: { en: 'Title' } },
    { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'line' },
  ],
};

const ID_A = '00000000-0000-4000-8000-00000000000a';

describe('server errors inside lines', () => {
  const lines = addRow(rowsFromWire([{ id: ID_A, product: 'Desk' }]));
  const problem: Problem = {
    title: 'Invalid',
    status: 422,
    errors: [
      { pointer: '/values/lines/1/product', field: 'lines', code: 'field.required', message: '“产品”为必填项' },
      { pointer: '/values/lines/1/qty', field: 'qty', code: 'field.minimum', message: '"Qty" must be at least 0' },
      { pointer: '/values/lines/0/qty', field: 'qty', code: 'field.scale', message: 'Too many decimals' },
      { pointer: '/values/lines', field: 'lines', code: 'field.max_items', message: 'Too many lines' },
      { pointer: '/values/lines/7/qty', field: 'qty', code: 'field.minimum', message: 'Gone line' },
      { pointer: '/values/title', field: 'title', code: 'field.required', message: 'Title is required' },
    ],
  };

  it('land on the cell of the line that was sent at that index, by the line’s key', () => {
    const { cells, linesWithErrors } = childErrorsOf(problem, quote, { lines });
    expect(cells).toEqual({
      [cellErrorKey('lines', lines[1]!.key, 'product')]: ['“产品”为必填项'],
      [cellErrorKey('lines', lines[1]!.key, 'qty')]: ['"Qty" must be at least 0'],
      [cellErrorKey('lines', ID_A, 'qty')]: ['Too many decimals'],
    });
    expect(linesWithErrors).toEqual({ lines: 2 });
  });

  it('leave the table-level, unknown-line and other fields’ messages for the form', () => {
    const { rest } = childErrorsOf(problem, quote, { lines });
    expect(rest?.errors?.map((e) => e.message)).toEqual(['Too many lines', 'Gone line', 'Title is required']);
  });

  it('pass a problem without line errors through', () => {
    const plain: Problem = { title: 'Invalid', status: 422, errors: [{ pointer: '/values/title', code: 'field.required', message: 'x' }] };
    expect(childErrorsOf(plain, quote, {}).rest?.errors).toEqual(plain.errors);
    expect(childErrorsOf(null, quote, {}).rest).toBeNull();
  });
});
