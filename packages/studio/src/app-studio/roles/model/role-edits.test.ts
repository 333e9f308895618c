import { validateDocument } from '@tessera/meta/validate';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { createStudioStore } from '../../model/studio-store';
import {
  addRole,
  fieldAccessOf,
  nextRoleId,
  permissionOf,
  removeRole,
  roleOf,
  scopeOf,
  setAction,
  setFieldAccess,
  setRoleText,
  setRowFormula,
  setRowScope,
} from './role-edits';

const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'credit', type: 'number', label: { en: 'Credit' } },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['read', 'update'], rows: 'all' }] }],
};

function opened() {
  const store = createStudioStore();
  store.getState().load('crm', app, 1, 1);
  return store;
}

/** Runs one edit through the store, checks it is one undo step that undo takes back and redo brings again; returns the edited document. */
function editAndUndo(change: (d: AppDocument) => AppDocument): AppDocument {
  const store = opened();
  store.getState().edit(change);
  const edited = store.getState().document as AppDocument;
  expect(edited).not.toBe(app);
  expect(store.getState().past).toHaveLength(1);
  store.getState().undo();
  expect(store.getState().document).toBe(app);
  store.getState().redo();
  expect(store.getState().document).toBe(edited);
  return edited;
}

const rep = (d: AppDocument) => permissionOf(roleOf(d, 'rep'), 'customer');

describe('role edits (the permission matrix)', () => {
  it('adds a role with the next free id, renames and removes it, each one undoable step', () => {
    expect(nextRoleId(app)).toBe('role_1');
    const added = editAndUndo((d) => addRole(d, { id: nextRoleId(d), label: { en: 'Finance' } }));
    expect(roleOf(added, 'role_1')).toEqual({ id: 'role_1', label: { en: 'Finance' }, permissions: [] });
    expect(addRole(added, { id: 'role_1', label: { en: 'Again' } })).toBe(added);
    const renamed = editAndUndo((d) => setRoleText(d, 'rep', 'label', { en: 'Sales rep', 'zh-CN': '销售代表' }));
    expect(roleOf(renamed, 'rep')?.label).toEqual({ en: 'Sales rep', 'zh-CN': '销售代表' });
    expect(editAndUndo((d) => removeRole(d, 'rep')).roles).toEqual([]);
    expect(removeRole(app, 'nobody')).toBe(app);
  });

  it('grants an action with read, takes away one action, and taking away read takes the permission', () => {
    const granted = editAndUndo((d) => setAction(d, 'rep', 'customer', 'delete', true));
    expect(rep(granted)?.actions).toEqual(['read', 'update', 'delete']);
    expect(rep(editAndUndo((d) => setAction(d, 'rep', 'customer', 'update', false)))?.actions).toEqual(['read']);
    expect(rep(editAndUndo((d) => setAction(d, 'rep', 'customer', 'read', false)))).toBeUndefined();
    expect(setAction(app, 'rep', 'customer', 'read', true)).toBe(app);
  });

  it('creates the permission on the first action, scoped to own rows', () => {
    const without = removeRole(app, 'rep');
    const fresh = addRole(without, { id: 'viewer', label: { en: 'Viewer' } });
    const granted = setAction(fresh, 'viewer', 'customer', 'export', true);
    expect(permissionOf(roleOf(granted, 'viewer'), 'customer')).toEqual({ object: 'customer', actions: ['read', 'export'], rows: 'own' });
    expect(setAction(fresh, 'viewer', 'customer', 'delete', false)).toBe(fresh);
  });

  it('sets the row scope; "formula" starts empty (an error, never every row) and leaving it drops the formula', () => {
    const own = editAndUndo((d) => setRowScope(d, 'rep', 'customer', 'own'));
    expect(scopeOf(rep(own))).toBe('own');
    const formula = editAndUndo((d) => setRowScope(d, 'rep', 'customer', 'formula'));
    expect(rep(formula)).toMatchObject({ rows: 'all', rowFormula: '' });
    expect(scopeOf(rep(formula))).toBe('formula');
    const verdict = validateDocument(formula);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.issues.map((i) => i.pointer)).toContain('/roles/0/permissions/0/rowFormula');

    const store = opened();
    store.getState().edit((d) => setRowScope(d, 'rep', 'customer', 'formula'));
    store.getState().edit((d) => setRowFormula(d, 'rep', 'customer', 'credit > 100'));
    expect(rep(store.getState().document as AppDocument)?.rowFormula).toBe('credit > 100');
    expect(validateDocument(store.getState().document as AppDocument).ok).toBe(true);
    store.getState().undo();
    expect(rep(store.getState().document as AppDocument)?.rowFormula).toBe('');
    store.getState().redo();
    store.getState().edit((d) => setRowScope(d, 'rep', 'customer', 'department'));
    expect(rep(store.getState().document as AppDocument)).toEqual({ object: 'customer', actions: ['read', 'update'], rows: 'department' });
  });

  it('keeps a formula that narrows another scope when the scope changes', () => {
    const narrowed = setRowFormula(setRowScope(app, 'rep', 'customer', 'own'), 'rep', 'customer', 'credit > 1');
    expect(scopeOf(rep(narrowed))).toBe('own');
    expect(rep(setRowScope(narrowed, 'rep', 'customer', 'department'))).toMatchObject({ rows: 'department', rowFormula: 'credit > 1' });
  });

  it('hides a field, makes it read-only, and shows it again, leaving no empty lists', () => {
    const hidden = editAndUndo((d) => setFieldAccess(d, 'rep', 'customer', 'credit', 'hidden'));
    expect(rep(hidden)?.hiddenFields).toEqual(['credit']);
    expect(fieldAccessOf(rep(hidden), 'credit')).toBe('hidden');
    const readOnly = setFieldAccess(hidden, 'rep', 'customer', 'credit', 'readOnly');
    expect(rep(readOnly)).toMatchObject({ readOnlyFields: ['credit'] });
    expect(rep(readOnly)?.hiddenFields).toBeUndefined();
    const shown = setFieldAccess(readOnly, 'rep', 'customer', 'credit', 'editable');
    expect(rep(shown)).toEqual(rep(app));
    expect(setFieldAccess(app, 'rep', 'customer', 'name', 'editable')).toBe(app);
  });

  it('a field of an object the role cannot read has nothing to hide', () => {
    const withoutAccess = setAction(app, 'rep', 'customer', 'read', false);
    expect(setFieldAccess(withoutAccess, 'rep', 'customer', 'credit', 'hidden')).toBe(withoutAccess);
  });

  it('keeps the open role selected while it exists, and clears it when an undo takes it away', () => {
    const store = opened();
    store.getState().edit((d) => addRole(d, { id: 'role_1', label: { en: 'New' } }), { select: { roleId: 'role_1' } });
    expect(store.getState().selection.roleId).toBe('role_1');
    store.getState().undo();
    expect(store.getState().selection.roleId).toBeNull();
  });
});
