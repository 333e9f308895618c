import { generateContacts, generateCustomers, generateVisits } from './crm-sample-accounts';
import { generateContracts, generateOpportunities, generateQuotes } from './crm-sample-sales';
import { generateTargets } from './crm-sample-targets';
import { clockFor } from './sample-values';
import type { SampleBatch, SampleDataOptions } from './template';

/** Record counts at scale 1: enough for every list, chart and KPI of the demo to look alive. */
export const CRM_SAMPLE_COUNTS = {
  customer: 200,
  contact: 500,
  opportunity: 400,
  visit: 600,
  contract: 80,
  quote: 60,
} as const;

/**
 * The CRM demo records, in dependency order: every relation points at a record of an earlier
 * batch, so an importer can insert batch by batch without deferring foreign keys.
 */
export function generateCrmSampleData(options: SampleDataOptions): SampleBatch[] {
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a positive number, got ${scale}`);
  const count = (base: number): number => Math.max(1, Math.round(base * scale));
  const context = { seed: options.seed, clock: clockFor(options.referenceDate) };
  const customers = generateCustomers(context, count(CRM_SAMPLE_COUNTS.customer));
  const contacts = generateContacts(context, customers.facts, count(CRM_SAMPLE_COUNTS.contact));
  const opportunities = generateOpportunities(context, customers.facts, count(CRM_SAMPLE_COUNTS.opportunity));
  const visits = generateVisits(context, customers.facts, count(CRM_SAMPLE_COUNTS.visit));
  const contracts = generateContracts(context, opportunities.facts, customers.facts, count(CRM_SAMPLE_COUNTS.contract));
  const quotes = generateQuotes(context, opportunities.facts, count(CRM_SAMPLE_COUNTS.quote));
  const targets = generateTargets(context, customers.facts, opportunities.facts, Math.max(1, options.owners ?? 1));
  return [
    { object: 'customer', records: customers.records },
    { object: 'contact', records: contacts },
    { object: 'opportunity', records: opportunities.records },
    { object: 'visit', records: visits },
    { object: 'contract', records: contracts },
    { object: 'quote', records: quotes.quotes },
    // Child rows carry their quote in `parent_id` and their position in `sort_index`, the
    // child-table columns the metadata layer adds (packages/meta CHILD_COLUMNS).
    { object: 'quote_line', records: quotes.lines },
    { object: 'sales_target', records: targets },
  ];
}
