import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { hideField } from './document-edits';
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
        { id: 'customer', type: 'relation', label: { en: 'Customer' }, target: 'customer' },
        { id: 'phone', type: 'phone', label: { en: 'Phone' } },
      ],
      views: [{ id: 'big', label: { en: 'Big' }, filters: [{ field: 'amount', op: 'gt', value: 100 }] }],
      matchRules: [{ id: 'same_phone', label: { en: 'Same phone' }, kind: 'exact', fields: ['phone'] }],
    },
    {
      id: 'customer',
      label: { en: 'Customer' },
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        { id: 'deals', type: 'related_list', label: { en: 'Deals' }, target: 'deal', via: 'customer' },
        { id: 'pipeline', type: 'formula', label: { en: 'Pipeline' }, formula: 'SUM(deals.amount)', resultType: 'number' },
      ],
    },
  ],
  forms: [
    {
      id: 'deal_form',
      object: 'deal',
      label: { en: 'Deal' },
      nodes: [
        { id: 'n_amount', kind: 'field', field: 'amount' },
        { id: 'n_note', kind: 'field', field: 'note' },
      ],
      rules: [{ id: 'r', when: 'amount > 10', effects: [{ kind: 'visible', field: 'note', value: true }] }],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'deal', actions: ['read'], readOnlyFields: ['amount'] }] }],
  flows: [
    {
      id: 'big_deal',
      label: { en: 'Big deal review' },
      object: 'deal',
      trigger: { kind: 'field_changed', fields: ['amount'] },
      nodes: [{ id: 'mark', kind: 'update_record', values: { note: '"review"' } }],
    },
  ],
  reports: [{ id: 'revenue', label: { en: 'Revenue' }, object: 'deal', measures: [{ id: 'sum', aggregate: 'sum', field: 'amount' }] }],
};

const pointers = (document: AppDocument, objectId: string, fieldId: string) => fieldUsages(document, objectId, fieldId).map((u) => `${u.kind} ${u.pointer}`);

describe('fieldUsages', () => {
  it('finds every element the server’s checks would refuse without the field: formulas, rollups, views, rules, roles, flows, reports', () => {
    expect(pointers(app, 'deal', 'amount')).toEqual([
      'field /objects/0/fields/2',
      'view /objects/0/views/0',
      'field /objects/1/fields/2',
      'rule /forms/0/rules/0',
      'role /roles/0/permissions/0',
      'flow /flows/0',
      'report /reports/0',
    ]);
    expect(fieldUsages(app, 'deal', 'name')).toEqual([{ pointer: '/objects/0/displayField', kind: 'display', name: { en: 'Deal' } }]);
    expect(fieldUsages(app, 'deal', 'phone')).toEqual([{ pointer: '/objects/0/matchRules/0', kind: 'quality', name: { en: 'Same phone' } }]);
    // A flow that writes the field uses it as much as one that reads it.
    expect(pointers(app, 'deal', 'note')).toEqual(['rule /forms/0/rules/0', 'flow /flows/0']);
    expect(fieldUsages(app, 'deal', 'tax')).toEqual([]);
  });

  it('names each element by its label, a role’s permission by its role', () => {
    const byPointer = new Map(fieldUsages(app, 'deal', 'amount').map((u) => [u.pointer, u.name]));
    expect(byPointer.get('/roles/0/permissions/0')).toEqual({ en: 'Rep' });
    expect(byPointer.get('/objects/1/fields/2')).toEqual({ en: 'Pipeline' });
    expect(byPointer.get('/forms/0/rules/0')).toBe('r');
  });

  it('points at fields and form nodes as they are now, though hiding moves the later ones up', () => {
    // The phone field after the hidden amount: its own problems keep their place in the document.
    const later: AppDocument = {
      ...app,
      objects: app.objects.map((o) =>
        o.id === 'deal'
          ? { ...o, fields: [...o.fields, { id: 'net', type: 'formula', label: { en: 'Net' }, formula: 'amount - tax', resultType: 'number' }] }
          : o,
      ),
    };
    expect(pointers(later, 'deal', 'amount')).toContain('field /objects/0/fields/6');
    expect(hideField(later, 'deal', 'amount').objects[0]?.fields[5]?.id).toBe('net');
  });

  it('leaves out what was already wrong in the draft', () => {
    // A half-built draft: the view names a field that does not exist whatever is hidden.
    const broken: AppDocument = {
      ...app,
      objects: app.objects.map((o) => (o.id === 'deal' ? { ...o, views: [{ id: 'v', label: { en: 'V' }, columns: ['gone'] }] } : o)),
    };
    expect(pointers(broken, 'deal', 'note')).toEqual(['rule /forms/0/rules/0', 'flow /flows/0']);
    // A label emptied while being retyped breaks the draft's structure; the uses are found all the same.
    const unlabelled: AppDocument = {
      ...app,
      objects: app.objects.map((o) => (o.id === 'deal' ? { ...o, fields: o.fields.map((f) => (f.id === 'tax' ? { ...f, label: {} } : f)) } : o)),
    };
    expect(pointers(unlabelled, 'deal', 'name')).toEqual(['display /objects/0/displayField']);
  });
});
