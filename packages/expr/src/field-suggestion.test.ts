import type { FieldDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { formatExprError } from './errors';
import { suggestField } from './field-suggestion';
import './messages';

const fields: FieldDefinition[] = [
  { id: 'credit', type: 'currency', label: { en: 'Credit limit', 'zh-CN': '信用额度' } },
  { id: 'discount', type: 'number', label: { en: 'Discount' } },
];

describe('suggestions for an unknown field', () => {
  it('offers the nearest id or label, as it can be typed', () => {
    expect(suggestField('credt', fields)).toBe('credit');
    expect(suggestField('Discont', fields)).toBe('discount');
    expect(suggestField('信用额', fields)).toBe('信用额度');
    expect(suggestField('Credit lim', fields)).toBe('[Credit limit]');
    expect(suggestField('rate', fields)).toBeNull();
  });

  it('adds the suggestion to the error in both languages, keeping the code', () => {
    const result = analyze('credt * 2', { fields });
    expect(result.ok).toBe(false);
    const error = !result.ok ? result.errors[0] : undefined;
    expect(error?.code).toBe('expr.unknown_field');
    expect(error && formatExprError(error, 'en')).toBe('Unknown field credt. Did you mean credit?');
    expect(error && formatExprError(error, 'zh-CN')).toBe('未知字段 credt，是不是 credit？');
    const far = analyze('rate * 2', { fields });
    expect(!far.ok && formatExprError(far.errors[0]!, 'en')).toBe('Unknown field rate');
  });
});
