import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { fieldUsages } from './field-usages';

const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [
    {
      id: 'deal',
      label: { en: 'Deal' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'amount', type: 'number', label: { en: 'Amount' } },
        { id: 'tax', type: 'formula', label: { en: 'Tax' }, formula: 'amount * 0.06', resultType: 'number' },
        { id: 'note', type: 'text', label: { en: 'Note' } },
      ],
      views: [{ id: 'big', label: { en: 'Big' }, filters: [{ field: 'amount', op: 'gt', value: 100 }] }],
    },
  ],
  forms: [
    {
      id: 'deal_form',
      object: 'deal',
      label: { en: 'Deal' },
      nodes: [],
      rules: [{ id: 'r', when: 'amount > 10', effects: [{ kind: 'visible', field: 'note', value: true }] }],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'deal', actions: ['read'], readOnlyFields: ['amount'] }] }],
};

describe('fieldUsages', () => {
  it('finds every element that names the field, by pointer', () => {
    expect(fieldUsages(app, 'deal', 'amount')).toEqual([
      { pointer: '/objects/0/fields/2/formula', kind: 'formula' },
      { pointer: '/objects/0/views/0', kind: 'view' },
      { pointer: '/forms/0/rules/0', kind: 'rule' },
      { pointer: '/roles/0/permissions/0', kind: 'role' },
    ]);
    expect(fieldUsages(app, 'deal', 'name')).toEqual([{ pointer: '/objects/0/displayField', kind: 'display' }]);
    expect(fieldUsages(app, 'deal', 'note')).toEqual([{ pointer: '/forms/0/rules/0', kind: 'rule' }]);
    expect(fieldUsages(app, 'deal', 'tax')).toEqual([]);
  });
});
