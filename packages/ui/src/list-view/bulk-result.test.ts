import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import type { BulkResult } from '../api/types';
import { bulkEditableFields } from './bulk-fields';
import { skipReasons } from './bulk-result';

describe('bulk actions', () => {
  it('group skipped records by reason, the most frequent first, unknown codes included', () => {
    const result: BulkResult = {
      done: 1,
      skipped: [
        { id: 'b', code: 'record.not_found' },
        { id: 'c', code: 'record.forbidden' },
        { id: 'd', code: 'record.forbidden' },
        { id: 'e', code: 'flow.rejected' },
      ],
    };
    expect(skipReasons(result)).toEqual([
      { code: 'record.forbidden', count: 2, message: 'listView.skip.forbidden' },
      { code: 'flow.rejected', count: 1, message: 'listView.skip.other' },
      { code: 'record.not_found', count: 1, message: 'listView.skip.notFound' },
    ]);
  });

  it('offer only fields the user may write and that can take one value on many records', () => {
    const lead: ObjectDefinition = {
      id: 'lead',
      label: { en: 'Lead' },
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'email', type: 'email', label: { en: 'Email' }, unique: true },
        { id: 'status', type: 'select', label: { en: 'Status' }, options: [{ value: 'new', label: { en: 'New' } }] },
        { id: 'score', type: 'number', label: { en: 'Score' } },
        { id: 'salary', type: 'currency', label: { en: 'Salary' } },
        { id: 'photo', type: 'image', label: { en: 'Photo' } },
        { id: 'code', type: 'auto_number', label: { en: 'Code' } },
      ],
    };
    const access = { actions: ['read' as const, 'update' as const], hiddenFields: ['salary'], readOnlyFields: ['score'] };
    expect(bulkEditableFields(lead, access).map((f) => f.id)).toEqual(['name', 'status']);
  });
});
