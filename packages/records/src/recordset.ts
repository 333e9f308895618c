import { type SqlType, sqlTypeOf } from '@tessera/meta';
import type { FieldDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';

/** A column of a recordset: its name and SQL type (from a closed list, never from a user). */
export interface RecordsetColumn {
  name: string;
  type: SqlType | 'integer' | 'bigint';
}

export function fieldColumn(field: FieldDefinition): RecordsetColumn {
  return { name: field.id, type: sqlTypeOf(field) ?? 'text' };
}

/**
 * Many rows as one statement parameter: `json_to_recordset($1) as alias(id uuid, name text, …)`.
 * Set-based writes send their rows this way, so a statement's text is the same for one row or
 * five thousand (one prepared plan), and no batch runs into PostgreSQL's 65,535-parameter limit.
 * `json`, not `jsonb`: the text is read once into the columns' types, and parsing it as jsonb
 * first took about twice as long for the same rows (an import's 2,000-row statements, B2).
 * `rows` is `recordsetJson(…)`, or the ROWS stand-in of a cached statement (statement-cache.ts).
 */
export function recordsetSql(rows: unknown, columns: readonly RecordsetColumn[], alias: string): RawBuilder<unknown> {
  const definition = sql.join(columns.map((c) => sql`${sql.ref(c.name)} ${sql.raw(c.type)}`));
  return sql`json_to_recordset(${rows}::json) as ${sql.id(alias)}(${definition})`;
}

/** Rows as the recordset's parameter: values a column takes as JSON (decimal text, ISO dates, arrays for text[], any JSON for jsonb). */
export function recordsetJson(rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(rows);
}

/** Splits `items` into runs of at most `size`: a set-based write sends a few thousand rows per statement. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Rows per set-based statement: large enough to amortize a round trip, small enough to keep memory flat. */
export const ROWS_PER_STATEMENT = 2_000;
