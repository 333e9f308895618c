import type { AppDocument, ObjectDefinition } from '@tessera/schemas';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { formLayout } from './form-layout';
import { formEngine, plainEngine, toWireValues } from './form-rules';
import { createFormStore, formatErrors, mergeFieldStates, missingRequired, writableValues } from './form-store';
import { ruleInputs } from './rule-inputs';

const label = (en: string) => ({ en });
const deal: ObjectDefinition = {
  id: 'deal',
  label: label('Deal'),
  fields: [
    { id: 'name', type: 'text', label: label('Name'), required: true },
    { id: 'discount', type: 'number', label: label('Discount'), scale: 2 },
    { id: 'reason', type: 'text', label: label('Reason') },
    {
      id: 'tier',
      type: 'select',
      label: label('Tier'),
      options: [
        { value: 'a', label: label('A') },
        { value: 'b', label: label('B') },
        { value: 'c', label: label('C') },
      ],
    },
    { id: 'closes', type: 'date', label: label('Closes') },
    { id: 'note', type: 'text', label: label('Note') },
  ],
};

const app: AppDocument = {
  id: 'sales',
  label: label('Sales'),
  objects: [deal],
  forms: [
    {
      id: 'deal_entry',
      object: 'deal',
      label: label('Deal'),
      nodes: [
        { id: 'main', kind: 'section', label: label('Main') },
        { id: 'cols', kind: 'columns', parent: 'main' },
        { id: 'left', kind: 'column', parent: 'cols' },
        { id: 'n_name', kind: 'field', parent: 'left', field: 'name' },
        { id: 'n_discount', kind: 'field', parent: 'left', field: 'discount' },
        { id: 'n_reason', kind: 'field', parent: 'main', field: 'reason' },
        { id: 'n_tier', kind: 'field', parent: 'main', field: 'tier' },
        { id: 'n_closes', kind: 'field', parent: 'gone', field: 'closes' },
        { id: 'n_note', kind: 'field', parent: 'main', field: 'note', defaultValue: '"from the form"' },
      ],
      rules: [
        { id: 'hide_reason', when: 'TRUE', effects: [{ kind: 'visible', field: 'reason', value: false }] },
        {
          id: 'big_discount',
          when: 'discount > 0.1',
          effects: [
            { kind: 'visible', field: 'reason', value: true },
            { kind: 'required', field: 'reason', value: true },
            { kind: 'options', field: 'tier', values: ['a'] },
            { kind: 'setValue', field: 'tier', formula: '"a"' },
          ],
        },
      ],
    },
  ],
};

const context = () => ({ now: '2026-03-01T08:00:00Z', timeZone: 'Asia/Shanghai', currentUser: null });

describe('form store with the form rules', () => {
  it('applies defaults on create and shows the reason only for a big discount', () => {
    const store = createFormStore(formEngine(app, deal, context, []), {}, 'create');
    expect(store.getState().values.note).toBe('from the form');
    expect(store.getState().fields.reason).toMatchObject({ visible: false, required: false });

    store.getState().setValue('discount', '0.2');
    const state = store.getState();
    expect(state.fields.reason).toMatchObject({ visible: true, required: true });
    expect(state.fields.tier).toEqual({ visible: true, required: false, readOnly: true, options: ['a'] });
    expect(state.values.tier).toBe('a');
    expect(missingRequired(state)).toEqual(['name', 'reason']);
  });

  it('keeps the state object of every field a change did not touch', () => {
    const store = createFormStore(formEngine(app, deal, context, []), {}, 'create');
    const before = store.getState();
    store.getState().setValue('name', 'ACME');
    const after = store.getState();
    expect(after.fields).toBe(before.fields);
    expect(after.values.note).toBe(before.values.note);
    store.getState().setValue('discount', '0.5');
    expect(store.getState().fields.name).toBe(after.fields.name);
    expect(store.getState().fields.reason).not.toBe(after.fields.reason);
  });

  it('leaves hidden fields out of a save and clears a field error when the field is edited', () => {
    const store = createFormStore(formEngine(app, deal, context, []), { reason: 'typed before', discount: '0.5' }, 'create');
    store.getState().setValue('discount', '0.05');
    expect(writableValues(store.getState())).not.toHaveProperty('reason');
    store.getState().setErrors({ name: ['taken'], discount: ['too big'] });
    store.getState().setValue('discount', '0.01');
    expect(store.getState().errors).toEqual({ name: ['taken'] });
    expect(store.getState().dirty).toBe(true);
  });

  it('does not apply defaults on update, and a reset is not a user change', () => {
    const store = createFormStore(formEngine(app, deal, context, []), {}, 'update');
    store.getState().reset({ name: 'Old', closes: dayjs('2026-04-01') }, 'update');
    expect(store.getState().values.note).toBeUndefined();
    expect(store.getState().dirty).toBe(false);
    expect(toWireValues(deal.fields, store.getState().values)).toEqual({ name: 'Old', closes: '2026-04-01' });
  });

  it('falls back to the plain generated form for objects without a form', () => {
    const engine = formEngine({ ...app, forms: [] }, deal, context, []);
    expect(engine.formId).toBeNull();
    const store = createFormStore(engine, {}, 'create');
    expect(store.getState().fields.name).toEqual({ visible: true, required: true, readOnly: false, options: null });
    expect(plainEngine(deal).fields).toHaveLength(deal.fields.length);
  });

  it('reuses the previous map when no field state changed', () => {
    const prev = { a: { visible: true, required: false, readOnly: false, options: ['x'] } };
    expect(mergeFieldStates(prev, { a: { visible: true, required: false, readOnly: false, options: ['x'] } })).toBe(prev);
  });
});

describe('rules run only for the fields they read', () => {
  const form = app.forms?.[0];
  if (!form) throw new Error('fixture has a form');

  it('finds the fields the conditions, setValue formulas and defaults read, and the fields with a default', () => {
    expect([...(ruleInputs(form, deal, app) ?? [])].sort()).toEqual(['discount', 'note']);
  });

  it('does not evaluate for a change no rule reads, and does for one a rule reads', () => {
    const engine = formEngine(app, deal, context, []);
    let runs = 0;
    const counted = {
      ...engine,
      evaluate: (...args: Parameters<typeof engine.evaluate>) => {
        runs += 1;
        return engine.evaluate(...args);
      },
    };
    const store = createFormStore(counted, {}, 'create');
    runs = 0;
    store.getState().setValue('name', 'ACME');
    store.getState().setValue('reason', 'typed');
    expect(runs).toBe(0);
    expect(store.getState().values).toMatchObject({ name: 'ACME', reason: 'typed' });
    store.getState().setValue('discount', '0.5');
    expect(runs).toBe(1);
    expect(store.getState().fields.reason).toMatchObject({ visible: true, required: true });
  });

  it('evaluates on every change when a formula cannot be analyzed', () => {
    const broken = { ...form, rules: [{ id: 'odd', when: 'NOT_A_FUNCTION(name)', effects: [] }] };
    expect(ruleInputs(broken, deal, { ...app, forms: [broken] })).toBeNull();
  });
});

describe('form layout', () => {
  it('nests the flat nodes and keeps orphans at the top', () => {
    const form = app.forms?.[0];
    if (!form) throw new Error('fixture has a form');
    const roots = formLayout(form);
    expect(roots.map((r) => r.node.id)).toEqual(['main', 'n_closes']);
    const main = roots[0];
    expect(main?.children.map((c) => c.node.id)).toEqual(['cols', 'n_reason', 'n_tier', 'n_note']);
    expect(main?.children[0]?.children[0]?.children.map((c) => c.node.field)).toEqual(['name', 'discount']);
  });
});

describe('format checks in the browser', () => {
  const contact: ObjectDefinition = {
    id: 'contact',
    label: label('Contact'),
    fields: [
      { id: 'phone', type: 'phone', label: { en: 'Phone', 'zh-CN': '电话' } },
      { id: 'credit_code', type: 'text', label: label('Credit code'), format: 'cn-uscc' },
      { id: 'email', type: 'email', label: label('Email') },
    ],
  };

  it('marks a field on blur with the server’s message, and lists every broken format before a save', () => {
    const engine = plainEngine(contact);
    const store = createFormStore(engine, {}, 'create');
    store.getState().setValue('phone', '1381234567');
    expect(store.getState().checkFormat('phone', 'zh-CN')).toBe(false);
    expect(store.getState().errors.phone).toEqual(['“电话”格式不正确（应为手机或固定电话号码）']);
    // Spaces and +86 are cleaned as the server cleans them: a valid number, however typed.
    store.getState().setValue('phone', ' +86 138 1234 5678 ');
    expect(store.getState().checkFormat('phone', 'en')).toBe(true);
    expect(store.getState().errors.phone).toBeUndefined();
    store.getState().setValue('credit_code', '91110000600037341X');
    store.getState().setValue('email', 'zhang@@example');
    expect(formatErrors(engine, store.getState(), 'en')).toEqual({
      credit_code: ['"Credit code" is not a valid unified social credit code'],
      email: ['"Email" is not a valid email address'],
    });
    store.getState().setValue('credit_code', '91110000600037341L');
    expect(Object.keys(formatErrors(engine, store.getState(), 'en'))).toEqual(['email']);
  });
  it('shows a valid value as the server will store it when the user leaves the field, and leaves a broken one as typed', () => {
    const store = createFormStore(plainEngine(contact), {}, 'create');
    store.getState().setValue('phone', ' +86 138 1234 5678 ');
    store.getState().showStored('phone');
    expect(store.getState().values.phone).toBe('13812345678');
    store.getState().setValue('email', ' Zhang@Example.COM ');
    store.getState().showStored('email');
    expect(store.getState().values.email).toBe('zhang@example.com');
    store.getState().setValue('credit_code', '９１１１００００６０００３７３４１ｌ');
    store.getState().showStored('credit_code');
    expect(store.getState().values.credit_code).toBe('91110000600037341L');
    // Only spaces is blank, as the server reads it.
    store.getState().setValue('email', '   ');
    store.getState().showStored('email');
    expect(store.getState().values.email).toBeNull();
  });

  it('changes nothing, and marks nothing unsaved, when the value is already as stored', () => {
    const store = createFormStore(plainEngine(contact), { phone: '13812345678' }, 'update');
    store.getState().showStored('phone');
    expect(store.getState().values.phone).toBe('13812345678');
    expect(store.getState().dirty).toBe(false);
  });
});
