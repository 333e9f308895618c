import { compilePolicy, fullAccess } from '@tessera/access';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createLiveAppCache } from './live-app';
import { RecordError } from './record-error';
import { createRecordService } from './record-service';
import { usePublishedApp } from './test-app';

const ADMIN = '00000000-0000-4000-8000-00000000000a';
const REP = '00000000-0000-4000-8000-0000000000b1';
const OTHER = '00000000-0000-4000-8000-0000000000b2';
const admin = fullAccess({ userId: ADMIN, departmentId: null });

const app: AppDocument = {
  id: 'bulk',
  label: { en: 'Bulk' },
  objects: [
    {
      id: 'lead',
      label: { en: 'Lead' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' }, required: true },
        { id: 'email', type: 'email', label: { en: 'Email' }, unique: true },
        { id: 'stage', type: 'select', label: { en: 'Stage' }, options: ['new', 'working', 'won'].map((value) => ({ value, label: { en: value } })) },
        { id: 'score', type: 'number', label: { en: 'Score' } },
        { id: 'grade', type: 'formula', label: { en: 'Grade' }, formula: 'IF(score >= 50, "A", "B")', resultType: 'text' },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'lead', actions: ['read', 'update', 'delete', 'create'], rows: 'own' }] }],
};

const published = usePublishedApp(app);
const rep = () => compilePolicy(app, { userId: REP, departmentId: null, departmentTree: [], roles: ['rep'], isAdmin: false });

async function count(query: ReturnType<typeof sql<{ n: string }>>): Promise<number> {
  return Number((await query.execute(published.database.db)).rows[0]!.n);
}

describe('bulk changes, set-based', () => {
  it('edit 100,000 records in one request and one transaction, each with a new version, its formula, a history row and an event', async () => {
    const db = published.database.db;
    // The records exist already (an import long ago): generated in SQL, so the test times only the edit.
    await sql`insert into app_bulk.lead (owner_id, created_by, updated_by, name, stage, score)
      select ${ADMIN}::uuid, ${ADMIN}::uuid, ${ADMIN}::uuid, 'Lead ' || n, 'new', n % 100 from generate_series(1, 100000) n`.execute(db);
    const historyBefore = await count(sql`select count(*) as n from record_history where app_id = 'bulk'`);
    const eventsBefore = await count(sql`select count(*) as n from record_events where app_id = 'bulk'`);
    const records = createRecordService(db, createLiveAppCache(db), { bulkLimit: 100_000 });
    const started = Date.now();
    const result = await records.bulkUpdate('bulk', 'lead', admin, { filters: [{ field: 'stage', op: 'eq', value: 'new' }] }, { stage: 'working', score: 75 });
    const seconds = (Date.now() - started) / 1000;
    expect(result).toEqual({ done: 100_000, skipped: [] });
    expect(
      await count(
        sql`select count(*) as n from app_bulk.lead where stage = 'working' and score = 75 and grade = 'A' and version = 2 and updated_by = ${ADMIN}`,
      ),
    ).toBe(100_000);
    expect(await count(sql`select count(*) as n from record_history where app_id = 'bulk'`)).toBe(historyBefore + 100_000);
    const changed = (fragment: string) =>
      count(sql`select count(*) as n from record_history h
      where h.app_id = 'bulk' and h.operation = 'update' and h.source = 'bulk' and h.record_version = 2 and h.actor_id = ${ADMIN} and h.changes @> ${fragment}::jsonb`);
    expect(await changed('[{"field": "stage", "old": "new", "new": "working"}]')).toBe(100_000);
    // A score already 75 (n % 100 = 75) did not change, nor did its grade: the history says only what changed.
    expect(await changed('[{"field": "score", "new": "75"}]')).toBe(99_000);
    // The rows were made in SQL without their formula; the edit works it out for every one.
    expect(await changed('[{"field": "grade", "old": null, "new": "A"}]')).toBe(100_000);
    expect(
      await count(sql`select count(*) as n from record_events e join record_history h on h.id = e.history_id
      where e.app_id = 'bulk' and e.operation = 'update' and e.record_id = h.record_id and h.source = 'bulk'`),
    ).toBe(100_000);
    expect(await count(sql`select count(*) as n from record_events where app_id = 'bulk'`)).toBe(eventsBefore + 100_000);
    // Set-based: the whole edit is a few dozen statements, not 100,000 transactions (seconds, not minutes).
    expect(seconds).toBeLessThan(120);
  }, 240_000);

  it('refuse a selection over the configured limit, naming both numbers, and write nothing', async () => {
    const records = createRecordService(published.database.db, createLiveAppCache(published.database.db), { bulkLimit: 1_000 });
    const before = await count(sql`select count(*) as n from record_history where app_id = 'bulk'`);
    const error = await records.bulkUpdate('bulk', 'lead', admin, { filters: [] }, { stage: 'won' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordError);
    expect(error).toMatchObject({ code: 'record.bulk_too_many', status: 422, params: { limit: 1_000, count: 100_000 } });
    expect(await count(sql`select count(*) as n from record_history where app_id = 'bulk'`)).toBe(before);
  });

  it('touch only what the actor may change, report ticked records they may not, and skip records already as asked', async () => {
    const mine = await published.records.createMany('bulk', 'lead', rep(), [
      { values: { name: 'Mine 1', score: 10 } },
      { values: { name: 'Mine 2', score: 10 } },
    ]);
    const theirs = await published.records.create('bulk', 'lead', fullAccess({ userId: OTHER, departmentId: null }), { values: { name: 'Theirs' } });
    const ids = [...mine.created.map((c) => c.id), String(theirs.id)];
    const result = await published.records.bulkUpdate('bulk', 'lead', rep(), { ids }, { score: 60 });
    expect(result).toEqual({ done: 2, skipped: [{ id: String(theirs.id), code: 'record.not_found' }] });
    const again = await published.records.bulkUpdate('bulk', 'lead', rep(), { ids: ids.slice(0, 2) }, { score: 60 });
    expect(again.done).toBe(2);
    const history = await published.records.history('bulk', 'lead', rep(), ids[0]!);
    expect(history.map((h) => [h.operation, h.version, h.source])).toEqual([
      ['update', 2, 'bulk'],
      ['create', 1, 'user'],
    ]);
    const deleted = await published.records.bulkDelete('bulk', 'lead', rep(), { filters: [{ field: 'name', op: 'starts_with', value: 'Mine' }] });
    expect(deleted).toEqual({ done: 2, skipped: [] });
    expect((await published.records.get('bulk', 'lead', admin, String(theirs.id))).name).toBe('Theirs');
  });

  it('refuse one value for a unique field on several records, and bad values before anything is written', async () => {
    const two = await published.records.createMany('bulk', 'lead', admin, [{ values: { name: 'U1' } }, { values: { name: 'U2' } }]);
    const ids = two.created.map((c) => c.id);
    const unique = await published.records.bulkUpdate('bulk', 'lead', admin, { ids }, { email: 'same@example.com' }).catch((e: unknown) => e);
    expect(unique).toMatchObject({ code: 'record.invalid', issues: [{ field: 'email', code: 'field.unique_bulk' }] });
    const invalid = await published.records.bulkUpdate('bulk', 'lead', admin, { ids }, { stage: 'lost', score: 'many' }).catch((e: unknown) => e);
    expect((invalid as RecordError).issues.map((i) => `${i.field}:${i.code}`).sort()).toEqual(['score:field.format', 'stage:field.option']);
    expect(await published.records.bulkUpdate('bulk', 'lead', admin, { ids: ids.slice(0, 1) }, { email: 'one@example.com' })).toEqual({ done: 1, skipped: [] });
  });
});
