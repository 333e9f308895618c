import type { AppDocument, FieldDefinition } from '@tessera/schemas';

export const APP_ID = 'bench';
export const OBJECT_ID = 'customer';
/** The stages in the order of the sales funnel; the generator gives them realistic shares. */
export const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const TIERS = ['a', 'b', 'c', 'd'] as const;
export const INDUSTRIES = ['manufacturing', 'retail', 'logistics', 'software', 'healthcare', 'education', 'finance', 'energy'] as const;

const options = (values: readonly string[]) => values.map((value) => ({ value, label: { en: value } }));

const fields: FieldDefinition[] = [
  { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true },
  { id: 'code', type: 'text', label: { en: 'Code' } },
  { id: 'stage', type: 'select', label: { 'zh-CN': '阶段', en: 'Stage' }, options: options(STAGES) },
  { id: 'tier', type: 'select', label: { en: 'Tier' }, options: options(TIERS) },
  { id: 'industry', type: 'select', label: { en: 'Industry' }, options: options(INDUSTRIES) },
  { id: 'city', type: 'text', label: { 'zh-CN': '城市', en: 'City' } },
  { id: 'revenue', type: 'currency', label: { en: 'Revenue' }, scale: 2, currency: 'CNY' },
  { id: 'employees', type: 'number', label: { en: 'Employees' }, scale: 0 },
  { id: 'phone', type: 'phone', label: { en: 'Phone' } },
  { id: 'email', type: 'email', label: { en: 'Email' } },
  { id: 'website', type: 'url', label: { en: 'Website' } },
  { id: 'founded', type: 'date', label: { en: 'Founded' } },
  { id: 'key_account', type: 'checkbox', label: { en: 'Key account' } },
  { id: 'notes', type: 'long_text', label: { en: 'Notes' } },
];

/**
 * A CRM with one customer object and the list view B4 pages through: a rep's pipeline by
 * stage with a name search, newest first. Publishing it derives the composite index
 * (owner_id, stage, created_at desc, id desc) and a trigram index on name.
 */
export function customerApp(): AppDocument {
  return {
    id: APP_ID,
    label: { 'zh-CN': '客户管理', en: 'Customers' },
    objects: [
      {
        id: OBJECT_ID,
        label: { 'zh-CN': '客户', en: 'Customer' },
        displayField: 'name',
        fields,
        views: [
          {
            id: 'my_pipeline',
            label: { en: 'My pipeline' },
            filters: [
              { field: 'owner_id', op: 'eq' },
              { field: 'stage', op: 'eq' },
              { field: 'name', op: 'contains' },
            ],
            sort: [{ field: 'created_at', direction: 'desc' }],
          },
        ],
      },
    ],
  };
}
