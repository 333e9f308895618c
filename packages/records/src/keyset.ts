import { type RawBuilder, sql } from 'kysely';
import { RecordError } from './record-error';

export interface SortColumn {
  column: string;
  direction: 'asc' | 'desc';
}

/** The last row's sort values (and id), opaque to clients. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)))
      return values;
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
