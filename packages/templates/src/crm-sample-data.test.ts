// Test-only cross-package import: the sample data must pass the same checks as user input.
import { FORMAT_CHECKS, isEmail, isUrl, isUscc } from '@tessera/formats';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLANTED_DUPLICATES } from './crm-sample-accounts';
import { CRM_SAMPLE_COUNTS, generateCrmSampleData } from './crm-sample-data';
import type { SampleBatch, SampleRecord } from './template';
import { loadTemplate } from './template-registry';

const REFERENCE = '2025-06-01';
const TODAY = Date.parse(`${REFERENCE}T00:00:00Z`);
const DAY = 86_400_000;
const DECIMAL = /^-?\d+(?:\.(\d+))?$/;

const document = loadTemplate('crm')?.document;
if (!document) throw new Error('crm template missing');
const objects = new Map(document.objects.map((o) => [o.id, o] as const));

let batches: SampleBatch[];
const records = (object: string): SampleRecord[] => batches.find((b) => b.object === object)?.records ?? [];
const byId = (object: string) => new Map(records(object).map((r) => [r.id, r.values] as const));

beforeAll(() => {
  batches = generateCrmSampleData({ seed: 7, referenceDate: REFERENCE });
});

/** Why a value does not fit its field, or null when it does. */
function misfit(field: FieldDefinition, value: unknown, ids: Map<string, Set<string>>): string | null {
  const text = typeof value === 'string' ? value : null;
  switch (field.type) {
    case 'text':
    case 'long_text':
    case 'rich_text':
      return text && text.length <= (field.maxLength ?? Infinity) ? null : 'text';
    case 'number':
    case 'currency':
    case 'percent': {
      const match = text === null ? null : DECIMAL.exec(text);
      if (!match) return 'decimal string';
      if ((match[1]?.length ?? 0) > (field.scale ?? 10)) return 'scale';
      const n = Number(text);
      return n < (field.minimum ?? -Infinity) || n > (field.maximum ?? Infinity) ? 'range' : null;
    }
    case 'date':
      return text && /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text) ? null : 'date';
    case 'datetime':
      return text && new Date(text).toISOString() === text ? null : 'datetime';
    case 'checkbox':
      return typeof value === 'boolean' ? null : 'boolean';
    case 'select':
      return (field.options ?? []).some((o) => o.value === value) ? null : 'option';
    case 'relation':
      return text && ids.get(field.target ?? '')?.has(text) ? null : `id of ${field.target}`;
    case 'phone': {
      const check = FORMAT_CHECKS[field.phoneKind === 'mobile' ? 'cn-mobile' : field.phoneKind === 'landline' ? 'cn-landline' : 'cn-phone'];
      return text && check(text) ? null : 'phone';
    }
    case 'email':
      return text && isEmail(text) ? null : 'email';
    case 'url':
      return text && isUrl(text) ? null : 'url';
    case 'region':
      return text && /^\d{6}$/.test(text) ? null : 'GB/T 2260 code';
    case 'auto_number': {
      const prefix = (field.numberFormat ?? '').split('-')[0];
      return text && new RegExp(`^${prefix}-\\d{6}-\\d{4}$`).test(text) ? null : 'number';
    }
    default:
      return `no sample values expected for ${field.type}`;
  }
}

describe('crm sample data', () => {
  it('comes in dependency order with the default counts', () => {
    expect(batches.map((b) => b.object)).toEqual(['customer', 'contact', 'opportunity', 'visit', 'contract', 'quote', 'quote_line', 'sales_target']);
    for (const [object, count] of Object.entries(CRM_SAMPLE_COUNTS)) expect(records(object), object).toHaveLength(count);
    const order = batches.map((b) => b.object);
    for (const object of document.objects) {
      for (const field of object.fields.filter((f) => f.type === 'relation')) {
        expect(order.indexOf(field.target ?? ''), `${object.id}.${field.id}`).toBeLessThan(order.indexOf(object.id));
      }
    }
  });

  it('fits every value to its field: type, options, formats, relations, required, unique', () => {
    const ids = new Map(batches.map((b) => [b.object, new Set(b.records.map((r) => r.id))] as const));
    const problems: string[] = [];
    for (const batch of batches) {
      const object = objects.get(batch.object) as ObjectDefinition;
      const fields = new Map(object.fields.map((f) => [f.id, f] as const));
      const seen = new Map<string, Set<unknown>>();
      for (const record of batch.records) {
        for (const [key, value] of Object.entries(record.values)) {
          const field = fields.get(key);
          if (!field) {
            if (!(object.parent && ((key === 'parent_id' && ids.get(object.parent)?.has(String(value))) || key === 'sort_index')))
              problems.push(`${batch.object}.${key}: unknown`);
            continue;
          }
          const why = misfit(field, value, ids);
          if (why) problems.push(`${batch.object}.${key} = ${JSON.stringify(value)}: not a ${why}`);
          if (field.unique) {
            const values = seen.get(key) ?? new Set();
            if (values.has(value)) problems.push(`${batch.object}.${key} = ${String(value)}: duplicate`);
            seen.set(key, values.add(value));
          }
        }
        for (const field of object.fields) {
          if (field.required && record.values[field.id] === undefined) problems.push(`${batch.object}.${field.id}: required`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('uses unique ids, valid UUIDs, valid credit codes and zh-CN company names', () => {
    const all = batches.flatMap((b) => b.records.map((r) => r.id));
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The customers planted as duplicates were entered again without a credit code.
    const coded = records('customer').filter((c) => c.values.credit_code !== undefined);
    expect(records('customer').length - coded.length).toBe(PLANTED_DUPLICATES);
    for (const customer of coded) {
      expect(isUscc(String(customer.values.credit_code))).toBe(true);
      expect(String(customer.values.credit_code).slice(2, 8)).toBe(customer.values.region);
      expect(customer.values.name).toMatch(/^\p{Script=Han}{4,}(有限公司|股份有限公司|有限责任公司)$/u);
    }
  });

  it('leaves about 5 % of phones empty and nothing else of note', () => {
    const missingRate = (object: string, field: string) => records(object).filter((r) => r.values[field] === undefined).length / records(object).length;
    expect(missingRate('customer', 'phone')).toBeGreaterThan(0.01);
    expect(missingRate('customer', 'phone')).toBeLessThan(0.1);
    expect(missingRate('contact', 'mobile')).toBeGreaterThan(0.01);
    expect(missingRate('contact', 'mobile')).toBeLessThan(0.1);
  });

  it('spreads activity over the last two years, consistent with customer status', () => {
    const customers = byId('customer');
    for (const visit of records('visit')) {
      const at = Date.parse(String(visit.values.visited_at));
      expect(at).toBeGreaterThan(TODAY - 731 * DAY);
      expect(at).toBeLessThanOrEqual(Date.parse(String(customers.get(String(visit.values.customer))?.last_contact_at)));
    }
    const visitDays = records('visit').map((v) => Math.floor((TODAY - Date.parse(String(v.values.visited_at))) / DAY));
    expect(Math.max(...visitDays) - Math.min(...visitDays)).toBeGreaterThan(500);
    for (const customer of customers.values()) {
      const daysSince = (TODAY - Date.parse(String(customer.last_contact_at))) / DAY;
      expect(daysSince).toBeLessThan(731);
      if (customer.status === 'dormant') expect(daysSince).toBeGreaterThan(182);
      if (customer.status === 'active') expect(daysSince).toBeLessThan(182);
    }
  });

  it('distributes opportunity stages like a funnel, with stage probabilities and close dates', () => {
    const count = (stage: string) => records('opportunity').filter((o) => o.values.stage === stage).length;
    expect(count('lead')).toBeGreaterThan(count('qualified'));
    expect(count('qualified')).toBeGreaterThan(count('proposal'));
    expect(count('proposal')).toBeGreaterThan(count('negotiation'));
    expect(count('negotiation')).toBeGreaterThan(0);
    const probability: Record<string, string> = { lead: '10', qualified: '20', proposal: '50', negotiation: '75', won: '100', lost: '0' };
    for (const { values } of records('opportunity')) {
      expect(values.probability).toBe(probability[String(values.stage)]);
      expect(values.closed_at !== undefined).toBe(values.stage === 'won' || values.stage === 'lost');
    }
  });

  it('makes each customer with contacts have exactly one primary contact', () => {
    const primaries = new Map<string, number>();
    for (const { values } of records('contact')) {
      const customer = String(values.customer);
      primaries.set(customer, (primaries.get(customer) ?? 0) + (values.is_primary ? 1 : 0));
    }
    expect([...primaries.values()].every((n) => n === 1)).toBe(true);
    const contacts = byId('contact');
    for (const { values } of records('visit')) {
      if (values.contact !== undefined) expect(contacts.get(String(values.contact))?.customer).toBe(values.customer);
    }
  });

  it('signs contracts with the customer of their opportunity, in a sensible order of dates', () => {
    const opportunities = byId('opportunity');
    for (const { values } of records('contract')) {
      if (values.opportunity !== undefined) {
        const deal = opportunities.get(String(values.opportunity));
        expect(deal?.customer).toBe(values.customer);
        expect(['won', 'negotiation']).toContain(deal?.stage);
      }
      if (values.signed_on !== undefined) expect(String(values.signed_on) <= String(values.starts_on)).toBe(true);
      expect(String(values.starts_on) < String(values.ends_on)).toBe(true);
      if (values.status === 'expired') expect(String(values.ends_on) < REFERENCE).toBe(true);
    }
  });

  it('gives each quote 2–5 lines in order, leaving amounts and the total to the template’s formulas', () => {
    const linesByQuote = new Map<string, SampleRecord[]>();
    for (const line of records('quote_line')) {
      const quote = String(line.values.parent_id);
      linesByQuote.set(quote, [...(linesByQuote.get(quote) ?? []), line]);
    }
    for (const quote of records('quote')) {
      const lines = linesByQuote.get(quote.id) ?? [];
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.length).toBeLessThanOrEqual(5);
      expect(lines.map((l) => l.values.sort_index)).toEqual(lines.map((_, i) => i));
      // A value sent for a formula field is refused (field.read_only): the server works them out.
      expect(quote.values.total).toBeUndefined();
      for (const { values } of lines) expect(values.line_amount).toBeUndefined();
    }
  });

  it('gives the same data for the same seed and different data for another seed', () => {
    expect(generateCrmSampleData({ seed: 7, referenceDate: REFERENCE })).toEqual(batches);
    const other = generateCrmSampleData({ seed: 8, referenceDate: REFERENCE });
    expect(other[0]?.records[0]?.id).not.toBe(batches[0]?.records[0]?.id);
  });

  it('scales the record counts', () => {
    const small = generateCrmSampleData({ seed: 7, scale: 0.1, referenceDate: REFERENCE });
    expect(small.find((b) => b.object === 'customer')?.records).toHaveLength(20);
    expect(small.find((b) => b.object === 'contact')?.records).toHaveLength(50);
    expect(() => generateCrmSampleData({ seed: 7, scale: 0 })).toThrow(/scale/);
    expect(() => generateCrmSampleData({ seed: 7, referenceDate: '1 June' })).toThrow(/referenceDate/);
  });

  it('is what loadTemplate("crm").sampleData returns', () => {
    expect(loadTemplate('crm')?.sampleData({ seed: 7, referenceDate: REFERENCE })).toEqual(batches);
  });
});
