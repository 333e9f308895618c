import { validateDocument } from '@tessera/meta/validate';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { designedForm, setAlwaysReadOnly } from './form-edits';
import { addRule, editableRules, removeRule, updateRule } from './rule-edits';
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
