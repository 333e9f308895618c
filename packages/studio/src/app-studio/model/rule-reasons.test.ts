import type { AppDocument, FormDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { ruleReasons } from './rule-reasons';

const form: FormDefinition = {
  id: 'customer_form',
  object: 'customer',
  label: { en: 'Customer' },
  nodes: [
    { id: 'main', kind: 'section' },
    { id: 'f_name', kind: 'field', parent: 'main', field: 'name' },
    { id: 'f_level', kind: 'field', parent: 'main', field: 'level' },
    { id: 'f_credit', kind: 'field', parent: 'main', field: 'credit' },
  ],
  rules: [
    { id: 'key_only', when: 'level = "key"', effects: [{ kind: 'readOnly', field: 'credit', value: true }] },
    { id: 'normal_hides', when: 'level = "normal"', effects: [{ kind: 'visible', field: 'credit', value: false }] },
  ],
};
const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        {
          id: 'level',
          type: 'select',
          label: { en: 'Level' },
          options: [
            { value: 'key', label: { en: 'Key' } },
            { value: 'normal', label: { en: 'Normal' } },
          ],
        },
        { id: 'credit', type: 'number', label: { en: 'Credit' } },
      ],
    },
  ],
  forms: [form],
};
const customer = app.objects[0] as AppDocument['objects'][number];
const now = new Date('2026-12-01T00:00:00Z');

describe('ruleReasons', () => {
  it('explains the rules for the chosen record, with each rule’s condition', () => {
    expect(ruleReasons(app, customer, form, { name: 'Acme', level: 'key' }, now)).toEqual({
      ok: true,
      reasons: [{ field: 'credit', state: 'readOnly', rule: 'key_only', when: 'level = "key"' }],
    });
    expect(ruleReasons(app, customer, form, { name: 'Beta', level: 'normal' }, now)).toEqual({
      ok: true,
      reasons: [{ field: 'credit', state: 'hidden', rule: 'normal_hides', when: 'level = "normal"' }],
    });
  });

  it('explains nothing for a new record no rule touches, and refuses a form that does not compile', () => {
    expect(ruleReasons(app, customer, form, null, now)).toEqual({ ok: true, reasons: [] });
    const broken = { ...form, rules: [{ id: 'bad', when: 'ghost = 1', effects: [{ kind: 'visible' as const, field: 'credit', value: false }] }] };
    expect(ruleReasons(app, customer, broken, null, now)).toEqual({ ok: false });
  });
});
