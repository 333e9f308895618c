import { describe, expect, it } from 'vitest';
import { evaluateForm } from './evaluate-form';
import { CONTEXT, compiledCustomerForm } from './test-fixtures';

const form = compiledCustomerForm();

describe('evaluateForm', () => {
  it('starts from the field settings, applies defaults on create and static rules', () => {
    const state = evaluateForm(form, { name: 'Ann', kind: 'person' }, CONTEXT);
    expect(state.visible.uscc).toBe(false);
    expect(state.visible.id_number).toBe(true);
    expect(state.required).toMatchObject({ name: true, uscc: false });
    expect(state.readOnly).toMatchObject({ code: true, discount: false });
    expect(state.options.tags).toEqual(['x', 'y', 'z']);
    expect(state.values.note).toBe('new person');
    expect([...state.computed]).toEqual(['note']);
  });

  it('applies later rules over earlier ones (last rule wins)', () => {
    const state = evaluateForm(form, { kind: 'company' }, CONTEXT);
    expect(state.visible).toMatchObject({ uscc: true, id_number: false });
    expect(state.required.uscc).toBe(true);
  });

  it('never reports a hidden field as required', () => {
    const state = evaluateForm(form, { kind: 'person' }, CONTEXT);
    expect(state.required.uscc).toBe(false);
  });

  it('sets values with exact decimals and makes the target read-only while the rule holds', () => {
    expect(evaluateForm(form, { amount: '2000000.00' }, CONTEXT).values.level).toBe('a');
    const state = evaluateForm(form, { amount: '100000.01', level: 'c' }, CONTEXT);
    expect(state.values.level).toBe('b');
    expect(state.readOnly.level).toBe(true);
    expect(evaluateForm(form, { amount: '100000', level: 'c' }, CONTEXT).values.level).toBe('c');
  });

  it('narrows options and read-only while a yes/no field is on, and treats blank as not holding', () => {
    expect(evaluateForm(form, { vip: true }, CONTEXT)).toMatchObject({ options: { tags: ['x', 'y'] }, readOnly: { discount: true } });
    expect(evaluateForm(form, { vip: null }, CONTEXT).readOnly.discount).toBe(false);
  });

  it('keeps the stored values and skips defaults on update', () => {
    expect(evaluateForm(form, { name: 'Ann' }, { ...CONTEXT, mode: 'update' }).values.note).toBeUndefined();
  });

  it('never copies keys outside the object fields, such as __proto__', () => {
    const input = JSON.parse('{"__proto__": {"polluted": 1}, "name": "x"}') as Record<string, unknown>;
    const state = evaluateForm(form, input, CONTEXT);
    expect(Object.keys(state.values)).toEqual(['name', 'note']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is deterministic: the same input and context give the same state', () => {
    const input = { kind: 'company', amount: '123456.789', vip: true, tags: ['x'] };
    expect(evaluateForm(form, input, CONTEXT)).toEqual(evaluateForm(form, input, CONTEXT));
  });
});
