import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { bulkEditableFields } from './bulk-fields';

const label = (en: string) => ({ en });
const deal: ObjectDefinition = {
  id: 'deal',
  label: label('Deal'),
  fields: [
    { id: 'name', type: 'text', label: label('Name') },
    { id: 'stage', type: 'select', label: label('Stage'), options: [{ value: 'lead', label: label('Lead') }] },
    { id: 'amount', type: 'currency', label: label('Amount') },
    { id: 'margin', type: 'percent', label: label('Margin') },
    { id: 'code', type: 'text', label: label('Code'), unique: true },
    { id: 'contract', type: 'attachment', label: label('Contract') },
    { id: 'number', type: 'auto_number', label: label('Number') },
  ],
};

describe('fields a bulk edit offers', () => {
  it('leaves out fields read-only or hidden for the role, unique ones and those not worth one value for all', () => {
    const ids = (readOnlyFields: string[], hiddenFields: string[] = []) =>
      bulkEditableFields(deal, { actions: ['update'], hiddenFields, readOnlyFields }).map((f) => f.id);
    expect(ids([])).toEqual(['name', 'stage', 'amount', 'margin']);
    expect(ids(['amount'])).toEqual(['name', 'stage', 'margin']);
    expect(ids([], ['margin'])).toEqual(['name', 'stage', 'amount']);
  });
});
