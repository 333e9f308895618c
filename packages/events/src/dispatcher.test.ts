import type { SystemTables } from '@tessera/db';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEventDispatcher, type EventDispatcher } from './dispatcher';
import type { RecordEvent } from './record-event';
import { sequenceEvents } from './sequencer';
import { type EventSubscriber, subscriberProgress } from './subscription';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 8 });
  await sql`create table receipts (seq bigserial primary key, subscriber text not null, event_id bigint not null, record_id uuid)`.execute(database.db);
});
afterAll(async () => database?.drop());

const RECORD = '00000000-0000-4000-8000-000000000001';

/** An outbox row as the change log writes it (no history row: these tests are about delivery). */
async function writeEvent(db: typeof database.db | Transaction<SystemTables>, recordId = RECORD): Promise<string> {
  const { rows } = await sql<{
    id: string;
  }>`insert into record_events (app_id, object_id, record_id, operation) values ('app', 'thing', ${recordId}, 'update') returning id`.execute(db);
  return String(rows[0]!.id);
}

/** A subscriber that writes a receipt per event in the delivering transaction; `fail` makes it throw. */
function receiptWriter(name: string, options: { fail?: () => boolean } = {}): EventSubscriber & { seen: RecordEvent[] } {
  const seen: RecordEvent[] = [];
  return {
    name,
    seen,
    async handle(events, tx) {
      if (options.fail?.()) throw new Error('subscriber is down');
      for (const event of events)
        await sql`insert into receipts (subscriber, event_id, record_id) values (${name}, ${event.id}, ${event.recordId})`.execute(tx);
      seen.push(...events);
    },
  };
}

async function receipts(name: string): Promise<string[]> {
  const { rows } = await sql<{ event_id: string }>`select event_id from receipts where subscriber = ${name} order by seq`.execute(database.db);
  return rows.map((r) => String(r.event_id));
}

const dispatchers: EventDispatcher[] = [];
function dispatcher(subscribers: EventSubscriber[], options: { pruneEveryMs?: number } = {}): EventDispatcher {
  const created = createEventDispatcher(database, { pollMs: 60_000, batchSize: 3, ...options });
  for (const subscriber of subscribers) void created.subscribe(subscriber);
  dispatchers.push(created);
  return created;
}

beforeEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.stop()));
  await sql`truncate receipts, record_events, event_subscribers`.execute(database.db);
});

describe('the event sequencer', () => {
  it('numbers events in commit order: an earlier id that commits later comes later, and is never skipped', async () => {
    let releaseFirst!: () => void;
    const held = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstWritten!: () => void;
    const written = new Promise<void>((resolve) => (firstWritten = resolve));
    let firstId = '';
    const slow = database.db.transaction().execute(async (tx) => {
      firstId = await writeEvent(tx);
      firstWritten();
      await held;
    });
    await written;
    const secondId = await writeEvent(database.db);
    expect(Number(secondId)).toBeGreaterThan(Number(firstId));
    await sequenceEvents(database.db, 100);
    releaseFirst();
    await slow;
    await sequenceEvents(database.db, 100);
    const { rows } = await sql<{ id: string; position: string }>`select id, position from record_events order by position`.execute(database.db);
    expect(rows.map((r) => String(r.id))).toEqual([secondId, firstId]);
    expect(rows.map((r) => Number(r.position))).toEqual([1, 2]);
  });

  it('runs one at a time across connections: a second sequencer steps aside', async () => {
    await writeEvent(database.db);
    const outcome = await database.db.transaction().execute(async (tx) => {
      await sql`select position from event_sequence for update`.execute(tx);
      return sequenceEvents(database.db, 100);
    });
    expect(outcome).toBeNull();
    expect(await sequenceEvents(database.db, 100)).toBe(1);
  });
});

describe('the event dispatcher', () => {
  it('delivers each committed event once, in commit order, in batches, moving progress with the subscriber’s own writes', async () => {
    const subscriber = receiptWriter('once');
    const d = dispatcher([subscriber]);
    await d.start();
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push(await writeEvent(database.db));
    await d.drain();
    await d.drain();
    expect(await receipts('once')).toEqual(ids);
    expect(subscriber.seen.map((e) => e.id)).toEqual(ids);
    expect(subscriber.seen[0]).toMatchObject({ appId: 'app', objectId: 'thing', recordId: RECORD, operation: 'update', changes: [] });
    expect((await subscriberProgress(database.db)).find((p) => p.name === 'once')).toMatchObject({ behind: 0, delivered: '7', failures: 0 });
  });

  it('starts a new subscriber at what is committed now; a subscriber that was down catches up on restart', async () => {
    await writeEvent(database.db);
    const first = dispatcher([receiptWriter('late')]);
    await first.start();
    await first.stop();
    // Written while the subscriber is down. (Written while it ran, a NOTIFY could wake it first.)
    const missed = [await writeEvent(database.db), await writeEvent(database.db)];
    expect(await receipts('late')).toEqual([]);
    const later = dispatcher([receiptWriter('late')]);
    await later.start();
    const fresh = await writeEvent(database.db);
    await later.drain();
    expect(await receipts('late')).toEqual([...missed, fresh]);
  });

  it('retries a failing subscriber’s batch instead of skipping it, and keeps others going', async () => {
    let down = true;
    const flaky = receiptWriter('flaky', { fail: () => down });
    const steady = receiptWriter('steady');
    const d = dispatcher([flaky, steady]);
    await d.start();
    const id = await writeEvent(database.db);
    await d.drain();
    expect(await receipts('steady')).toEqual([id]);
    expect(await receipts('flaky')).toEqual([]);
    expect((await subscriberProgress(database.db)).find((p) => p.name === 'flaky')).toMatchObject({ failures: 1, lastError: 'subscriber is down', behind: 1 });
    down = false;
    await sql`update event_subscribers set retry_at = now() where name = 'flaky'`.execute(database.db);
    await d.drain();
    expect(await receipts('flaky')).toEqual([id]);
    expect((await subscriberProgress(database.db)).find((p) => p.name === 'flaky')).toMatchObject({ failures: 0, lastError: null, behind: 0 });
  });

  it('with two dispatchers on one database, still delivers each event exactly once', async () => {
    const a = dispatcher([receiptWriter('shared')]);
    const b = dispatcher([receiptWriter('shared')]);
    await Promise.all([a.start(), b.start()]);
    const ids: string[] = [];
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 15; i += 1) {
        ids.push(await writeEvent(database.db, `00000000-0000-4000-8000-00000000000${w}`));
        (i % 2 ? a : b).wake();
      }
    });
    await Promise.all(writers);
    for (let i = 0; i < 3; i += 1) await Promise.all([a.drain(), b.drain()]);
    const got = await receipts('shared');
    expect(got).toHaveLength(60);
    expect(new Set(got)).toEqual(new Set(ids));
  });

  it('prunes outbox rows once every subscriber has them, and not before', async () => {
    let down = true;
    const d = dispatcher([receiptWriter('quick'), receiptWriter('slow', { fail: () => down })], { pruneEveryMs: 0 });
    await d.start();
    for (let i = 0; i < 4; i += 1) await writeEvent(database.db);
    const remaining = async () => Number((await sql<{ n: string }>`select count(*) as n from record_events`.execute(database.db)).rows[0]!.n);
    await d.drain();
    expect(await receipts('quick')).toHaveLength(4);
    expect(await remaining()).toBe(4);
    down = false;
    await sql`update event_subscribers set retry_at = now()`.execute(database.db);
    await d.drain();
    expect(await receipts('slow')).toHaveLength(4);
    await d.drain();
    expect(await remaining()).toBe(0);
  });

  it('wakes another process’s dispatcher by NOTIFY, without waiting for its poll', async () => {
    // The listening dispatcher polls once a minute: only the writer's NOTIFY can bring it the event in time.
    const subscriber = receiptWriter('woken');
    let handled!: (events: readonly RecordEvent[]) => void;
    const delivered = new Promise<readonly RecordEvent[]>((resolve) => (handled = resolve));
    const listening = dispatcher([{ name: subscriber.name, handle: (events, tx) => subscriber.handle(events, tx).then(() => handled(events)) }]);
    await listening.start();
    await listening.drain(); // its first look, made at start, is over before the event exists
    const writer = dispatcher([]);
    await writer.start();
    const id = await writeEvent(database.db);
    writer.wake();
    expect((await delivered).map((e) => String(e.id))).toEqual([id]);
    await listening.drain(); // the delivering transaction has committed its receipt
    expect(await receipts('woken')).toEqual([id]);
  });
});
