import { describe, expect, it } from 'vitest';
import { diffDocuments } from './diff-documents';
import { mapField, mapObject, salesApp, withField } from './test-fixtures';

describe('diffDocuments', () => {
  it('lists everything as added against no live version', () => {
    const changes = diffDocuments(null, salesApp());
    expect(changes.filter((c) => c.kind === 'object_added').map((c) => c.kind === 'object_added' && c.object)).toEqual([
      'customer',
      'opportunity',
      'quote',
      'quote_line',
    ]);
  });

  it('names added, removed and changed fields and objects, and changed sections', () => {
    const before = salesApp();
    let after = withField(before, 'customer', { id: 'fax', type: 'phone', label: { en: 'Fax' } });
    after = mapField(after, 'customer', 'tier', (f) => ({ ...f, label: { en: 'Level' }, required: true }));
    after = mapObject(after, 'opportunity', (o) => ({ ...o, fields: o.fields.filter((f) => f.id !== 'amount'), label: { en: 'Deal' } }));
    after = { ...after, objects: after.objects.filter((o) => o.id !== 'quote_line'), roles: [{ id: 'rep', label: { en: 'Rep' } }] };
    expect(diffDocuments(before, after)).toEqual([
      { kind: 'field_changed', object: 'customer', field: 'tier', properties: ['label', 'required'] },
      { kind: 'field_added', object: 'customer', field: 'fax' },
      { kind: 'object_changed', object: 'opportunity', properties: ['label'] },
      { kind: 'field_removed', object: 'opportunity', field: 'amount' },
      { kind: 'object_removed', object: 'quote_line' },
      { kind: 'role_added', role: 'rep' },
    ]);
  });

  it('names a changed default form on its own line, not as an object property', () => {
    const before = mapObject(salesApp(), 'customer', (o) => ({ ...o, defaultForm: 'full' }));
    const after = mapObject(before, 'customer', (o) => ({ ...o, defaultForm: 'quick', label: { en: 'Client' } }));
    expect(diffDocuments(before, after)).toEqual([
      { kind: 'object_changed', object: 'customer', properties: ['label'] },
      { kind: 'default_form_changed', object: 'customer', from: 'full', to: 'quick' },
    ]);
    expect(diffDocuments(after, salesApp()).filter((c) => c.kind === 'default_form_changed')).toEqual([
      { kind: 'default_form_changed', object: 'customer', from: 'quick', to: '' },
    ]);
  });

  it('is empty for identical documents', () => {
    expect(diffDocuments(salesApp(), salesApp())).toEqual([]);
  });
});
