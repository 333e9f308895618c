import type { FieldDefinition, FieldType } from '@tessera/schemas';

/** The SQL types record columns use. numeric is unconstrained: scale is a validation rule, so changing it needs no DDL. */
export type SqlType = 'text' | 'numeric' | 'date' | 'timestamptz' | 'boolean' | 'uuid' | 'jsonb' | 'text[]';

const SQL_TYPE_BY_FIELD: Record<Exclude<FieldType, 'formula' | 'child_table' | 'related_list'>, SqlType> = {
  text: 'text',
  long_text: 'text',
  rich_text: 'text',
  phone: 'text',
  email: 'text',
  url: 'text',
  select: 'text',
  region: 'text',
  auto_number: 'text',
  signature: 'text',
  number: 'numeric',
  currency: 'numeric',
  percent: 'numeric',
  date: 'date',
  datetime: 'timestamptz',
  checkbox: 'boolean',
  user: 'uuid',
  department: 'uuid',
  relation: 'uuid',
  multi_select: 'text[]',
  attachment: 'jsonb',
  image: 'jsonb',
};

const SQL_TYPE_BY_FORMULA_RESULT: Record<NonNullable<FieldDefinition['resultType']>, SqlType> = {
  text: 'text',
  number: 'numeric',
  currency: 'numeric',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
};

/** The column type of a field, or null for fields stored elsewhere (a child table's rows, the records of a related list). */
export function sqlTypeOf(field: Pick<FieldDefinition, 'type' | 'resultType'>): SqlType | null {
  if (field.type === 'child_table' || field.type === 'related_list') return null;
  if (field.type === 'formula') return SQL_TYPE_BY_FORMULA_RESULT[field.resultType ?? 'text'];
  return SQL_TYPE_BY_FIELD[field.type];
}

/** Field types a text search ("contains", trigram index) applies to. */
export const TEXT_LIKE_TYPES: ReadonlySet<FieldType> = new Set(['text', 'long_text', 'phone', 'email', 'url', 'select', 'region', 'auto_number']);

/** Field types that can carry a unique index. */
export const UNIQUE_CAPABLE_TYPES: ReadonlySet<FieldType> = new Set(['text', 'phone', 'email', 'url', 'number', 'date', 'auto_number', 'user', 'relation']);

/** Field types whose values can be stored encrypted: plain text, compared by no one but its reader. */
export const ENCRYPTABLE_TYPES: ReadonlySet<FieldType> = new Set(['text', 'long_text', 'phone', 'email']);
