import type { AppDocument, FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { compileForm } from './compile-form';
import { evaluateForm } from './evaluate-form';
import { applyFieldDefaults, checkFieldDefaults, compileFieldDefaults } from './field-defaults';

const status: FieldDefinition = {
  id: 'status',
  type: 'select',
  label: { en: 'Status' },
  options: [
    { value: 'planned', label: { en: 'Planned' } },
    { value: 'done', label: { en: 'Done' } },
  ],
};

function visit(fields: Partial<Record<string, string>>): ObjectDefinition {
  const withDefault = (field: FieldDefinition): FieldDefinition => (fields[field.id] ? { ...field, default: fields[field.id]! } : field);
  return {
    id: 'visit',
    label: { en: 'Visit' },
    fields: (
      [
        { id: 'subject', type: 'text', label: { en: 'Subject' } },
        status,
        { id: 'on', type: 'date', label: { en: 'On' } },
        { id: 'owner', type: 'user', label: { en: 'Owner' } },
        { id: 'team', type: 'department', label: { en: 'Team' } },
        { id: 'score', type: 'number', label: { en: 'Score' }, minimum: 0, maximum: 10 },
        { id: 'phone', type: 'phone', label: { en: 'Phone' }, phoneKind: 'mobile' },
        { id: 'files', type: 'attachment', label: { en: 'Files' } },
      ] satisfies FieldDefinition[]
    ).map(withDefault),
  };
}

const doc = (object: ObjectDefinition): AppDocument => ({ id: 'a', label: { en: 'A' }, objects: [object] });
const context = { now: '2026-12-07T20:00:00Z', timeZone: 'Asia/Shanghai', currentUser: 'u1', currentDepartment: 'd1' };

describe('field defaults', () => {
  it('fills what a create leaves out: literals, today in the app zone, the current user and department', () => {
    const object = visit({ status: '"planned"', on: 'TODAY()', owner: 'CURRENTUSER()', team: 'CURRENTDEPARTMENT()', score: '3' });
    const { defaults, issues } = compileFieldDefaults(object, doc(object));
    expect(issues).toEqual([]);
    const { values, filled } = applyFieldDefaults(defaults, { subject: 'Call' }, context);
    expect(values).toEqual({ subject: 'Call', status: 'planned', on: '2026-12-08', owner: 'u1', team: 'd1', score: '3' });
    expect(filled.sort()).toEqual(['on', 'owner', 'score', 'status', 'team']);
  });

  it('leaves a value the writer sent, and an explicit null, as they are', () => {
    const object = visit({ status: '"planned"', score: '3' });
    const { defaults } = compileFieldDefaults(object, doc(object));
    const { values, filled } = applyFieldDefaults(defaults, { status: 'done', score: null }, context);
    expect(values).toEqual({ status: 'done', score: null });
    expect(filled).toEqual([]);
  });

  it('refuses a default that breaks the field’s own type, options, range, format or reads other fields, at the field’s pointer', () => {
    const object = visit({ status: '"lost"', score: '11', phone: '"12345"', on: '"tomorrow"', subject: 'status & "x"', files: '"a"' });
    const issues = checkFieldDefaults(doc(object));
    const byPointer = Object.fromEntries(issues.map((i) => [i.pointer, i.code]));
    expect(byPointer).toEqual({
      '/objects/0/fields/0/default': 'field.default_reads_fields',
      '/objects/0/fields/1/default': 'field.default_option',
      '/objects/0/fields/2/default': 'form.value_type',
      '/objects/0/fields/5/default': 'field.default_maximum',
      '/objects/0/fields/6/default': 'field.default_format',
      '/objects/0/fields/7/default': 'field.default_field',
    });
  });

  it('is what a form shows in a new record, unless the form gives the field its own default', () => {
    const object = visit({ status: '"planned"', score: '3' });
    const document: AppDocument = {
      ...doc(object),
      forms: [
        {
          id: 'quick',
          object: 'visit',
          label: { en: 'Quick' },
          nodes: [
            { id: 'n1', kind: 'field', field: 'status', defaultValue: '"done"' },
            { id: 'n2', kind: 'field', field: 'score' },
          ],
        },
      ],
    };
    const compiled = compileForm(document.forms![0]!, object, document);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const state = evaluateForm(compiled.form, {}, context);
    expect(state.values).toEqual({ status: 'done', score: '3' });
  });
});
