import type { SystemTables } from '@tessera/db';
import type { Kysely } from 'kysely';
import { IdentityError } from './identity-error';

type Db = Kysely<SystemTables>;

/** How failed sign-ins slow down what follows them from one source: free tries, then doubling waits up to a cap. */
export interface BackoffRule {
  /** Failures answered at once. */
  free: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  firstWaitSeconds: number;
  capSeconds: number;
  /** A source quiet this long starts again from nothing. */
  forgetAfterSeconds: number;
}

/**
 * Per account on one address: a guesser there waits longer and longer, while the account's owner
 * on any other address is not held up at all. Per address: a looser rule, so one address trying
 * many accounts is slowed, but everyone behind a shared proxy never waits more than a minute.
 */
export const SIGN_IN_THROTTLE = {
  accountOnAddress: { free: 3, firstWaitSeconds: 1, capSeconds: 15 * 60, forgetAfterSeconds: 60 * 60 },
  address: { free: 20, firstWaitSeconds: 1, capSeconds: 60, forgetAfterSeconds: 15 * 60 },
} as const satisfies Record<string, BackoffRule>;

/**
 * A source quiet this long is forgotten under every rule, and its wait (at most a rule's cap, which
 * is shorter) is over: its row says nothing a missing row would not, and can go.
 */
const FORGOTTEN_AFTER_SECONDS = Math.max(...Object.values(SIGN_IN_THROTTLE).map((rule) => rule.forgetAfterSeconds));

/** Rows removed at most per failed sign-in: a failure adds two at most, so the table never grows past an hour's sources. */
export const PRUNE_BATCH = 100;

/** The wait after the `failures`-th failure in a row (0 while free). */
export function backoffSeconds(rule: BackoffRule, failures: number): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.capSeconds, rule.firstWaitSeconds * 2 ** (failures - rule.free - 1));
}

interface Source {
  key: string;
  rule: BackoffRule;
}

/** The sources a sign-in attempt counts against: the account on this address, and the address. */
function sourcesOf(email: string, ip: string | null): Source[] {
  const sources: Source[] = [{ key: `account:${email} address:${ip ?? 'unknown'}`, rule: SIGN_IN_THROTTLE.accountOnAddress }];
  if (ip !== null) sources.push({ key: `address:${ip}`, rule: SIGN_IN_THROTTLE.address });
  return sources;
}

/** Refuses with 429 while any source of this attempt still has to wait; the answer says for how long. */
export async function checkSignInThrottle(db: Db, email: string, ip: string | null, now: Date): Promise<void> {
  const keys = sourcesOf(email, ip).map((s) => s.key);
  const rows = await db.selectFrom('sign_in_throttle').select('blocked_until').where('key', 'in', keys).where('blocked_until', '>', now).execute();
  if (rows.length === 0) return;
  const until = Math.max(...rows.map((r) => new Date(r.blocked_until).getTime()));
  throw new IdentityError('auth.rate_limited', { seconds: Math.ceil((until - now.getTime()) / 1000) });
}

/**
 * Deletes up to `PRUNE_BATCH` rows of sources forgotten by now. Run on each failure rather than on
 * a schedule: only failures add rows, so this keeps pace with them in every kind of process
 * (a web-only one too) with no job to set up; the bound keeps each failure's share small.
 */
export async function pruneSignInThrottle(db: Db, now: Date): Promise<number> {
  const forgottenBefore = new Date(now.getTime() - FORGOTTEN_AFTER_SECONDS * 1000);
  const result = await db
    .deleteFrom('sign_in_throttle')
    .where('key', 'in', (eb) =>
      eb.selectFrom('sign_in_throttle').select('key').where('last_failure_at', '<', forgottenBefore).where('blocked_until', '<=', now).limit(PRUNE_BATCH),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Counts a failure against every source, in the database (every server process sees it): a
 * source quiet for its rule's `forgetAfterSeconds` starts again at one. Sources forgotten by
 * now are pruned on the way.
 */
export async function recordSignInFailure(db: Db, email: string, ip: string | null, now: Date): Promise<void> {
  await pruneSignInThrottle(db, now);
  for (const { key, rule } of sourcesOf(email, ip)) {
    const forgottenBefore = new Date(now.getTime() - rule.forgetAfterSeconds * 1000);
    const row = await db
      .insertInto('sign_in_throttle')
      .values({ key, failures: 1, last_failure_at: now, blocked_until: now })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('sign_in_throttle.last_failure_at', '<', forgottenBefore)
            .then(1)
            .else(eb('sign_in_throttle.failures', '+', 1))
            .end(),
          last_failure_at: now,
        })),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    const wait = backoffSeconds(rule, row.failures);
    if (wait > 0)
      await db
        .updateTable('sign_in_throttle')
        .set((eb) => ({ blocked_until: eb.fn('greatest', ['blocked_until', eb.val(new Date(now.getTime() + wait * 1000))]) }))
        .where('key', '=', key)
        .execute();
  }
}

/** A right password on this address: the account starts afresh there (the address's count stays). */
export async function clearSignInFailures(db: Db, email: string, ip: string | null): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', sourcesOf(email, ip)[0]!.key).execute();
}
