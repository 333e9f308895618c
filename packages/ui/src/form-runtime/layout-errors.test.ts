import { describe, expect, it } from 'vitest';
import type { LayoutNode } from './form-layout';
import { fieldIdsOf, firstWithErrors, onlyRemoved } from './layout-errors';

const field = (id: string): LayoutNode => ({ node: { id: `n_${id}`, kind: 'field', field: id }, children: [] });
const tab: LayoutNode = {
  node: { id: 'terms', kind: 'tab' },
  children: [
    field('price'),
    { node: { id: 'cols', kind: 'columns' }, children: [{ node: { id: 'left', kind: 'column' }, children: [field('lines'), field('note')] }] },
  ],
};

describe('errors in a tab or step', () => {
  it('lists the fields under a page in the order the form shows them', () => {
    expect(fieldIdsOf(tab)).toEqual(['price', 'lines', 'note']);
  });

  it('finds the first field with a message, counting a child table cell as its table', () => {
    const ids = fieldIdsOf(tab);
    expect(firstWithErrors({}, ids)).toBeNull();
    expect(firstWithErrors({ other: ['x'] }, ids)).toBeNull();
    expect(firstWithErrors({ note: ['required'], 'lines/row-2/qty': ['too many'] }, ids)).toBe('lines');
    expect(firstWithErrors({ note: [] }, ids)).toBeNull();
  });

  it('tells an edit that cleared messages from a save that brought them', () => {
    const before = { name: ['required'], phone: ['taken'] };
    expect(onlyRemoved(before, { phone: ['taken'] })).toBe(true);
    expect(onlyRemoved(before, { ...before })).toBe(false); // saved again with the same mistakes
    expect(onlyRemoved(before, { phone: ['taken'], email: ['invalid'] })).toBe(false);
    expect(onlyRemoved({}, { name: ['required'] })).toBe(false);
  });
});
