import { validateDocument } from '@tessera/meta/validate';
import type { AppDocument, FormEffect } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { designedForm, setAlwaysReadOnly } from './form-edits';
import { addRule, EFFECT_KINDS, editableRules, effectFields, removeRule, updateRule, withEffectField, withEffectKind } from './rule-edits';
import { createStudioStore } from './studio-store';

const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      fields: [
        { id: 'tier', type: 'select', label: { en: 'Tier' }, options: [{ value: 'A', label: { en: 'A' } }] },
        { id: 'discount', type: 'number', label: { en: 'Discount' } },
      ],
    },
  ],
};

describe('rule edits', () => {
  it('adds a rule (making the form), edits its condition and effects, removes it; each one undo step', () => {
    const store = createStudioStore();
    store.getState().load('crm', app, 1, null);
    const { edit } = store.getState();
    let ruleId = '';
    edit((d) => {
      const added = addRule(d, 'customer', 'discount');
      ruleId = added.ruleId;
      return added.document;
    });
    expect(ruleId).toBe('rule_1');
    edit((d) => updateRule(d, 'customer', ruleId, { when: 'tier = "A"', effects: [{ kind: 'visible', field: 'discount', value: true }] }));
    const shown = store.getState().document as AppDocument;
    expect(editableRules(shown, 'customer')).toEqual([{ id: 'rule_1', when: 'tier = "A"', effects: [{ kind: 'visible', field: 'discount', value: true }] }]);
    expect(validateDocument(shown).ok).toBe(true);

    edit((d) => removeRule(d, 'customer', ruleId));
    expect(designedForm(store.getState().document as AppDocument, 'customer')?.rules).toBeUndefined();
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().document).toBe(app);
  });

  it('keeps the read-only rule out of the list and untouched', () => {
    const form = addRule(app, 'customer', 'tier').document;
    const locked = setAlwaysReadOnly(form, 'customer_form', 'tier', true);
    expect(editableRules(locked, 'customer').map((r) => r.id)).toEqual(['rule_1']);
    const removed = removeRule(locked, 'customer', 'rule_1');
    expect(designedForm(removed, 'customer')?.rules?.map((r) => r.id)).toEqual(['always']);
  });

  it('reports a condition that does not typecheck at the rule', () => {
    const bad = updateRule(addRule(app, 'customer', 'tier').document, 'customer', 'rule_1', { when: 'tier +' });
    const verdict = validateDocument(bad);
    expect(verdict.ok ? [] : verdict.issues.map((i) => i.pointer)).toContain('/forms/0/rules/0/when');
  });
});

describe('effects of every kind', () => {
  const customer = {
    ...app.objects[0]!,
    fields: [
      ...app.objects[0]!.fields,
      {
        id: 'level',
        type: 'select' as const,
        label: { en: 'Level' },
        options: [
          { value: 'x', label: { en: 'X' } },
          { value: 'y', label: { en: 'Y' } },
        ],
      },
      { id: 'deals', type: 'related_list' as const, label: { en: 'Deals' }, target: 'customer', via: 'tier' },
    ],
  };

  it('offers each kind only the fields it can act on', () => {
    expect(EFFECT_KINDS).toEqual(['visible', 'required', 'readOnly', 'setValue', 'options']);
    expect(effectFields(customer, 'options').map((f) => f.id)).toEqual(['tier', 'level']);
    // A list of other records has no value a formula could compute.
    expect(effectFields(customer, 'setValue').map((f) => f.id)).toEqual(['tier', 'discount', 'level']);
    expect(effectFields(customer, 'visible')).toHaveLength(4);
  });

  it('turns an effect into another kind, valid at once: a value that changes nothing, options that narrow nothing', () => {
    const shown = { kind: 'visible', field: 'discount', value: false } as const;
    expect(withEffectKind(customer, shown, 'required')).toEqual({ kind: 'required', field: 'discount', value: false });
    expect(withEffectKind(customer, shown, 'setValue')).toEqual({ kind: 'setValue', field: 'discount', formula: 'discount' });
    // Options act on selects: the effect moves to the first one, offering all its options.
    expect(withEffectKind(customer, shown, 'options')).toEqual({ kind: 'options', field: 'tier', values: ['A'] });
    expect(withEffectKind({ ...customer, fields: [customer.fields[1]!] }, shown, 'options')).toBeNull();
  });

  it('moves an effect to another field: options start from that field’s, a formula already written is kept', () => {
    expect(withEffectField(customer, { kind: 'options', field: 'tier', values: [] }, 'level')).toEqual({ kind: 'options', field: 'level', values: ['x', 'y'] });
    expect(withEffectField(customer, { kind: 'setValue', field: 'discount', formula: 'discount * 2' }, 'tier')).toEqual({
      kind: 'setValue',
      field: 'tier',
      formula: 'discount * 2',
    });
  });

  it('keeps a rule that sets a value and narrows options valid, and the server’s checks refuse what they cannot do', () => {
    // The designed form places every field of the object, so a rule may act on any of them.
    const { document } = addRule(app, 'customer', 'discount');
    const withEffects = (effects: FormEffect[]) => updateRule(document, 'customer', 'rule_1', { when: 'discount > 10', effects });
    expect(
      validateDocument(
        withEffects([
          { kind: 'setValue', field: 'discount', formula: '10' },
          { kind: 'options', field: 'tier', values: [] },
        ]),
      ).ok,
    ).toBe(true);
    const wrongType = validateDocument(withEffects([{ kind: 'setValue', field: 'discount', formula: '"ten"' }]));
    expect(wrongType.ok ? [] : wrongType.issues.map((i) => i.code)).toContain('form.value_type');
  });
});
