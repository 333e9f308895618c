import type { AppDocument, FieldDefinition } from '@tessera/schemas';

export const APP_ID = 'submit';
export const OBJECT_ID = 'visit';

const options = (values: readonly string[]) => values.map((value) => ({ value, label: { en: value } }));
const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];
const CHANNELS = ['visit', 'phone', 'wechat', 'email', 'exhibition'];
const SOURCES = ['referral', 'website', 'cold_call', 'partner'];
const PRODUCTS = ['crm', 'erp', 'bi', 'hr', 'oa'];

/** Twenty fields of mixed types: what a field rep fills in after a customer visit. */
const fields: FieldDefinition[] = [
  { id: 'customer_name', type: 'text', label: { 'zh-CN': '客户名称', en: 'Customer' }, required: true },
  { id: 'contact', type: 'text', label: { en: 'Contact' } },
  { id: 'phone', type: 'phone', label: { en: 'Phone' }, phoneKind: 'mobile' },
  { id: 'email', type: 'email', label: { en: 'Email' } },
  { id: 'website', type: 'url', label: { en: 'Website' } },
  { id: 'stage', type: 'select', label: { en: 'Stage' }, options: options(STAGES) },
  { id: 'channel', type: 'select', label: { en: 'Channel' }, options: options(CHANNELS) },
  { id: 'amount', type: 'currency', label: { en: 'Amount' }, scale: 2, currency: 'CNY' },
  { id: 'quantity', type: 'number', label: { en: 'Quantity' }, scale: 0, minimum: 0 },
  { id: 'discount', type: 'percent', label: { en: 'Discount' }, scale: 2, minimum: 0, maximum: 100 },
  { id: 'visit_date', type: 'date', label: { en: 'Visit date' } },
  { id: 'next_visit', type: 'datetime', label: { en: 'Next visit' } },
  { id: 'key_account', type: 'checkbox', label: { en: 'Key account' } },
  { id: 'followed_up', type: 'checkbox', label: { en: 'Followed up' } },
  { id: 'city', type: 'text', label: { en: 'City' } },
  { id: 'address', type: 'text', label: { en: 'Address' } },
  { id: 'notes', type: 'long_text', label: { en: 'Notes' } },
  { id: 'rating', type: 'number', label: { en: 'Rating' }, scale: 1, minimum: 0, maximum: 5 },
  { id: 'products', type: 'multi_select', label: { en: 'Products' }, options: options(PRODUCTS) },
  { id: 'source', type: 'select', label: { en: 'Source' }, options: options(SOURCES) },
];

export function visitApp(): AppDocument {
  return { id: APP_ID, label: { en: 'Field visits' }, objects: [{ id: OBJECT_ID, label: { en: 'Visit' }, displayField: 'customer_name', fields }] };
}

/** The baseline's plain table: the same twenty columns, typed as publish types them, and an id. */
export const BASELINE_TABLE = `create table bench_visit (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null default now(),
  customer_name text not null, contact text, phone text, email text, website text, stage text, channel text,
  amount numeric, quantity numeric, discount numeric, visit_date date, next_visit timestamptz,
  key_account boolean, followed_up boolean, city text, address text, notes text, rating numeric,
  products text[], source text
)`;

export const FIELD_IDS = fields.map((f) => f.id);

const CITIES = ['Hangzhou', 'Shanghai', 'Shenzhen', 'Chengdu', 'Wuhan'];

/** The n-th form a rep submits: every field filled, values varying with n. */
export function visitValues(n: number): Record<string, unknown> {
  const day = 1 + (n % 28);
  return {
    customer_name: `Customer ${n}`,
    contact: `Contact ${n % 997}`,
    phone: `138${String(10_000_000 + ((n * 7919) % 90_000_000)).padStart(8, '0')}`,
    email: `rep${n % 200}@example.com`,
    website: `https://example-${n % 500}.cn/`,
    stage: STAGES[n % STAGES.length],
    channel: CHANNELS[n % CHANNELS.length],
    amount: `${1000 + ((n * 37) % 100_000)}.${String(n % 100).padStart(2, '0')}`,
    quantity: 1 + (n % 50),
    discount: `${n % 30}.5`,
    visit_date: `2026-11-${String(day).padStart(2, '0')}`,
    next_visit: `2026-12-${String(day).padStart(2, '0')}T09:30:00.000Z`,
    key_account: n % 7 === 0,
    followed_up: n % 2 === 0,
    city: CITIES[n % CITIES.length],
    address: `${n % 300} Wensan Road, Xihu District`,
    notes: 'Discussed the renewal; sent the price list and a demo invitation for next week.',
    rating: `${n % 5}.5`,
    products: PRODUCTS.slice(0, 1 + (n % 3)),
    source: SOURCES[n % SOURCES.length],
  };
}
