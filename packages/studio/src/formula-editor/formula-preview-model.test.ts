import type { FieldDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { displayValue, fitsExpected, type PreviewInput, previewFormula } from './formula-preview-model';

const fields = [
  { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' } },
  { id: 'credit', type: 'currency', label: { en: 'Credit limit', 'zh-CN': '信用额度' }, currency: 'CNY', scale: 2, precision: 18 },
] as FieldDefinition[];

const base: PreviewInput = {
  source: '',
  options: { fields },
  locale: 'en',
  context: { now: '2026-01-01T00:00:00Z', timeZone: 'Asia/Shanghai' },
  sampleRecord: { name: 'Acme', credit: '250.50' },
};

describe('formula preview', () => {
  it('is empty for blank text', () => {
    expect(previewFormula({ ...base, source: '  ' })).toEqual({ kind: 'empty' });
  });

  it('evaluates against the sample record, by label in either language', () => {
    const preview = previewFormula({ ...base, source: 'IF([Credit limit] > 100, "big", "small")' });
    expect(preview).toMatchObject({ kind: 'value', type: 'text', value: 'big', text: '"big"', mismatch: null });
    expect(previewFormula({ ...base, source: '[信用额度] * 2', locale: 'zh-CN' })).toMatchObject({
      kind: 'value',
      type: 'currency',
      text: '501',
      typeLabel: '金额',
    });
  });

  it('shows the first error in the chosen language', () => {
    expect(previewFormula({ ...base, source: '[Nope] + 1' })).toEqual({ kind: 'error', message: 'Unknown field Nope' });
    expect(previewFormula({ ...base, source: '[Nope] + 1', locale: 'zh-CN' })).toEqual({ kind: 'error', message: '未知字段 Nope' });
  });

  it('checks the type only without a sample, and flags an unexpected type', () => {
    const preview = previewFormula({ ...base, source: 'LEN(name)', sampleRecord: null, expectedType: 'boolean' });
    expect(preview).toMatchObject({ kind: 'typed', type: 'number', mismatch: 'Expected true/false, the formula gives a number' });
  });

  it('displays values by type', () => {
    expect(displayValue(null, 'number', 'zh-CN')).toBe('（空）');
    expect(displayValue(true, 'boolean', 'en')).toBe('TRUE');
    expect(displayValue(['a', 'b'], 'list', 'en')).toBe('a, b');
    expect(displayValue('', 'text', 'en')).toBe('""');
    expect(fitsExpected('currency', 'number')).toBe(true);
    expect(fitsExpected('number', 'currency')).toBe(false);
  });
});
