import { validateDocument } from '@tessera/meta/validate';
import { type AppDocument, navigationOf } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { createStudioStore } from '../../model/studio-store';
import { addEntry, moveEntry, removeEntry, setEntryIcon, setEntryLabel, setEntryRoles, siblingsOf } from './navigation-edits';

/** An app that never set a menu: customers and deals, with quote lines inside deals. */
const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }],
      views: [{ id: 'mine', label: { en: 'Mine' } }],
    },
    { id: 'deal', label: { en: 'Deal' }, fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }] },
    { id: 'line', label: { en: 'Line' }, parent: 'deal', fields: [{ id: 'qty', type: 'number', label: { en: 'Qty' } }] },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' } }],
} as AppDocument;

const ids = (d: AppDocument) => navigationOf(d).map((i) => i.id);

function editAndUndo(change: (d: AppDocument) => AppDocument): AppDocument {
  const store = createStudioStore();
  store.getState().load('crm', app, 1, 1);
  store.getState().edit(change);
  const edited = store.getState().document as AppDocument;
  expect(edited).not.toBe(app);
  store.getState().undo();
  expect(store.getState().document).toBe(app);
  expect(store.getState().document?.navigation).toBeUndefined();
  store.getState().redo();
  expect(store.getState().document).toBe(edited);
  return edited;
}

describe('navigation edits (the app menu)', () => {
  it('starts from the menu derived from the top-level objects, so an app without one keeps it', () => {
    expect(navigationOf(app)).toEqual([
      { id: 'nav_customer', object: 'customer' },
      { id: 'nav_deal', object: 'deal' },
    ]);
  });

  it('adds an object, a list view, a dashboard-less inbox entry; each one undoable step, valid', () => {
    const withView = editAndUndo((d) => addEntry(d, { kind: 'view', object: 'customer', view: 'mine' }).document);
    expect(navigationOf(withView).at(-1)).toEqual({ id: 'nav_1', object: 'customer', view: 'mine' });
    expect(ids(withView)).toEqual(['nav_customer', 'nav_deal', 'nav_1']);
    const inbox = editAndUndo((d) => addEntry(d, { kind: 'approvals' }).document);
    expect(navigationOf(inbox).at(-1)).toEqual({ id: 'nav_1', page: 'approvals', icon: 'audit' });
    expect(validateDocument(inbox).ok).toBe(true);
    expect(validateDocument(withView).ok).toBe(true);
  });

  it('moves an entry among its siblings (a drag or Alt+↑/↓), clamped, and a move to where it is changes nothing', () => {
    const moved = editAndUndo((d) => moveEntry(d, 'nav_deal', 0));
    expect(ids(moved)).toEqual(['nav_deal', 'nav_customer']);
    expect(ids(moveEntry(moved, 'nav_deal', 99))).toEqual(['nav_customer', 'nav_deal']);
    expect(moveEntry(moved, 'nav_deal', 0)).toBe(moved);
    expect(moveEntry(app, 'nav_missing', 0)).toBe(app);
  });

  it('orders entries within a group only, and removing a group lifts its entries to its place', () => {
    const grouped: AppDocument = {
      ...app,
      navigation: [
        { id: 'sales', label: { en: 'Sales' } },
        { id: 'c', object: 'customer', parent: 'sales' },
        { id: 'd', object: 'deal', parent: 'sales' },
        { id: 'inbox', page: 'approvals' },
      ],
    };
    const moved = moveEntry(grouped, 'd', 0);
    expect(siblingsOf(navigationOf(moved), 'sales').map((i) => i.id)).toEqual(['d', 'c']);
    expect(siblingsOf(navigationOf(moved), undefined).map((i) => i.id)).toEqual(['sales', 'inbox']);
    const lifted = removeEntry(grouped, 'sales');
    expect(navigationOf(lifted)).toEqual([
      { id: 'c', object: 'customer' },
      { id: 'd', object: 'deal' },
      { id: 'inbox', page: 'approvals' },
    ]);
  });

  it('sets and clears an icon, a label and the roles an entry is shown to', () => {
    const icon = editAndUndo((d) => setEntryIcon(d, 'nav_customer', 'team'));
    expect(navigationOf(icon)[0]).toEqual({ id: 'nav_customer', object: 'customer', icon: 'team' });
    expect(navigationOf(setEntryIcon(icon, 'nav_customer', null))[0]).toEqual({ id: 'nav_customer', object: 'customer' });
    const labelled = editAndUndo((d) => setEntryLabel(d, 'nav_deal', { en: 'Pipeline' }));
    expect(navigationOf(labelled)[1]?.label).toEqual({ en: 'Pipeline' });
    const forReps = editAndUndo((d) => setEntryRoles(d, 'nav_deal', ['rep']));
    expect(navigationOf(forReps)[1]?.roles).toEqual(['rep']);
    expect(navigationOf(setEntryRoles(forReps, 'nav_deal', []))[1]).toEqual({ id: 'nav_deal', object: 'deal' });
    expect(setEntryRoles(app, 'nav_deal', [])).toBe(app);
    expect(editAndUndo((d) => removeEntry(d, 'nav_customer')).navigation).toEqual([{ id: 'nav_deal', object: 'deal' }]);
  });

  it('a menu entry shown to a role that does not exist, or on a view its object lacks, is a problem naming both', () => {
    const broken: AppDocument = { ...app, navigation: [{ id: 'x', object: 'deal', view: 'mine', roles: ['boss'] }] };
    const verdict = validateDocument(broken);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok)
      expect(verdict.issues.map((i) => [i.pointer, i.code])).toEqual([
        ['/navigation/0/view', 'meta.nav_unknown_view'],
        ['/navigation/0/roles/0', 'meta.nav_unknown_role'],
      ]);
  });
});
