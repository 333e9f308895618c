import type { FormDefinition, ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { buildLayout, type LayoutItem } from './form-layout';

const customer: ObjectDefinition = {
  id: 'customer',
  label: { en: 'Customer' },
  displayField: 'name',
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name' } },
    { id: 'phone', type: 'phone', label: { en: 'Phone' } },
    { id: 'email', type: 'email', label: { en: 'Email' } },
    { id: 'visits', type: 'related_list', target: 'visit', via: 'customer', label: { en: 'Visits' } },
    { id: 'visit_count', type: 'formula', formula: 'COUNT(visits)', resultType: 'number', label: { en: 'Visits' } },
  ],
};

const form = (nodes: FormDefinition['nodes']): FormDefinition => ({ id: 'customer_form', object: 'customer', label: { en: 'Customer' }, nodes });

/** The tree as `kind:id(children)` text: easy to read in a failing assertion. */
function shape(items: readonly LayoutItem[]): string {
  return items.map((i) => (i.kind === 'field' ? i.field.id : `${i.kind}:${i.id}(${shape(i.children)})`)).join(' ');
}

describe('record page layout from the flat form nodes', () => {
  it('nests sections, columns and tabs by parent, in node order', () => {
    const layout = buildLayout(
      customer,
      form([
        { id: 'basic', kind: 'section', label: { en: 'Basic' } },
        { id: 'f1', kind: 'field', parent: 'basic', field: 'name' },
        { id: 'cols', kind: 'columns', parent: 'basic' },
        { id: 'left', kind: 'column', parent: 'cols' },
        { id: 'right', kind: 'column', parent: 'cols' },
        { id: 'f2', kind: 'field', parent: 'right', field: 'email' },
        { id: 'f3', kind: 'field', parent: 'left', field: 'phone' },
        { id: 'more', kind: 'section' },
        { id: 'tabs', kind: 'tabs', parent: 'more' },
        { id: 'tab1', kind: 'tab', parent: 'tabs', label: { en: 'Numbers' } },
        { id: 'f4', kind: 'field', parent: 'tab1', field: 'visit_count' },
      ]),
    );
    expect(shape(layout)).toBe('section:basic(name columns:cols(column:left(phone) column:right(email))) section:more(tabs:tabs(tab:tab1(visit_count)))');
    expect(layout[0]?.label).toEqual({ en: 'Basic' });
  });

  it('drops unknown fields and related lists, prunes empty containers, keeps orphans at the top', () => {
    const layout = buildLayout(
      customer,
      form([
        { id: 'a', kind: 'section' },
        { id: 'gone', kind: 'field', parent: 'a', field: 'deleted_field' },
        { id: 'list', kind: 'field', parent: 'a', field: 'visits' },
        { id: 'b', kind: 'section', parent: 'no_such_parent' },
        { id: 'f', kind: 'field', parent: 'b', field: 'name' },
      ]),
    );
    expect(shape(layout)).toBe('section:b(name)');
  });

  it('gathers top-level fields into unlabelled sections between the designed ones', () => {
    const layout = buildLayout(
      customer,
      form([
        { id: 'f1', kind: 'field', field: 'name' },
        { id: 'f2', kind: 'field', field: 'phone' },
        { id: 's', kind: 'section' },
        { id: 'f3', kind: 'field', parent: 's', field: 'email' },
      ]),
    );
    expect(shape(layout)).toBe('section:__loose0(name phone) section:s(email)');
  });

  it('survives a parent cycle', () => {
    const layout = buildLayout(
      customer,
      form([
        { id: 'a', kind: 'section', parent: 'b' },
        { id: 'b', kind: 'section', parent: 'a' },
        { id: 'f', kind: 'field', parent: 'a', field: 'name' },
      ]),
    );
    expect(shape(layout)).toBe('section:__all(name phone email visit_count)');
  });

  it('falls back to every field but related lists without a form for the object', () => {
    expect(shape(buildLayout(customer, null))).toBe('section:__all(name phone email visit_count)');
    expect(buildLayout(customer, form([]))[0]?.label).toBeUndefined();
  });
});
