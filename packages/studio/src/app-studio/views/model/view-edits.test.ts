import { validateDocument } from '@tessera/meta/validate';
import { type AppDocument, navigationOf } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { fieldUsages } from '../../model/field-usages';
import { issueTarget } from '../../model/issue-target';
import { createStudioStore } from '../../model/studio-store';
import {
  addSortKey,
  addView,
  deleteView,
  duplicateView,
  MAX_SORT_KEYS,
  menuEntriesOpening,
  moveView,
  placeColumn,
  placeView,
  removeColumn,
  removeSortKey,
  renameView,
  setFilters,
  setLayout,
  setLayoutField,
  setSortKey,
  setViewRoles,
  stepColumn,
} from './view-edits';

const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'stage', type: 'select', label: { en: 'Stage' }, options: [{ value: 'new', label: { en: 'New' } }] },
        { id: 'met_on', type: 'date', label: { en: 'Met on' } },
        { id: 'amount', type: 'number', label: { en: 'Amount' } },
      ],
      views: [{ id: 'all', label: { en: 'All', 'zh-CN': '全部' }, columns: ['name', 'stage'] }],
    },
  ],
  roles: [{ id: 'sales_rep', label: { en: 'Rep' } }],
};

const viewsOf = (d: AppDocument | null) => d?.objects[0]?.views ?? [];
const viewOf = (d: AppDocument | null, id = 'all') => viewsOf(d).find((v) => v.id === id);

/** Runs one edit through the studio store, checks it changed the draft as expected, and that undo brings the draft back whole and redo redoes it. */
function editAndUndo(change: (d: AppDocument) => AppDocument, expectChanged: (d: AppDocument | null) => void) {
  const store = createStudioStore();
  store.getState().load('crm', app, 1, null);
  store.getState().edit(change);
  const edited = store.getState().document;
  expect(edited).not.toBe(app);
  expectChanged(edited);
  store.getState().undo();
  expect(store.getState().document).toBe(app);
  store.getState().redo();
  expect(store.getState().document).toBe(edited);
}

describe('view edits, each one undo step', () => {
  it('adds a view with the first fields as columns', () => {
    editAndUndo(
      (d) => addView(d, 'customer', { en: 'New view' }).document,
      (d) => expect(viewOf(d, 'view_1')).toEqual({ id: 'view_1', label: { en: 'New view' }, columns: ['name', 'stage', 'met_on', 'amount'] }),
    );
  });

  it('renames in one language and drops an emptied one', () => {
    editAndUndo(
      (d) => renameView(d, 'customer', 'all', 'en', 'Everyone'),
      (d) => expect(viewOf(d)?.label).toEqual({ en: 'Everyone', 'zh-CN': '全部' }),
    );
    editAndUndo(
      (d) => renameView(d, 'customer', 'all', 'zh-CN', ''),
      (d) => expect(viewOf(d)?.label).toEqual({ en: 'All' }),
    );
  });

  it('duplicates right after the original, marked as a copy', () => {
    editAndUndo(
      (d) => duplicateView(d, 'customer', 'all', { en: ' (copy)', 'zh-CN': '（副本）' }).document,
      (d) => {
        expect(viewsOf(d).map((v) => v.id)).toEqual(['all', 'all_1']);
        expect(viewOf(d, 'all_1')).toMatchObject({ label: { en: 'All (copy)', 'zh-CN': '全部（副本）' }, columns: ['name', 'stage'] });
      },
    );
  });

  it('deletes and reorders views', () => {
    editAndUndo(
      (d) => deleteView(d, 'customer', 'all'),
      (d) => expect(viewsOf(d)).toEqual([]),
    );
    const two = addView(app, 'customer', { en: 'Two' }).document;
    expect(viewsOf(moveView(two, 'customer', 'view_1', -1)).map((v) => v.id)).toEqual(['view_1', 'all']);
    expect(moveView(two, 'customer', 'all', -1)).toBe(two);
    editAndUndo(
      (d) => moveView(addView(d, 'customer', { en: 'Two' }).document, 'customer', 'all', 1),
      (d) => expect(viewsOf(d).map((v) => v.id)).toEqual(['view_1', 'all']),
    );
  });

  it('places, moves by keyboard and removes columns', () => {
    editAndUndo(
      (d) => placeColumn(d, 'customer', 'all', 'amount', 0),
      (d) => expect(viewOf(d)?.columns).toEqual(['amount', 'name', 'stage']),
    );
    editAndUndo(
      (d) => placeColumn(d, 'customer', 'all', 'name', 2),
      (d) => expect(viewOf(d)?.columns).toEqual(['stage', 'name']),
    );
    editAndUndo(
      (d) => stepColumn(d, 'customer', 'all', 'stage', -1),
      (d) => expect(viewOf(d)?.columns).toEqual(['stage', 'name']),
    );
    expect(stepColumn(app, 'customer', 'all', 'name', -1)).toBe(app);
    editAndUndo(
      (d) => removeColumn(d, 'customer', 'all', 'name'),
      (d) => expect(viewOf(d)?.columns).toEqual(['stage']),
    );
  });

  it('sets the default filters, and leaves none out of the document', () => {
    const filter = { field: 'stage', op: 'in' as const, value: ['new'] };
    editAndUndo(
      (d) => setFilters(d, 'customer', 'all', [filter]),
      (d) => expect(viewOf(d)?.filters).toEqual([filter]),
    );
    expect(viewOf(setFilters(setFilters(app, 'customer', 'all', [filter]), 'customer', 'all', []))).not.toHaveProperty('filters');
  });

  it('keeps at most five sort keys, never the same field twice', () => {
    editAndUndo(
      (d) => addSortKey(d, 'customer', 'all', { field: 'amount', direction: 'desc' }),
      (d) => expect(viewOf(d)?.sort).toEqual([{ field: 'amount', direction: 'desc' }]),
    );
    let d: AppDocument = app;
    for (const field of ['name', 'stage', 'met_on', 'amount', 'created_at', 'updated_at', 'name']) d = addSortKey(d, 'customer', 'all', { field });
    expect(viewOf(d)?.sort?.map((s) => s.field)).toEqual(['name', 'stage', 'met_on', 'amount', 'created_at']);
    expect(viewOf(d)?.sort).toHaveLength(MAX_SORT_KEYS);
    expect(viewOf(setSortKey(d, 'customer', 'all', 0, { field: 'name', direction: 'desc' }))?.sort?.[0]).toEqual({ field: 'name', direction: 'desc' });
    editAndUndo(
      (doc) => removeSortKey(addSortKey(doc, 'customer', 'all', { field: 'name' }), 'customer', 'all', 0),
      (doc) => expect(viewOf(doc)).not.toHaveProperty('sort'),
    );
  });

  it('switches layout with a fitting field, changes the field, and back to a table', () => {
    editAndUndo(
      (d) => setLayout(d, 'customer', 'all', 'kanban'),
      (d) => expect(viewOf(d)).toMatchObject({ layout: 'kanban', groupField: 'stage' }),
    );
    editAndUndo(
      (d) => setLayout(d, 'customer', 'all', 'calendar'),
      (d) => expect(viewOf(d)).toMatchObject({ layout: 'calendar', dateField: 'met_on' }),
    );
    const board = setLayout(app, 'customer', 'all', 'kanban');
    expect(viewOf(setLayout(board, 'customer', 'all', 'table'))).toEqual(viewOf(app));
    editAndUndo(
      (d) => setLayoutField(setLayout(d, 'customer', 'all', 'calendar'), 'customer', 'all', 'dateField', 'created_at'),
      (d) => expect(viewOf(d)?.dateField).toBe('created_at'),
    );
  });

  it('shows the view to some roles, and to everyone again', () => {
    editAndUndo(
      (d) => setViewRoles(d, 'customer', 'all', ['sales_rep']),
      (d) => expect(viewOf(d)?.roles).toEqual(['sales_rep']),
    );
    expect(viewOf(setViewRoles(setViewRoles(app, 'customer', 'all', ['sales_rep']), 'customer', 'all', []))).not.toHaveProperty('roles');
  });

  it('places a dragged view at the row it is dropped on, as one undo step, and a drop where it is changes nothing', () => {
    const three = addView(addView(app, 'customer', { en: 'Two' }).document, 'customer', { en: 'Three' }).document;
    const order = (d: AppDocument) => viewsOf(d).map((v) => v.id);
    expect(order(three)).toEqual(['all', 'view_1', 'view_2']);
    expect(order(placeView(three, 'customer', 'all', 2))).toEqual(['view_1', 'view_2', 'all']);
    expect(order(placeView(three, 'customer', 'view_2', 0))).toEqual(['view_2', 'all', 'view_1']);
    expect(order(placeView(three, 'customer', 'all', 99))).toEqual(['view_1', 'view_2', 'all']);
    expect(placeView(three, 'customer', 'view_1', 1)).toBe(three);
    expect(placeView(three, 'customer', 'ghost', 0)).toBe(three);
    expect(moveView(three, 'customer', 'view_2', 1)).toBe(three);
    editAndUndo(
      (d) => placeView(addView(d, 'customer', { en: 'Two' }).document, 'customer', 'view_1', 0),
      (d) => expect(viewsOf(d).map((v) => v.id)).toEqual(['view_1', 'all']),
    );
  });

  it('takes the menu entries that open a deleted view with it, in the same undo step, and leaves the rest of the menu', () => {
    const withMenu: AppDocument = {
      ...addView(app, 'customer', { en: 'Two' }).document,
      navigation: [
        { id: 'sales', label: { en: 'Sales' } },
        { id: 'all_in_sales', object: 'customer', view: 'all', parent: 'sales' },
        { id: 'customers', object: 'customer' },
        { id: 'all_again', object: 'customer', view: 'all', label: { en: 'Everyone' } },
        { id: 'two', object: 'customer', view: 'view_1' },
      ],
    };
    expect(menuEntriesOpening(withMenu, 'customer', 'all').map((e) => e.id)).toEqual(['all_in_sales', 'all_again']);
    const store = createStudioStore();
    store.getState().load('crm', withMenu, 1, null);
    store.getState().edit((d) => deleteView(d, 'customer', 'all'));
    const edited = store.getState().document as AppDocument;
    expect(viewsOf(edited).map((v) => v.id)).toEqual(['view_1']);
    expect(navigationOf(edited).map((e) => e.id)).toEqual(['sales', 'customers', 'two']);
    expect(validateDocument(edited).ok).toBe(true);
    store.getState().undo();
    expect(store.getState().document).toBe(withMenu);
    store.getState().redo();
    expect(store.getState().document).toBe(edited);
  });

  it('leaves an app without its own menu without one when a view is deleted', () => {
    expect(deleteView(app, 'customer', 'all').navigation).toBeUndefined();
    expect(menuEntriesOpening(app, 'customer', 'all')).toEqual([]);
  });

  it('changes nothing for a view or object the draft does not have', () => {
    expect(renameView(app, 'customer', 'ghost', 'en', 'x')).toBe(app);
    expect(deleteView(app, 'ghost', 'all')).toBe(app);
  });

  it('keeps the selected view only while it exists', () => {
    const store = createStudioStore();
    store.getState().load('crm', app, 1, null);
    store.getState().select({ viewId: 'all' });
    store.getState().edit((d) => deleteView(d, 'customer', 'all'));
    expect(store.getState().selection.viewId).toBeNull();
  });
});

describe('a view problem', () => {
  it('opens the views designer on that view', () => {
    expect(issueTarget(app, '/objects/0/views/0/sort/0/field')).toEqual({
      selection: { objectId: 'customer', fieldId: null, nodeId: null, viewId: 'all' },
      tab: 'views',
    });
  });
});

describe('a field a view uses', () => {
  it('is named as used by that view, whether as a board’s group field, a column, a filter or a sort key', () => {
    let d = setLayout(app, 'customer', 'all', 'kanban');
    d = setFilters(d, 'customer', 'all', [{ field: 'amount', op: 'gt', value: 1 }]);
    d = addSortKey(d, 'customer', 'all', { field: 'met_on' });
    for (const field of ['stage', 'name', 'amount', 'met_on']) {
      expect(fieldUsages(d, 'customer', field)).toEqual([{ pointer: '/objects/0/views/0', kind: 'view', name: { en: 'All', 'zh-CN': '全部' } }]);
    }
  });
});
