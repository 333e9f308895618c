import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { type AppDocument, decodeListFilters, type FilterCondition } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders } from './test-session';

/**
 * The publish review's "N rows break this rule" and the list its link opens agree: the count is
 * the records API's count under the filter the link carries (`?f=`), for a new format (check
 * characters included), a new `required` (white space only counts as empty), and an encrypted
 * field, whose values the server opens to check.
 */
const app: AppDocument = {
  id: 'links',
  label: { en: 'Links' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'code', type: 'text', label: { en: 'Credit code' } },
        { id: 'mobile', type: 'phone', label: { en: 'Mobile' } },
        { id: 'idcard', type: 'text', label: { en: 'ID card' }, encrypted: true },
        { id: 'note', type: 'text', label: { en: 'Note' } },
        { id: 'size', type: 'number', label: { en: 'Size' } },
      ],
    },
  ],
};
const rows = [
  { name: 'A good', code: '91350100M000100Y43', mobile: '138 0013 8000', idcard: '11010519491231002X', note: 'x' },
  // A wrong check character: only the definition's own check can tell.
  { name: 'B bad check', code: '91350100M000100Y44', mobile: '010-62345678', idcard: '110105194912310021', note: 'y' },
  // Lower case and full width: the format's cleaning accepts them, so they break nothing.
  { name: 'C cleaned', code: '９１３５０１００m０００１００y４３', mobile: '+86 13800138000', idcard: '11010519491231002x' },
  { name: 'D junk', code: 'n/a', mobile: '12', idcard: 'unknown' },
  { name: 'E empty', note: null, mobile: undefined },
];

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
const records = '/api/apps/links/objects/customer/records';
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  server.inject({ method, url, headers: { ...admin, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
const query = async (filters: FilterCondition[], deleted = false) => {
  const response = await call('POST', `${records}/query`, { filters, count: true, sort: [{ field: 'name' }], limit: 500, ...(deleted ? { deleted } : {}) });
  expect(response.statusCode).toBe(200);
  const body = response.json() as { items: { name: string }[]; total: number };
  return { names: body.items.map((r) => r.name), total: body.total };
};

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database, encryptionKey: randomBytes(32).toString('base64') });
  admin = await adminHeaders(server, database);
  await call('POST', '/api/apps', { document: app });
  expect((await call('POST', '/api/apps/links/publish', {})).statusCode).toBe(200);
  for (const { mobile, ...values } of rows) {
    expect((await call('POST', records, { values })).statusCode).toBe(201);
    // A phone field refuses a bad number on every write: these are rows from before the rule.
    if (mobile) await sql`update app_links.customer set mobile = ${mobile} where name = ${values.name}`.execute(database.db);
  }
  // Rows as an old client left them, past the write path: white space only, tabs and an ideographic space.
  await sql`insert into app_links.customer (id, name, note) values (gen_random_uuid(), 'F spaces', ${' \t\u3000'}), (gen_random_uuid(), 'G nbsp', ${'\u00a0'})`.execute(
    database.db,
  );
  const gone = (await call('POST', records, { values: { name: 'H deleted', code: 'bad' } })).json() as { id: string };
  expect((await call('DELETE', `${records}/${gone.id}`)).statusCode).toBeLessThan(300);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('records API: breaks_format and is_empty', () => {
  it('finds the values that break a format by the format’s own check, check characters and cleaning included', async () => {
    expect(await query([{ field: 'code', op: 'breaks_format', value: 'cn-uscc' }])).toEqual({ names: ['B bad check', 'D junk'], total: 2 });
    expect(await query([{ field: 'mobile', op: 'breaks_format', value: 'cn-mobile' }])).toEqual({ names: ['B bad check', 'D junk'], total: 2 });
    expect(await query([{ field: 'mobile', op: 'breaks_format', value: 'cn-phone' }])).toEqual({ names: ['D junk'], total: 1 });
    // Combined with another filter, and over the recycle bin.
    expect(
      await query([
        { field: 'code', op: 'breaks_format', value: 'cn-uscc' },
        { field: 'name', op: 'starts_with', value: 'B' },
      ]),
    ).toEqual({
      names: ['B bad check'],
      total: 1,
    });
    expect(await query([{ field: 'code', op: 'breaks_format', value: 'cn-uscc' }], true)).toEqual({ names: ['H deleted'], total: 1 });
  });

  it('opens an encrypted field’s values on the server to check them', async () => {
    expect(await query([{ field: 'idcard', op: 'breaks_format', value: 'cn-resident-id' }])).toEqual({ names: ['B bad check', 'D junk'], total: 2 });
  });

  it('counts text of only white space as empty, as a write does', async () => {
    expect(await query([{ field: 'note', op: 'is_empty' }])).toEqual({ names: ['C cleaned', 'D junk', 'E empty', 'F spaces', 'G nbsp'], total: 5 });
    expect((await query([{ field: 'note', op: 'is_not_empty' }])).names).toEqual(['A good', 'B bad check']);
  });

  it('refuses an unknown format and a field no format applies to, naming the field', async () => {
    const unknown = await call('POST', `${records}/query`, { filters: [{ field: 'code', op: 'breaks_format', value: 'cn-zip' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'code', code: 'query.value' });
    const number = await call('POST', `${records}/query`, { filters: [{ field: 'size', op: 'breaks_format', value: 'email' }] });
    expect(number.statusCode).toBe(400);
    expect(number.json().errors[0]).toMatchObject({ field: 'size', code: 'query.operator' });
  });
});

describe('the publish review’s rule breaks', () => {
  it('link to a list showing exactly the rows counted, before and after publishing', async () => {
    const current = (await call('GET', '/api/apps/links')).json() as { draft: AppDocument | null; draftRevision: number };
    const draft = structuredClone(current.draft ?? app);
    const fields = draft.objects[0]!.fields;
    Object.assign(fields.find((f) => f.id === 'code')!, { format: 'cn-uscc' });
    Object.assign(fields.find((f) => f.id === 'mobile')!, { phoneKind: 'mobile' });
    Object.assign(fields.find((f) => f.id === 'idcard')!, { format: 'cn-resident-id' });
    Object.assign(fields.find((f) => f.id === 'note')!, { required: true });
    expect((await call('PUT', '/api/apps/links/draft', { document: draft, revision: current.draftRevision })).statusCode).toBe(200);

    const expected: Record<string, string[]> = {
      'code format': ['B bad check', 'D junk'],
      'mobile format': ['B bad check', 'D junk'],
      'idcard format': ['B bad check', 'D junk'],
      'note required': ['C cleaned', 'D junk', 'E empty', 'F spaces', 'G nbsp'],
    };
    const check = async () => {
      const review = (await call('GET', '/api/apps/links/diff')).json() as { ruleBreaks: { field: string; rule: string; count: number; list: string }[] };
      expect(review.ruleBreaks.map((b) => `${b.field} ${b.rule}`).sort()).toEqual(Object.keys(expected).sort());
      for (const b of review.ruleBreaks) {
        const link = new URL(b.list, 'http://localhost');
        expect(link.pathname).toBe('/apps/links/objects/customer');
        const decoded = decodeListFilters(link.searchParams.get('f') ?? '');
        if (!decoded.ok) throw new Error(`undecodable link ${b.list}`);
        const listed = await query(decoded.filters);
        expect(listed.names, `${b.field} ${b.rule}`).toEqual(expected[`${b.field} ${b.rule}`]);
        expect(b.count).toBe(listed.total);
        expect(listed.names).toHaveLength(b.count);
      }
    };
    await check();
    expect((await call('POST', '/api/apps/links/publish', {})).statusCode).toBe(200);
    // Published, the rules are the fields' own; the links still hold exactly the same rows.
    const after = (await call('GET', '/api/apps/links/diff')).json() as { ruleBreaks: unknown[] };
    expect(after.ruleBreaks).toEqual([]);
    expect((await query([{ field: 'code', op: 'breaks_format', value: 'cn-uscc' }])).names).toEqual(expected['code format']);
  });

  it('says when a count is the estimate the list would show (past 100,000 rows), and when it is exact', async () => {
    const sizeRequired = async () => {
      const current = (await call('GET', '/api/apps/links')).json() as { draft: AppDocument | null; live: AppDocument | null; draftRevision: number };
      const draft = structuredClone(current.draft ?? current.live ?? app);
      Object.assign(draft.objects[0]!.fields.find((f) => f.id === 'size')!, { required: true });
      expect((await call('PUT', '/api/apps/links/draft', { document: draft, revision: current.draftRevision })).statusCode).toBe(200);
      const review = (await call('GET', '/api/apps/links/diff')).json() as { ruleBreaks: { field: string; count: number; countIsEstimate: boolean }[] };
      return review.ruleBreaks.find((b) => b.field === 'size');
    };
    expect(await sizeRequired()).toMatchObject({ countIsEstimate: false });
    // 120,000 rows without a size, as an old import left them (the table's statistics read afresh).
    await sql`insert into app_links.customer (id, name) select gen_random_uuid(), 'bulk ' || g from generate_series(1, 120000) g`.execute(database.db);
    await sql`analyze app_links.customer`.execute(database.db);
    const estimated = await sizeRequired();
    expect(estimated?.countIsEstimate).toBe(true);
    expect(estimated?.count).toBeGreaterThan(100_000);
  });
});
