import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { timelineEntries } from './timeline-entries';

const customer: ObjectDefinition = {
  id: 'customer',
  label: { en: 'Customer', 'zh-CN': '客户' },
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' } },
    { id: 'tier', type: 'select', options: [{ value: 'a', label: { en: 'Key account' } }], label: { en: 'Tier' } },
    { id: 'credit', type: 'currency', currency: 'CNY', label: { en: 'Credit' } },
    { id: 'id_number', type: 'text', encrypted: true, label: { en: 'ID number' } },
  ],
};

const words = { empty: '(empty)', yes: 'Yes', no: 'No', signed: '(signed)', lines: (count: number) => `${count} lines` };

describe('record timeline', () => {
  it('lists the newest change first with labels and readable old → new values', () => {
    const entries = timelineEntries(
      [
        { operation: 'create', version: 1, actorId: 'u1', at: '2026-01-01T00:00:00Z', changes: [{ field: 'name', old: null, new: 'ACME' }] },
        {
          operation: 'update',
          version: 2,
          actorId: 'u2',
          at: '2026-01-02T00:00:00Z',
          changes: [
            { field: 'tier', old: null, new: 'a' },
            { field: 'credit', old: '10', new: '1200.5' },
            { field: 'id_number', old: '••••1234', new: '••••5678' },
            { field: 'retired', old: 'x', new: '' },
          ],
        },
      ],
      customer,
      'en',
      words,
    );
    expect(entries.map((e) => e.version)).toEqual([2, 1]);
    // Intl puts a no-break space between the currency code and the amount.
    const changes = entries[0]?.changes.map((c) => ({ ...c, old: c.old?.replace(/\s/gu, ' ') ?? null, new: c.new.replace(/\s/gu, ' ') }));
    expect(changes).toEqual([
      { field: 'tier', label: 'Tier', old: null, new: 'Key account' },
      { field: 'credit', label: 'Credit', old: 'CNY 10.00', new: 'CNY 1,200.50' },
      { field: 'id_number', label: 'ID number', old: '••••1234', new: '••••5678' },
      { field: 'retired', label: 'retired', old: 'x', new: '(empty)' },
    ]);
    expect(entries[1]?.actorId).toBe('u1');
  });

  it('shows rich text as plain text, a signature as a word and files by name, never raw markup or data', () => {
    const contract: ObjectDefinition = {
      id: 'contract',
      label: { en: 'Contract' },
      fields: [
        { id: 'notes', type: 'rich_text', label: { en: 'Notes' } },
        { id: 'sign', type: 'signature', label: { en: 'Signature' } },
        { id: 'files', type: 'attachment', label: { en: 'Files' } },
        { id: 'lines', type: 'child_table', target: 'line', label: { en: 'Lines' } },
      ],
    };
    const [entry] = timelineEntries(
      [
        {
          operation: 'update',
          version: 2,
          actorId: 'u1',
          at: '2026-01-02T00:00:00Z',
          changes: [
            { field: 'notes', old: '<p>Old <b>terms</b></p>', new: '<p>Net&nbsp;30</p><ul><li>Rush</li></ul>' },
            { field: 'sign', old: null, new: 'data:image/png;base64,iVBORw0KGgo=' },
            { field: 'files', old: null, new: [{ id: 'f1', name: 'quote.pdf', size: 10, mime: 'application/pdf' }] },
            { field: 'lines', old: null, new: [{ product: 'A' }, { product: 'B' }] },
          ],
        },
      ],
      contract,
      'en',
      words,
    );
    expect(entry?.changes.map((c) => [c.old, c.new])).toEqual([
      ['Old terms', 'Net 30 Rush'],
      [null, '(signed)'],
      [null, 'quote.pdf'],
      [null, '2 lines'],
    ]);
  });
});
