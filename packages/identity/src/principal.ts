import { PREPARED, type SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';

/** A signed-in user as every request sees them: enough to compile their access policy. */
export interface SignedInUser {
  userId: string;
  email: string;
  name: string;
  departmentId: string | null;
  /** Their department and every department below it. */
  departmentTree: string[];
  isAdmin: boolean;
  locale: string | null;
  /** appId → role ids */
  roles: Record<string, string[]>;
}

/** The ids of `u.department_id` and every department below it, as text[] (null without a department). */
const departmentSubtree = sql`(with recursive tree(id) as (
         select d.id from departments d where d.id = u.department_id
         union all select d.id from departments d join tree on d.parent_id = tree.id
       ) select array_agg(id::text) from tree)`;

interface Row {
  scope_app_id: string | null;
  scope_roles: string[] | null;
  id: string;
  email: string;
  name: string;
  department_id: string | null;
  is_admin: boolean;
  locale: string | null;
  roles: string[] | null;
  tree: string[] | null;
  expires_at: Date | null;
}

/**
 * One query: the user behind a session or token digest — only while the user is active, so
 * deactivation cuts every session off at once — with roles and department subtree, and when the
 * credential ends (a session's expiry; null for a token), for whoever keeps the answer a while.
 */
export async function loadCredential(
  db: Kysely<SystemTables>,
  source: 'session' | 'token',
  digest: string,
): Promise<{ user: SignedInUser; expiresAt: Date | null } | null> {
  const credential =
    source === 'session'
      ? sql`select user_id, null::text as scope_app_id, null::text[] as scope_roles, expires_at from sessions where token_hash = ${digest} and expires_at > now()`
      : sql`select user_id, scope_app_id, scope_roles, null::timestamptz as expires_at from api_tokens where token_hash = ${digest} and revoked_at is null`;
  // Run on every request that is not answered from the signed-in cache: prepared once per connection.
  const { rows } = await sql<Row>`${sql.raw(PREPARED)}
    select u.id, u.email, u.name, u.department_id, u.is_admin, u.locale, c.scope_app_id, c.scope_roles, c.expires_at,
      (select array_agg(r.app_id || ':' || r.role_id order by r.app_id, r.role_id) from user_roles r where r.user_id = u.id) as roles,
      ${departmentSubtree} as tree
    from (${credential}) c join users u on u.id = c.user_id where u.active`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const roles: Record<string, string[]> = {};
  for (const entry of row.roles ?? []) {
    const [appId = '', roleId = ''] = entry.split(':');
    (roles[appId] ??= []).push(roleId);
  }
  const user = {
    userId: row.id,
    email: row.email,
    name: row.name,
    departmentId: row.department_id,
    departmentTree: row.tree ?? [],
    isAdmin: row.is_admin,
    locale: row.locale,
    roles,
  };
  const expiresAt = row.expires_at;
  if (!row.scope_app_id) return { user, expiresAt };
  // A scoped token: only the scope's roles the user still holds, in that app only, never admin.
  const held = new Set(row.is_admin ? (row.scope_roles ?? []) : (roles[row.scope_app_id] ?? []));
  return { user: { ...user, isAdmin: false, roles: { [row.scope_app_id]: (row.scope_roles ?? []).filter((r) => held.has(r)) } }, expiresAt };
}

/** The user behind a session or token digest, read now (see `loadCredential`). */
export async function loadSignedInUser(db: Kysely<SystemTables>, source: 'session' | 'token', digest: string): Promise<SignedInUser | null> {
  return (await loadCredential(db, source, digest))?.user ?? null;
}

/** Another person as an access policy sees them: the admin's "view as" previews run with it. */
export interface PersonForAccess {
  userId: string;
  name: string;
  departmentId: string | null;
  departmentTree: string[];
}

/** One user by id, with their department subtree (the same query as a signed-in user's), whether active or not; null if unknown. */
export async function loadPersonForAccess(db: Kysely<SystemTables>, userId: string): Promise<PersonForAccess | null> {
  const { rows } = await sql<{ id: string; name: string; department_id: string | null; tree: string[] | null }>`
    select u.id, u.name, u.department_id, ${departmentSubtree} as tree from users u where u.id = ${userId}`.execute(db);
  const row = rows[0];
  return row ? { userId: row.id, name: row.name, departmentId: row.department_id, departmentTree: row.tree ?? [] } : null;
}

/** A person as their own access policy for one app sees them: what `compilePolicy` needs. */
export interface PersonInApp extends PersonForAccess {
  isAdmin: boolean;
  /** Their role ids in the app. */
  roles: string[];
}

/**
 * Active users among `userIds` with their roles in `appId` and department subtree, in one query:
 * to ask, as each of them, whether they may read something (who a comment may notify).
 */
export async function loadPeopleInApp(db: Kysely<SystemTables>, appId: string, userIds: readonly string[]): Promise<PersonInApp[]> {
  if (userIds.length === 0) return [];
  const { rows } = await sql<{ id: string; name: string; department_id: string | null; is_admin: boolean; roles: string[] | null; tree: string[] | null }>`
    select u.id, u.name, u.department_id, u.is_admin, ${departmentSubtree} as tree,
      (select array_agg(r.role_id order by r.role_id) from user_roles r where r.user_id = u.id and r.app_id = ${appId}) as roles
    from users u where u.id in (${sql.join([...userIds])}) and u.active`.execute(db);
  return rows.map((row) => ({
    userId: row.id,
    name: row.name,
    departmentId: row.department_id,
    departmentTree: row.tree ?? [],
    isAdmin: row.is_admin,
    roles: row.roles ?? [],
  }));
}
