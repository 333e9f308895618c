import { type RawBuilder, sql } from 'kysely';
import type { SqlType } from './column-types';

/** A column type from Tessera's closed union, never user input. */
export const sqlType = (type: SqlType): RawBuilder<unknown> => sql.raw(type);

/**
 * The `using` expression turning the old column into the new type: the one definition both the
 * publish DDL and the studio's preview of a type change run, so the preview counts what publish does.
 * Only reached for safe or checked conversions.
 */
export function conversionExpression(column: RawBuilder<unknown>, from: SqlType, to: SqlType): RawBuilder<unknown> {
  if (to === 'text' && from === 'text[]') return sql`array_to_string(${column}, ', ')`;
  if (to === 'text[]') return sql`case when ${column} is null then null else array[${column}] end`;
  if (from === 'text') return sql`nullif(trim(${column}), '')::${sqlType(to)}`;
  return sql`${column}::${sqlType(to)}`;
}

/** A checked conversion's rows that would not convert: text with something in it that the new type cannot read. */
export function unconvertible(column: RawBuilder<unknown>, to: SqlType): RawBuilder<boolean> {
  return sql<boolean>`(nullif(trim(${column}), '') is not null and not tessera_can_cast(trim(${column}), ${to}))`;
}
