import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';
import { appendAudit } from './audit-log';
import { IdentityError } from './identity-error';
import { decoyHash, newToken, tokenDigest, verifyPassword } from './secrets';

type Db = Kysely<SystemTables>;

export const SESSION_DAYS = 14;
/** Failed sign-ins allowed per email (and, four times as many, per address) in the window. */
export const SIGN_IN_LIMIT = { failures: 5, minutes: 15 } as const;

async function recentFailures(db: Db, column: 'subject' | 'ip', value: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from audit_log
    where action = 'auth.sign_in_failed' and ${sql.ref(column)} = ${value}
    and at > now() - make_interval(mins => ${SIGN_IN_LIMIT.minutes})`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Checks the password and opens a new session. The failure count lives in the audit log (the
 * database, not process memory), so the limit holds across server processes. A session token is
 * always new: a token presented before sign-in is never adopted (no session fixation).
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string | null },
): Promise<{ token: string; userId: string; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  const limited =
    (await recentFailures(db, 'subject', email)) >= SIGN_IN_LIMIT.failures ||
    (input.ip !== null && (await recentFailures(db, 'ip', input.ip)) >= SIGN_IN_LIMIT.failures * 4);
  if (limited) throw new IdentityError('auth.rate_limited', { minutes: SIGN_IN_LIMIT.minutes });
  const user = await db.selectFrom('users').select(['id', 'password_hash', 'active']).where(sql<string>`lower(email)`, '=', email).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password);
  if (!user || !ok || !user.active) {
    await appendAudit(db, {
      actorId: user?.id ?? null,
      action: 'auth.sign_in_failed',
      subject: email,
      ip: input.ip,
      detail: { reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : 'inactive' },
    });
    throw new IdentityError('auth.invalid_credentials');
  }
  const token = newToken('ts');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenDigest(token), user_id: user.id, expires_at: expiresAt })
    .execute();
  await appendAudit(db, { actorId: user.id, action: 'auth.sign_in', subject: email, ip: input.ip });
  return { token, userId: user.id, expiresAt };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenDigest(token)).execute();
}

/** Ends every session of a user (password change, deactivation), optionally keeping one. */
export async function endSessions(db: Db, userId: string, keepToken?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken) query = query.where('token_hash', '<>', tokenDigest(keepToken));
  await query.execute();
}
