import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';

/**
 * The dedup keys of the rows read so far, for flagging a row that repeats an earlier row of the
 * file. Kept in a temporary table of the import's own transaction (dropped when it ends, kept
 * out of a crash's way), not in memory: half a million keys stay in PostgreSQL, and each chunk
 * asks for its own in one statement.
 */
export interface FileKeys {
  /** The first earlier row with each of `keys` (by the row that has it in this chunk), and records the chunk's own first rows. */
  earlierRows(keys: readonly { key: string; row: number }[]): Promise<Map<string, number>>;
}

export function fileKeys(db: Kysely<SystemTables>): FileKeys {
  let created = false;
  return {
    async earlierRows(keys) {
      if (keys.length === 0) return new Map();
      if (!created) {
        await sql`create temporary table import_file_keys (key text primary key, row integer not null) on commit drop`.execute(db);
        created = true;
      }
      // The select sees the table as it was before this statement: the keys of earlier chunks only.
      const { rows } = await sql<{ key: string; row: number }>`with input as (
          select key, min(row) as row from unnest(${keys.map((k) => k.key)}::text[], ${keys.map((k) => k.row)}::integer[]) as t(key, row) group by key
        ), added as (
          insert into import_file_keys (key, row) select key, row from input on conflict (key) do nothing
        )
        select k.key, k.row from import_file_keys k join input using (key)`.execute(db);
      return new Map(rows.map((r) => [r.key, Number(r.row)]));
    },
  };
}
