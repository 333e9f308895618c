import type { ObjectDefinition } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { displayAs } from '../format/field-format';
import { pickKeyFacts } from './key-facts';

const option = (value: string) => ({ value, label: { en: value } });

const customer: ObjectDefinition = {
  id: 'customer',
  label: { en: 'Customer' },
  displayField: 'name',
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name' } },
    { id: 'industry', type: 'select', options: [option('it')], label: { en: 'Industry' } },
    { id: 'region_code', type: 'select', options: [option('east')], label: { en: 'Region' } },
    { id: 'tier', type: 'select', options: [option('a')], label: { en: 'Tier' } },
    { id: 'annual_revenue', type: 'currency', label: { en: 'Revenue' } },
    { id: 'status', type: 'select', options: [option('active')], label: { en: 'Status' } },
    { id: 'bank_account', type: 'text', encrypted: true, label: { en: 'Bank account' } },
    { id: 'visit_count', type: 'formula', formula: 'COUNT(visits)', resultType: 'number', label: { en: 'Visits' } },
    { id: 'opportunity_total', type: 'formula', formula: 'SUM(opportunities.amount)', resultType: 'currency', label: { en: 'Pipeline' } },
    { id: 'summary', type: 'formula', formula: '"x"', resultType: 'text', label: { en: 'Summary' } },
  ],
};

describe('key facts in the record page header', () => {
  it('takes the telling selects first, then the rollups before stored amounts', () => {
    expect(pickKeyFacts(customer).map((f) => f.id)).toEqual(['status', 'tier', 'industry', 'visit_count', 'opportunity_total']);
  });

  it('falls back to the first selects and plain amounts, never the title or encrypted fields', () => {
    const plain: ObjectDefinition = {
      ...customer,
      fields: customer.fields.filter((f) => ['name', 'region_code', 'annual_revenue', 'bank_account'].includes(f.id)),
    };
    expect(pickKeyFacts(plain).map((f) => f.id)).toEqual(['region_code', 'annual_revenue']);
  });

  it('shows a formula as the type it produces, counts without decimals', () => {
    const [count, total] = ['visit_count', 'opportunity_total'].map((id) => displayAs(customer.fields.find((f) => f.id === id)!));
    expect(count).toMatchObject({ type: 'number', scale: 0 });
    expect(total?.type).toBe('currency');
    expect(total?.scale).toBeUndefined();
    expect(displayAs(customer.fields[0]!)).toBe(customer.fields[0]);
  });
});
