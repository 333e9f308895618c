import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';
import { IdentityError } from './identity-error';

type Db = Kysely<SystemTables>;

export interface Department {
  id: string;
  name: string;
  parentId: string | null;
  headUserId: string | null;
}

export async function listDepartments(db: Db): Promise<Department[]> {
  const rows = await db.selectFrom('departments').selectAll().orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, headUserId: r.head_user_id }));
}

async function assertExists(db: Db, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const found = await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new IdentityError('identity.department_not_found');
}

/** A department's head must be a user that exists (checked here, not left to the foreign key). */
async function assertUserExists(db: Db, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const found = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!found) throw new IdentityError('identity.user_not_found');
}

export async function createDepartment(
  db: Db,
  input: { name: string; parentId?: string | null | undefined; headUserId?: string | null | undefined },
): Promise<string> {
  await assertExists(db, input.parentId);
  await assertUserExists(db, input.headUserId);
  const row = await db
    .insertInto('departments')
    .values({ name: input.name.trim(), parent_id: input.parentId ?? null, head_user_id: input.headUserId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Renames, moves (never under itself or its own subtree) or sets the head of a department. */
export async function updateDepartment(
  db: Db,
  id: string,
  changes: { name?: string | undefined; parentId?: string | null | undefined; headUserId?: string | null | undefined },
): Promise<void> {
  await assertExists(db, id);
  if (changes.parentId) {
    await assertExists(db, changes.parentId);
    const { rows } = await sql<{ id: string }>`with recursive below(id) as (
        select ${id}::uuid union all select d.id from departments d join below on d.parent_id = below.id
      ) select id from below where id = ${changes.parentId}::uuid`.execute(db);
    if (rows.length) throw new IdentityError('identity.department_cycle');
  }
  await assertUserExists(db, changes.headUserId);
  await db
    .updateTable('departments')
    .set({
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.parentId !== undefined ? { parent_id: changes.parentId } : {}),
      ...(changes.headUserId !== undefined ? { head_user_id: changes.headUserId } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteDepartment(db: Db, id: string): Promise<void> {
  await assertExists(db, id);
  const users = await db.selectFrom('users').select('id').where('department_id', '=', id).limit(1).execute();
  const children = await db.selectFrom('departments').select('id').where('parent_id', '=', id).limit(1).execute();
  if (users.length || children.length) throw new IdentityError('identity.department_in_use');
  await db.deleteFrom('departments').where('id', '=', id).execute();
}
