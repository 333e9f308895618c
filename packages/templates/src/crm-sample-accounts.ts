import { createRandom } from './random';
import type { Clock } from './sample-values';
import { addDays, fenToDecimal, landlineNumber, logUniform, mobileNumber, roundTo, toDate, toDateTime, workingMoment } from './sample-values';
import type { Word } from './sample-vocabulary';
import {
  BRANDS,
  CITIES,
  COMPANY_SUFFIXES,
  CUSTOMER_NOTES,
  EMAIL_BOXES,
  GIVEN_NAMES,
  INDUSTRIES,
  JOB_TITLES,
  NEXT_STEPS,
  ROADS,
  SURNAMES,
  VISIT_SUBJECTS,
  VISIT_SUMMARIES,
} from './sample-vocabulary';
import type { SampleRecord } from './template';
import { generateUscc } from './uscc-generator';

export type SampleContext = { seed: number; clock: Clock };

type Tier = 'A' | 'B' | 'C';
type CustomerStatus = 'prospect' | 'active' | 'dormant' | 'lost';

/** What later generators need to know about a customer to stay consistent with it. */
export type CustomerFacts = {
  id: string;
  brand: Word;
  domain: string;
  tier: Tier;
  status: CustomerStatus;
  lastContactMs: number;
  contactIds: string[];
};

/** Share of key fields left empty on purpose, so the completeness KPI has something to show. */
const MISSING_PHONE_RATE = 0.05;

const REVENUE_YUAN: Record<Tier, readonly [number, number]> = { A: [2e8, 5e9], B: [2e7, 2e8], C: [1e6, 2e7] };

/** Days since the last contact, by status; "dormant" means no contact for 6 months (DOMAIN.md). */
const LAST_CONTACT_DAYS: Record<CustomerStatus, readonly [number, number]> = {
  active: [1, 60],
  prospect: [1, 120],
  dormant: [183, 729],
  lost: [90, 729],
};

function companyName(random: ReturnType<typeof createRandom>, city: string, taken: Set<string>) {
  for (let attempt = 0; ; attempt += 1) {
    const industry = random.weighted(INDUSTRIES.map((i) => [i, i.weight] as const));
    const word = random.pick(industry.words);
    // Past 30 collisions, two trade names together widen the space (华信恒通…).
    const brand = attempt < 30 ? random.pick(BRANDS) : combine(random.pick(BRANDS), random.pick(BRANDS));
    const name = `${city}${brand.zh}${word.zh}${random.weighted(COMPANY_SUFFIXES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return { name, brand, word, section: industry.section };
    }
  }
}

const combine = (a: Word, b: Word): Word => ({ zh: a.zh + b.zh, latin: a.latin + b.latin });

export function generateCustomers(context: SampleContext, count: number): { records: SampleRecord[]; facts: CustomerFacts[] } {
  const ids = createRandom(context.seed, 'customer/id');
  const random = createRandom(context.seed, 'customer/values');
  const names = new Set<string>();
  const records: SampleRecord[] = [];
  const facts: CustomerFacts[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = ids.uuid();
    const city = random.weighted(CITIES.map((c) => [c, c.weight] as const));
    const district = random.pick(city.districts);
    const { name, brand, word, section } = companyName(random, city.name, names);
    const tier = random.weighted<Tier>([
      ['A', 15],
      ['B', 35],
      ['C', 50],
    ]);
    const status = random.weighted<CustomerStatus>([
      ['prospect', 25],
      ['active', 50],
      ['dormant', 15],
      ['lost', 10],
    ]);
    const [minRevenue, maxRevenue] = REVENUE_YUAN[tier];
    const revenueYuan = roundTo(logUniform(random, minRevenue, maxRevenue), 10_000);
    const employees = Math.max(5, Math.round(revenueYuan / random.int(300_000, 1_500_000)));
    const [minDays, maxDays] = LAST_CONTACT_DAYS[status];
    const lastContactMs = workingMoment(context.clock, random, random.int(minDays, maxDays));
    const domain = `${brand.latin}-${word.latin}.${random.pick(['com', 'com.cn', 'cn'])}`;
    const values: Record<string, unknown> = {
      name,
      credit_code: generateUscc(random, district.code),
      industry: section,
      tier,
      region: district.code,
      address: `${city.province}${city.name}市${district.name}${random.pick(ROADS)}${random.int(1, 999)}号`,
      annual_revenue: fenToDecimal(revenueYuan * 100),
      employees: String(employees),
      status,
      source: random.weighted([
        ['online', 35],
        ['offline', 25],
        ['referral', 20],
        ['exhibition', 20],
      ]),
      last_contact_at: toDateTime(lastContactMs),
    };
    if (!random.chance(MISSING_PHONE_RATE)) {
      values.phone = random.chance(0.7) ? landlineNumber(random, city.areaCode) : mobileNumber(random);
    }
    if (random.chance(0.85)) values.email = `${random.pick(EMAIL_BOXES)}@${domain}`;
    if (random.chance(0.75)) values.website = `https://www.${domain}`;
    if (random.chance(0.6)) values.notes = random.pick(CUSTOMER_NOTES).replace('{n}', String(random.int(3, 60) * 10));
    records.push({ id, values });
    facts.push({ id, brand, domain, tier, status, lastContactMs, contactIds: [] });
  }
  plantDuplicates(records, facts);
  return { records, facts };
}

/** How many customers the demo holds twice, so a newcomer sees the duplicate scan and merge work. */
export const PLANTED_DUPLICATES = 2;

/**
 * The last customers become the first ones entered again through another channel (DOMAIN.md: 23 %
 * of customers overlap between online and offline): the name written another way (北京… →
 * 北京市…, another legal form), the same phone, the e-mail in capitals, no credit code. The
 * demo's match rules find each pair; the count of customers stays what it was.
 */
function plantDuplicates(records: SampleRecord[], facts: CustomerFacts[]): void {
  const originals = records.filter((r) => typeof r.values.phone === 'string').slice(0, PLANTED_DUPLICATES);
  if (records.length < originals.length * 4) return;
  originals.forEach((original, k) => {
    const index = records.length - 1 - k;
    const { credit_code: _code, ...values } = original.values;
    const written = String(values.name);
    const city = CITIES.find((c) => written.startsWith(c.name))?.name ?? '';
    const name = `${city}市${written.slice(city.length)}`.replace(/(股份有限公司|有限责任公司|有限公司)$/, (form) =>
      form === '有限公司' ? '有限责任公司' : '有限公司',
    );
    records[index] = {
      id: records[index]!.id,
      values: { ...values, name, email: typeof values.email === 'string' ? values.email.toUpperCase() : values.email, source: 'exhibition' },
    };
    const fact = facts.find((f) => f.id === original.id)!;
    facts[index] = { ...facts[index]!, brand: fact.brand, domain: fact.domain };
  });
}

/** Every customer gets a primary contact first; the rest go mostly to bigger customers. */
export function generateContacts(context: SampleContext, customers: CustomerFacts[], count: number): SampleRecord[] {
  const ids = createRandom(context.seed, 'contact/id');
  const random = createRandom(context.seed, 'contact/values');
  const tierWeight: Record<Tier, number> = { A: 4, B: 2, C: 1 };
  const owners = customers.map((c) => [c, tierWeight[c.tier]] as const);
  const records: SampleRecord[] = [];
  for (let i = 0; i < count && customers.length > 0; i += 1) {
    const customer = i < customers.length ? (customers[i] as CustomerFacts) : random.weighted(owners);
    const id = ids.uuid();
    const surname = random.pick(SURNAMES);
    const given = random.pick(GIVEN_NAMES);
    const values: Record<string, unknown> = {
      name: surname.zh + given.zh,
      customer: customer.id,
      title: random.weighted(JOB_TITLES),
      is_primary: customer.contactIds.length === 0,
    };
    if (!random.chance(MISSING_PHONE_RATE)) values.mobile = mobileNumber(random);
    if (random.chance(0.7)) values.email = `${given.latin}.${surname.latin}${random.int(1, 99)}@${customer.domain}`;
    if (random.chance(0.6)) {
      const age = random.int(25, 58);
      values.birthday = toDate(addDays(context.clock.today, -(age * 365 + random.int(0, 364))));
    }
    customer.contactIds.push(id);
    records.push({ id, values });
  }
  return records;
}

type VisitKind = keyof typeof VISIT_SUBJECTS;
const STATUS_VISIT_WEIGHT: Record<CustomerStatus, number> = { active: 5, prospect: 3, dormant: 1, lost: 1 };
const TWO_YEARS_DAYS = 729;

/** Visits fall between two years ago and the customer's last contact, never after it. */
export function generateVisits(context: SampleContext, customers: CustomerFacts[], count: number): SampleRecord[] {
  const ids = createRandom(context.seed, 'visit/id');
  const random = createRandom(context.seed, 'visit/values');
  const weights = customers.map((c) => [c, STATUS_VISIT_WEIGHT[c.status] * (c.tier === 'A' ? 2 : 1)] as const);
  const records: SampleRecord[] = [];
  for (let i = 0; i < count && customers.length > 0; i += 1) {
    const customer = random.weighted(weights);
    const kind = random.weighted<VisitKind>([
      ['on_site', 35],
      ['phone', 30],
      ['wechat', 20],
      ['video', 10],
      ['event', 5],
    ]);
    const newestDaysAgo = Math.ceil((context.clock.today - customer.lastContactMs) / 86_400_000);
    const daysAgo = random.int(Math.min(newestDaysAgo, TWO_YEARS_DAYS), TWO_YEARS_DAYS);
    const values: Record<string, unknown> = {
      subject: random.pick(VISIT_SUBJECTS[kind]),
      customer: customer.id,
      visited_at: toDateTime(Math.min(workingMoment(context.clock, random, daysAgo), customer.lastContactMs)),
      kind,
      summary: random.pick(VISIT_SUMMARIES),
    };
    if (customer.contactIds.length > 0 && random.chance(0.85)) values.contact = random.pick(customer.contactIds);
    if (random.chance(0.8)) values.next_step = random.pick(NEXT_STEPS);
    records.push({ id: ids.uuid(), values });
  }
  return records;
}
