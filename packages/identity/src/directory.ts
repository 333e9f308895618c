import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';

export interface DirectoryEntry {
  id: string;
  name: string;
  email: string;
  departmentId: string | null;
  active: boolean;
}

/**
 * Who is who, for every signed-in user: names for user fields, @mentions and timelines. It says no
 * more than a company address book (no roles, no admin flag); `ids` looks up known people, `search`
 * finds people by name or email.
 */
export async function searchDirectory(
  db: Kysely<SystemTables>,
  query: { search?: string | undefined; ids?: readonly string[] | undefined; limit?: number | undefined },
): Promise<DirectoryEntry[]> {
  let select = db.selectFrom('users').select(['id', 'name', 'email', 'department_id', 'active']);
  if (query.ids?.length) select = select.where('id', 'in', [...query.ids]);
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, '\\$&')}%`;
    select = select.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)])).where('active', '=', true);
  }
  const rows = await select
    .orderBy(sql`lower(name)`)
    .limit(Math.min(query.limit ?? 20, 200))
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, departmentId: r.department_id, active: r.active }));
}

/** One department of the organization as every signed-in user may see it: no head, no members. */
export interface DirectoryDepartment {
  id: string;
  name: string;
  parentId: string | null;
}

/**
 * The whole department tree as a flat list, for department pickers and for showing a department
 * field's name. Organizations have tens to a few thousand departments, so it is sent in one piece
 * (the browser keeps it for the session); sorted by name, then id, so siblings keep a stable order.
 */
export async function listDirectoryDepartments(db: Kysely<SystemTables>): Promise<DirectoryDepartment[]> {
  const rows = await db.selectFrom('departments').select(['id', 'name', 'parent_id']).orderBy(sql`lower(name)`).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id }));
}
