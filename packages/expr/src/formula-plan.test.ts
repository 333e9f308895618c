import type { FieldDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { computeFormulas, planFormulas } from './formula-plan';

const label = { en: 'x' };
const line: FieldDefinition[] = [
  { id: 'qty', type: 'number', label },
  { id: 'price', type: 'currency', label },
  { id: 'amount', type: 'formula', label, formula: 'ROUND(qty * price, 2)', resultType: 'currency' },
];
const quote: FieldDefinition[] = [
  // Declared before what it reads: the plan runs it after.
  { id: 'net', type: 'formula', label, formula: 'ROUND(gross * (1 - COALESCE(discount, 0)), 2)', resultType: 'currency' },
  { id: 'gross', type: 'formula', label, formula: 'SUM(lines.amount)', resultType: 'currency' },
  { id: 'discount', type: 'percent', label },
  { id: 'name', type: 'text', label },
  { id: 'lines', type: 'child_table', label, target: 'line' },
  { id: 'visits', type: 'formula', label, formula: 'COUNT(lines)', resultType: 'number' },
];
const related = { line };
const context = { now: '2026-12-03T00:00:00Z', timeZone: 'Asia/Shanghai' };

describe('an object’s formula plan', () => {
  it('runs formulas after the ones they read, and names what can change them', () => {
    const plan = planFormulas(quote, related);
    const order = plan.steps.map((s) => s.field.id);
    expect([...order].sort()).toEqual(['gross', 'net', 'visits']);
    expect(order.indexOf('gross')).toBeLessThan(order.indexOf('net'));
    expect([...plan.reads].sort()).toEqual(['discount', 'lines']);
    expect(plan.aggregated).toEqual(['lines']);
  });

  it('computes a record with its lines, the lines’ own formulas first, exactly', () => {
    const linePlan = planFormulas(line, related);
    const rows: Record<string, unknown>[] = [
      { qty: '3', price: '0.10' },
      { qty: '2', price: '19.99' },
    ].map((row) => ({ ...row, ...computeFormulas(linePlan, row, context) }));
    expect(rows.map((r) => r.amount)).toEqual(['0.3', '39.98']);
    expect(computeFormulas(planFormulas(quote, related), { discount: '0.1', lines: rows }, context)).toEqual({ gross: '40.28', net: '36.25', visits: '2' });
  });

  it('leaves out what it is told to (rollups the server computes on read) and objects without formulas', () => {
    expect(
      planFormulas(quote, related, new Set(['visits']))
        .steps.map((s) => s.field.id)
        .sort(),
    ).toEqual(['gross', 'net']);
    expect(planFormulas(line.slice(0, 2), related)).toEqual({ steps: [], reads: [], aggregated: [] });
  });
});
