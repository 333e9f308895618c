import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';
import { appendAudit } from './audit-log';
import { IdentityError } from './identity-error';
import { decoyHash, newToken, tokenDigest, verifyPassword } from './secrets';
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure } from './sign-in-throttle';

type Db = Kysely<SystemTables>;

export const SESSION_DAYS = 14;

/**
 * Checks the password and opens a new session. Failures slow down further tries from the same
 * account on the same address and from the same address (sign-in-throttle.ts, in the database so
 * every server process sees them), never the account everywhere. A session token is always new:
 * a token presented before sign-in is never adopted (no session fixation).
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string | null },
): Promise<{ token: string; userId: string; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  const now = new Date();
  await checkSignInThrottle(db, email, input.ip, now);
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
    await recordSignInFailure(db, email, input.ip, now);
    throw new IdentityError('auth.invalid_credentials');
  }
  await clearSignInFailures(db, email, input.ip);
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
