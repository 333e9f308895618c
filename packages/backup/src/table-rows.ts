import { createHash, type Hash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { TableEntry } from './catalog';

// biome-ignore lint/suspicious/noExplicitAny: record tables are not in the typed system tables
type AnyDb = Kysely<any>;

/** Rows fetched from the cursor at a time: memory stays flat whatever the table's size. */
const FETCH = 2_000;

export const tableRef = (table: Pick<TableEntry, 'schema' | 'name'>) => sql.id(table.schema, table.name);

/**
 * A table's rows, one JSON object per line (`to_jsonb(row)`: PostgreSQL's own text for every
 * value — exact numerics, timestamps with their offset, bytea as hex — so `jsonb_populate_recordset`
 * reads each back to the same value), in primary-key order, through a cursor. Must run inside a
 * transaction (a cursor lives in one); a repeatable-read one gives every table the same snapshot.
 */
export async function* tableLines(tx: AnyDb, table: TableEntry): AsyncGenerator<string[]> {
  const cursor = sql.id('tessera_backup_rows');
  const order = sql.join(table.primaryKey.map((column) => sql.id('t', column)));
  await sql`declare ${cursor} no scroll cursor for select to_jsonb(t)::text as line from ${tableRef(table)} as t order by ${order}`.execute(tx);
  try {
    for (;;) {
      const { rows } = await sql<{ line: string }>`fetch ${sql.lit(FETCH)} from ${cursor}`.execute(tx);
      if (rows.length === 0) return;
      yield rows.map((row) => row.line);
    }
  } finally {
    await sql`close ${cursor}`.execute(tx);
  }
}

/** Row count and SHA-256 of the lines as written (each ending in a newline): what the manifest keeps per table. */
export class LineDigest {
  rows = 0;
  private readonly hash: Hash = createHash('sha256');

  add(line: string): string {
    const text = `${line}\n`;
    this.rows += 1;
    this.hash.update(text);
    return text;
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

/** Count and digest of a table as it stands, read the way a backup reads it (to verify a restore). */
export async function digestTable(tx: AnyDb, table: TableEntry): Promise<{ rows: number; sha256: string }> {
  const digest = new LineDigest();
  for await (const lines of tableLines(tx, table)) for (const line of lines) digest.add(line);
  return { rows: digest.rows, sha256: digest.hex() };
}
