import { sql, type Kysely } from 'kysely';
import type { SystemTables } from '@tessera/db';

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

interface Row {
  id: string;
  email: string;
  name: string;
  department_id: string | null;
  is_admin: boolean;
  locale: string | null;
  roles: string[] | null;
  tree: string[] | null;
}

/**
 * One query per request: the user behind a session or token digest — only while the user is
 * active, so deactivation cuts every session off at once — with roles and department subtree.
 */
export async function loadSignedInUser(db: Kysely<SystemTables>, source: 'session' | 'token', digest: string): Promise<SignedInUser | null> {
  const credential = source === 'session'
    ? sql`select user_id from sessions where token_hash = ${digest} and expires_at > now()`
    : sql`select user_id from api_tokens where token_hash = ${digest} and revoked_at is null`;
  const { rows } = await sql<Row>`
    select u.id, u.email, u.name, u.department_id, u.is_admin, u.locale,
      (select array_agg(r.app_id || ':' || r.role_id order by r.app_id, r.role_id) from user_roles r where r.user_id = u.id) as roles,
      (with recursive tree(id) as (
         select d.id from departments d where d.id = u.department_id
         union all select d.id from departments d join tree on d.parent_id = tree.id
       ) select array_agg(id::text) from tree) as tree
    from users u where u.active and u.id = (${credential})`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const roles: Record<string, string[]> = {};
  for (const entry of row.roles ?? []) {
    const [appId = '', roleId = ''] = entry.split(':');
    (roles[appId] ??= []).push(roleId);
  }
  return { userId: row.id, email: row.email, name: row.name, departmentId: row.department_id, departmentTree: row.tree ?? [], isAdmin: row.is_admin, locale: row.locale, roles };
}
