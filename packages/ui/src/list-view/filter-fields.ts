import type { FieldDefinition, FieldType, ObjectDefinition } from '@tessera/schemas';
import type { ObjectAccess } from '../api/types';

/**
 * How a field is filtered in the list view: which operators make sense and which input takes
 * the value. Derived from the field's stored column type, as the server's query compiler does
 * (packages/records/src/query-fields.ts), so nothing offered here is refused there.
 */
export type FilterKind =
  | 'text'
  | 'number'
  | 'date'
  | 'datetime'
  | 'select'
  | 'multi_select'
  | 'user'
  | 'department'
  | 'relation'
  | 'checkbox'
  /** A GB/T 2260 code, asked whether it lies in a province, city or district. */
  | 'region'
  /** Only "is empty" / "is not empty": encrypted text, files, signatures. */
  | 'presence';

/** A field the user may filter on: one of the object's fields, or a system column (owner, created, last modified). */
export interface FilterableField {
  id: string;
  kind: FilterKind;
  /** null for a system column. */
  field: FieldDefinition | null;
}

/** System columns worth a filter in a CRM list: "my records", "created this week", "untouched for a month". */
export const SYSTEM_FILTERS: readonly FilterableField[] = [
  { id: 'owner_id', kind: 'user', field: null },
  // The team a record belongs to (follows its owner): what a manager filters by.
  { id: 'department_id', kind: 'department', field: null },
  { id: 'created_at', kind: 'datetime', field: null },
  { id: 'updated_at', kind: 'datetime', field: null },
];

const KIND_BY_TYPE: Partial<Record<FieldType, FilterKind>> = {
  text: 'text',
  long_text: 'text',
  rich_text: 'text',
  phone: 'text',
  email: 'text',
  url: 'text',
  auto_number: 'text',
  number: 'number',
  currency: 'number',
  percent: 'number',
  date: 'date',
  datetime: 'datetime',
  select: 'select',
  multi_select: 'multi_select',
  user: 'user',
  department: 'department',
  relation: 'relation',
  checkbox: 'checkbox',
  region: 'region',
  attachment: 'presence',
  image: 'presence',
  signature: 'presence',
};

const KIND_BY_FORMULA_RESULT: Record<NonNullable<FieldDefinition['resultType']>, FilterKind> = {
  text: 'text',
  number: 'number',
  currency: 'number',
  boolean: 'checkbox',
  date: 'date',
  datetime: 'datetime',
};

/** The filter kind of a field, or null when it has no column to filter (child tables, related lists). */
export function filterKind(field: FieldDefinition): FilterKind | null {
  const kind = field.type === 'formula' ? KIND_BY_FORMULA_RESULT[field.resultType ?? 'text'] : KIND_BY_TYPE[field.type];
  if (!kind) return null;
  // Ciphertext can only be told apart from nothing.
  return field.encrypted ? 'presence' : kind;
}

/**
 * What the filter builder offers: visible, stored fields (rollups are computed on read and have
 * no column; hidden fields are refused by the server), then the system columns.
 */
export function filterableFields(object: ObjectDefinition, access: ObjectAccess, rollups: readonly string[]): FilterableField[] {
  const hidden = new Set(access.hiddenFields);
  const fields = object.fields.flatMap((field): FilterableField[] => {
    if (hidden.has(field.id) || rollups.includes(field.id)) return [];
    const kind = filterKind(field);
    return kind ? [{ id: field.id, kind, field }] : [];
  });
  // "Dormant" (no activity in the object's days) where the object has the rule: the server computes it.
  const dormant: FilterableField[] = object.quality?.dormantAfterDays ? [{ id: '_dormant', kind: 'checkbox', field: null }] : [];
  return [...fields, ...SYSTEM_FILTERS, ...dormant];
}

/**
 * A condition on a related record's field (`customer.industry`, handed over by a dashboard's
 * drill-down on a joined key) as a chip can show it: the leaf field, named along the path
 * ("Customer › Industry"). Null when the path does not walk the objects' relation fields.
 */
export function pathFilterField(fields: readonly FilterableField[], objects: readonly ObjectDefinition[], path: string): FilterableField | null {
  const [head, ...rest] = path.split('.');
  let field = fields.find((f) => f.id === head)?.field ?? null;
  const names = [field?.label];
  for (const part of rest) {
    const target = field?.type === 'relation' ? objects.find((o) => o.id === field?.target) : undefined;
    field = target?.fields.find((f) => f.id === part) ?? null;
    names.push(field?.label);
  }
  const kind = field && rest.length ? filterKind(field) : null;
  if (!field || !kind) return null;
  const along = (locale: 'zh-CN' | 'en') => names.map((n) => n?.[locale] ?? n?.en ?? n?.['zh-CN'] ?? '').join(' › ');
  return { id: path, kind, field: { ...field, label: { 'zh-CN': along('zh-CN'), en: along('en') } } };
}
