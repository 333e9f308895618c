import type { SystemTables } from '@tessera/db';
import type { Kysely } from 'kysely';
import { newPassword } from './secrets';
import { createUser } from './users';

/**
 * First run: with no user at all, creates the administrator. The password comes from the
 * environment or is generated here and returned once to be printed — none lives in code.
 */
export async function ensureFirstAdmin(
  db: Kysely<SystemTables>,
  options: { email: string; password?: string | undefined },
): Promise<{ email: string; password: string } | null> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const password = options.password ?? newPassword();
  await createUser(db, { email: options.email, name: 'Administrator', password, isAdmin: true });
  return { email: options.email, password };
}
