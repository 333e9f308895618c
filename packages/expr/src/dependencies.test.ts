import type { FieldDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { analyze, checkComputedFields, dependenciesOf } from './index';
import { RELATED, SAMPLE_FIELDS } from './test-fixtures';

const formula = (id: string, source: string): FieldDefinition => ({
  id,
  type: 'formula',
  label: { en: id.toUpperCase() },
  formula: source,
  resultType: 'number',
});

describe('dependenciesOf', () => {
  it('lists field ids (labels resolved) and fields read through child tables', () => {
    const result = analyze('[金额] * qty + SUM(lines.amount) + COUNT(lines) + qty', { fields: SAMPLE_FIELDS, relatedFields: RELATED });
    if (!result.ok) throw new Error('analyze failed');
    expect(dependenciesOf(result.formula)).toEqual({
      fields: ['amount', 'qty', 'lines'],
      related: [
        { relation: 'lines', field: 'amount' },
        { relation: 'lines', field: null },
      ],
    });
  });
});

describe('checkComputedFields', () => {
  it('orders formula fields after the formula fields they read', () => {
    const fields = [...SAMPLE_FIELDS, formula('total', 'subtotal * 1.13'), formula('subtotal', 'qty * 2')];
    expect(checkComputedFields(fields, RELATED)).toEqual({ order: ['subtotal', 'total'], errors: [] });
  });

  it('reports a cycle once, at the reference that closes it', () => {
    const fields = [...SAMPLE_FIELDS, formula('a', 'qty + b'), formula('b', 'c * 2'), formula('c', 'a - 1'), formula('d', 'qty')];
    const report = checkComputedFields(fields, RELATED);
    expect(report.order).toEqual(['d']);
    expect(report.errors).toEqual([{ fieldId: 'a', error: { code: 'expr.cycle', range: { start: 6, end: 7 }, params: { path: 'a → b → c → a' } } }]);
  });

  it('reports a field that reads itself, and errors inside formulas', () => {
    const report = checkComputedFields([...SAMPLE_FIELDS, formula('s', 's + 1'), formula('bad', 'FOO()')], RELATED);
    expect(report.errors.map((e) => [e.fieldId, e.error.code])).toEqual([
      ['bad', 'expr.unknown_function'],
      ['s', 'expr.cycle'],
    ]);
  });
});
