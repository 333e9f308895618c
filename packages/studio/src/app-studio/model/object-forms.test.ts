import { validateDocument } from '@tessera/meta/validate';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { dropOnForm } from './drop-actions';
import { designedForm } from './form-edits';
import { addForm, deleteForm, formsOf, formUsages, renameForm, rolesOnObject, setDefaultForm, setRoleForm } from './object-forms';
import { addRule, editableRules } from './rule-edits';
import { createStudioStore } from './studio-store';

const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer', 'zh-CN': '客户' },
      fields: ['name', 'phone', 'tier'].map((id) => ({ id, type: 'text' as const, label: { en: id } })),
    },
  ],
  forms: [
    {
      id: 'customer_form',
      object: 'customer',
      label: { en: 'Customer', 'zh-CN': '客户' },
      nodes: [
        { id: 'main', kind: 'section' },
        { id: 'f_name', kind: 'field', parent: 'main', field: 'name' },
      ],
      rules: [{ id: 'rule', when: 'TRUE', effects: [{ kind: 'required', field: 'name', value: true }] }],
    },
  ],
  roles: [
    { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['read', 'update'] }] },
    { id: 'auditor', label: { en: 'Auditor' } },
  ],
};

/** A store with the draft open: each operation is one gesture, and undo must take it back whole. */
function opened(document: AppDocument = app) {
  const store = createStudioStore();
  store.getState().load('crm', document, 1, null);
  return store;
}

function expectUndoRestores(store: ReturnType<typeof opened>, before: AppDocument) {
  store.getState().undo();
  expect(store.getState().document).toBe(before);
}

describe('several forms per object', () => {
  it('adds a copy of the current form (layout and rules, labels marked as a copy) and selects it; undo removes it', () => {
    const store = opened();
    const before = store.getState().document as AppDocument;
    const { document, formId } = addForm(before, 'customer', 'customer_form');
    store.getState().edit(() => document, { select: { formId } });
    const copy = formsOf(store.getState().document as AppDocument, 'customer').find((f) => f.id === formId);
    expect(formId).toBe('customer_form_1');
    expect(copy).toMatchObject({ label: { en: 'Customer (copy)', 'zh-CN': '客户（副本）' }, nodes: app.forms?.[0]?.nodes, rules: app.forms?.[0]?.rules });
    expect(store.getState().selection.formId).toBe(formId);
    expect(validateDocument(store.getState().document).ok).toBe(true);
    expectUndoRestores(store, before);
    // The selection no longer names a form the document has.
    expect(store.getState().selection.formId).toBeNull();
  });

  it('adds a blank form; the object with no form yet first gets the form the canvas showed, which stays its default', () => {
    const bare: AppDocument = { ...app, forms: [] };
    const { document, formId } = addForm(bare, 'customer', null);
    expect(formsOf(document, 'customer').map((f) => f.id)).toEqual(['customer_form', formId]);
    expect(designedForm(document, 'customer')?.id).toBe('customer_form');
    expect(designedForm(document, 'customer', formId)).toMatchObject({
      label: { en: 'New form', 'zh-CN': '新表单' },
      nodes: [{ id: 'main', kind: 'section' }],
    });
  });

  it('designs the chosen form: drops and rules land on it, not on the default', () => {
    const { document, formId } = addForm(app, 'customer', null);
    const dropped = dropOnForm(document, 'customer', { kind: 'field', fieldId: 'phone' }, { parent: 'main', index: 0 }, formId);
    expect(designedForm(dropped?.document as AppDocument, 'customer', formId)?.nodes.map((n) => n.field ?? n.id)).toEqual(['main', 'phone']);
    expect(designedForm(dropped?.document as AppDocument, 'customer')?.nodes).toEqual(app.forms?.[0]?.nodes);
    const ruled = addRule(document, 'customer', 'tier', formId).document;
    expect(editableRules(ruled, 'customer', formId).map((r) => r.effects[0]?.field)).toEqual(['tier']);
    expect(editableRules(ruled, 'customer')).toEqual(app.forms?.[0]?.rules);
  });

  it('renames a form in both languages as one undo step', () => {
    const store = opened();
    const before = store.getState().document as AppDocument;
    store.getState().edit((d) => renameForm(d, 'customer_form', { 'zh-CN': '快速录入', en: 'Quick entry' }));
    expect(store.getState().document?.forms?.[0]?.label).toEqual({ 'zh-CN': '快速录入', en: 'Quick entry' });
    expectUndoRestores(store, before);
  });

  it('chooses the default form and a role’s form, each checked by the same validation as publish; undo takes each back', () => {
    const store = opened(addForm(app, 'customer', null).document);
    const start = store.getState().document as AppDocument;
    store.getState().edit((d) => setDefaultForm(d, 'customer', 'customer_form_1'));
    expect(store.getState().document?.objects[0]?.defaultForm).toBe('customer_form_1');
    expect(designedForm(store.getState().document as AppDocument, 'customer')?.id).toBe('customer_form_1');
    const withDefault = store.getState().document as AppDocument;
    store.getState().edit((d) => setRoleForm(d, 'rep', 'customer', 'customer_form'));
    expect(store.getState().document?.roles?.[0]?.permissions?.[0]?.form).toBe('customer_form');
    expect(validateDocument(store.getState().document).ok).toBe(true);
    expectUndoRestores(store, withDefault);
    expectUndoRestores(store, start);
    // Back to the object's first form, and a role back to the default, leave no key behind.
    expect(setDefaultForm(withDefault, 'customer', null).objects[0]).not.toHaveProperty('defaultForm');
    expect(setRoleForm(setRoleForm(start, 'rep', 'customer', 'customer_form'), 'rep', 'customer', null).roles?.[0]?.permissions?.[0]).not.toHaveProperty(
      'form',
    );
  });

  it('offers a form only to roles with a permission on the object', () => {
    expect(rolesOnObject(app, 'customer')).toEqual(['rep']);
    expect(setRoleForm(app, 'auditor', 'customer', 'customer_form')).toBe(app);
  });

  it('refuses to delete a form while the object or a role uses it, listing each use; deletes it once unused, and undo brings it back', () => {
    const two = addForm(app, 'customer', 'customer_form').document;
    const used = setRoleForm(setDefaultForm(two, 'customer', 'customer_form_1'), 'rep', 'customer', 'customer_form_1');
    expect(formUsages(used, 'customer_form_1')).toEqual([
      { pointer: '/objects/0/defaultForm', kind: 'default' },
      { pointer: '/roles/0/permissions/0/form', kind: 'role', role: 'rep' },
    ]);
    expect(deleteForm(used, 'customer_form_1')).toBe(used);

    const store = opened(two);
    store.getState().select({ formId: 'customer_form_1' });
    store.getState().edit((d) => deleteForm(d, 'customer_form_1'));
    expect(formsOf(store.getState().document as AppDocument, 'customer').map((f) => f.id)).toEqual(['customer_form']);
    expect(store.getState().selection.formId).toBeNull();
    expectUndoRestores(store, two);
  });
});
