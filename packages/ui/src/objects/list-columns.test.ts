import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { cellFields, columnFields, isSortable, searchField } from './list-columns';

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

  it('shows attachments, images and child tables (by count), signatures only on request, never related lists', () => {
    const files: ObjectDefinition = {
      id: 'visit',
      label: { en: 'Visit' },
      fields: [
        { id: 'photos', type: 'image', label: { en: 'Photos' } },
        { id: 'lines', type: 'child_table', target: 'line', label: { en: 'Lines' } },
        { id: 'report', type: 'attachment', label: { en: 'Report' } },
        { id: 'sign', type: 'signature', label: { en: 'Signed' } },
        { id: 'calls', type: 'related_list', target: 'call', via: 'visit', label: { en: 'Calls' } },
      ],
    };
    expect(columnFields(files).map((f) => f.id)).toEqual(['photos', 'lines', 'report']);
    expect(cellFields(files).map((f) => f.id)).toEqual(['photos', 'lines', 'report', 'sign']);
    // A count of lines has no order the server could sort by.
    expect(isSortable(files.fields[1]!)).toBe(false);
  });

  it('leaves out fields hidden from the user, even when the view names them', () => {
    expect(cellFields(customer, new Set(['phone'])).map((f) => f.id)).not.toContain('phone');
    const object = { ...customer, views: [{ id: 'all', label: { en: 'All' }, columns: ['name', 'phone'] }] };
    expect(columnFields(object, new Set(['phone'])).map((f) => f.id)).toEqual(['name']);
  });

  it('sorts by neither ciphertext nor rollups', () => {
    expect(isSortable({ id: 'name', type: 'text', label: { en: 'N' } })).toBe(true);
    expect(isSortable({ id: 'idno', type: 'text', label: { en: 'ID' }, encrypted: true })).toBe(false);
    expect(isSortable({ id: 'visits', type: 'formula', resultType: 'number', formula: 'COUNT(v)', label: { en: 'V' } }, ['visits'])).toBe(false);
    expect(isSortable({ id: 'tags', type: 'multi_select', options: [{ value: 'a', label: { en: 'A' } }], label: { en: 'T' } })).toBe(false);
  });

  it('follows the first view and ignores unknown columns', () => {
    const object = { ...customer, views: [{ id: 'all', label: { en: 'All' }, columns: ['name', 'gone', 'phone'] }] };
    expect(columnFields(object).map((f) => f.id)).toEqual(['name', 'phone']);
  });

  it('searches the display field, else the first text-like field', () => {
    expect(searchField(customer)?.id).toBe('name');
    expect(searchField({ ...customer, displayField: undefined })?.id).toBe('phone');
    expect(searchField({ ...customer, fields: [] })).toBeNull();
    // Ciphertext cannot be searched: the next text-like field is used instead.
    const sealed = { ...customer, fields: customer.fields.map((f) => (f.id === 'name' ? { ...f, encrypted: true } : f)) };
    expect(searchField(sealed)?.id).toBe('phone');
  });
});
