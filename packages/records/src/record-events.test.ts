import { fullAccess } from '@tessera/access';
import { createEventDispatcher, type EventDispatcher, type EventSubscriber } from '@tessera/events';
import type { AppDocument } from '@tessera/schemas';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataVersionsSubscriber, readDataVersions } from './data-versions';
import { createLiveAppCache } from './live-app';
import { RecordError } from './record-error';
import { createRecordService, type RecordService } from './record-service';
import { usePublishedApp } from './test-app';

const admin = fullAccess({ userId: '00000000-0000-4000-8000-00000000000a', departmentId: null });

const app: AppDocument = {
  id: 'evt',
  label: { en: 'Events' },
  objects: [
    {
      id: 'item',
      label: { en: 'Item' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' }, required: true },
        { id: 'n', type: 'number', label: { en: 'N' } },
        { id: 'double', type: 'formula', label: { en: 'Double' }, formula: 'n * 2', resultType: 'number' },
      ],
    },
  ],
};

/** The oracle's subscriber: one receipt per event, written in the delivering transaction. */
const receipts: EventSubscriber = {
  name: 'test.receipts',
  async handle(events, tx) {
    for (const e of events) {
      await sql`insert into receipts (event_id, record_id, version, operation, source) values (${e.id}, ${e.recordId}, ${e.version}, ${e.operation}, ${e.source})`.execute(
        tx,
      );
    }
  },
};

const published = usePublishedApp(app);
let records: RecordService;
let first: EventDispatcher;
let second: EventDispatcher;
const created: string[] = [];

beforeAll(async () => {
  await sql`create table receipts (seq bigserial primary key, event_id bigint not null, record_id uuid, version integer, operation text, source text)`.execute(
    published.database.db,
  );
  // Two dispatchers, as two server processes would have, sharing the subscribers' progress.
  first = createEventDispatcher(published.database, { pollMs: 60_000, batchSize: 7 });
  second = createEventDispatcher(published.database, { pollMs: 60_000, batchSize: 7 });
  for (const d of [first, second]) {
    await d.subscribe(receipts);
    await d.subscribe(dataVersionsSubscriber);
    await d.start();
  }
  // No wake-up on commit: events pile up between the drains the test asks for, so a batch holds
  // several changes of one record and an ordering mistake would show.
  records = createRecordService(published.database.db, createLiveAppCache(published.database.db));
});
afterAll(async () => {
  await first?.stop();
  await second?.stop();
});

type Op =
  | { kind: 'create'; n: number }
  | { kind: 'update'; pick: number; n: number }
  | { kind: 'remove' | 'restore'; pick: number }
  | { kind: 'bulkUpdate'; picks: number[]; n: number }
  | { kind: 'bulkDelete'; picks: number[] }
  | { kind: 'createMany'; count: number }
  | { kind: 'rolledBack'; n: number }
  | { kind: 'drain'; which: 0 | 1 };

const pick = fc.nat({ max: 1_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), n: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constant('update' as const), pick, n: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constantFrom('remove' as const, 'restore' as const), pick }),
  fc.record({ kind: fc.constant('bulkUpdate' as const), picks: fc.array(pick, { minLength: 1, maxLength: 4 }), n: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('bulkDelete' as const), picks: fc.array(pick, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('createMany' as const), count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('rolledBack' as const), n: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('drain' as const), which: fc.constantFrom(0 as const, 1 as const) }),
);

/** One of the five newest records: operations meet on the same records often. */
const idAt = (i: number) => created[created.length - 1 - (i % Math.min(5, created.length))]!;

async function run(o: Op): Promise<void> {
  if (created.length === 0 && o.kind !== 'create' && o.kind !== 'createMany') return;
  switch (o.kind) {
    case 'create':
      created.push(String((await records.create('evt', 'item', admin, { values: { name: `c${o.n}`, n: o.n } })).id));
      return;
    case 'update': {
      const current = await records.get('evt', 'item', admin, idAt(o.pick));
      await records.update('evt', 'item', admin, idAt(o.pick), { version: Number(current.version), values: { n: o.n } });
      return;
    }
    case 'remove':
      return records.remove('evt', 'item', admin, idAt(o.pick));
    case 'restore':
      await records.restore('evt', 'item', admin, idAt(o.pick));
      return;
    case 'bulkUpdate':
      await records.bulkUpdate('evt', 'item', admin, { ids: o.picks.map(idAt) }, { n: o.n });
      return;
    case 'bulkDelete':
      await records.bulkDelete('evt', 'item', admin, { ids: o.picks.map(idAt) });
      return;
    case 'createMany': {
      const result = await records.createMany(
        'evt',
        'item',
        admin,
        Array.from({ length: o.count }, (_, i) => ({ values: { name: `m${i}`, n: i } })),
        { source: 'import' },
      );
      created.push(...result.created.map((c) => c.id));
      return;
    }
    case 'rolledBack':
      // A caller's transaction that writes and then gives up: none of it may reach a subscriber.
      await records
        .transaction(async (inside) => {
          await inside.create('evt', 'item', admin, { values: { name: 'ghost', n: o.n } });
          if (created.length) await inside.bulkUpdate('evt', 'item', admin, { ids: [idAt(o.n)] }, { n: 99 });
          throw new Error('rolled back');
        })
        .catch(() => {});
      return;
    case 'drain':
      return (o.which ? second : first).drain();
  }
}

/** Operations that lose a race (a stale version, a record deleted meanwhile) are refused, and write nothing. */
const tolerated = (error: unknown) => {
  if (!(error instanceof RecordError)) throw error;
};

describe('record events', () => {
  it('reach each subscriber exactly once, in commit order per record, whatever the writes and their interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), async (rounds) => {
        for (const round of rounds) await Promise.all(round.map((o) => run(o).catch(tolerated)));
        for (let i = 0; i < 2; i += 1) await Promise.all([first.drain(), second.drain()]);
        const db = published.database.db;
        // Every committed change (its history row) has exactly one receipt, and nothing else has one.
        const { rows: mismatch } = await sql<{ n: string }>`select count(*) as n from (
            (select record_id, record_version as version, operation, count(*) from record_history where app_id = 'evt' group by 1, 2, 3
             except all select record_id, version, operation, count(*) from receipts group by 1, 2, 3)
            union all
            (select record_id, version, operation, count(*) from receipts group by 1, 2, 3
             except all select record_id, record_version, operation, count(*) from record_history where app_id = 'evt' group by 1, 2, 3)
          ) diff`.execute(db);
        expect(Number(mismatch[0]!.n)).toBe(0);
        const { rows: duplicated } = await sql<{
          n: string;
        }>`select count(*) as n from (select event_id from receipts group by event_id having count(*) > 1) d`.execute(db);
        expect(Number(duplicated[0]!.n)).toBe(0);
        // A record's events arrive in the order its versions were committed.
        const { rows: disordered } = await sql<{ n: string }>`select count(*) as n from (
            select version, lag(version) over (partition by record_id order by seq) as before from receipts) r
          where before is not null and version <= before`.execute(db);
        expect(Number(disordered[0]!.n)).toBe(0);
        // The data-versions subscriber counted each change once too.
        const { rows: history } = await sql<{ n: string }>`select count(*) as n from record_history where app_id = 'evt'`.execute(db);
        expect((await readDataVersions(db, 'evt', ['item'])).item).toBe(Number(history[0]!.n));
      }),
      { numRuns: 12 },
    );
    const sources = await sql<{ source: string }>`select distinct source from receipts order by source`.execute(published.database.db);
    expect(sources.rows.map((r) => r.source)).toEqual(expect.arrayContaining(['user']));
  }, 120_000);
});
