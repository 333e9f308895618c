import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { subscriberProgress } from '@tessera/events';
import { readDataVersions } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders } from './test-session';

const app: AppDocument = {
  id: 'wp',
  label: { en: 'Write path' },
  objects: [
    {
      id: 'lead',
      label: { en: 'Lead' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' }, required: true },
        { id: 'stage', type: 'select', label: { 'zh-CN': '阶段', en: 'Stage' }, options: ['new', 'won'].map((value) => ({ value, label: { en: value } })) },
      ],
    },
  ],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
const records = '/api/apps/wp/objects/lead/records';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database, bulkLimit: 3, eventPollMs: 60_000 });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  await server.inject({ method: 'POST', url: '/api/apps/wp/publish', headers: admin, payload: {} });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const count = async (query: ReturnType<typeof sql<{ n: string }>>) => Number((await query.execute(database.db)).rows[0]!.n);
const post = (url: string, payload: object, headers: Record<string, string> = admin) => server.inject({ method: 'POST', url, headers, payload });

describe('the record write path over HTTP', () => {
  it('bulk-changes by a list’s filters in one transaction with its audit line; over the limit, refuses in the user’s language and writes nothing', async () => {
    for (const name of ['A1', 'A2', 'B1', 'B2', 'B3', 'B4']) expect((await post(records, { values: { name, stage: 'new' } })).statusCode).toBe(201);
    const before = {
      history: await count(sql`select count(*) as n from record_history where app_id = 'wp'`),
      audit: await count(sql`select count(*) as n from audit_log where app_id = 'wp'`),
    };

    const tooMany = await post(
      `${records}/bulk-update`,
      { filters: [{ field: 'name', op: 'starts_with', value: 'B' }], values: { stage: 'won' } },
      { ...admin, 'accept-language': 'zh-CN' },
    );
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'record.bulk_too_many', title: '一次最多批量修改 3 条记录，所选有 4 条；请缩小筛选范围' });
    expect(await count(sql`select count(*) as n from record_history where app_id = 'wp'`)).toBe(before.history);
    expect(await count(sql`select count(*) as n from audit_log where app_id = 'wp'`)).toBe(before.audit);

    const done = await post(`${records}/bulk-update`, { filters: [{ field: 'name', op: 'starts_with', value: 'A' }], values: { stage: 'won' } });
    expect(done.json()).toEqual({ done: 2, skipped: [] });
    expect(await count(sql`select count(*) as n from audit_log where app_id = 'wp' and action = 'record.bulk_update' and detail->'filters' is not null`)).toBe(
      1,
    );
    expect((await post(`${records}/bulk-update`, { values: { stage: 'won' } })).json()).toMatchObject({ status: 400, code: 'request.invalid' });
    expect((await post(`${records}/bulk-delete`, { ids: [], filters: [] })).statusCode).toBe(400);
  });

  it('announces every committed change to the subscribers: the data versions count each once', async () => {
    await server.events.drain();
    const history = await count(sql`select count(*) as n from record_history where app_id = 'wp'`);
    expect(history).toBe(8);
    expect(await readDataVersions(database.db, 'wp', ['lead'])).toEqual({ lead: history });
    expect((await subscriberProgress(database.db)).find((p) => p.name === 'records.data-versions')).toMatchObject({ behind: 0, failures: 0 });
    // Delivered rows are pruned from the outbox; the history keeps the change.
    expect(
      await count(sql`select count(*) as n from record_events e join event_subscribers s on s.name = 'records.data-versions' where e.position > s.position`),
    ).toBe(0);
  });

  it('creates a batch set-based: all or nothing by default, or the valid rows with the others’ errors in the caller’s language', async () => {
    const before = await count(sql`select count(*) as n from app_wp.lead`);
    const rows = [{ values: { name: 'Batch 1', stage: 'new' } }, { values: { name: '', stage: 'lost' } }, { values: { name: 'Batch 3' } }];
    const refused = await post(`${records}/batch`, { rows }, { ...admin, 'accept-language': 'zh-CN' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'record.batch_invalid',
      title: '1 行有错误，未保存任何记录',
      errors: [{ pointer: '/rows/1/values/stage', code: 'field.option' }],
    });
    expect(await count(sql`select count(*) as n from app_wp.lead`)).toBe(before);

    const partial = await post(`${records}/batch`, { rows, atomicity: 'valid' });
    expect(partial.statusCode).toBe(201);
    const body = partial.json();
    expect(body.created.map((c: { index: number }) => c.index)).toEqual([0, 2]);
    expect(body.refused).toEqual([{ index: 1, errors: [expect.objectContaining({ pointer: '/values/stage', field: 'stage', code: 'field.option' })] }]);
    expect(await count(sql`select count(*) as n from app_wp.lead`)).toBe(before + 2);
    expect((await post(`${records}/batch`, { rows: [] })).statusCode).toBe(400);
  });
});
