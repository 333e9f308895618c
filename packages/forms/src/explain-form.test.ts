import { describe, expect, it } from 'vitest';
import { evaluateForm } from './evaluate-form';
import { explainForm } from './explain-form';
import { CONTEXT, compiledCustomerForm } from './test-fixtures';

const form = compiledCustomerForm();
const update = { ...CONTEXT, mode: 'update' as const };

describe('explainForm', () => {
  it('names the rule that hides, requires or locks each field, the last holding rule winning', () => {
    expect(explainForm(form, { kind: 'person' }, update).reasons).toEqual([{ field: 'uscc', state: 'hidden', rule: 'start' }]);
    expect(explainForm(form, { kind: 'company', amount: '200000', vip: true }, update).reasons).toEqual([
      { field: 'id_number', state: 'hidden', rule: 'company' },
      { field: 'uscc', state: 'required', rule: 'company' },
      { field: 'level', state: 'readOnly', rule: 'big' },
      { field: 'discount', state: 'readOnly', rule: 'vip' },
    ]);
  });

  it('gives no reason for a state the field has of itself (required name, auto number), and the same state as evaluateForm', () => {
    const input = { kind: 'company', name: 'Acme' };
    const { state, reasons } = explainForm(form, input, update);
    expect(reasons.map((r) => r.field)).not.toContain('name');
    expect(reasons.map((r) => r.field)).not.toContain('code');
    expect(state).toEqual(evaluateForm(form, input, update));
  });
});
