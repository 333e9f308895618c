import type { ObjectDefinition } from '@tessera/schemas';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { RecordData } from '../api/types';
import { isChildRows } from '../widgets/child-table/child-row';
import { toFormValues, toRecordValues } from './form-values';

const customer: ObjectDefinition = {
  id: 'customer',
  label: { en: 'Customer' },
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name' } },
    { id: 'since', type: 'date', label: { en: 'Since' } },
    { id: 'credit', type: 'currency', label: { en: 'Credit' } },
    { id: 'vip', type: 'checkbox', label: { en: 'VIP' } },
    { id: 'tags', type: 'multi_select', label: { en: 'Tags' }, options: [{ value: 'a', label: { en: 'A' } }] },
    { id: 'code', type: 'auto_number', label: { en: 'Code' } },
  ],
};

const record = {
  id: 'r1',
  version: 3,
  owner_id: null,
  department_id: null,
  created_at: '',
  created_by: null,
  updated_at: '',
  updated_by: null,
  deleted_at: null,
  name: 'ACME',
  since: '2026-03-01',
  credit: '1000.50',
  vip: false,
  tags: ['a'],
  code: 'CUS-0001',
} satisfies RecordData;

describe('record ↔ form values', () => {
  it('turns dates into Dayjs and leaves server-computed fields out', () => {
    const values = toFormValues(customer, record);
    expect(dayjs.isDayjs(values.since)).toBe(true);
    expect(values.credit).toBe('1000.50');
    expect('code' in values).toBe(false);
  });

  it('sends every filled field on create, trimmed, without empties', () => {
    const values = { name: '  Foo  ', since: dayjs('2026-04-02'), credit: '12.30', vip: true, tags: [] };
    expect(toRecordValues(customer, values, null)).toEqual({ name: 'Foo', since: '2026-04-02', credit: '12.30', vip: true, tags: [] });
  });

  it('sends only changed fields on update, with null for an emptied one', () => {
    const initial = toFormValues(customer, record);
    const edited = { ...initial, name: 'ACME Ltd', credit: undefined, since: dayjs('2026-03-01') };
    expect(toRecordValues(customer, edited, initial)).toEqual({ name: 'ACME Ltd', credit: null });
  });

  it('edits a user as its id and a region as its deepest code, and sends a cleared one as null', () => {
    const people: ObjectDefinition = {
      id: 'lead',
      label: { en: 'Lead' },
      fields: [
        { id: 'rep', type: 'user', label: { en: 'Rep' } },
        { id: 'area', type: 'region', label: { en: 'Area' }, regionLevel: 'city' },
      ],
    };
    const lead = { ...record, rep: '0b6f3a52-8f1e-4c1a-9d0e-2d7c3b9a1f00', area: '330100' } satisfies RecordData;
    const initial = toFormValues(people, lead);
    expect(initial).toEqual({ rep: lead.rep, area: '330100' });
    expect(toRecordValues(people, { ...initial, area: '330106', rep: null }, initial)).toEqual({ area: '330106', rep: null });
  });
  it("edits attachments and images as the server's file refs, and sends an emptied list as null", () => {
    const files: ObjectDefinition = {
      id: 'lead',
      label: { en: 'Lead' },
      fields: [
        { id: 'docs', type: 'attachment', label: { en: 'Docs' } },
        { id: 'photo', type: 'image', label: { en: 'Photo' } },
      ],
    };
    const png = { id: '0b6f3a52-8f1e-4c1a-9d0e-2d7c3b9a1f01', name: 'a.png', size: 68, mime: 'image/png' };
    const pdf = { id: '0b6f3a52-8f1e-4c1a-9d0e-2d7c3b9a1f02', name: 'b.pdf', size: 900, mime: 'application/pdf' };
    const lead = { ...record, docs: [pdf, 'junk'], photo: [png] } satisfies RecordData;
    const initial = toFormValues(files, lead);
    expect(initial).toEqual({ docs: [pdf], photo: [png] });
    expect(toRecordValues(files, { ...initial, docs: [] }, initial)).toEqual({ docs: null });
    expect(toRecordValues(files, { docs: [], photo: [png] }, null)).toEqual({ photo: [png] });
  });

  it('edits child-table lines with their ids, sends them only when changed, and never sends formulas or system columns', () => {
    const line: ObjectDefinition = {
      id: 'line',
      label: { en: 'Line' },
      parent: 'quote',
      fields: [
        { id: 'product', type: 'text', label: { en: 'Product' } },
        { id: 'qty', type: 'number', label: { en: 'Qty' } },
        { id: 'amount', type: 'formula', label: { en: 'Amount' }, formula: 'qty', resultType: 'number' },
      ],
    };
    const quote: ObjectDefinition = {
      id: 'quote',
      label: { en: 'Quote' },
      fields: [{ id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'line' }],
    };
    const id = '0b6f3a52-8f1e-4c1a-9d0e-2d7c3b9a1f03';
    const saved = { ...record, lines: [{ id, parent_id: 'r1', sort_index: 0, version: 2, product: 'Desk', qty: '2', amount: '2' }] } satisfies RecordData;
    const initial = toFormValues(quote, saved, [quote, line]);
    expect(toRecordValues(quote, initial, initial)).toEqual({});
    const lines = isChildRows(initial.lines) ? initial.lines : [];
    const edited = { lines: [...lines, { key: 'new-x', values: { product: 'Lamp ', qty: '' } }] };
    expect(toRecordValues(quote, edited, initial)).toEqual({
      lines: [
        { id, product: 'Desk', qty: '2' },
        { product: 'Lamp ', qty: null },
      ],
    });
    expect(toRecordValues(quote, { lines: [] }, initial)).toEqual({ lines: [] });
  });
});
