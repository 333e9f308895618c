import { sql, type Kysely } from 'kysely';
import type { SystemTables } from '@tessera/db';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { tableRef } from '@tessera/meta';
import type { RecordContext } from './record-context';
import { columnFields, columnValueSql, selectableColumns, toRecordJson, type RecordRow } from './record-columns';

type Tx = Kysely<SystemTables>;

/**
 * Replaces a record's child rows (quote lines) with `rows`: rows that carry the id of an
 * existing line keep it, the rest are new, and lines no longer listed are deleted. Order is
 * the array's order.
 */
export async function writeChildRows(tx: Tx, ctx: RecordContext, child: ObjectDefinition, parentId: string, rows: RecordRow[]): Promise<void> {
  const table = tableRef(ctx.app.appId, child.id);
  const keep = rows.map((r) => r.id).filter((id): id is string => typeof id === 'string');
  const keepList = keep.length ? sql`and id not in (${sql.join(keep)})` : sql``;
  await sql`delete from ${table} where parent_id = ${parentId} ${keepList}`.execute(tx);
  const fields = columnFields(child);
  const actor = ctx.access.actor.userId;
  for (const [index, row] of rows.entries()) {
    const present = fields.filter((f) => f.id in row);
    const cols = [sql.ref('parent_id'), sql.ref('sort_index'), sql.ref('created_by'), sql.ref('updated_by'), ...present.map((f) => sql.ref(f.id))];
    const values = [sql`${parentId}`, sql`${index}`, sql`${actor}`, sql`${actor}`, ...present.map((f) => columnValueSql(f, row[f.id]))];
    if (typeof row.id === 'string') {
      cols.push(sql.ref('id'));
      values.push(sql`${row.id}`);
    }
    const updates = [sql`sort_index = excluded.sort_index`, sql`updated_at = now()`, sql`updated_by = excluded.updated_by`, sql`version = ${table}.version + 1`, ...present.map((f) => sql`${sql.ref(f.id)} = excluded.${sql.ref(f.id)}`)];
    // `where parent_id` keeps a crafted id from moving another record's line under this one.
    await sql`insert into ${table} (${sql.join(cols)}) values (${sql.join(values)})
      on conflict (id) do update set ${sql.join(updates)} where ${table}.parent_id = excluded.parent_id`.execute(tx);
  }
}

export async function readChildRows(ctx: RecordContext, child: ObjectDefinition, parentIds: readonly string[]): Promise<Map<string, RecordRow[]>> {
  const byParent = new Map<string, RecordRow[]>();
  if (parentIds.length === 0) return byParent;
  const columns = selectableColumns(child, ctx.access.hiddenFields(child.id));
  const { rows } = await sql<RecordRow>`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${tableRef(ctx.app.appId, child.id)}
    where parent_id in (${sql.join([...parentIds])}) order by parent_id, sort_index`.execute(ctx.db);
  for (const row of rows) {
    const list = byParent.get(String(row.parent_id)) ?? [];
    list.push(toRecordJson(row));
    byParent.set(String(row.parent_id), list);
  }
  return byParent;
}

export function childTableFields(object: ObjectDefinition): FieldDefinition[] {
  return object.fields.filter((f) => f.type === 'child_table');
}
