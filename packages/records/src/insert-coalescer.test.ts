import { fullAccess } from '@tessera/access';
import { StatementProbe } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLiveAppCache } from './live-app';
import { RecordError } from './record-error';
import { createRecordService, type RecordService } from './record-service';
import { usePublishedApp } from './test-app';

const admin = fullAccess({ userId: '00000000-0000-4000-8000-00000000000a', departmentId: null });

const app: AppDocument = {
  id: 'burst',
  label: { en: 'Burst' },
  objects: [
    {
      id: 'visit',
      label: { en: 'Visit' },
      displayField: 'customer',
      fields: [
        { id: 'customer', type: 'text', label: { en: 'Customer' }, required: true },
        { id: 'ticket', type: 'text', label: { en: 'Ticket' }, unique: true },
        { id: 'number', type: 'auto_number', label: { en: 'Number' }, numberFormat: 'V-{00000}' },
      ],
    },
  ],
};

const published = usePublishedApp(app);
let records: RecordService;
beforeAll(() => {
  records = createRecordService(published.database.db, createLiveAppCache(published.database.db));
});

describe('creates under load', () => {
  it('share statements, and each still gets its own record, number, history row and event — or its own error', async () => {
    const db = published.database.db;
    const creates = Array.from({ length: 60 }, (_, i) =>
      records.create('burst', 'visit', admin, { values: { customer: `C${i}`, ticket: i === 41 ? 'T-7' : `T-${i}` } }),
    );
    const outcomes = await Promise.allSettled(creates);
    const refused = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [[i, o.reason] as const] : []));
    // Ticket T-7 was asked for twice; exactly one of the two creates gets it.
    expect(refused).toHaveLength(1);
    const [index, error] = refused[0]!;
    expect([7, 41]).toContain(index);
    expect(error).toBeInstanceOf(RecordError);
    expect((error as RecordError).issues.map((i) => `${i.field}:${i.code}`)).toEqual(['ticket:field.unique']);
    const created = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(created).toHaveLength(59);
    expect(created.every((r) => r.version === 1 && typeof r.number === 'string')).toBe(true);
    expect(new Set(created.map((r) => r.number)).size).toBe(59);
    const { rows } = await sql<{ records: string; history: string; events: string }>`select
        (select count(*) from app_burst.visit) as records,
        (select count(*) from record_history where app_id = 'burst') as history,
        (select count(*) from record_events e join record_history h on h.id = e.history_id where e.app_id = 'burst' and e.record_id = h.record_id) as events`.execute(
      db,
    );
    expect(rows[0]).toEqual({ records: '59', history: '59', events: '59' });
  });

  it('go out alone when nothing else is on its way', async () => {
    // The statements inserting visits (the create statement, compiled once per shape).
    const counted = new StatementProbe((text) => text.includes('insert into ? (id, owner_id'));
    const counting = createRecordService(published.database.db.withPlugin(counted), createLiveAppCache(published.database.db));
    for (let i = 0; i < 3; i += 1) await counting.create('burst', 'visit', admin, { values: { customer: `Alone ${i}` } });
    // Compiled once (the statement is cached), sent three times.
    expect(counted.count).toBe(1);
    const all = await Promise.all(Array.from({ length: 40 }, (_, i) => counting.create('burst', 'visit', admin, { values: { customer: `Together ${i}` } })));
    expect(all).toHaveLength(40);
    const { rows } = await sql<{ n: string }>`select count(distinct xmin::text) as n from app_burst.visit where customer like 'Together %'`.execute(
      published.database.db,
    );
    // Forty creates at once commit in far fewer transactions than forty.
    expect(Number(rows[0]!.n)).toBeLessThan(40);
  });
});
