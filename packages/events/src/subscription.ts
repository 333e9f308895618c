import type { SystemTables } from '@tessera/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type EventRow, type RecordEvent, toRecordEvent } from './record-event';

/**
 * Something that reacts to record changes: a flow trigger, a report cache, a webhook sender.
 *
 * `handle` gets a batch of events in commit order and the transaction that will also move the
 * subscriber's progress past them. Work done in that transaction happens exactly once; work
 * outside it (an HTTP call) at least once, so it must be idempotent by event id. Throwing rolls
 * the batch back; it is retried with a growing delay, never skipped.
 */
export interface EventSubscriber {
  /** Stable across releases and processes: the key of its progress. */
  name: string;
  handle(events: readonly RecordEvent[], tx: Transaction<SystemTables>): Promise<void>;
  /** Called after a batch it handled has committed (to wake what its writes started: a flow's timers). */
  afterCommit?: (() => void) | undefined;
  /** Where a subscriber seen for the first time starts: at what is committed now (default), or at the oldest event kept. */
  startAt?: 'now' | 'oldest' | undefined;
}

/** Creates the subscriber's progress row on first sight; a known subscriber keeps its place. */
export async function registerSubscriber(db: Kysely<SystemTables>, subscriber: EventSubscriber): Promise<void> {
  const start =
    subscriber.startAt === 'oldest'
      ? sql`coalesce((select min(position) - 1 from record_events where position is not null), (select position from event_sequence))`
      : sql`(select position from event_sequence)`;
  await sql`insert into event_subscribers (name, position) values (${subscriber.name}, ${start}) on conflict (name) do nothing`.execute(db);
}

/** Forgets a subscriber that no longer exists, so the outbox is no longer kept for it. */
export async function retireSubscriber(db: Kysely<SystemTables>, name: string): Promise<void> {
  await db.deleteFrom('event_subscribers').where('name', '=', name).execute();
}

/**
 * One batch for one subscriber, in one transaction: claim its progress row (another process
 * delivering to it already → skip), read the events after its position, hand them over, move the
 * position. A crash anywhere before the commit leaves the position where it was, so the batch
 * comes again; after it, never. Returns how many events were delivered (0: nothing to do or
 * claimed elsewhere).
 */
export async function deliverBatch(db: Kysely<SystemTables>, subscriber: EventSubscriber, limit: number): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const claimed = await sql<{ position: string }>`select position from event_subscribers
      where name = ${subscriber.name} and (retry_at is null or retry_at <= now()) for update skip locked`.execute(tx);
    const from = claimed.rows[0]?.position;
    if (from === undefined) return 0;
    const { rows } = await sql<EventRow>`select e.id, e.position, e.app_id, e.object_id, e.record_id, e.operation, e.detail, e.at,
        h.source, h.record_version, h.changes, h.actor_id
      from record_events e left join record_history h on h.id = e.history_id
      where e.position > ${from}::bigint order by e.position limit ${limit}`.execute(tx);
    if (rows.length === 0) return 0;
    await subscriber.handle(rows.map(toRecordEvent), tx);
    await sql`update event_subscribers set position = ${rows.at(-1)!.position}::bigint, delivered = delivered + ${rows.length},
      failures = 0, last_error = null, retry_at = null, updated_at = now() where name = ${subscriber.name}`.execute(tx);
    return rows.length;
  });
}

/** After a failed batch: wait 1 s, 2 s, 4 s … up to 5 minutes before the next try, and keep why. */
export async function recordFailure(db: Kysely<SystemTables>, name: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await sql`update event_subscribers set failures = failures + 1, last_error = ${message.slice(0, 2000)},
      retry_at = now() + least(interval '5 minutes', interval '1 second' * power(2, least(failures, 9))), updated_at = now()
    where name = ${name}`.execute(db);
}

/** Deletes outbox rows every subscriber has applied; with no subscriber, every numbered row. */
export async function pruneDelivered(db: Kysely<SystemTables>, limit: number): Promise<number> {
  const { rows } = await sql<{ pruned: string }>`with done as (
      delete from record_events where id in (
        select id from record_events
        where position <= coalesce((select min(position) from event_subscribers), (select position from event_sequence))
        order by position limit ${limit})
      returning 1)
    select count(*) as pruned from done`.execute(db);
  return Number(rows[0]?.pruned ?? 0);
}

export interface SubscriberProgress {
  name: string;
  position: string;
  /** Numbered events it has not applied yet. */
  behind: number;
  delivered: string;
  failures: number;
  lastError: string | null;
}

/** Where every subscriber stands: for health checks and tests. */
export async function subscriberProgress(db: Kysely<SystemTables>): Promise<SubscriberProgress[]> {
  const { rows } = await sql<{ name: string; position: string; behind: string; delivered: string; failures: number; last_error: string | null }>`
    select s.name, s.position, (q.position - s.position) as behind, s.delivered, s.failures, s.last_error
    from event_subscribers s cross join event_sequence q order by s.name`.execute(db);
  return rows.map((r) => ({
    name: r.name,
    position: String(r.position),
    behind: Number(r.behind),
    delivered: String(r.delivered),
    failures: r.failures,
    lastError: r.last_error,
  }));
}
