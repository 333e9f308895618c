import { type RawBuilder, sql } from 'kysely';

/**
 * A match-rule field's value as the duplicate scan groups it: white space dropped, case folded,
 * so "Info@X.cn" and "info@x.cn " meet. One definition for the scan (records' duplicate-blocks.ts)
 * and the index below.
 */
export function dedupKeySql(column: string): RawBuilder<string> {
  return sql<string>`lower(regexp_replace(${sql.ref(column)}, '\\s', '', 'g'))`;
}

/**
 * Whether a stored value differs from its scan key (a capital, a space): the few records the scan
 * must key one by one. Publishing indexes this expression for every match-rule key field
 * (desired-indexes.ts), so the scan finds them through the index — and PostgreSQL matches an
 * expression index only to the same expression, hence one definition (ADR 0054).
 */
export function dedupVariantSql(column: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(column)} <> ${dedupKeySql(column)})`;
}
