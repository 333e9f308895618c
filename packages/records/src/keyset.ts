import { type RawBuilder, sql } from 'kysely';
import { startsWithExistingDate } from './calendar-date';
import type { QueryableColumn } from './query-fields';
import { RecordError } from './record-error';
import { unstorableText } from './storable-text';

export interface SortColumn {
  column: string;
  direction: 'asc' | 'desc';
  sqlType: QueryableColumn['sqlType'];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d{1,28}(\.\d{1,28})?$/;
/** How PostgreSQL prints a timestamptz as text (the cursor keeps that form, microseconds and all). */
const PRINTED_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

/**
 * Whether a cursor value is what PostgreSQL prints for a column of this type. The cursor is not
 * signed (ADR 0084): it only carries sort values of rows the caller could read, so a changed one
 * can move the page but not widen it — it must only never be a value the column refuses.
 */
function fitsColumn(sqlType: QueryableColumn['sqlType'], value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'string') return false;
  switch (sqlType) {
    case 'uuid':
      return UUID.test(value);
    case 'numeric':
    case 'integer':
      return DECIMAL.test(value);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && startsWithExistingDate(value);
    case 'timestamptz':
      return PRINTED_TIMESTAMP.test(value) && startsWithExistingDate(value);
    case 'boolean':
      return value === 'true' || value === 'false';
    default:
      return unstorableText(value) === null;
  }
}

/** The last row's sort values (and id), opaque to clients. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString('base64url');
}

/** The sort values a cursor carries, each checked against its column's type; any other cursor is a client error. */
export function decodeCursor(cursor: string, keys: readonly SortColumn[]): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === keys.length && values.every((v, i) => fitsColumn(keys[i]!.sqlType, v))) return values;
  } catch {
    // fall through: any undecodable cursor is the same client error
  }
  throw new RecordError('query.cursor');
}

/**
 * Rows strictly after `last` in the order `keys` (PostgreSQL's default null placement: last
 * when ascending, first when descending), as `k1 after OR (k1 = AND k2 after) OR …`.
 * Index-backed: a page deep in a million rows costs what the first page costs.
 */
export function keysetPredicate(keys: readonly SortColumn[], last: readonly unknown[]): RawBuilder<unknown> {
  const equal = (key: SortColumn, value: unknown) => (value === null ? sql`${sql.ref(key.column)} is null` : sql`${sql.ref(key.column)} = ${value}`);
  const after = (key: SortColumn, value: unknown): RawBuilder<unknown> => {
    const ref = sql.ref(key.column);
    if (key.direction === 'asc') return value === null ? sql`false` : sql`(${ref} > ${value} or ${ref} is null)`;
    return value === null ? sql`${ref} is not null` : sql`${ref} < ${value}`;
  };
  const branches = keys.map((key, i) => {
    const prefix = keys.slice(0, i).map((k, j) => equal(k, last[j]));
    return sql`(${sql.join([...prefix, after(key, last[i])], sql` and `)})`;
  });
  return sql`(${sql.join(branches, sql` or `)})`;
}
