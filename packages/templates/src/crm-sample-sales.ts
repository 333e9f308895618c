import type { CustomerFacts, SampleContext } from './crm-sample-accounts';
import { STAGE_PROBABILITY, type Stage, stageHistory } from './crm-sample-history';
import type { Random } from './random';
import { createRandom } from './random';
import { addDays, createNumberer, endOfTerm, fenToDecimal, logUniform, roundTo, toDate, toDateTime, workingMoment } from './sample-values';
import { DISCOUNT_REASONS, LOSS_REASONS, PRODUCTS, PROJECTS } from './sample-vocabulary';
import type { SampleRecord } from './template';

/** Open stages narrow like a funnel; won and lost accumulate two years of closed deals. */
const STAGE_WEIGHTS: readonly (readonly [Stage, number])[] = [
  ['lead', 32],
  ['qualified', 20],
  ['proposal', 13],
  ['negotiation', 8],
  ['won', 18],
  ['lost', 9],
];

const AMOUNT_YUAN: Record<CustomerFacts['tier'], readonly [number, number]> = { A: [500_000, 5_000_000], B: [100_000, 1_000_000], C: [20_000, 300_000] };

export type OpportunityFacts = { id: string; customer: CustomerFacts; stage: Stage; amountFen: number; closedMs?: number };

export function generateOpportunities(context: SampleContext, customers: CustomerFacts[], count: number) {
  const ids = createRandom(context.seed, 'opportunity/id');
  const random = createRandom(context.seed, 'opportunity/values');
  // Its own stream, so adding the reasons left every other generated value as it was.
  const reasons = createRandom(context.seed, 'opportunity/lost_reason');
  const history = createRandom(context.seed, 'opportunity/history');
  const weights = customers.map((c) => [c, c.status === 'lost' ? 1 : c.tier === 'A' ? 4 : 2] as const);
  const records: SampleRecord[] = [];
  const facts: OpportunityFacts[] = [];
  for (let i = 0; i < count && customers.length > 0; i += 1) {
    const id = ids.uuid();
    const customer = random.weighted(weights);
    // A lost customer's deals ended; a dormant one's never got far.
    const stage =
      customer.status === 'lost'
        ? random.weighted<Stage>([
            ['lost', 3],
            ['won', 1],
          ])
        : random.weighted(STAGE_WEIGHTS);
    const [min, max] = AMOUNT_YUAN[customer.tier];
    const amountFen = roundTo(logUniform(random, min, max), 1_000) * 100;
    const values: Record<string, unknown> = {
      name: `${customer.brand.zh}${random.pick(PROJECTS)}`,
      customer: customer.id,
      stage,
      amount: fenToDecimal(amountFen),
      probability: STAGE_PROBABILITY[stage],
    };
    let closedMs: number | undefined;
    if (stage === 'won' || stage === 'lost') {
      closedMs = workingMoment(context.clock, random, random.int(1, 700));
      values.closed_at = toDateTime(closedMs);
      // The opportunity form requires a reason for every lost deal; the samples have one too.
      if (stage === 'lost') values.lost_reason = reasons.pick(LOSS_REASONS);
      values.expected_close = toDate(addDays(closedMs, random.int(-20, 20)));
    } else {
      // Some open deals are overdue, as in every real pipeline.
      values.expected_close = toDate(addDays(context.clock.today, random.chance(0.15) ? -random.int(1, 30) : random.int(7, 180)));
    }
    // An open deal last moved within the past five weeks; a closed one at its close.
    const movedMs = closedMs ?? workingMoment(context.clock, history, history.int(1, 35));
    records.push({ id, values, path: stageHistory(stage, movedMs, history) });
    facts.push({ id, customer, stage, amountFen, ...(closedMs === undefined ? {} : { closedMs }) });
  }
  return { records, facts };
}

/**
 * Contracts: drafts for deals in negotiation (a tenth), one signed contract per won deal, and
 * renewals without an opportunity for active customers when there are too few won deals.
 */
export function generateContracts(context: SampleContext, opportunities: OpportunityFacts[], customers: CustomerFacts[], count: number): SampleRecord[] {
  const ids = createRandom(context.seed, 'contract/id');
  const random = createRandom(context.seed, 'contract/values');
  const nextNumber = createNumberer('HT');
  const drafts = opportunities.filter((o) => o.stage === 'negotiation').slice(0, Math.floor(count / 10));
  const won = opportunities.filter((o) => o.stage === 'won').slice(0, count - drafts.length);
  const renewalCustomers = customers.filter((c) => c.status === 'active');
  const records: SampleRecord[] = [];
  const signed = (customerId: string, amountFen: number, signedMs: number, opportunityId?: string): Record<string, unknown> => {
    const startMs = addDays(signedMs, random.int(0, 15));
    const endMs = endOfTerm(
      startMs,
      random.weighted([
        [1, 60],
        [2, 25],
        [3, 15],
      ]),
    );
    const status = endMs < context.clock.today ? 'expired' : random.chance(0.05) ? 'terminated' : 'active';
    return {
      number: nextNumber(signedMs),
      customer: customerId,
      ...(opportunityId ? { opportunity: opportunityId } : {}),
      amount: fenToDecimal(amountFen),
      signed_on: toDate(signedMs),
      starts_on: toDate(startMs),
      ends_on: toDate(endMs),
      status,
    };
  };
  for (const deal of won) {
    const signedMs = Math.min(addDays(deal.closedMs ?? context.clock.today, random.int(0, 10)), context.clock.today - 86_400_000);
    // Final negotiations shave a little off the quoted amount.
    const amountFen = roundTo(deal.amountFen * (1 - random.int(0, 5) / 100), 100);
    records.push({ id: ids.uuid(), values: signed(deal.customer.id, amountFen, signedMs, deal.id) });
  }
  for (const deal of drafts) {
    const startMs = addDays(context.clock.today, random.int(10, 40));
    records.push({
      id: ids.uuid(),
      values: {
        number: nextNumber(context.clock.today),
        customer: deal.customer.id,
        opportunity: deal.id,
        amount: fenToDecimal(deal.amountFen),
        starts_on: toDate(startMs),
        ends_on: toDate(endOfTerm(startMs, 1)),
        // Drafts only: the demo's contract approvals put some of them in approval for real.
        status: 'draft',
      },
    });
  }
  while (records.length < count && renewalCustomers.length > 0) {
    const customer = random.pick(renewalCustomers);
    const amountFen = roundTo(logUniform(random, 20_000, 400_000), 1_000) * 100;
    records.push({ id: ids.uuid(), values: signed(customer.id, amountFen, workingMoment(context.clock, random, random.int(1, 700))) });
  }
  return records;
}

/** Fisher–Yates: a sort with a random comparator would depend on the engine's sort algorithm. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const DISCOUNT_PERCENT: readonly (readonly [number, number])[] = [
  [0, 30],
  [5, 25],
  [10, 20],
  [15, 12],
  [20, 8],
  [25, 5],
  // A strategic deal now and then: above 30 % the director approves too (the quote discount flow).
  [35, 3],
];

/**
 * Quotes for deals that got as far as a proposal, each with 2–5 lines. Line amounts and the
 * total are the template's formulas (quantity × unit price; their sum less the discount): the
 * server computes them as each quote is written.
 */
export function generateQuotes(context: SampleContext, opportunities: OpportunityFacts[], count: number) {
  const ids = createRandom(context.seed, 'quote/id');
  const lineIds = createRandom(context.seed, 'quote_line/id');
  const random = createRandom(context.seed, 'quote/values');
  const reasons = createRandom(context.seed, 'quote/discount_reason');
  const nextNumber = createNumberer('BJ');
  const quoted = opportunities.filter((o) => o.stage === 'proposal' || o.stage === 'negotiation' || o.stage === 'won');
  const quotes: SampleRecord[] = [];
  const lines: SampleRecord[] = [];
  for (let i = 0; i < count && quoted.length > 0; i += 1) {
    const id = ids.uuid();
    const deal = quoted[i % quoted.length] as OpportunityFacts;
    const discount = random.weighted(DISCOUNT_PERCENT);
    const quotedMs = deal.closedMs === undefined ? workingMoment(context.clock, random, random.int(1, 60)) : addDays(deal.closedMs, -random.int(10, 60));
    const products = shuffled(PRODUCTS, random).slice(0, random.int(2, 5));
    products.forEach((product, index) => {
      const unitFen = roundTo(random.int(product.min, product.max), 10) * 100;
      const maxQuantity = product.min >= 20_000 ? 5 : product.min >= 3_000 ? 20 : 100;
      const quantity = random.int(1, maxQuantity);
      lines.push({
        id: lineIds.uuid(),
        values: {
          parent_id: id,
          sort_index: index,
          product: product.name,
          quantity: String(quantity),
          unit_price: fenToDecimal(unitFen),
        },
      });
    });
    quotes.push({
      id,
      values: {
        number: nextNumber(quotedMs),
        opportunity: deal.id,
        // A percent field holds the percentage (15 means 15 %), as typed and shown.
        discount: String(discount),
        // The quote form asks for a justification above a 15 % discount (the manager's threshold).
        ...(discount > 15 ? { discount_reason: reasons.pick(DISCOUNT_REASONS) } : {}),
      },
    });
  }
  return { quotes, lines };
}
