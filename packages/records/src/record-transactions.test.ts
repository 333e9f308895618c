import { fullAccess } from '@tessera/access';
import { type Database, openDatabase, type SystemTables } from '@tessera/db';
import { StatementProbe } from '@tessera/db/testing';
import { createMetadataStore } from '@tessera/meta';
import type { AppDocument } from '@tessera/schemas';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createLiveAppCache } from './live-app';
import { createRecordService } from './record-service';
import { usePublishedApp } from './test-app';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const admin = fullAccess({ userId: ALICE, departmentId: null });

/** A quote whose total reads its lines: an edit that leaves the lines must read them, in its own transaction. */
const app: AppDocument = {
  id: 'seam',
  label: { en: 'Seam' },
  objects: [
    {
      id: 'quote',
      label: { en: 'Quote' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' }, required: true },
        { id: 'code', type: 'text', label: { en: 'Code' }, unique: true },
        { id: 'discount', type: 'percent', label: { en: 'Discount' } },
        { id: 'lines', type: 'child_table', label: { en: 'Lines' }, target: 'line' },
        { id: 'total', type: 'formula', label: { en: 'Total' }, formula: 'SUM(lines.amount) * (1 - COALESCE(discount, 0) / 100)', resultType: 'currency' },
      ],
    },
    {
      id: 'line',
      label: { en: 'Line' },
      parent: 'quote',
      fields: [
        { id: 'qty', type: 'number', label: { en: 'Qty' } },
        { id: 'price', type: 'currency', label: { en: 'Price' } },
        { id: 'amount', type: 'formula', label: { en: 'Amount' }, formula: 'qty * price', resultType: 'currency' },
      ],
    },
  ],
};

const lines = [
  { qty: 2, price: '10' },
  { qty: 1, price: '5' },
];

async function counts(db: Kysely<SystemTables>): Promise<{ quotes: number; lines: number; history: number; events: number; audit: number }> {
  const { rows } = await sql<{ quotes: string; lines: string; history: string; events: string; audit: string }>`select
      (select count(*) from app_seam.quote) as quotes, (select count(*) from app_seam.line) as lines,
      (select count(*) from record_history where app_id = 'seam') as history,
      (select count(*) from record_events where app_id = 'seam') as events,
      (select count(*) from audit_log where app_id = 'seam') as audit`.execute(db);
  const row = rows[0]!;
  return { quotes: Number(row.quotes), lines: Number(row.lines), history: Number(row.history), events: Number(row.events), audit: Number(row.audit) };
}

async function audit(db: Kysely<SystemTables>, action: string): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ actor_id: ALICE, action, app_id: 'seam', detail: JSON.stringify({}) })
    .execute();
}

describe('one transaction seam', () => {
  const published = usePublishedApp(app);

  it('writes a record with its lines, history row and event in the caller’s transaction, and leaves nothing when it rolls back', async () => {
    const before = await counts(published.database.db);
    const failure = await published.records
      .transaction(async (records, tx) => {
        const quote = await records.create('seam', 'quote', admin, { values: { title: 'Q1', lines } });
        await records.update('seam', 'quote', admin, String(quote.id), { version: 1, values: { discount: 10 } });
        await records.createMany('seam', 'quote', admin, [{ values: { title: 'Q2', lines } }, { values: { title: 'Q3' } }]);
        await records.bulkUpdate('seam', 'quote', admin, { filters: [] }, { discount: 5 });
        await audit(tx, 'test.inside');
        // Inside, everything is visible: the transaction's own writes, read through the transaction.
        expect(await counts(tx)).toMatchObject({ quotes: before.quotes + 3, lines: before.lines + 4, audit: before.audit + 1 });
        throw new Error('the caller changes its mind');
      })
      .catch((error: unknown) => error);
    expect((failure as Error).message).toBe('the caller changes its mind');
    expect(await counts(published.database.db)).toEqual(before);
  });

  it('rolls back what a write had done when a later statement of the same write fails', async () => {
    await published.records.create('seam', 'quote', admin, { values: { title: 'Existing', lines } });
    const before = await counts(published.database.db);
    // The quote row (with its history row and event) goes in first, then its lines: fail the lines.
    const failing = createRecordService(
      published.database.db.withPlugin(new StatementProbe((text) => /^\s*insert into \? \(id, parent_id, sort_index/.test(text), 'fail')),
      createLiveAppCache(published.database.db),
    );
    const refused = await failing.create('seam', 'quote', admin, { values: { title: 'Half', lines } }).catch((e: unknown) => e);
    expect((refused as Error).message).toBe('injected failure');
    const bulk = await failing
      .transaction(async (records, tx) => {
        await audit(tx, 'test.bulk');
        return records.bulkUpdate('seam', 'quote', admin, { filters: [] }, { lines: [{ qty: 1, price: '1' }] });
      })
      .catch((e: unknown) => e);
    expect((bulk as Error).message).toBe('injected failure');
    expect(await counts(published.database.db)).toEqual(before);
  });

  it('commits with the caller: the record, its lines, history and event are there together', async () => {
    const before = await counts(published.database.db);
    const id = await published.records.transaction(async (records, tx) => {
      const quote = await records.create('seam', 'quote', admin, { values: { title: 'Kept', lines } });
      await audit(tx, 'test.kept');
      return String(quote.id);
    });
    expect(await counts(published.database.db)).toEqual({
      ...before,
      quotes: before.quotes + 1,
      lines: before.lines + 2,
      history: before.history + 1,
      events: before.events + 1,
      audit: before.audit + 1,
    });
    expect(await published.records.get('seam', 'quote', admin, id)).toMatchObject({ title: 'Kept', total: '25' });
  });

  it('binds to a transaction the caller opened itself (`within`)', async () => {
    const before = await counts(published.database.db);
    const outcome = await published.database.db
      .transaction()
      .execute(async (tx) => {
        const records = published.records.within(tx);
        const quote = await records.create('seam', 'quote', admin, { values: { title: 'Within', lines } });
        expect(await records.get('seam', 'quote', admin, String(quote.id))).toMatchObject({ title: 'Within', total: '25' });
        throw new Error('rolled back by its owner');
      })
      .catch((e: unknown) => (e as Error).message);
    expect(outcome).toBe('rolled back by its owner');
    expect(await counts(published.database.db)).toEqual(before);
  });
});

describe('one transaction seam on the embedded database (one connection)', () => {
  let database: Database | null = null;
  afterAll(async () => database?.close());

  it('reads lines, references and the live app through the transaction, so a write inside one never waits for a second connection', async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    const store = createMetadataStore(database.db);
    await store.createApp(app);
    await store.publish('seam', { actor: null });
    const records = createRecordService(database.db, createLiveAppCache(database.db, 0));
    const quote = await records.create('seam', 'quote', admin, { values: { title: 'Embedded', lines } });
    const updated = await records.transaction(async (inside) => {
      // The total must read the stored lines: through the transaction, or this would wait forever.
      const changed = await inside.update('seam', 'quote', admin, String(quote.id), { version: 1, values: { discount: 20 } });
      await inside.bulkUpdate('seam', 'quote', admin, { ids: [String(quote.id)] }, { title: 'Embedded, bulk' });
      return changed;
    });
    expect(updated).toMatchObject({ discount: '20', total: '20' });
    expect(await records.get('seam', 'quote', admin, String(quote.id))).toMatchObject({ title: 'Embedded, bulk', total: '20', version: 3 });
  }, 60_000);
});
