import type { AppDocument, FieldDefinition } from '@tessera/schemas';
import { pick, seededRandom } from '../shared/seeded-random';

export const APP_ID = 'b2';
export const OBJECT_ID = 'customer';
export const BASELINE_TABLE = 'b2_baseline_customer';

const options = (...values: string[]) => values.map((value) => ({ value, label: { 'zh-CN': value.toUpperCase(), en: value } }));

/** A customer of 20 importable fields, as a sales-ops sheet has them. */
export const FIELDS: FieldDefinition[] = [
  { id: 'name', type: 'text', label: { 'zh-CN': '客户名称', en: 'Name' }, required: true },
  { id: 'uscc', type: 'text', label: { 'zh-CN': '统一社会信用代码', en: 'Credit code' }, unique: true },
  { id: 'phone', type: 'phone', label: { 'zh-CN': '手机', en: 'Mobile' }, phoneKind: 'mobile' },
  { id: 'email', type: 'email', label: { 'zh-CN': '邮箱', en: 'E-mail' } },
  { id: 'website', type: 'url', label: { 'zh-CN': '网址', en: 'Website' } },
  { id: 'industry', type: 'select', label: { 'zh-CN': '行业', en: 'Industry' }, options: options('it', 'retail', 'finance', 'energy') },
  { id: 'level', type: 'select', label: { 'zh-CN': '等级', en: 'Level' }, options: options('a', 'b', 'c') },
  { id: 'source', type: 'select', label: { 'zh-CN': '来源', en: 'Source' }, options: options('web', 'expo', 'referral') },
  { id: 'status', type: 'select', label: { 'zh-CN': '状态', en: 'Status' }, options: options('new', 'active', 'dormant') },
  { id: 'amount', type: 'currency', label: { 'zh-CN': '年采购额', en: 'Annual spend' } },
  { id: 'employees', type: 'number', label: { 'zh-CN': '员工数', en: 'Employees' } },
  { id: 'signed', type: 'date', label: { 'zh-CN': '签约日期', en: 'Signed on' } },
  { id: 'next_visit', type: 'date', label: { 'zh-CN': '下次拜访', en: 'Next visit' } },
  { id: 'vip', type: 'checkbox', label: { 'zh-CN': '重点客户', en: 'VIP' } },
  { id: 'address', type: 'text', label: { 'zh-CN': '地址', en: 'Address' } },
  { id: 'contact', type: 'text', label: { 'zh-CN': '联系人', en: 'Contact' } },
  { id: 'title', type: 'text', label: { 'zh-CN': '职务', en: 'Title' } },
  { id: 'landline', type: 'text', label: { 'zh-CN': '座机', en: 'Landline' } },
  { id: 'tags', type: 'multi_select', label: { 'zh-CN': '标签', en: 'Tags' }, options: options('key', 'new', 'risk') },
  { id: 'notes', type: 'long_text', label: { 'zh-CN': '备注', en: 'Notes' } },
];

export const customerApp: AppDocument = {
  id: APP_ID,
  label: { en: 'B2 import' },
  objects: [{ id: OBJECT_ID, label: { 'zh-CN': '客户', en: 'Customer' }, displayField: 'name', fields: FIELDS }],
};

export type Row = (string | number | boolean | Date | null)[];

const uscc = (i: number) => `91330100MA${String(i).padStart(8, '0')}`;

/**
 * The file's rows, seeded: about 5 % invalid (a bad mobile, a bad e-mail, a missing name, an
 * unknown option) and about 5 % duplicates of customers already in the database (their credit
 * code), the rest new. `existing` customers carry credit codes 0 … existing−1.
 */
export function* fileRows(count: number, existing: number): Generator<Row> {
  const random = seededRandom(2);
  for (let i = 0; i < count; i += 1) {
    const roll = random();
    const duplicate = roll < 0.05;
    const invalid = roll >= 0.05 && roll < 0.1;
    const code = duplicate ? uscc(Math.floor(random() * existing)) : uscc(existing + i);
    const row: Row = [
      `客户${i}有限公司`,
      code,
      13_800_000_000 + i,
      `c${i}@example.com`,
      `https://c${i}.example.com`,
      pick(random, ['IT', 'RETAIL', 'FINANCE', 'ENERGY']),
      pick(random, ['a', 'b', 'c']),
      pick(random, ['web', 'expo', 'referral']),
      pick(random, ['new', 'active', 'dormant']),
      Math.round(random() * 1_000_000) / 100,
      Math.floor(random() * 5_000),
      new Date(Date.UTC(2024, Math.floor(random() * 12), 1 + Math.floor(random() * 28))),
      new Date(Date.UTC(2025, Math.floor(random() * 12), 1 + Math.floor(random() * 28))),
      random() < 0.2 ? '是' : '否',
      `浙江省杭州市西湖区文三路 ${i} 号`,
      `联系人${i}`,
      pick(random, ['总经理', '采购经理', 'IT 主管']),
      `0571-${String(80_000_000 + i)}`,
      pick(random, ['key', 'new', 'risk, key']),
      `第 ${i} 行的备注`,
    ];
    if (invalid) {
      const which = Math.floor(random() * 4);
      if (which === 0) row[2] = 12_345;
      else if (which === 1) row[3] = 'not-an-email';
      else if (which === 2) row[0] = null;
      else row[6] = 'z';
    }
    yield row;
  }
}

export function existingCustomer(i: number): Record<string, unknown> {
  return { name: `老客户${i}有限公司`, uscc: uscc(i), phone: String(13_900_000_000 + i), level: 'c' };
}
