import { describe, expect, it } from 'vitest';
import { COMPANY_RULES, generateCompanies, measureDedup } from './testing';

describe('duplicate detection on generated companies with known duplicates and hard negatives', () => {
  for (const seed of [1, 2, 3]) {
    it(`finds ≥ 95 % of the duplicates at ≥ 99 % precision (seed ${seed})`, () => {
      const data = generateCompanies({ seed, companies: 1500 });
      const figures = measureDedup(COMPANY_RULES, data);
      expect(figures.truePairs).toBeGreaterThan(300);
      expect(figures.hardNegatives).toBeGreaterThan(300);
      expect(figures.recall).toBeGreaterThanOrEqual(0.95);
      expect(figures.precision).toBeGreaterThanOrEqual(0.99);
    });
  }

  it('counts the hard negatives a looser threshold lets through: they share a switchboard and a brand', () => {
    const data = generateCompanies({ seed: 1, companies: 1500 });
    const nameOnly = COMPANY_RULES.map((rule) => (rule.kind === 'company_name' ? { ...rule, threshold: 0.3 } : rule));
    expect(measureDedup(nameOnly, data).hardNegativesMatched).toBeGreaterThan(10);
  });
});
