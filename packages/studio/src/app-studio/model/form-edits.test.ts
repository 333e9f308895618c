import { validateDocument } from '@tessera/meta/validate';
import type { AppDocument, FormDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { canDrop, dropOnForm } from './drop-actions';
import { addContainerChild, childrenOf, designedForm, isAlwaysReadOnly, moveNode, removeNode, setAlwaysReadOnly, updateNode } from './form-edits';
import { issueTarget } from './issue-target';

const form: FormDefinition = {
  id: 'customer_form',
  object: 'customer',
  label: { en: 'Customer' },
  nodes: [
    { id: 'a', kind: 'section' },
    { id: 'f_name', kind: 'field', parent: 'a', field: 'name' },
    { id: 'f_phone', kind: 'field', parent: 'a', field: 'phone' },
    { id: 'b', kind: 'section' },
    { id: 'f_city', kind: 'field', parent: 'b', field: 'city' },
  ],
};
const app: AppDocument = {
  id: 'crm',
  label: { en: 'CRM' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      fields: ['name', 'phone', 'city', 'notes'].map((id) => ({ id, type: 'text' as const, label: { en: id } })),
    },
  ],
  forms: [form],
};
const tree = (d: AppDocument) => (designedForm(d, 'customer')?.nodes ?? []).map((n) => `${n.parent ?? '-'}>${n.id}`);

describe('form edits', () => {
  it('reorders within a parent, counting the lifted node out', () => {
    expect(tree(moveNode(app, 'customer_form', 'f_name', { parent: 'a', index: 2 }))).toEqual(['->a', 'a>f_phone', 'a>f_name', '->b', 'b>f_city']);
    expect(tree(moveNode(app, 'customer_form', 'f_phone', { parent: 'a', index: 0 }))).toEqual(['->a', 'a>f_phone', 'a>f_name', '->b', 'b>f_city']);
  });

  it('moves a section with its fields, and nests a field into another section', () => {
    expect(tree(moveNode(app, 'customer_form', 'b', { parent: null, index: 0 }))).toEqual(['->b', 'b>f_city', '->a', 'a>f_name', 'a>f_phone']);
    expect(tree(moveNode(app, 'customer_form', 'f_name', { parent: 'b', index: 1 }))).toEqual(['->a', 'a>f_phone', '->b', 'b>f_city', 'b>f_name']);
  });

  it('refuses a section inside itself, a field inside a field, a tab outside tabs', () => {
    const nested = moveNode(app, 'customer_form', 'a', { parent: 'a', index: 0 });
    expect(nested).toEqual(app);
    expect(canDrop(form, { kind: 'node', nodeId: 'f_city' }, { parent: 'f_name', index: 0 })).toBe(false);
    expect(canDrop(form, { kind: 'new-layout', layout: 'section' }, { parent: 'a', index: 0 })).toBe(true);
    expect(dropOnForm(app, 'customer', { kind: 'field', fieldId: 'name' }, { parent: 'b', index: 0 })).toBeNull(); // already on the form
  });

  it('drops tabs with a first tab and columns with two, then a field into a column', () => {
    const withColumns = dropOnForm(app, 'customer', { kind: 'new-layout', layout: 'columns' }, { parent: 'b', index: 1 });
    expect(tree(withColumns?.document as AppDocument)).toEqual([
      '->a',
      'a>f_name',
      'a>f_phone',
      '->b',
      'b>f_city',
      'b>columns_1',
      'columns_1>column_1',
      'columns_1>column_2',
    ]);
    const placed = dropOnForm(withColumns?.document as AppDocument, 'customer', { kind: 'field', fieldId: 'notes' }, { parent: 'column_2', index: 0 });
    expect(tree(placed?.document as AppDocument).at(-1)).toBe('column_2>f_notes_1');
    const tabs = dropOnForm(app, 'customer', { kind: 'new-layout', layout: 'tabs' }, { parent: null, index: 2 });
    expect(childrenOf(designedForm(tabs?.document as AppDocument, 'customer') as FormDefinition, 'tabs_1').map((n) => n.kind)).toEqual(['tab']);
  });

  it('edits and removes nodes, keeping the fields on the object', () => {
    const labelled = updateNode(app, 'customer_form', 'a', { label: { en: 'Basics', 'zh-CN': '基本信息' } });
    expect(designedForm(labelled, 'customer')?.nodes[0]).toEqual({ id: 'a', kind: 'section', label: { en: 'Basics', 'zh-CN': '基本信息' } });
    const removed = removeNode(app, 'customer_form', 'a');
    expect(tree(removed)).toEqual(['->b', 'b>f_city']);
    expect(removed.objects).toBe(app.objects);
  });

  it('locks a field on the form with one always-true rule, and removes the rule with its last effect', () => {
    const locked = setAlwaysReadOnly(setAlwaysReadOnly(app, 'customer_form', 'name', true), 'customer_form', 'city', true);
    const form = designedForm(locked, 'customer') as FormDefinition;
    expect(form.rules).toEqual([
      {
        id: 'always',
        when: 'TRUE',
        effects: [
          { kind: 'readOnly', field: 'name', value: true },
          { kind: 'readOnly', field: 'city', value: true },
        ],
      },
    ]);
    expect(isAlwaysReadOnly(form, 'name')).toBe(true);
    expect(validateDocument(locked)).toEqual({ ok: true, document: locked }); // the server accepts the rule as written
    const unlocked = setAlwaysReadOnly(setAlwaysReadOnly(locked, 'customer_form', 'name', false), 'customer_form', 'city', false);
    expect(designedForm(unlocked, 'customer')).toEqual(designedForm(app, 'customer'));
  });

  it('adds a tab to tabs and a column to columns', () => {
    const tabs = dropOnForm(app, 'customer', { kind: 'new-layout', layout: 'tabs' }, { parent: null, index: 0 })?.document as AppDocument;
    const more = addContainerChild(tabs, 'customer_form', 'tabs_1');
    expect(childrenOf(designedForm(more, 'customer') as FormDefinition, 'tabs_1').map((n) => [n.id, n.label?.en])).toEqual([
      ['tab_1', 'Tab 1'],
      ['tab_2', 'Tab 2'],
    ]);
    expect(addContainerChild(app, 'customer_form', 'a')).toEqual(app);
  });

  it('makes the form on the first drop, with every field of the object in one section', () => {
    const bare = { ...app, forms: [] };
    const dropped = dropOnForm(bare, 'customer', { kind: 'new-layout', layout: 'section' }, { parent: null, index: 1 });
    expect(tree(dropped?.document as AppDocument)).toEqual(['->main', 'main>f_name', 'main>f_phone', 'main>f_city', 'main>f_notes', '->section_1']);
  });

  it('finds the element a validation problem points at', () => {
    expect(issueTarget(app, '/objects/0/fields/2/target')).toEqual({ selection: { objectId: 'customer', fieldId: 'city', nodeId: null }, tab: 'fields' });
    expect(issueTarget(app, '/forms/0/nodes/2/field')).toEqual({ selection: { objectId: 'customer', fieldId: 'phone', nodeId: 'f_phone' }, tab: 'form' });
    const withDashboard: AppDocument = {
      ...app,
      reports: [{ id: 'by_city', label: { en: 'By city' }, object: 'customer', measures: [{ id: 'n', aggregate: 'count' }] }],
      dashboards: [
        {
          id: 'home',
          label: { en: 'Home' },
          widgets: [
            { id: 'note', kind: 'note' },
            { id: 'cities', kind: 'bar', report: 'by_city' },
          ],
        },
      ],
    };
    const cities = { selection: { objectId: 'customer', fieldId: null, nodeId: null, dashboardId: 'home', widgetId: 'cities' }, tab: 'dashboards' };
    expect(issueTarget(withDashboard, '/reports/0/measures/0/field')).toEqual(cities);
    expect(issueTarget(withDashboard, '/dashboards/0/widgets/1')).toEqual(cities);
    expect(issueTarget(app, '/reports/0')).toBeNull();
    expect(issueTarget(app, '/forms/0/rules/0/when')?.tab).toBe('rules');
    expect(issueTarget(app, '/roles/0/id')).toBeNull();
  });
});
