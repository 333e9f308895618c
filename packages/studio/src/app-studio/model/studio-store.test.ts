import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { addField, hideField, moveField, updateField } from './document-edits';
import { dropOnForm } from './drop-actions';
import { designedForm } from './form-edits';
import { createStudioStore, HISTORY_LIMIT, hasUnsavedChanges } from './studio-store';

const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [{ id: 'customer', label: { en: 'Customer' }, fields: [{ id: 'name', type: 'text', label: { en: 'Name' } }] }],
};

function opened() {
  const store = createStudioStore();
  store.getState().load('crm', app, 3, 1);
  return store;
}

describe('studio store', () => {
  it('opens a draft with nothing to undo and the first object selected', () => {
    const s = opened().getState();
    expect(s).toMatchObject({ appId: 'crm', revision: 3, liveVersion: 1, past: [], future: [], selection: { objectId: 'customer' } });
    expect(hasUnsavedChanges(s)).toBe(false);
  });

  it('keeps each edit as one undo step, undoes and redoes it, and drops the redo future on a new edit', () => {
    const store = opened();
    const { edit, undo, redo } = store.getState();
    edit((d) => updateField(d, 'customer', 'name', { label: { en: 'Company' } }));
    edit((d) => addField(d, 'customer', { id: 'phone', type: 'phone', label: { en: 'Phone' } }));
    expect(store.getState().past).toHaveLength(2);
    expect(hasUnsavedChanges(store.getState())).toBe(true);

    undo();
    expect(store.getState().document?.objects[0]?.fields.map((f) => f.id)).toEqual(['name']);
    expect(store.getState().document?.objects[0]?.fields[0]?.label).toEqual({ en: 'Company' });
    undo();
    expect(store.getState().document).toBe(app);
    expect(hasUnsavedChanges(store.getState())).toBe(false);
    undo(); // nothing left: no change
    expect(store.getState().document).toBe(app);

    redo();
    redo();
    expect(store.getState().document?.objects[0]?.fields.map((f) => f.id)).toEqual(['name', 'phone']);
    undo();
    edit((d) => moveField(addField(d, 'customer', { id: 'email', type: 'email', label: { en: 'Email' } }), 'customer', 'email', 0));
    expect(store.getState().future).toEqual([]);
    redo();
    expect(store.getState().document?.objects[0]?.fields.map((f) => f.id)).toEqual(['email', 'name']);
  });

  it('leaves no step for an edit that changes nothing, and bounds the history', () => {
    const store = opened();
    store.getState().edit((d) => d);
    expect(store.getState().past).toEqual([]);
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) store.getState().edit((d) => updateField(d, 'customer', 'name', { label: { en: `Name ${i}` } }));
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('drops a new field type as a new field placed on the form, undone in one step', () => {
    const store = opened();
    const { document } = store.getState();
    const dropped = dropOnForm(document as AppDocument, 'customer', { kind: 'new-field', fieldType: 'select' }, { parent: 'main', index: 0 });
    if (!dropped) throw new Error('the drop is allowed');
    store.getState().edit(() => dropped.document, { select: dropped.selection });
    const after = store.getState();
    const field = after.document?.objects[0]?.fields.find((f) => f.id === 'select_1');
    expect(field).toMatchObject({ type: 'select', options: [{ value: 'option_1' }] });
    expect(designedForm(after.document as AppDocument, 'customer')?.nodes.map((n) => [n.id, n.parent ?? null])).toEqual([
      ['main', null],
      ['f_select_1_1', 'main'],
      ['f_name', 'main'],
    ]);
    expect(after.selection).toEqual({ objectId: 'customer', fieldId: 'select_1', nodeId: 'f_select_1_1' });

    after.undo();
    expect(store.getState().document).toBe(app);
    expect(store.getState().selection).toEqual({ objectId: 'customer', fieldId: null, nodeId: null });
  });

  it('hiding a field takes it off its forms too', () => {
    const dropped = dropOnForm(app, 'customer', { kind: 'new-field', fieldType: 'phone' }, { parent: null, index: 1 });
    const hidden = hideField(dropped?.document as AppDocument, 'customer', 'phone_1');
    expect(hidden.objects[0]?.fields.map((f) => f.id)).toEqual(['name']);
    expect(designedForm(hidden, 'customer')?.nodes.map((n) => n.id)).toEqual(['main', 'f_name']);
  });

  it('makes keystrokes in one input one undo step, and a different input another', () => {
    const store = opened();
    const type = (text: string, merge: string) => store.getState().edit((d) => updateField(d, 'customer', 'name', { label: { en: text } }), { merge });
    type('C', 'name.label.en');
    type('Co', 'name.label.en');
    type('Com', 'name.label.en');
    expect(store.getState().past).toHaveLength(1);
    store.getState().edit((d) => updateField(d, 'customer', 'name', { description: { en: 'Who' } }), { merge: 'name.description.en' });
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().document).toBe(app);
    type('X', 'name.label.en'); // after an undo, typing again starts a new step
    type('Xy', 'name.label.en');
    expect(store.getState().past).toHaveLength(1);
  });

  it('tracks saving, a conflict and publishing', () => {
    const store = opened();
    store.getState().edit((d) => updateField(d, 'customer', 'name', { required: true }));
    store.getState().savingStarted();
    expect(store.getState().save).toEqual({ status: 'saving' });
    const sent = store.getState().document as AppDocument;
    store.getState().saved(sent, 4);
    expect(store.getState()).toMatchObject({ revision: 4, save: { status: 'saved' } });
    expect(hasUnsavedChanges(store.getState())).toBe(false);
    store.getState().conflicted(6, app);
    expect(store.getState().save).toEqual({ status: 'conflict', theirs: 6, theirDocument: app });
    store.getState().overwriteFrom(6);
    expect(store.getState()).toMatchObject({ revision: 6, save: { status: 'saved' } });
    expect(hasUnsavedChanges(store.getState())).toBe(true); // the autosave sends mine, naming their revision
    store.getState().published(2);
    expect(store.getState().liveVersion).toBe(2);
  });
});
