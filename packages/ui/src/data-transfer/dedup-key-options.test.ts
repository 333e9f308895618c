import { describe, expect, it } from 'vitest';
import { dedupKeyOptions, dedupKeyPlan, ruleKeyValue } from './dedup-key-options';
import type { ImportPreview } from './imports-api';

const preview = {
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name' }, required: true },
    { id: 'phone', type: 'phone', label: { en: 'Phone' }, required: false },
    { id: 'amount', type: 'currency', label: { en: 'Amount' }, required: false },
    { id: 'uscc', type: 'text', label: { en: 'Credit code' }, required: false },
  ],
  matchRules: [
    { id: 'credit', kind: 'exact', fields: ['uscc'] },
    { id: 'company', kind: 'company_name', nameField: 'name', contactFields: ['phone', 'email'] },
  ],
} as unknown as ImportPreview;

describe('the wizard’s dedup keys', () => {
  it('offers mapped text-like fields and the rules the mapped columns fill', () => {
    const options = dedupKeyOptions(preview, { 0: 'name', 1: 'phone', 2: 'amount' });
    expect(options.fields.map((f) => f.id)).toEqual(['name', 'phone']);
    expect(options.rules.map((r) => r.id)).toEqual(['company']);
    expect(dedupKeyOptions(preview, { 0: 'name', 3: 'uscc' }).rules.map((r) => r.id)).toEqual(['credit']);
  });

  it('a rule and a field of the same id stay apart in the plan', () => {
    expect(dedupKeyPlan(ruleKeyValue(preview.matchRules[0]!))).toEqual({ rule: 'credit' });
    expect(dedupKeyPlan('credit')).toEqual({ field: 'credit' });
  });
});
