import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, signInHeaders, userHeaders } from './test-session';

const app: AppDocument = {
  id: 'talk',
  label: { en: 'Talk' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer', 'zh-CN': '客户' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'secret', type: 'text', label: { en: 'Secret' } },
      ],
    },
  ],
  roles: [
    { id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'customer', actions: ['create', 'read', 'update'], rows: 'own' }] },
    // Reads every customer, but not its name: told of the mention without the title.
    { id: 'auditor', label: { en: 'Auditor' }, permissions: [{ object: 'customer', actions: ['read'], rows: 'all', hiddenFields: ['name'] }] },
  ],
};

interface Person {
  id: string;
  headers: Record<string, string>;
}
interface Notice {
  kind: string;
  title: Record<string, string> | null;
  link: Record<string, unknown> | null;
}

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
/** The author, a rep who owns the customer. */
let author: Person;
/** Another rep: reads only their own customers, so not this one. */
let otherRep: Person;
let auditor: Person;
/** No role in the app at all. */
let outsider: Person;
/** An administrator: reads everything. */
let boss: Person;
let customerId = '';
const records = '/api/apps/talk/objects/customer/records';

const person = async (email: string, roles: string[]): Promise<Person> => {
  const user = await userHeaders(server, database, email);
  if (roles.length) await server.inject({ method: 'PUT', url: `/api/admin/users/${user.id}/roles`, headers: admin, payload: { appId: 'talk', roles } });
  return user;
};
const noticesOf = async (who: Person): Promise<Notice[]> => (await server.inject({ method: 'GET', url: '/api/notifications', headers: who.headers })).json();
const comment = (mentions: string[], body = '<p>Please look</p>') =>
  server.inject({ method: 'POST', url: `${records}/${customerId}/comments`, headers: author.headers, payload: { body, mentions } });

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  await server.inject({ method: 'POST', url: '/api/apps/talk/publish', headers: admin, payload: {} });
  author = await person('author@test.local', ['rep']);
  otherRep = await person('other.rep@test.local', ['rep']);
  auditor = await person('auditor@test.local', ['auditor']);
  outsider = await person('outsider@test.local', []);
  await server.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: admin,
    payload: { email: 'boss@test.local', name: 'Boss', password: 'boss password 123', isAdmin: true },
  });
  const bossId = (await database.db.selectFrom('users').select('id').where('email', '=', 'boss@test.local').executeTakeFirstOrThrow()).id;
  boss = { id: bossId, headers: await signInHeaders(server, 'boss@test.local', 'boss password 123') };
  const created = await server.inject({ method: 'POST', url: records, headers: author.headers, payload: { values: { name: 'Harbour Ltd', secret: 's' } } });
  customerId = created.json<{ id: string }>().id;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('a comment that mentions people', () => {
  it('tells each one who may read the record, and nobody else, with a link to the record and the comment', async () => {
    const everyone = [author.id, otherRep.id, auditor.id, outsider.id, boss.id];
    const answer = await comment(everyone);
    expect(answer.statusCode).toBe(201);
    const commentId = answer.json<{ id: string }>().id;

    const [bossNotices, auditorNotices] = [await noticesOf(boss), await noticesOf(auditor)];
    expect(bossNotices).toEqual([
      expect.objectContaining({
        kind: 'mention',
        title: { en: 'Customer', 'zh-CN': '客户' },
        link: { app: 'talk', object: 'customer', record: customerId, comment: commentId, author: 'author', recordTitle: 'Harbour Ltd' },
      }),
    ]);
    // The auditor may read the record but not its name: told, without the title.
    expect(auditorNotices).toEqual([expect.objectContaining({ kind: 'mention', link: expect.objectContaining({ recordTitle: null }) })]);
    // The author is not told of their own comment; who may not read the record gets nothing.
    for (const nobody of [author, otherRep, outsider]) expect(await noticesOf(nobody)).toEqual([]);
  });

  it('answers the same whether the people mentioned may read the record or not', async () => {
    const readers = await comment([boss.id]);
    const nonReaders = await comment([otherRep.id]);
    expect(Object.keys(readers.json())).toEqual(Object.keys(nonReaders.json()));
    expect(nonReaders.statusCode).toBe(readers.statusCode);
  });

  it('tells only the people an edit adds, once each', async () => {
    const first = await comment([boss.id]);
    const commentId = first.json<{ id: string }>().id;
    const bossBefore = (await noticesOf(boss)).length;
    const auditorBefore = (await noticesOf(auditor)).length;
    const edit = (mentions: string[], headers = author.headers) =>
      server.inject({
        method: 'PATCH',
        url: `${records}/${customerId}/comments/${commentId}`,
        headers,
        payload: { body: '<p>Please look again</p>', mentions },
      });

    expect((await edit([boss.id, auditor.id])).statusCode).toBe(200);
    expect((await noticesOf(boss)).length).toBe(bossBefore);
    expect((await noticesOf(auditor)).length).toBe(auditorBefore + 1);
    // Saved again unchanged: nobody new, nobody told again.
    await edit([boss.id, auditor.id]);
    expect((await noticesOf(auditor)).length).toBe(auditorBefore + 1);
    const stored = (await server.inject({ method: 'GET', url: `${records}/${customerId}/comments`, headers: author.headers })).json<
      Array<{ id: string; body: string; mentions: string[] }>
    >();
    expect(stored.find((c) => c.id === commentId)).toMatchObject({ body: '<p>Please look again</p>', mentions: [boss.id, auditor.id] });
    // Only the author edits their comment.
    expect((await edit([boss.id], boss.headers)).statusCode).toBe(404);
  });

  it('refuses an empty comment or an unknown person, naming the field, in the caller’s language', async () => {
    const unknown = await server.inject({
      method: 'POST',
      url: `${records}/${customerId}/comments`,
      headers: { ...author.headers, 'accept-language': 'zh-CN' },
      payload: { body: '<p>hi</p>', mentions: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: 'mentions', pointer: '/mentions/0', message: expect.stringMatching(/[\u4e00-\u9fff]/u) }),
    ]);
    const empty = await server.inject({
      method: 'PATCH',
      url: `${records}/${customerId}/comments/00000000-0000-4000-8000-000000000000`,
      headers: author.headers,
      payload: { body: '<script></script>', mentions: [] },
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors).toEqual([expect.objectContaining({ field: 'body', code: 'field.required' })]);
    expect(
      (await server.inject({ method: 'PATCH', url: `${records}/${customerId}/comments/nope`, headers: author.headers, payload: { body: 'x' } })).statusCode,
    ).toBe(400);
  });
});
