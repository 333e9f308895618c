import type { AppDocument, FieldDefinition, FormDefinition, ObjectDefinition } from '@tessera/schemas';
import { type CompiledForm, compileForm } from './compile-form';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const options = (...values: string[]) => values.map((value) => ({ value, label: label(value, value) }));

export const CUSTOMER_FIELDS: FieldDefinition[] = [
  { id: 'name', type: 'text', label: label('Name', '名称'), required: true },
  { id: 'kind', type: 'select', label: label('Kind', '类型'), options: options('person', 'company') },
  { id: 'id_number', type: 'text', label: label('ID number', '身份证号') },
  { id: 'uscc', type: 'text', label: label('Credit code', '信用代码') },
  { id: 'mobile', type: 'phone', label: label('Mobile', '手机'), phoneKind: 'mobile' },
  { id: 'amount', type: 'currency', label: label('Amount', '金额') },
  { id: 'level', type: 'select', label: label('Level', '等级'), options: options('a', 'b', 'c') },
  { id: 'tags', type: 'multi_select', label: label('Tags', '标签'), options: options('x', 'y', 'z') },
  { id: 'vip', type: 'checkbox', label: label('VIP', '贵宾') },
  { id: 'discount', type: 'number', label: label('Discount', '折扣'), scale: 2 },
  { id: 'note', type: 'text', label: label('Note', '备注') },
  { id: 'secret', type: 'text', label: label('Secret', '机密') },
  { id: 'code', type: 'auto_number', label: label('Code', '编号'), numberFormat: 'C-{0000}' },
];

export const CUSTOMER: ObjectDefinition = { id: 'customer', label: label('Customer', '客户'), fields: CUSTOMER_FIELDS };

const fieldNode = (field: string, extra: Partial<FormDefinition['nodes'][number]> = {}) => ({
  id: `n_${field}`,
  kind: 'field' as const,
  parent: 'main',
  field,
  ...extra,
});

/** Every field but `secret`; rules for company/person, a computed level, a vip discount. */
export const CUSTOMER_FORM: FormDefinition = {
  id: 'customer_entry',
  object: 'customer',
  label: label('New customer', '新客户'),
  nodes: [
    { id: 'main', kind: 'section', label: label('Main', '基本') },
    fieldNode('name'),
    fieldNode('kind'),
    fieldNode('id_number', { format: 'cn-resident-id' }),
    fieldNode('uscc', { format: 'cn-uscc' }),
    fieldNode('mobile'),
    fieldNode('amount'),
    fieldNode('level'),
    fieldNode('tags'),
    fieldNode('vip'),
    fieldNode('discount'),
    fieldNode('note', { defaultValue: '"new " & kind', placeholder: label('Note', '备注') }),
    fieldNode('code'),
  ],
  rules: [
    { id: 'start', when: 'TRUE', effects: [{ kind: 'visible', field: 'uscc', value: false }] },
    {
      id: 'company',
      when: 'kind = "company"',
      effects: [
        { kind: 'visible', field: 'uscc', value: true },
        { kind: 'required', field: 'uscc', value: true },
        { kind: 'visible', field: 'id_number', value: false },
      ],
    },
    { id: 'big', when: 'amount > 100000', effects: [{ kind: 'setValue', field: 'level', formula: 'IF(amount > 1000000, "a", "b")' }] },
    {
      id: 'vip',
      when: 'vip',
      effects: [
        { kind: 'readOnly', field: 'discount', value: true },
        { kind: 'options', field: 'tags', values: ['x', 'y'] },
      ],
    },
  ],
};

export const CUSTOMER_APP: AppDocument = {
  id: 'crm',
  label: label('CRM', '客户管理'),
  objects: [CUSTOMER],
  forms: [CUSTOMER_FORM],
};

export const CONTEXT = { now: '2025-03-01T08:00:00Z', timeZone: 'Asia/Shanghai', currentUser: null } as const;

/** Compiles a form of the fixture app, failing the test loudly if it does not compile. */
export function compiledCustomerForm(form: FormDefinition = CUSTOMER_FORM, object: ObjectDefinition = CUSTOMER): CompiledForm {
  const result = compileForm(form, object, { ...CUSTOMER_APP, objects: [object], forms: [form] });
  if (!result.ok) throw new Error(`form does not compile: ${JSON.stringify(result.issues)}`);
  return result.form;
}
