import { sql, type Kysely } from 'kysely';
import type { SystemTables } from '@tessera/db';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { tableRef } from '@tessera/meta';
import type { RecordContext } from './record-context';
import { columnFields, columnValueSql, selectableColumns, toRecordJson, type RecordRow } from './record-columns';

type Tx = Kysely<SystemTables>;

/** PostgreSQL takes at most 65,535 parameters per statement; a chunk stays well below. */
const MAX_PARAMETERS = 30_000;

/**
 * A crafted payload may name one id twice; one multi-row upsert cannot touch a row twice, so
 * the last occurrence wins, as it did when each row was its own statement.
 */
function lastOfEachId(rows: readonly RecordRow[]): { row: RecordRow; index: number }[] {
  const lastIndex = new Map<string, number>();
  rows.forEach((row, index) => {
    if (typeof row.id === 'string') lastIndex.set(row.id, index);
  });
  return rows
    .map((row, index) => ({ row, index }))
    .filter(({ row, index }) => typeof row.id !== 'string' || lastIndex.get(row.id) === index);
}

/** Rows that send the same fields share a statement: a field left out must keep its stored value. */
function byShape(rows: { row: RecordRow; index: number }[], fields: readonly FieldDefinition[]) {
  const groups = new Map<string, { present: FieldDefinition[]; rows: { row: RecordRow; index: number }[] }>();
  for (const entry of rows) {
    const present = fields.filter((f) => f.id in entry.row);
    const shape = present.map((f) => f.id).join(',');
    const group = groups.get(shape) ?? { present, rows: [] };
    group.rows.push(entry);
    groups.set(shape, group);
  }
  return [...groups.values()];
}

/**
 * Replaces a record's child rows (quote lines) with `rows`: rows that carry the id of an
 * existing line keep it, the rest are new, and lines no longer listed are deleted. Order is
 * the array's order. All rows go in one multi-row upsert (split only by the fields they send,
 * and by the parameter limit), so a thousand lines cost one round trip, not a thousand.
 */
export async function writeChildRows(tx: Tx, ctx: RecordContext, child: ObjectDefinition, parentId: string, rows: RecordRow[]): Promise<void> {
  const table = tableRef(ctx.app.appId, child.id);
  const keep = rows.map((r) => r.id).filter((id): id is string => typeof id === 'string');
  const keepList = keep.length ? sql`and id not in (${sql.join(keep)})` : sql``;
  await sql`delete from ${table} where parent_id = ${parentId} ${keepList}`.execute(tx);
  const actor = ctx.access.actor.userId;
  for (const { present, rows: group } of byShape(lastOfEachId(rows), columnFields(child))) {
    const cols = [sql.ref('id'), sql.ref('parent_id'), sql.ref('sort_index'), sql.ref('created_by'), sql.ref('updated_by'), ...present.map((f) => sql.ref(f.id))];
    const updates = [sql`sort_index = excluded.sort_index`, sql`updated_at = now()`, sql`updated_by = excluded.updated_by`, sql`version = ${table}.version + 1`, ...present.map((f) => sql`${sql.ref(f.id)} = excluded.${sql.ref(f.id)}`)];
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / cols.length));
    for (let start = 0; start < group.length; start += perStatement) {
      const tuples = group.slice(start, start + perStatement).map(({ row, index }) => sql`(${sql.join([
        // A new line takes the column default (gen_random_uuid()).
        typeof row.id === 'string' ? sql`${row.id}` : sql`default`,
        sql`${parentId}`, sql`${index}`, sql`${actor}`, sql`${actor}`,
        ...present.map((f) => columnValueSql(f, row[f.id])),
      ])})`);
      // `where parent_id` keeps a crafted id from moving another record's line under this one.
      await sql`insert into ${table} (${sql.join(cols)}) values ${sql.join(tuples)}
        on conflict (id) do update set ${sql.join(updates)} where ${table}.parent_id = excluded.parent_id`.execute(tx);
    }
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
