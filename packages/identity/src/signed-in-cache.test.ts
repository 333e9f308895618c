import { createTestDatabase, StatementProbe, type TestDatabase } from '@tessera/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createDepartment, createSignedInUserCache, createUser, revokeApiToken, type SignedInUserCache, setActive, tokenDigest } from './index';

let database: TestDatabase;
/** The statements that read a credential: a cache hit makes none. */
const reads = new StatementProbe((text) => text.includes('join users u on u.id = c.user_id'));
let cache: SignedInUserCache;
beforeAll(async () => {
  database = await createTestDatabase();
  // The workspace keeps an active administrator; the users these tests deactivate are not it.
  await createUser(database.db, { email: 'admin@example.com', name: 'Admin', password: 'a long enough password', isAdmin: true });
  cache = createSignedInUserCache({ db: database.db.withPlugin(reads), notifications: database.notifications });
  await cache.start();
});
afterAll(async () => {
  await cache?.stop();
  await database?.drop();
});

/** Waits for the directory's NOTIFY to reach the cache: a changed answer, or the deadline. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    value = await read();
  }
  return value;
}

describe('the signed-in cache', () => {
  it('reads a credential once, then answers from memory until the directory changes', async () => {
    const id = await createUser(database.db, { email: 'cached@example.com', name: 'Cached', password: 'a long enough password' });
    const { token } = await createApiToken(database.db, id, 'test');
    const digest = tokenDigest(token);
    reads.count = 0;
    expect(await cache.get('token', digest)).toMatchObject({ userId: id, roles: {} });
    expect(await cache.get('token', digest)).toMatchObject({ userId: id });
    expect(reads.count).toBe(1);

    // A change made by another process (here: straight in the database) reaches this one by NOTIFY.
    const department = await createDepartment(database.db, { name: 'East' });
    await database.db.updateTable('users').set({ department_id: department }).where('id', '=', id).execute();
    expect(
      await until(
        () => cache.get('token', digest),
        (user) => user?.departmentId === department,
      ),
    ).toMatchObject({ departmentId: department, departmentTree: [department] });

    await setActive(database.db, id, false);
    expect(
      await until(
        () => cache.get('token', digest),
        (user) => user === null,
      ),
    ).toBeNull();
  });

  it('forgets a revoked token and a cleared cache at once', async () => {
    const id = await createUser(database.db, { email: 'revoked@example.com', name: 'Revoked', password: 'a long enough password' });
    const created = await createApiToken(database.db, id, 'test');
    const digest = tokenDigest(created.token);
    expect(await cache.get('token', digest)).not.toBeNull();
    await revokeApiToken(database.db, id, created.id);
    cache.clear();
    expect(await cache.get('token', digest)).toBeNull();
  });

  it('keeps nothing while it cannot hear changes', async () => {
    const id = await createUser(database.db, { email: 'deaf@example.com', name: 'Deaf', password: 'a long enough password' });
    const { token } = await createApiToken(database.db, id, 'test');
    const deaf = createSignedInUserCache({ db: database.db.withPlugin(reads), notifications: { ...database.notifications, healthy: () => false } });
    await deaf.start();
    reads.count = 0;
    await deaf.get('token', tokenDigest(token));
    await deaf.get('token', tokenDigest(token));
    expect(reads.count).toBe(2);
    await deaf.stop();
  });
});
