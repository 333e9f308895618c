import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';

/**
 * Gives committed outbox rows their place in commit order.
 *
 * Why not read events by their `id`: a bigserial is taken when the row is written, not when its
 * transaction commits, so id 11 may become visible after id 12 has been read — a reader moving
 * past 12 would never see 11. Instead one sequencer at a time (the `event_sequence` row is its
 * lock) numbers the rows it can see, in id order, after the last number it handed out. A row
 * only becomes visible once committed, and a later batch always numbers after an earlier one, so
 * subscribers can follow `position` with a plain cursor and miss nothing.
 *
 * A record's changes keep their commit order: its second change waits for the first one's row
 * lock, so it is written (takes its id) after the first committed; any snapshot that sees the
 * second sees the first, and numbering goes by id.
 *
 * Returns how many rows it numbered, or null when another process holds the sequencer.
 */
export async function sequenceEvents(db: Kysely<SystemTables>, limit: number): Promise<number | null> {
  return db.transaction().execute(async (tx) => {
    const head = await sql<{ position: string }>`select position from event_sequence for update skip locked`.execute(tx);
    const base = head.rows[0]?.position;
    if (base === undefined) return null;
    const { rows } = await sql<{ numbered: string; last: string | null }>`
      with pending as (
        select id from record_events where position is null order by id limit ${limit}
      ), numbered as (
        select id, ${base}::bigint + row_number() over (order by id) as position from pending
      ), done as (
        update record_events e set position = numbered.position from numbered where e.id = numbered.id returning e.position
      )
      select count(*) as numbered, max(position)::text as last from done`.execute(tx);
    const numbered = Number(rows[0]?.numbered ?? 0);
    if (numbered > 0) await sql`update event_sequence set position = ${rows[0]!.last}::bigint`.execute(tx);
    return numbered;
  });
}
