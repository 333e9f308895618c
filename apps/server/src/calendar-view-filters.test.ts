import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import { monthQuery, neighbourQuery, yearCountsReport } from '@tessera/ui/calendar-query';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, userHeaders } from './test-session';

/** Visits on site or by phone; a rep works only their own visits. */
const app: AppDocument = {
  id: 'field',
  label: { en: 'Field sales' },
  objects: [
    {
      id: 'visit',
      label: { en: 'Visit' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        { id: 'visit_date', type: 'date', label: { en: 'Visit date' } },
        {
          id: 'kind',
          type: 'select',
          label: { en: 'Kind' },
          options: [
            { value: 'onsite', label: { en: 'On site' } },
            { value: 'phone', label: { en: 'Phone' } },
          ],
        },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'visit', actions: ['create', 'read'], rows: 'own' }] }],
};
const object = app.objects[0]!;
const visitDate = object.fields[1]!;
/** What the calendar sends to the records list. */
type RecordQuery = ReturnType<typeof monthQuery>;
const onsite = [{ field: 'kind', op: 'eq' as const, value: 'onsite' }];
const march = { year: 2026, month: 3 };

let database: TestDatabase;
let server: FastifyInstance;
let rep: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database });
  const admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  await server.inject({ method: 'POST', url: '/api/apps/field/publish', headers: admin, payload: {} });
  const user = await userHeaders(server, database, 'rep@test.local');
  rep = user.headers;
  await server.inject({ method: 'PUT', url: `/api/admin/users/${user.id}/roles`, headers: admin, payload: { appId: 'field', roles: ['rep'] } });
  const visit = async (headers: Record<string, string>, title: string, date: string, kind: string) => {
    const created = await server.inject({
      method: 'POST',
      url: '/api/apps/field/objects/visit/records',
      headers,
      payload: { values: { title, visit_date: date, kind } },
    });
    expect(created.statusCode).toBe(201);
  };
  await visit(admin, 'Admin on site', '2026-03-10', 'onsite');
  await visit(rep, 'Rep on site', '2026-03-12', 'onsite');
  await visit(rep, 'Rep phone', '2026-03-13', 'phone');
  await visit(rep, 'Rep on site in May', '2026-05-04', 'onsite');
  await visit(rep, 'Rep phone in January', '2026-01-20', 'phone');
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const query = (payload: RecordQuery) => server.inject({ method: 'POST', url: '/api/apps/field/objects/visit/records/query', headers: rep, payload });
const titles = async (payload: RecordQuery) => (await query(payload)).json<{ items: { title: string }[] }>().items.map((i) => i.title);

describe('a calendar view with filters, as the server answers it', () => {
  it('lists only the month’s records that meet the view’s filters and the reader may read', async () => {
    expect(await titles(monthQuery(visitDate, march, onsite))).toEqual(['Rep on site']);
    expect(await titles(monthQuery(visitDate, march, []))).toEqual(['Rep on site', 'Rep phone']);
  });

  it('jumps over months holding only records the view leaves out', async () => {
    expect(await titles(neighbourQuery(visitDate, march, 'before', onsite))).toEqual([]);
    expect(await titles(neighbourQuery(visitDate, march, 'before', []))).toEqual(['Rep phone in January']);
    expect(await titles(neighbourQuery(visitDate, march, 'after', onsite))).toEqual(['Rep on site in May']);
  });

  it('counts the year’s months with the same filters, under the reader’s row scope', async () => {
    const run = async (filters: typeof onsite) => {
      const answer = await server.inject({
        method: 'POST',
        url: '/api/apps/field/reports/query',
        headers: rep,
        payload: { report: yearCountsReport(object, visitDate, 2026, filters) },
      });
      expect(answer.statusCode).toBe(200);
      const rows = answer.json<{ rows: { keys: { month: { value: string } }; values: { records: number } }[] }>().rows;
      return Object.fromEntries(rows.map((r) => [r.keys.month.value.slice(0, 7), Number(r.values.records)]));
    };
    expect(await run(onsite)).toEqual({ '2026-03': 1, '2026-05': 1 });
    expect(await run([])).toEqual({ '2026-01': 1, '2026-03': 2, '2026-05': 1 });
  });
});
