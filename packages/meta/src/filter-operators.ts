import type { FieldDefinition, FilterOperator } from '@tessera/schemas';
import type { SqlType } from './column-types';

/** What a filter or sort key can do with a column depends on its SQL type (and, for text, its field). */
export interface FilterColumn {
  sqlType: SqlType | 'integer';
  field: FieldDefinition | null;
}

/** The SQL types of the system columns every record table has. */
export const SYSTEM_COLUMN_TYPES: Readonly<Record<string, FilterColumn['sqlType']>> = {
  id: 'uuid',
  version: 'integer',
  owner_id: 'uuid',
  department_id: 'uuid',
  created_by: 'uuid',
  updated_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  deleted_at: 'timestamptz',
};

const ALL_SCALAR: readonly FilterOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'between', 'is_empty', 'is_not_empty'];
export const OPERATORS_BY_TYPE: Record<FilterColumn['sqlType'], readonly FilterOperator[]> = {
  text: [...ALL_SCALAR, 'contains', 'starts_with'],
  numeric: ALL_SCALAR,
  integer: ALL_SCALAR,
  date: ALL_SCALAR,
  timestamptz: ALL_SCALAR,
  boolean: ['eq', 'ne', 'is_empty', 'is_not_empty'],
  uuid: ['eq', 'ne', 'in', 'is_empty', 'is_not_empty'],
  'text[]': ['contains', 'in', 'is_empty', 'is_not_empty'],
  jsonb: ['is_empty', 'is_not_empty'],
};

export const ENCRYPTED_OPERATORS: readonly FilterOperator[] = ['is_empty', 'is_not_empty'];
/** Text a format can apply to (text, phone, e-mail, URL) may be asked which values break one. */
const FORMAT_TYPES: ReadonlySet<string> = new Set(['text', 'phone', 'email', 'url']);

/** A region is text with a meaning: it may also be asked whether it lies in a province, city or district. */
const REGION_OPERATORS: readonly FilterOperator[] = [...OPERATORS_BY_TYPE.text, 'within'];

/**
 * What a filter may do with a column: by its SQL type, narrowed for ciphertext, widened for regions.
 * The one table: the records service refuses a query by it, publishing refuses a list view by it.
 */
export function operatorsFor(column: FilterColumn): readonly FilterOperator[] {
  const format: readonly FilterOperator[] = column.field && FORMAT_TYPES.has(column.field.type) ? ['breaks_format'] : [];
  // Ciphertext can only be told apart from nothing in SQL: no search, no comparison, on encrypted
  // fields. A format is checked on the opened values (format-filter.ts), so that one stays.
  if (column.field?.encrypted) return [...ENCRYPTED_OPERATORS, ...format];
  return column.field?.type === 'region' ? REGION_OPERATORS : [...OPERATORS_BY_TYPE[column.sqlType], ...format];
}

/** Column types a list may be ordered by. */
export const SORTABLE: ReadonlySet<FilterColumn['sqlType']> = new Set(['text', 'numeric', 'integer', 'date', 'timestamptz', 'boolean', 'uuid']);
