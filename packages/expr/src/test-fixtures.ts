import type { FieldDefinition } from '@tessera/schemas';

/** Fields shared by the package's tests: one of every formula type, a child table and a `constructor` trap. */
export const SAMPLE_FIELDS: FieldDefinition[] = [
  { id: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
  { id: 'qty', type: 'number', label: { en: 'Quantity', 'zh-CN': '数量' } },
  { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' } },
  { id: 'stage', type: 'select', label: { en: 'Stage' }, options: [{ value: 'won', label: { en: 'Won' } }] },
  { id: 'active', type: 'checkbox', label: { en: 'Active' } },
  { id: 'close_date', type: 'date', label: { en: 'Close date' } },
  { id: 'created_at', type: 'datetime', label: { en: 'Created' } },
  { id: 'owner', type: 'user', label: { en: 'Owner' } },
  { id: 'tags', type: 'multi_select', label: { en: 'Tags' }, options: [{ value: 'vip', label: { en: 'VIP' } }] },
  { id: 'lines', type: 'child_table', label: { en: 'Lines', 'zh-CN': '明细' }, target: 'quote_line' },
  { id: 'constructor', type: 'number', label: { en: 'Ctor' } },
];
export const RELATED = {
  quote_line: [
    { id: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
    { id: 'product', type: 'text', label: { en: 'Product' } },
  ] satisfies FieldDefinition[],
};
