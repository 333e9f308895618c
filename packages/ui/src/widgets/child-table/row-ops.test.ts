import { describe, expect, it } from 'vitest';
import { type ChildRows, isChildRows, rowsFromWire, rowsToWire } from './child-row';
import { addRow, moveRow, removeRow, rowKeys, setCell } from './row-ops';

const ID_A = '00000000-0000-4000-8000-00000000000a';
const ID_B = '00000000-0000-4000-8000-00000000000b';

const loaded = (): ChildRows =>
  rowsFromWire([
    { id: ID_A, product: 'Desk', qty: '2', parent_id: 'p', sort_index: 0, version: 3, amount: '20' },
    { id: ID_B, product: 'Chair', qty: '4', parent_id: 'p', sort_index: 1, version: 1, amount: '40' },
  ]);

describe('child rows on the wire', () => {
  it('keep their ids as keys, drop the system columns, and with the editable fields keep only those', () => {
    const rows = loaded();
    expect(rows.map((r) => [r.key, r.id])).toEqual([
      [ID_A, ID_A],
      [ID_B, ID_B],
    ]);
    expect(rows[0]!.values).toEqual({ product: 'Desk', qty: '2', amount: '20' });
    const editable = rowsFromWire(
      [{ id: ID_A, product: 'Desk', qty: '2', amount: '20' }],
      [
        { id: 'product', type: 'text', label: { en: 'Product' } },
        { id: 'qty', type: 'number', label: { en: 'Qty' } },
        { id: 'note', type: 'text', label: { en: 'Note' } },
      ],
    );
    // A field the server did not send (hidden from this user) stays out, so a save leaves it alone.
    expect(editable[0]!.values).toEqual({ product: 'Desk', qty: '2' });
  });

  it('go back in order, with the id of saved lines only, sorted keys and blanks as null', () => {
    let rows = addRow(loaded());
    rows = setCell(rows, 2, 'qty', '1');
    rows = setCell(rows, 2, 'product', '');
    expect(rows[2]!.id).toBeUndefined();
    expect(rowsToWire(rows)).toEqual([
      { amount: '20', id: ID_A, product: 'Desk', qty: '2' },
      { amount: '40', id: ID_B, product: 'Chair', qty: '4' },
      { product: null, qty: '1' },
    ]);
    expect(JSON.stringify(rowsToWire(setCell(setCell(loaded(), 0, 'qty', '9'), 0, 'qty', '2')))).toBe(JSON.stringify(rowsToWire(loaded())));
  });

  it('are told apart from other list values', () => {
    expect(isChildRows(loaded())).toBe(true);
    expect(isChildRows(['a', 'b'])).toBe(false);
    expect(isChildRows([{ id: 'f', name: 'a.pdf', size: 1, mime: 'application/pdf' }])).toBe(false);
  });
});

describe('row operations', () => {
  it('add a blank line with a fresh key at the end or at a position', () => {
    const rows = loaded();
    const added = addRow(rows);
    expect(added).toHaveLength(3);
    expect(added[2]).toMatchObject({ values: {} });
    expect(added[2]!.key).toMatch(/^new-/);
    expect(addRow(added)[3]!.key).not.toBe(added[2]!.key);
    expect(addRow(rows, 0)[1]).toBe(rows[0]);
  });

  it('remove a line and keep the others as they were', () => {
    const rows = loaded();
    const left = removeRow(rows, 0);
    expect(left).toEqual([rows[1]]);
    expect(left[0]).toBe(rows[1]);
    expect(removeRow(rows, 5)).toBe(rows);
  });

  it('move a line to any position, and refuse moves off either end', () => {
    const rows = addRow(addRow(loaded()));
    const keys = rows.map((r) => r.key);
    expect(moveRow(rows, 0, 3).map((r) => r.key)).toEqual([keys[1], keys[2], keys[3], keys[0]]);
    expect(moveRow(rows, 3, 1).map((r) => r.key)).toEqual([keys[0], keys[3], keys[1], keys[2]]);
    expect(moveRow(rows, 1, 0).map((r) => r.key)).toEqual([keys[1], keys[0], keys[2], keys[3]]);
    expect(moveRow(rows, 0, -1)).toBe(rows);
    expect(moveRow(rows, 3, 4)).toBe(rows);
  });

  it('change one cell: a new object for that line only, the same list when nothing changed', () => {
    const rows = loaded();
    const edited = setCell(rows, 1, 'qty', '5');
    expect(edited[1]).toMatchObject({ key: ID_B, id: ID_B, values: { product: 'Chair', qty: '5' } });
    expect(edited[0]).toBe(rows[0]);
    expect(setCell(rows, 1, 'qty', '4')).toBe(rows);
  });

  it('keep the same key list through cell edits, a new one when lines move', () => {
    const rows = loaded();
    const keys = rowKeys(rows);
    expect(rowKeys(setCell(rows, 0, 'qty', '7'), keys)).toBe(keys);
    expect(rowKeys(moveRow(rows, 0, 1), keys)).toEqual([ID_B, ID_A]);
  });
});
