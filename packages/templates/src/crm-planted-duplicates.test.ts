// Test-only cross-package import: the demo's match rules must find the duplicates planted in its data.
import { findDuplicatePairs, groupPairs, prepareSubject } from '@tessera/dedup';
import type { MatchRule } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { PLANTED_DUPLICATES } from './crm-sample-accounts';
import { generateCrmSampleData } from './crm-sample-data';
import { loadTemplate } from './template-registry';

describe('the demo CRM’s planted duplicates', () => {
  it('are exactly what its match rules find among the customers', () => {
    const customer = loadTemplate('crm')?.document.objects.find((o) => o.id === 'customer');
    const rules = (customer?.matchRules ?? []) as MatchRule[];
    expect(rules.map((r) => r.kind)).toEqual(['exact', 'company_name']);
    for (const seed of [7, 42]) {
      const customers = generateCrmSampleData({ seed, referenceDate: '2025-06-01' })[0]!.records;
      const groups = groupPairs(
        findDuplicatePairs(
          rules,
          customers.map((c) => prepareSubject(rules, c.id, c.values)),
        ),
      );
      expect(groups).toHaveLength(PLANTED_DUPLICATES);
      for (const group of groups) {
        const names = group.ids.map((id) => String(customers.find((c) => c.id === id)!.values.name));
        expect(names[0]).not.toBe(names[1]);
        expect(group.score).toBe(1);
      }
    }
  });
});
