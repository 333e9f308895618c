import type { CustomerFacts, SampleContext } from './crm-sample-accounts';
import type { OpportunityFacts } from './crm-sample-sales';
import { createRandom } from './random';
import { fenToDecimal, roundTo } from './sample-values';
import type { SampleRecord } from './template';

/** Months with a target: the past year, this month and the next two, so "this year" always has them. */
const MONTHS_BACK = 12;
const MONTHS_AHEAD = 2;

const monthStart = (year: number, month: number): string => new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);

/**
 * Monthly revenue targets for each sample owner, set a little above what that rep won per month
 * over the past year (a stretch, as sales managers set them). Customers are handed out to the
 * owners in turn (the installer's sampleOwners), so customer i and its deals belong to owner
 * i mod `owners`, and each target record names its owner the same way.
 */
export function generateTargets(context: SampleContext, customers: CustomerFacts[], deals: OpportunityFacts[], owners: number): SampleRecord[] {
  const ids = createRandom(context.seed, 'sales_target/id');
  const random = createRandom(context.seed, 'sales_target/values');
  const ownerOfCustomer = new Map(customers.map((c, i) => [c.id, i % owners] as const));
  const yearAgo = context.clock.today - 365 * 86_400_000;
  const wonFen = Array.from({ length: owners }, () => 0);
  for (const deal of deals)
    if (deal.stage === 'won' && (deal.closedMs ?? 0) >= yearAgo) {
      const owner = ownerOfCustomer.get(deal.customer.id) ?? 0;
      wonFen[owner] = (wonFen[owner] ?? 0) + deal.amountFen;
    }
  const today = new Date(context.clock.today);
  const records: SampleRecord[] = [];
  for (let owner = 0; owner < owners; owner += 1) {
    const monthlyFen = roundTo(((wonFen[owner] ?? 0) / 12) * (1.1 + random.int(0, 20) / 100), 5_000_000);
    for (let offset = -MONTHS_BACK; offset <= MONTHS_AHEAD; offset += 1) {
      const month = monthStart(today.getUTCFullYear(), today.getUTCMonth() + offset);
      records.push({
        id: ids.uuid(),
        owner,
        values: { name: `${month.slice(0, 7)} #${owner + 1}`, month, amount: fenToDecimal(monthlyFen) },
      });
    }
  }
  return records;
}
