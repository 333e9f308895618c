import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import type { ObjectAccess } from '../api/types';
import { formEngine, plainEngine } from '../form-runtime/form-rules';
import { createFormStore, writableValues } from '../form-runtime/form-store';
import { readOnlyByAccess, withFieldAccess } from './field-access';
import { toRecordValues } from './form-values';

const label = (en: string) => ({ en });
const customer: ObjectDefinition = {
  id: 'customer',
  label: label('Customer'),
  fields: [
    { id: 'name', type: 'text', label: label('Name'), required: true },
    {
      id: 'tier',
      type: 'select',
      label: label('Tier'),
      options: [
        { value: 'a', label: label('A') },
        { value: 'b', label: label('B') },
      ],
    },
    { id: 'credit', type: 'currency', label: label('Credit'), required: true },
    { id: 'phone', type: 'phone', label: label('Phone') },
  ],
};
/** A rule that would show the phone and lock the tier: access still wins where it is stricter. */
const app: AppDocument = {
  id: 'crm',
  label: label('CRM'),
  objects: [customer],
  forms: [
    {
      id: 'customer_form',
      object: 'customer',
      label: label('Customer'),
      nodes: ['name', 'tier', 'credit', 'phone'].map((field) => ({ id: `n_${field}`, kind: 'field' as const, field })),
      rules: [
        { id: 'phone_shown', when: 'TRUE', effects: [{ kind: 'visible', field: 'phone', value: true }] },
        { id: 'a_tier_locked', when: 'tier = "a"', effects: [{ kind: 'readOnly', field: 'tier', value: true }] },
      ],
    },
  ],
};
const context = () => ({ now: '2026-11-23T08:00:00Z', timeZone: 'Asia/Shanghai', currentUser: null });
const access: ObjectAccess = { actions: ['create', 'read', 'update'], hiddenFields: ['phone'], readOnlyFields: ['credit', 'phone'] };

describe('field access in the drawer’s form', () => {
  it('locks read-only fields and hides hidden ones on top of the rules, and leaves the rest to them', () => {
    const engine = withFieldAccess(formEngine(app, customer, context, []), access);
    const { fields } = engine.evaluate({ tier: 'b' }, 'update');
    expect(fields.credit).toMatchObject({ visible: true, readOnly: true, required: true });
    expect(fields.phone).toMatchObject({ visible: false });
    expect(fields.name).toMatchObject({ visible: true, readOnly: false });
    expect(fields.tier?.readOnly).toBe(false);
    expect(engine.evaluate({ tier: 'a' }, 'update').fields.tier?.readOnly).toBe(true);
    expect(engine.formId).toBe('customer_form');
  });

  it('changes nothing for a role without restrictions', () => {
    const engine = plainEngine(customer);
    expect(withFieldAccess(engine, { hiddenFields: [], readOnlyFields: [] })).toBe(engine);
  });

  it('refuses typing into a locked field and never sends its value, even one a draft brought back', () => {
    const store = createFormStore(withFieldAccess(plainEngine(customer), access), {}, 'create');
    store.getState().setValue('credit', '5000');
    expect(store.getState().values.credit).toBeUndefined();
    // As a resumed draft does: values from outside, the credit among them.
    store.getState().reset({ name: 'Acme', credit: '5000', tier: 'b' }, 'create', true);
    const payload = toRecordValues(customer, writableValues(store.getState(), readOnlyByAccess(access)), null);
    expect(payload).toEqual({ name: 'Acme', tier: 'b' });
  });

  it("applies an approval step's permissions: only what it lets the approver fill is open, and what it requires is required", () => {
    const step = { hiddenFields: ['credit'], readOnlyFields: ['name', 'tier'], requiredFields: ['phone'] };
    const { fields } = withFieldAccess(formEngine(app, customer, context, []), step).evaluate({ tier: 'b' }, 'update');
    expect(fields.phone).toMatchObject({ visible: true, readOnly: false, required: true });
    expect(fields.credit).toMatchObject({ visible: false });
    expect(fields.name).toMatchObject({ readOnly: true });
  });
});
