import { describe, expect, it } from 'vitest';
import { generateCrmSampleData } from './crm-sample-data';

/**
 * The demo's stage histories and targets: what its funnel, time in stage and revenue against
 * target widgets are computed from on first start.
 */

const REFERENCE = '2026-06-15';
const batches = generateCrmSampleData({ seed: 7, referenceDate: REFERENCE, owners: 2 });
const opportunities = batches.find((b) => b.object === 'opportunity')?.records ?? [];
const targets = batches.find((b) => b.object === 'sales_target')?.records ?? [];
const ORDER = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

describe('crm sample stage histories', () => {
  it('take every deal through stages in funnel order, ending at its stage, with each move days after the one before', () => {
    for (const deal of opportunities) {
      const path = deal.path ?? [];
      expect(path.length, deal.id).toBeGreaterThan(0);
      expect(path.at(-1)?.values).toMatchObject({ stage: deal.values.stage, probability: deal.values.probability });
      const stages = path.map((s) => ORDER.indexOf(String(s.values.stage)));
      expect(stages, deal.id).toEqual([...stages].sort((a, b) => a - b));
      const times = path.map((s) => Date.parse(s.at));
      for (let i = 1; i < times.length; i += 1) expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(3 * 86_400_000);
      expect(times.at(-1) as number).toBeLessThan(Date.parse(`${REFERENCE}T00:00:00Z`) + 86_400_000);
      if (deal.values.closed_at) expect(path.at(-1)?.at).toBe(deal.values.closed_at);
    }
  });

  it('narrow like a funnel: more deals were ever leads than ever reached a proposal, more than were won', () => {
    const reached = (stage: string) => opportunities.filter((d) => d.path?.some((s) => s.values.stage === stage)).length;
    expect(reached('lead')).toBeGreaterThan(reached('proposal'));
    expect(reached('proposal')).toBeGreaterThan(reached('won'));
    expect(reached('won')).toBeGreaterThan(0);
    // Some deals skipped a stage, so "in order" counts fewer than "reached".
    expect(opportunities.some((d) => d.path?.[0]?.values.stage !== 'lead')).toBe(true);
  });
});

describe('crm sample targets', () => {
  it('give each sample owner a monthly target for the past year, this month and the next two', () => {
    for (const owner of [0, 1]) {
      const own = targets.filter((t) => t.owner === owner);
      expect(own.map((t) => t.values.month)).toContain('2026-06-01');
      expect(own).toHaveLength(15);
      expect(new Set(own.map((t) => t.values.month)).size).toBe(15);
      for (const t of own) expect(Number(t.values.amount)).toBeGreaterThan(0);
    }
    expect(targets.every((t) => /^\d{4}-\d{2}-01$/.test(String(t.values.month)))).toBe(true);
  });
});
