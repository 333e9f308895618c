import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';
import { IdentityError } from './identity-error';
import { hashPassword, verifyPassword } from './secrets';
import { endSessions } from './sessions';

type Db = Kysely<SystemTables>;

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  departmentId: string | null;
  isAdmin: boolean;
  active: boolean;
  roles: Record<string, string[]>;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  departmentId?: string | null | undefined;
  isAdmin?: boolean | undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505';
}

export async function createUser(db: Db, input: NewUser): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db
      .insertInto('users')
      .values({
        email: input.email.trim(),
        name: input.name.trim(),
        password_hash: passwordHash,
        department_id: input.departmentId ?? null,
        is_admin: input.isAdmin ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new IdentityError('identity.email_taken', { email: input.email });
    throw error;
  }
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const { rows } = await sql<{
    id: string;
    email: string;
    name: string;
    department_id: string | null;
    is_admin: boolean;
    active: boolean;
    roles: string[] | null;
  }>`
    select u.id, u.email, u.name, u.department_id, u.is_admin, u.active,
      (select array_agg(r.app_id || ':' || r.role_id order by r.app_id, r.role_id) from user_roles r where r.user_id = u.id) as roles
    from users u order by u.active desc, lower(u.name)`.execute(db);
  return rows.map((r) => {
    const roles: Record<string, string[]> = {};
    for (const entry of r.roles ?? []) {
      const [appId = '', roleId = ''] = entry.split(':');
      (roles[appId] ??= []).push(roleId);
    }
    return { id: r.id, email: r.email, name: r.name, departmentId: r.department_id, isAdmin: r.is_admin, active: r.active, roles };
  });
}

/** Refuses to leave the workspace without an active administrator. */
async function assertAnotherAdmin(db: Db, userId: string): Promise<void> {
  const others = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('is_admin', '=', true)
    .where('active', '=', true)
    .where('id', '<>', userId)
    .executeTakeFirst();
  if (Number(others?.n ?? 0) === 0) throw new IdentityError('identity.last_admin');
}

export async function updateUser(
  db: Db,
  userId: string,
  changes: { name?: string | undefined; departmentId?: string | null | undefined; isAdmin?: boolean | undefined; locale?: string | null | undefined },
): Promise<void> {
  if (changes.isAdmin === false) await assertAnotherAdmin(db, userId);
  const result = await db
    .updateTable('users')
    .set({
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.departmentId !== undefined ? { department_id: changes.departmentId } : {}),
      ...(changes.isAdmin !== undefined ? { is_admin: changes.isAdmin } : {}),
      ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new IdentityError('identity.user_not_found');
}

/** Deactivation cuts the user off at once: sessions end, and tokens stop resolving (they require an active user). */
export async function setActive(db: Db, userId: string, active: boolean): Promise<void> {
  if (!active) await assertAnotherAdmin(db, userId);
  const result = await db.updateTable('users').set({ active, updated_at: new Date() }).where('id', '=', userId).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new IdentityError('identity.user_not_found');
  if (!active) await endSessions(db, userId);
}

/** Replaces the user's roles in one app. Role ids are checked against the app by the caller. */
export async function setRoles(db: Db, userId: string, appId: string, roleIds: readonly string[]): Promise<void> {
  const replace = async (tx: Db) => {
    // The user row is locked so it cannot vanish between this check and the insert.
    const user = await tx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!user) throw new IdentityError('identity.user_not_found');
    await tx.deleteFrom('user_roles').where('user_id', '=', userId).where('app_id', '=', appId).execute();
    if (roleIds.length)
      await tx
        .insertInto('user_roles')
        .values(roleIds.map((role_id) => ({ user_id: userId, app_id: appId, role_id })))
        .execute();
  };
  // Inside the caller's transaction when there is one (a template install sets up its team in its own).
  await (db.isTransaction ? replace(db) : db.transaction().execute(replace));
}

/** Changing one's password ends every other session of that user. */
export async function changePassword(db: Db, userId: string, current: string, next: string, keepToken?: string): Promise<void> {
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  if (!user) throw new IdentityError('identity.user_not_found');
  if (!(await verifyPassword(user.password_hash, current))) throw new IdentityError('auth.wrong_password');
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(next), updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
  await endSessions(db, userId, keepToken);
}

export async function getUser(db: Db, userId: string): Promise<{ id: string; departmentId: string | null; active: boolean }> {
  const row = await db.selectFrom('users').select(['id', 'department_id', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!row) throw new IdentityError('identity.user_not_found');
  return { id: row.id, departmentId: row.department_id, active: row.active };
}
