import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { filterableFields, filterKind, pathFilterField } from './filter-fields';
import { operatorsFor, valueShape } from './filter-operators';

const FULL = { actions: ['read' as const], hiddenFields: [], readOnlyFields: [] };

const customer: ObjectDefinition = {
  id: 'customer',
  label: { en: 'Customer' },
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name' } },
    { id: 'id_number', type: 'text', label: { en: 'ID number' }, encrypted: true },
    { id: 'level', type: 'select', label: { en: 'Level' }, options: [{ value: 'a', label: { en: 'A' } }] },
    { id: 'tags', type: 'multi_select', label: { en: 'Tags' }, options: [{ value: 'x', label: { en: 'X' } }] },
    { id: 'credit', type: 'currency', label: { en: 'Credit' } },
    { id: 'since', type: 'date', label: { en: 'Since' } },
    { id: 'last_call', type: 'datetime', label: { en: 'Last call' } },
    { id: 'vip', type: 'checkbox', label: { en: 'VIP' } },
    { id: 'owner', type: 'user', label: { en: 'Owner' } },
    { id: 'parent', type: 'relation', target: 'customer', label: { en: 'Parent' } },
    { id: 'contract', type: 'attachment', label: { en: 'Contract' } },
    { id: 'area', type: 'region', label: { en: 'Area' } },
    { id: 'lines', type: 'child_table', target: 'line', label: { en: 'Lines' } },
    { id: 'visits', type: 'related_list', target: 'visit', via: 'customer', label: { en: 'Visits' } },
    { id: 'visit_count', type: 'formula', formula: 'COUNT(visits)', resultType: 'number', label: { en: 'Visits' } },
    { id: 'margin', type: 'formula', formula: 'credit * 2', resultType: 'currency', label: { en: 'Margin' } },
    { id: 'is_big', type: 'formula', formula: 'credit > 10', resultType: 'boolean', label: { en: 'Big' } },
  ],
};

const kinds = (object: ObjectDefinition, hidden: string[] = [], rollups: string[] = []) =>
  Object.fromEntries(filterableFields(object, { ...FULL, hiddenFields: hidden }, rollups).map((f) => [f.id, f.kind]));

describe('which fields the filter builder offers', () => {
  it('gives each field a kind from its stored type; ciphertext only as empty or not', () => {
    expect(kinds(customer)).toEqual({
      name: 'text',
      id_number: 'presence',
      level: 'select',
      tags: 'multi_select',
      credit: 'number',
      since: 'date',
      last_call: 'datetime',
      vip: 'checkbox',
      owner: 'user',
      parent: 'relation',
      contract: 'presence',
      area: 'region',
      visit_count: 'number',
      margin: 'number',
      is_big: 'checkbox',
      owner_id: 'user',
      department_id: 'department',
      created_at: 'datetime',
      updated_at: 'datetime',
    });
  });

  it('leaves out hidden fields, rollups and fields without a column', () => {
    const offered = Object.keys(kinds(customer, ['credit', 'name'], ['visit_count']));
    expect(offered).not.toContain('credit');
    expect(offered).not.toContain('name');
    expect(offered).not.toContain('visit_count');
    expect(offered).not.toContain('lines');
    expect(offered).not.toContain('visits');
    expect(filterKind({ id: 'lines', type: 'child_table', label: { en: 'L' } })).toBeNull();
  });
});

describe('operators per kind', () => {
  it('offers the operators that fit, in the order users look for them', () => {
    expect(operatorsFor('text')).toEqual(['contains', 'eq', 'ne', 'starts_with', 'is_empty', 'is_not_empty']);
    expect(operatorsFor('select')).toEqual(['in', 'ne', 'is_empty', 'is_not_empty']);
    expect(operatorsFor('presence')).toEqual(['is_empty', 'is_not_empty']);
    expect(operatorsFor('region')).toEqual(['within', 'is_empty', 'is_not_empty']);
    expect(operatorsFor('datetime')).not.toContain('eq');
    expect(operatorsFor('checkbox')).toEqual(['eq', 'ne']);
  });

  it('uses together, across the kinds, all thirteen operators of the API', () => {
    const all = new Set(
      (['text', 'number', 'date', 'datetime', 'select', 'multi_select', 'user', 'relation', 'checkbox', 'region', 'presence'] as const).flatMap(operatorsFor),
    );
    expect([...all].sort()).toEqual(['between', 'contains', 'eq', 'gt', 'gte', 'in', 'is_empty', 'is_not_empty', 'lt', 'lte', 'ne', 'starts_with', 'within']);
  });

  it('shapes the value input by operator', () => {
    expect(valueShape('number', 'between')).toBe('range');
    expect(valueShape('select', 'in')).toBe('many');
    expect(valueShape('text', 'is_empty')).toBe('none');
    expect(valueShape('checkbox', 'eq')).toBe('none');
    expect(valueShape('date', 'gt')).toBe('one');
    expect(valueShape('region', 'within')).toBe('one');
  });
});

describe('a condition on a related record’s field (a drill-down on a joined key)', () => {
  it('shows the leaf field, named along the path, and nothing for a path that is not one', () => {
    const fields = filterableFields(customer, FULL, []);
    const found = pathFilterField(fields, [customer], 'parent.level');
    expect(found?.kind).toBe('select');
    expect(found?.field?.label.en).toBe('Parent › Level');
    expect(found?.field?.options?.[0]?.value).toBe('a');
    expect(pathFilterField(fields, [customer], 'parent.nothing')).toBeNull();
    expect(pathFilterField(fields, [customer], 'name.level')).toBeNull();
    expect(pathFilterField(fields, [customer], 'level')).toBeNull();
  });
});

describe('the dormant filter', () => {
  it('is offered, as a yes/no, only on an object with a dormancy rule', () => {
    const ids = (object: ObjectDefinition) => filterableFields(object, FULL, []).filter((f) => f.id === '_dormant');
    expect(ids(customer)).toEqual([]);
    expect(ids({ ...customer, quality: { dormantAfterDays: 90 } })).toEqual([{ id: '_dormant', kind: 'checkbox', field: null }]);
  });
});
