import type { RoleDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { diffRoles } from './diff-roles';

const rep: RoleDefinition = {
  id: 'rep',
  label: { en: 'Rep' },
  permissions: [
    { object: 'customer', actions: ['read', 'update'], rows: 'all' },
    { object: 'contract', actions: ['read'], rows: 'own' },
  ],
};

describe('diffRoles (the publish review of who may do what)', () => {
  it('names roles added and removed', () => {
    expect(diffRoles([rep], [{ id: 'finance', label: { en: 'Finance' } }])).toEqual([
      { kind: 'role_added', role: 'finance' },
      { kind: 'role_removed', role: 'rep' },
    ]);
  });

  it('names, per object, actions gained and lost, the new row scope, fields hidden or shown, the form it opens', () => {
    const after: RoleDefinition = {
      ...rep,
      label: { en: 'Sales rep' },
      permissions: [
        { object: 'customer', actions: ['read', 'delete'], rows: 'own', hiddenFields: ['credit'], form: 'customer_quick' },
        { object: 'quote', actions: ['read'], rows: 'all', rowFormula: 'amount > 10' },
      ],
    };
    expect(diffRoles([rep], [after])).toEqual([
      { kind: 'role_changed', role: 'rep', properties: ['label'] },
      { kind: 'role_actions_changed', role: 'rep', object: 'customer', added: ['delete'], removed: ['update'] },
      { kind: 'role_rows_changed', role: 'rep', object: 'customer', from: 'all', to: 'own' },
      { kind: 'role_fields_changed', role: 'rep', object: 'customer', access: 'hidden', added: ['credit'], removed: [] },
      { kind: 'role_form_changed', role: 'rep', object: 'customer', from: '', to: 'customer_quick' },
      { kind: 'role_actions_changed', role: 'rep', object: 'contract', added: [], removed: ['read'] },
      { kind: 'role_actions_changed', role: 'rep', object: 'quote', added: ['read'], removed: [] },
      { kind: 'role_rows_changed', role: 'rep', object: 'quote', from: '', to: 'all & amount > 10' },
    ]);
  });

  it('says nothing for a role that did not change', () => {
    expect(diffRoles([rep], [structuredClone(rep)])).toEqual([]);
  });
});
