import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { columnFields, defaultSort, searchField } from './list-columns';

const text = (id: string) => ({ id, type: 'text' as const, label: { en: id } });

const customer: ObjectDefinition = {
  id: 'customer',
  label: { en: 'Customer' },
  displayField: 'name',
  fields: [
    { id: 'notes', type: 'rich_text', label: { en: 'Notes' } },
    { id: 'phone', type: 'phone', label: { en: 'Phone' } },
    text('name'),
    ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(text),
  ],
};

describe('list columns', () => {
  it('takes the first eight cell-friendly fields without a view', () => {
    expect(columnFields(customer).map((f) => f.id)).toEqual(['phone', 'name', 'a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('follows the first view and ignores unknown columns', () => {
    const object = { ...customer, views: [{ id: 'all', label: { en: 'All' }, columns: ['name', 'gone', 'phone'] }] };
    expect(columnFields(object).map((f) => f.id)).toEqual(['name', 'phone']);
  });

  it('searches the display field, else the first text-like field', () => {
    expect(searchField(customer)?.id).toBe('name');
    expect(searchField({ ...customer, displayField: undefined })?.id).toBe('phone');
    expect(searchField({ ...customer, fields: [] })).toBeNull();
  });

  it('sorts newest first by default, else by the first view', () => {
    expect(defaultSort(customer)).toEqual([{ field: 'created_at', direction: 'desc' }]);
    const object = { ...customer, views: [{ id: 'all', label: { en: 'All' }, sort: [{ field: 'name' }] }] };
    expect(defaultSort(object)).toEqual([{ field: 'name', direction: 'asc' }]);
  });
});
