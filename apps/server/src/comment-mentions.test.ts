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
    // Only the author edits their comment, even an administrator may not: a problem saying so.
    const notMine = await edit([boss.id], boss.headers);
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json()).toMatchObject({ code: 'comment.not_author', title: 'Only the comment’s author may edit it' });
  });
});

describe('editing and removing a comment', () => {
  const listed = async (who = author) =>
    (await server.inject({ method: 'GET', url: `${records}/${customerId}/comments`, headers: who.headers })).json<
      Array<{ id: string; body: string; mentions: string[]; version: number; editedAt: string | null; deleted: boolean }>
    >();
  const patch = (commentId: string, payload: Record<string, unknown>, headers = author.headers) =>
    server.inject({ method: 'PATCH', url: `${records}/${customerId}/comments/${commentId}`, headers, payload });
  const remove = (commentId: string, headers: Record<string, string>) =>
    server.inject({ method: 'DELETE', url: `${records}/${customerId}/comments/${commentId}`, headers });

  it('marks an edit with its time and version, and refuses an edit from a stale copy without losing the newer text', async () => {
    const commentId = (await comment([], '<p>Draft</p>')).json<{ id: string }>().id;
    expect((await listed()).find((c) => c.id === commentId)).toMatchObject({ version: 1, editedAt: null, deleted: false });

    const first = await patch(commentId, { body: '<p>First edit</p>', version: 1 });
    expect(first.json()).toEqual({ id: commentId, version: 2 });
    const afterFirst = (await listed()).find((c) => c.id === commentId);
    expect(afterFirst).toMatchObject({ body: '<p>First edit</p>', version: 2 });
    expect(Date.parse(afterFirst?.editedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

    // A second tab still holding version 1.
    const stale = await patch(commentId, { body: '<p>Stale edit</p>', version: 1 }, { ...author.headers, 'accept-language': 'zh-CN' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'comment.changed_since', title: expect.stringContaining('第 2 版') });
    expect((await listed()).find((c) => c.id === commentId)?.body).toBe('<p>First edit</p>');
  });

  it('lets the author or an administrator remove a comment, audited, and keeps a placeholder without the text', async () => {
    const mine = (await comment([boss.id], '<p>To remove</p>')).json<{ id: string }>().id;
    const moderated = (await comment([], '<p>Off topic</p>')).json<{ id: string }>().id;

    // Someone who reads the record but neither wrote the comment nor administers.
    const refused = await remove(mine, auditor.headers);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'comment.delete_forbidden' });
    expect((await patch(mine, { body: '<p>Hijacked</p>' }, auditor.headers)).statusCode).toBe(403);

    expect((await remove(mine, author.headers)).statusCode).toBe(204);
    expect((await remove(moderated, boss.headers)).statusCode).toBe(204);
    const after = await listed(auditor);
    for (const id of [mine, moderated]) expect(after.find((c) => c.id === id)).toMatchObject({ body: '', mentions: [], deleted: true });
    // Gone for edits and second removals alike.
    expect((await patch(mine, { body: '<p>Back</p>' })).statusCode).toBe(404);
    expect((await remove(mine, author.headers)).statusCode).toBe(404);

    const audit = await database.db.selectFrom('audit_log').select(['actor_id', 'record_id', 'detail']).where('action', '=', 'comment.delete').execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor_id: author.id, record_id: customerId, detail: { commentId: mine, authorId: author.id } }),
        expect.objectContaining({ actor_id: boss.id, record_id: customerId, detail: { commentId: moderated, authorId: author.id } }),
      ]),
    );
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
