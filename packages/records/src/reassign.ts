import { tableRef } from '@tessera/meta';
import { sql } from 'kysely';
import { changeLogCtes } from './change-log';
import { objectOf } from './live-app';
import { type RecordContext, requireAction } from './record-context';
import { rowScopeSql } from './row-scope';

export interface Reassignment {
  fromUserId: string;
  toUserId: string;
  /** The new owner's department: department-scoped roles follow the record to its new team. */
  toDepartmentId: string | null;
}

/**
 * Moves every live record of one owner to another (a departing rep's customers), within what the
 * actor may update, in one statement: each moved record gets a new version, a history row and an event.
 */
export async function reassignOwner(ctx: RecordContext, objectId: string, change: Reassignment): Promise<number> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'update', object);
  const actor = ctx.access.actor.userId;
  const moved = sql.id(object.id);
  const changes = sql`jsonb_build_array(
    jsonb_build_object('field', 'owner_id', 'old', ${change.fromUserId}::text, 'new', ${change.toUserId}::text),
    jsonb_build_object('field', 'department_id', 'old', old_department::text, 'new', ${change.toDepartmentId}::text))`;
  const { rows } = await sql<{ n: string }>`with ${moved} as (
      update ${tableRef(ctx.app.appId, object.id)} as ${moved}
      set owner_id = ${change.toUserId}, department_id = ${change.toDepartmentId}, version = ${moved}.version + 1, updated_at = now(), updated_by = ${actor}
      from (select id as old_id, department_id as old_department from ${tableRef(ctx.app.appId, object.id)}) as before
      where before.old_id = ${moved}.id and ${moved}.owner_id = ${change.fromUserId} and ${moved}.deleted_at is null
        and ${rowScopeSql(ctx, object, 'read')} and ${rowScopeSql(ctx, object, 'update')}
      returning ${moved}.id, ${moved}.version, before.old_department
    ), _changed as (
      select id as record_id, version as record_version, 'update'::text as operation, ${changes} as changes from ${moved}
    ), ${changeLogCtes(ctx, object.id, 'reassign')}
    select count(*) as n from ${moved}`.execute(ctx.db);
  return Number(rows[0]?.n ?? 0);
}
