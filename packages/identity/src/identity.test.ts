import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  appendAudit,
  changePassword,
  createApiToken,
  createDepartment,
  createUser,
  ensureFirstAdmin,
  IdentityError,
  listUsers,
  loadSignedInUser,
  queryAudit,
  revokeApiToken,
  setActive,
  setRoles,
  signIn,
  tokenDigest,
  updateDepartment,
  updateUser,
} from './index';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

const db = () => database.db;
async function code(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IdentityError);
  return (error as IdentityError).code;
}

describe('identity', () => {
  it('creates the first administrator once, with a generated password that signs in', async () => {
    const first = await ensureFirstAdmin(db(), { email: 'admin@example.com' });
    expect(first?.password.length).toBeGreaterThanOrEqual(12);
    expect(await ensureFirstAdmin(db(), { email: 'other@example.com' })).toBeNull();
    const { rows } = await sql<{ password_hash: string }>`select password_hash from users where email = 'admin@example.com'`.execute(db());
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    const session = await signIn(db(), { email: 'ADMIN@example.com ', password: first!.password, ip: '127.0.0.1' });
    expect((await loadSignedInUser(db(), 'session', tokenDigest(session.token)))?.isAdmin).toBe(true);
  });

  it('refuses a wrong password the same way as an unknown email, and slows guesses from one address without locking the owner out', async () => {
    await createUser(db(), { email: 'rep@example.com', name: 'Rep', password: 'correct horse battery' });
    // The waits are measured on the clock: a frozen one, so a slow machine cannot outwait them.
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    expect(await code(signIn(db(), { email: 'nobody@example.com', password: 'whatever123', ip: '10.0.0.1' }))).toBe('auth.invalid_credentials');
    for (let i = 0; i < 4; i += 1)
      expect(await code(signIn(db(), { email: 'rep@example.com', password: 'wrong password', ip: '10.0.0.2' }))).toBe('auth.invalid_credentials');
    expect(await code(signIn(db(), { email: 'rep@example.com', password: 'correct horse battery', ip: '10.0.0.2' }))).toBe('auth.rate_limited');
    expect(await signIn(db(), { email: 'rep@example.com', password: 'correct horse battery', ip: '10.0.0.3' })).toMatchObject({ token: expect.any(String) });
    const failures = await queryAudit(db(), { action: 'auth.sign_in_failed' });
    expect(failures.length).toBe(5);
    expect(failures[0]).toMatchObject({ subject: 'rep@example.com', detail: { reason: 'wrong_password' } });
  });

  it('cuts a deactivated user off at once: sessions and API tokens stop resolving', async () => {
    const id = await createUser(db(), { email: 'leaver@example.com', name: 'Leaver', password: 'a long password' });
    const session = await signIn(db(), { email: 'leaver@example.com', password: 'a long password', ip: null });
    const token = await createApiToken(db(), id, 'erp sync');
    expect(await loadSignedInUser(db(), 'token', tokenDigest(token.token))).toMatchObject({ userId: id });
    await setActive(db(), id, false);
    expect(await loadSignedInUser(db(), 'session', tokenDigest(session.token))).toBeNull();
    expect(await loadSignedInUser(db(), 'token', tokenDigest(token.token))).toBeNull();
    expect(await code(signIn(db(), { email: 'leaver@example.com', password: 'a long password', ip: null }))).toBe('auth.invalid_credentials');
    await setActive(db(), id, true);
    await revokeApiToken(db(), id, token.id);
    expect(await loadSignedInUser(db(), 'token', tokenDigest(token.token))).toBeNull();
    expect(await code(revokeApiToken(db(), id, token.id))).toBe('identity.token_not_found');
  });

  it('knows departments as a tree, refuses cycles, and loads roles per app', async () => {
    const sales = await createDepartment(db(), { name: 'Sales' });
    const east = await createDepartment(db(), { name: 'East', parentId: sales });
    const shanghai = await createDepartment(db(), { name: 'Shanghai', parentId: east });
    expect(await code(updateDepartment(db(), sales, { parentId: shanghai }))).toBe('identity.department_cycle');
    const id = await createUser(db(), { email: 'manager@example.com', name: 'Manager', password: 'manager password', departmentId: east });
    await sql`insert into meta_apps (id, draft) values ('crm', '{}')`.execute(db());
    await setRoles(db(), id, 'crm', ['sales_manager', 'finance']);
    const session = await signIn(db(), { email: 'manager@example.com', password: 'manager password', ip: null });
    const user = await loadSignedInUser(db(), 'session', tokenDigest(session.token));
    expect(user?.departmentTree.sort()).toEqual([east, shanghai].sort());
    expect(user?.roles).toEqual({ crm: ['finance', 'sales_manager'] });
    expect((await listUsers(db())).find((u) => u.id === id)?.roles).toEqual({ crm: ['finance', 'sales_manager'] });
  });

  it('ends other sessions on a password change and refuses weak or wrong passwords', async () => {
    const id = await createUser(db(), { email: 'pw@example.com', name: 'Pw', password: 'first password' });
    const a = await signIn(db(), { email: 'pw@example.com', password: 'first password', ip: null });
    const b = await signIn(db(), { email: 'pw@example.com', password: 'first password', ip: null });
    expect(await code(changePassword(db(), id, 'not it at all', 'second password', a.token))).toBe('auth.wrong_password');
    expect(await code(changePassword(db(), id, 'first password', 'short', a.token))).toBe('auth.weak_password');
    await changePassword(db(), id, 'first password', 'second password', a.token);
    expect(await loadSignedInUser(db(), 'session', tokenDigest(a.token))).not.toBeNull();
    expect(await loadSignedInUser(db(), 'session', tokenDigest(b.token))).toBeNull();
    expect(await code(createUser(db(), { email: 'PW@example.com', name: 'Dup', password: 'another password' }))).toBe('identity.email_taken');
  });

  it('keeps at least one administrator, and the audit log append-only', async () => {
    const admin = (await listUsers(db())).find((u) => u.isAdmin)!;
    expect(await code(updateUser(db(), admin.id, { isAdmin: false }))).toBe('identity.last_admin');
    expect(await code(setActive(db(), admin.id, false))).toBe('identity.last_admin');
    await appendAudit(db(), { actorId: admin.id, action: 'meta.publish', appId: 'crm', detail: { version: 1 } });
    await expect(sql`delete from audit_log`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set action = 'x'`.execute(db())).rejects.toThrow(/append-only/);
    expect(await queryAudit(db(), { actorId: admin.id, action: 'meta.' })).toEqual([
      expect.objectContaining({ action: 'meta.publish', appId: 'crm', detail: { version: 1 } }),
    ]);
  });
});
