import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdentityError } from './identity-error';
import { signIn } from './sessions';
import { backoffSeconds, checkSignInThrottle, PRUNE_BATCH, recordSignInFailure, SIGN_IN_THROTTLE } from './sign-in-throttle';
import { createUser } from './users';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await createUser(database.db, { email: 'owner@example.com', name: 'Owner', password: 'the right password' });
});
afterAll(async () => database?.drop());
// Only the clock is fake: the waits are measured against it, and the database is real.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

/** What one sign-in attempt answers: 'ok', 'wrong', or the seconds to wait. */
async function attempt(email: string, password: string, ip: string | null): Promise<'ok' | 'wrong' | number> {
  try {
    await signIn(database.db, { email, password, ip });
    return 'ok';
  } catch (error) {
    if (!(error instanceof IdentityError)) throw error;
    if (error.code === 'auth.invalid_credentials') return 'wrong';
    expect(error.code).toBe('auth.rate_limited');
    return Number(error.params.seconds);
  }
}
const wait = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

describe('sign-in throttling', () => {
  it('doubles the wait per failure after the free ones, up to a cap', () => {
    const rule = SIGN_IN_THROTTLE.accountOnAddress;
    expect([1, 2, 3, 4, 5, 6, 7, 13, 14, 40].map((n) => backoffSeconds(rule, n))).toEqual([0, 0, 0, 1, 2, 4, 8, 512, 900, 900]);
    expect(backoffSeconds(SIGN_IN_THROTTLE.address, 40)).toBe(60);
  });

  it('slows a guesser on one address ever more, while the owner signs in from another at once', async () => {
    const guess = () => attempt('owner@example.com', 'a guess', '203.0.113.9');
    for (let i = 0; i < 4; i += 1) expect(await guess()).toBe('wrong');
    expect(await guess()).toBe(1);
    // The owner is not locked out: from their own address the right password works straight away.
    expect(await attempt('Owner@example.com', 'the right password', '198.51.100.7')).toBe('ok');
    wait(1);
    expect(await guess()).toBe('wrong');
    expect(await guess()).toBe(2);
    wait(1);
    expect(await guess()).toBe(1);
    wait(1);
    expect(await guess()).toBe('wrong');
    expect(await guess()).toBe(4);
    // Even the right password waits on that address: the guesser cannot test it sooner.
    expect(await attempt('owner@example.com', 'the right password', '203.0.113.9')).toBe(4);
    wait(4);
    expect(await attempt('owner@example.com', 'the right password', '203.0.113.9')).toBe('ok');
    // Signing in cleared the account's count on that address: a mistake is free again.
    expect(await guess()).toBe('wrong');
  });

  // Straight to the throttle (a real database, no password hashing): twenty hashes would take most of a minute here.
  it('slows an address trying many accounts, counts parallel tries exactly, never beyond a minute, and forgets a quiet source', async () => {
    const ip = '192.0.2.44';
    const fail = (email: string) => recordSignInFailure(database.db, email, ip, new Date());
    const waitFor = (email: string, address = ip) =>
      checkSignInThrottle(database.db, email, address, new Date()).then(
        () => 0,
        (error: IdentityError) => Number(error.params.seconds),
      );
    // Twenty at once, as a script would send them: every one is counted (one upsert per try).
    await Promise.all(Array.from({ length: 20 }, (_, i) => fail(`nobody${i}@example.com`)));
    expect(await waitFor('owner@example.com')).toBe(0);
    await fail('nobody20@example.com');
    // The address now waits a second for every account, the owner's included; elsewhere nobody waits.
    expect(await waitFor('owner@example.com')).toBe(1);
    expect(await waitFor('owner@example.com', '192.0.2.45')).toBe(0);
    for (let i = 21; i < 40; i += 1) await fail(`nobody${i}@example.com`);
    expect(await waitFor('owner@example.com')).toBe(60);
    // Quiet for longer than the address rule remembers: it starts again with free tries.
    wait(SIGN_IN_THROTTLE.address.forgetAfterSeconds + 1);
    await fail('nobody99@example.com');
    expect(await waitFor('owner@example.com')).toBe(0);
  });

  it('counts tries without an address against the account alone', async () => {
    for (let i = 0; i < 4; i += 1) expect(await attempt('owner@example.com', 'no', null)).toBe('wrong');
    expect(await attempt('owner@example.com', 'the right password', null)).toBe(1);
    expect(await attempt('owner@example.com', 'the right password', '198.51.100.8')).toBe('ok');
  });

  it('prunes sources forgotten under every rule as failures come, a bounded batch at a time, and keeps live ones', async () => {
    await database.db.deleteFrom('sign_in_throttle').execute();
    const rows = async (prefix: string) =>
      Number(
        (
          await database.db
            .selectFrom('sign_in_throttle')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('key', 'like', `%${prefix}%`)
            .executeTakeFirstOrThrow()
        ).n,
      );
    // 150 addresses that each tried one account once: 300 rows (the account on the address, the address).
    for (let i = 0; i < 150; i += 1) await recordSignInFailure(database.db, 'someone@example.com', `198.18.0.${i}`, new Date());
    expect(await rows('198.18.')).toBe(300);
    const longest = Math.max(SIGN_IN_THROTTLE.accountOnAddress.forgetAfterSeconds, SIGN_IN_THROTTLE.address.forgetAfterSeconds);
    wait(longest - 60);
    // A source seen within the hour, and one that is blocked now: both still count.
    await recordSignInFailure(database.db, 'someone@example.com', '198.19.0.1', new Date());
    expect(await rows('198.18.')).toBe(300);
    for (let i = 0; i < 4; i += 1) await recordSignInFailure(database.db, 'owner@example.com', '198.20.0.1', new Date());
    expect(await rows('198.18.')).toBe(300);
    wait(61);
    // Each failure removes at most a batch of the forgotten rows.
    await recordSignInFailure(database.db, 'owner@example.com', '198.20.0.1', new Date());
    expect(await rows('198.18.')).toBe(300 - PRUNE_BATCH);
    await recordSignInFailure(database.db, 'owner@example.com', '198.20.0.1', new Date());
    await recordSignInFailure(database.db, 'owner@example.com', '198.20.0.1', new Date());
    expect(await rows('198.18.')).toBe(0);
    expect(await rows('198.19.0.1')).toBe(2);
    // The account on that address is still held back: its row was kept and kept counting.
    await expect(checkSignInThrottle(database.db, 'owner@example.com', '198.20.0.1', new Date())).rejects.toMatchObject({ code: 'auth.rate_limited' });
  });
});
