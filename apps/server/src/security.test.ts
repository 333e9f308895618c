import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { IDENTITY_CHANNEL } from '@tessera/identity';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, signInHeaders, userHeaders } from './test-session';

const crm: AppDocument = {
  id: 'sec',
  label: { en: 'Security' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name' } },
        { id: 'revenue', type: 'currency', label: { en: 'Revenue' } },
      ],
    },
  ],
  roles: [
    {
      id: 'rep',
      label: { en: 'Sales rep' },
      permissions: [{ object: 'customer', actions: ['create', 'read', 'update'], rows: 'own', hiddenFields: ['revenue'] }],
    },
  ],
};

let database: TestDatabase;
let app: FastifyInstance;
let admin: Record<string, string>;
let rep: { id: string; headers: Record<string, string> };
const records = '/api/apps/sec/objects/customer/records';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database });
  admin = await adminHeaders(app, database);
  await app.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: crm } });
  await app.inject({ method: 'POST', url: '/api/apps/sec/publish', headers: admin, payload: {} });
  rep = await userHeaders(app, database, 'rep@test.local');
  await app.inject({ method: 'PUT', url: `/api/admin/users/${rep.id}/roles`, headers: admin, payload: { appId: 'sec', roles: ['rep'] } });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
  app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

/**
 * Listens, then gives a promise that resolves when the directory's trigger announces a change of `table` committed after this call
 * returns. It listens where the servers do; a marker sent first and heard back flushes older
 * notices (one listening connection gets them in commit order), and the servers' own handlers,
 * registered earlier, have run by the time this one is called.
 */
async function nextIdentityNotice(table: string): Promise<{ notice: Promise<void> }> {
  let armed = false;
  let changed!: () => void;
  const notice = new Promise<void>((resolve) => (changed = resolve));
  const stopIdentity = await database.notifications.listen(IDENTITY_CHANNEL, (payload) => {
    if (armed && payload === table) changed();
  });
  let flushed!: () => void;
  const marker = new Promise<void>((resolve) => (flushed = resolve));
  const stopMarker = await database.notifications.listen('test_identity_marker', () => flushed());
  await sql`select pg_notify('test_identity_marker', '')`.execute(database.db);
  await marker;
  await stopMarker();
  armed = true;
  return { notice: notice.finally(stopIdentity) };
}

/** Sign-in throttling waits are measured on the clock: only it is fake, for the rest of the test. */
function freezeClock(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  onTestFinished(() => {
    vi.useRealTimers();
  });
}

/** A sign-in attempt arriving from `remoteAddress` (the socket's peer). */
const signInFrom = (server: FastifyInstance, remoteAddress: string, headers: Record<string, string>, payload: { email: string; password: string }) =>
  server.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress, headers, payload });

describe('authentication and authorization over HTTP', () => {
  it('requires a session for everything but health and sign-in', async () => {
    expect((await call('GET', '/api/health', {})).statusCode).toBe(200);
    const anonymous = await call('GET', '/api/apps', { 'accept-language': 'zh-CN' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.required', title: '请先登录' });
    expect((await call('POST', `${records}/query`, {}, {})).statusCode).toBe(401);
    expect((await call('GET', records, { cookie: 'tessera_session=forged' })).statusCode).toBe(401);
  });

  it('keeps design and administration to administrators', async () => {
    expect((await call('PUT', '/api/apps/sec/draft', rep.headers, { document: crm, revision: 1 })).statusCode).toBe(403);
    expect((await call('POST', '/api/apps/sec/publish', rep.headers, {})).statusCode).toBe(403);
    expect((await call('GET', '/api/admin/users', rep.headers)).json()).toMatchObject({ status: 403, code: 'auth.admin_required' });
    expect((await call('GET', '/api/apps', rep.headers)).json().map((a: { id: string }) => a.id)).toEqual(['sec']);
    expect((await call('GET', '/api/apps/sec/live', rep.headers)).statusCode).toBe(200);
  });

  it('keeps a rep to their own rows (no IDOR) and never returns, filters or sorts on a hidden field', async () => {
    const theirs = (await call('POST', records, admin, { values: { name: 'Admin Co', revenue: '1000' } })).json();
    const mine = await call('POST', records, rep.headers, { values: { name: 'Rep Co' } });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).not.toHaveProperty('revenue');
    expect((await call('POST', records, rep.headers, { values: { name: 'Sneaky', revenue: '5' } })).json().errors).toEqual([
      expect.objectContaining({ field: 'revenue', code: 'field.role_locked' }),
    ]);
    expect((await call('GET', `${records}/${theirs.id}`, rep.headers)).statusCode).toBe(404);
    expect((await call('PATCH', `${records}/${theirs.id}`, rep.headers, { version: 1, values: { name: 'Hijacked' } })).statusCode).toBe(404);
    expect((await call('DELETE', `${records}/${mine.json().id}`, rep.headers)).json()).toMatchObject({ status: 403, code: 'record.forbidden' });
    expect((await call('GET', `${records}/${theirs.id}/history`, rep.headers)).statusCode).toBe(404);
    const list = (await call('POST', `${records}/query`, rep.headers, {})).json();
    expect(list.items.map((r: { name: string }) => r.name)).toEqual(['Rep Co']);
    expect((await call('POST', `${records}/query`, rep.headers, { filters: [{ field: 'revenue', op: 'gt', value: 0 }] })).statusCode).toBe(400);
    expect((await call('POST', `${records}/query`, rep.headers, { sort: [{ field: 'revenue' }] })).statusCode).toBe(400);
    expect((await call('GET', `${records}?sort=-revenue`, rep.headers)).statusCode).toBe(400);
  });

  it('never adopts a session id chosen by the client (no fixation), and refuses cross-site writes', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: 'tessera_session=attacker-chosen' },
      payload: { email: 'rep@test.local', password: 'test user password' },
    });
    const cookie = response.cookies.find((c) => c.name === 'tessera_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookie?.value).not.toBe('attacker-chosen');
    expect((await call('GET', '/api/auth/me', { cookie: 'tessera_session=attacker-chosen' })).statusCode).toBe(401);
    const evil = await call('POST', records, { ...rep.headers, origin: 'https://evil.example' }, { values: { name: 'CSRF' } });
    expect(evil.json()).toMatchObject({ status: 403, code: 'auth.cross_site' });
    expect((await call('POST', records, { ...rep.headers, 'sec-fetch-site': 'cross-site' }, { values: { name: 'CSRF' } })).statusCode).toBe(403);
    expect(
      (await call('POST', records, { ...rep.headers, origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' }, { values: { name: 'Fine' } }))
        .statusCode,
    ).toBe(201);
  });

  it('slows sign-in guesses per account and address with a 429 saying how long to wait, never locking the owner out elsewhere', async () => {
    freezeClock();
    const attempt = (password: string, remoteAddress: string, locale = 'en') =>
      signInFrom(app, remoteAddress, { 'accept-language': locale, 'x-forwarded-for': '192.0.2.1' }, { email: 'admin@test.local', password });
    for (let i = 0; i < 4; i += 1) expect((await attempt('guess', '203.0.113.5')).statusCode).toBe(401);
    const limited = await attempt('test admin password', '203.0.113.5', 'zh-CN');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.json()).toMatchObject({ status: 429, code: 'auth.rate_limited', title: '登录失败次数过多，请 1 秒后再试' });
    // X-Forwarded-For from a client that is no trusted proxy changes nothing; the owner's own address signs in.
    expect((await attempt('test admin password', '203.0.113.6')).statusCode).toBe(200);
    vi.setSystemTime(Date.now() + 1000);
    expect((await attempt('test admin password', '203.0.113.5')).statusCode).toBe(200);
  });

  it('believes X-Forwarded-For only from the proxies it is told to trust', async () => {
    const behindProxy = await buildServer({ database, trustProxy: ['10.0.0.0/8'] });
    try {
      freezeClock();
      const attempt = (remoteAddress: string, client: string, password = 'guess') =>
        signInFrom(behindProxy, remoteAddress, { 'x-forwarded-for': client }, { email: 'rep@test.local', password });
      for (let i = 0; i < 4; i += 1) expect((await attempt('10.1.2.3', '198.51.100.20')).statusCode).toBe(401);
      expect((await attempt('10.1.2.3', '198.51.100.20', 'test user password')).statusCode).toBe(429);
      // The same proxy, another client behind it: not held up by the first one's guesses.
      expect((await attempt('10.1.2.3', '198.51.100.21', 'test user password')).statusCode).toBe(200);
      // Not a trusted proxy: its X-Forwarded-For is ignored, so naming the throttled client does not matter either way.
      expect((await attempt('172.16.0.9', '198.51.100.20', 'test user password')).statusCode).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });

  it("stops a deactivated user's session and tokens at once", async () => {
    const leaver = await userHeaders(app, database, 'leaver@test.local');
    const token = (await call('POST', '/api/auth/tokens', leaver.headers, { name: 'sync' })).json();
    expect(token.token).toMatch(/^tsk_/);
    const bearer = { authorization: `Bearer ${token.token}` };
    expect((await call('GET', '/api/auth/me', bearer)).json()).toMatchObject({ email: 'leaver@test.local' });
    // A second server process on the same database has the token in its signed-in cache too.
    const second = await buildServer({ database });
    try {
      await second.ready();
      const { notice: usersChanged } = await nextIdentityNotice('users');
      expect((await second.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);
      expect((await call('PATCH', `/api/admin/users/${leaver.id}`, admin, { active: false })).statusCode).toBe(204);
      expect((await call('GET', '/api/auth/me', leaver.headers)).statusCode).toBe(401);
      expect((await call('GET', '/api/auth/me', bearer)).statusCode).toBe(401);
      // The other process hears of it by the database's NOTIFY, sent on commit: once it has arrived, not a poll later.
      await usersChanged;
      expect((await second.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
    } finally {
      await second.close();
    }
  });

  it("scopes an API token to some of its user's roles in one app, never wider", async () => {
    const scoped = (await call('POST', '/api/auth/tokens', admin, { name: 'rep-only', scope: { appId: 'sec', roles: ['rep'] } })).json();
    const bearer = { authorization: `Bearer ${scoped.token}` };
    expect((await call('GET', '/api/auth/me', bearer)).json()).toMatchObject({ isAdmin: false, roles: { sec: ['rep'] } });
    expect((await call('GET', '/api/admin/users', bearer)).statusCode).toBe(403);
    const list = (await call('POST', `${records}/query`, bearer, {})).json();
    expect(list.items.every((r: object) => !('revenue' in r))).toBe(true);
    expect((await call('POST', '/api/auth/tokens', rep.headers, { name: 'wider', scope: { appId: 'sec', roles: ['rep', 'boss'] } })).json()).toMatchObject({
      status: 422,
      errors: [{ pointer: '/scope/roles/1' }],
    });
    expect((await call('GET', '/api/auth/tokens', admin)).json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'rep-only', scope: { appId: 'sec', roles: ['rep'] } })]),
    );
  });

  it('revokes API tokens and signs out', async () => {
    const user = await userHeaders(app, database, 'integrator@test.local');
    const token = (await call('POST', '/api/auth/tokens', user.headers, { name: 'erp' })).json();
    expect((await call('GET', '/api/auth/tokens', user.headers)).json()).toEqual([expect.objectContaining({ id: token.id, name: 'erp', revokedAt: null })]);
    expect((await call('DELETE', `/api/auth/tokens/${token.id}`, user.headers)).statusCode).toBe(204);
    expect((await call('GET', '/api/auth/me', { authorization: `Bearer ${token.token}` })).statusCode).toBe(401);
    expect((await call('POST', '/api/auth/sign-out', user.headers)).statusCode).toBe(204);
    expect((await call('GET', '/api/auth/me', user.headers)).statusCode).toBe(401);
  });

  it("hands a departing rep's customers to another rep, audited", async () => {
    const heir = await userHeaders(app, database, 'heir@test.local');
    const moved = await call('POST', `${records}/reassign`, admin, { fromUserId: rep.id, toUserId: heir.id });
    expect(moved.json()).toEqual({ moved: 2 });
    expect((await call('POST', `${records}/query`, rep.headers, {})).json().items).toEqual([]);
    expect((await call('POST', `${records}/reassign`, rep.headers, { fromUserId: heir.id, toUserId: rep.id })).json()).toEqual({ moved: 0 });
    expect((await call('GET', '/api/admin/audit?action=record.reassign', admin)).json()).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ moved: 0 }) }),
      expect.objectContaining({ detail: expect.objectContaining({ moved: 2 }) }),
    ]);
  });

  it('keeps an audit trail of sign-ins, failures, metadata, permission and record changes', async () => {
    const lines = (await call('GET', '/api/admin/audit?limit=1000', admin)).json() as { action: string }[];
    const actions = new Set(lines.map((l) => l.action));
    for (const action of [
      'auth.sign_in',
      'auth.sign_in_failed',
      'meta.create_app',
      'meta.publish',
      'permission.assign_roles',
      'user.deactivate',
      'record.create',
    ])
      expect(actions).toContain(action);
    const filtered = (await call('GET', `/api/admin/audit?actorId=${rep.id}&action=record.`, admin)).json() as { action: string; objectId: string }[];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((l) => l.action.startsWith('record.') && l.objectId === 'customer')).toBe(true);
  });
});

describe('first sign-in', () => {
  it('signs in with the credentials and reports the user', async () => {
    const headers = await signInHeaders(app, 'rep@test.local', 'test user password');
    expect((await call('GET', '/api/auth/me', headers)).json()).toMatchObject({ email: 'rep@test.local', isAdmin: false, roles: { sec: ['rep'] } });
  });
});

describe('bulk edits', () => {
  it('change what the caller may change, skip and list the rest, and refuse bad values up front', async () => {
    const mine = (await call('POST', records, rep.headers, { values: { name: 'Bulk mine' } })).json();
    const theirs = (await call('POST', records, admin, { values: { name: 'Bulk theirs' } })).json();
    const edited = (await call('POST', `${records}/bulk-update`, rep.headers, { ids: [mine.id, theirs.id], values: { name: 'Renamed in bulk' } })).json();
    expect(edited).toEqual({ done: 1, skipped: [{ id: theirs.id, code: 'record.not_found' }] });
    expect((await call('GET', `${records}/${mine.id}`, rep.headers)).json()).toMatchObject({ name: 'Renamed in bulk', version: 2 });
    expect((await call('GET', `${records}/${theirs.id}`, admin)).json()).toMatchObject({ name: 'Bulk theirs', version: 1 });
    expect((await call('POST', `${records}/bulk-update`, rep.headers, { ids: [mine.id], values: { revenue: '1' } })).json()).toMatchObject({ status: 422 });
    expect((await call('POST', `${records}/bulk-delete`, rep.headers, { ids: [mine.id] })).json()).toMatchObject({ status: 403, code: 'record.forbidden' });
    expect((await call('POST', `${records}/bulk-delete`, admin, { ids: [mine.id, theirs.id] })).json()).toEqual({ done: 2, skipped: [] });
    expect((await call('GET', `/api/admin/audit?action=record.bulk`, admin)).json().map((l: { action: string }) => l.action)).toEqual([
      'record.bulk_delete',
      'record.bulk_update',
    ]);
  });
});

describe('directory', () => {
  it('lets any signed-in user find people by name or id, and nobody else', async () => {
    const found = (await call('GET', '/api/directory?search=rep', rep.headers)).json() as { email: string }[];
    expect(found.map((p) => p.email)).toContain('rep@test.local');
    expect(found[0]).not.toHaveProperty('isAdmin');
    expect((await call('GET', `/api/directory?ids=${rep.id}`, rep.headers)).json()).toEqual([expect.objectContaining({ id: rep.id, name: 'rep' })]);
    expect((await call('GET', '/api/directory?search=%25', rep.headers)).json()).toEqual([]);
    expect((await call('GET', '/api/directory?search=rep', {})).statusCode).toBe(401);
  });
});

describe('comments', () => {
  it('are for those who may read the record, sanitized, with mentions of real people; authors remove their own, leaving a placeholder', async () => {
    const mine = (await call('POST', records, rep.headers, { values: { name: 'Commented' } })).json();
    const url = `${records}/${mine.id}/comments`;
    const posted = await call('POST', url, rep.headers, { body: '<p>请 <b>跟进</b><script>x()</script></p>', mentions: [rep.id] });
    expect(posted.statusCode).toBe(201);
    expect((await call('GET', url, rep.headers)).json()).toEqual([expect.objectContaining({ body: '<p>请 <b>跟进</b></p>', mentions: [rep.id] })]);
    expect((await call('POST', url, rep.headers, { body: 'x', mentions: ['00000000-0000-4000-8000-000000000000'] })).json()).toMatchObject({
      status: 422,
      errors: [{ pointer: '/mentions/0' }],
    });
    const theirs = (await call('POST', records, admin, { values: { name: 'Not yours' } })).json();
    expect((await call('POST', `${records}/${theirs.id}/comments`, rep.headers, { body: 'peek' })).statusCode).toBe(404);
    expect((await call('DELETE', `${url}/${posted.json().id}`, rep.headers)).statusCode).toBe(204);
    // Kept in the thread as a placeholder, its text gone from every answer.
    expect((await call('GET', url, rep.headers)).json()).toEqual([expect.objectContaining({ body: '', mentions: [], deleted: true })]);
  });
});
