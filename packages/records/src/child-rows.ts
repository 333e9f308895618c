import { tableRef } from '@tessera/meta';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { columnFields, type RecordRow, selectableColumns, toRecordJson } from './record-columns';
import type { RecordContext } from './record-context';
import { chunks, fieldColumn, type RecordsetColumn, ROWS_PER_STATEMENT, recordsetJson, recordsetSql } from './recordset';

/** One record's lines as a write sends them: the whole list, in order. */
export interface ChildRowsWrite {
  parentId: string;
  rows: RecordRow[];
}

/**
 * A crafted payload may name one line id twice; one upsert cannot touch a row twice, so the last
 * occurrence wins, as it would if each line were its own statement.
 */
function lastOfEachId(lines: { parentId: string; row: RecordRow; index: number }[]) {
  const lastIndex = new Map<string, number>();
  lines.forEach((line, i) => {
    if (typeof line.row.id === 'string') lastIndex.set(line.row.id, i);
  });
  return lines.filter((line, i) => typeof line.row.id !== 'string' || lastIndex.get(line.row.id) === i);
}

/** Lines that send the same fields share a statement: a field left out must keep its stored value. */
function byShape<T extends { row: RecordRow }>(lines: T[], fields: readonly FieldDefinition[]) {
  const groups = new Map<string, { present: FieldDefinition[]; lines: T[] }>();
  for (const line of lines) {
    const present = fields.filter((f) => f.id in line.row);
    const shape = present.map((f) => f.id).join(',');
    const group = groups.get(shape) ?? { present, lines: [] };
    group.lines.push(line);
    groups.set(shape, group);
  }
  return [...groups.values()];
}

/**
 * Replaces the lines of each record in `writes` (quote lines) with the lines given: a line that
 * carries the id of an existing line keeps it, the rest are new, and lines no longer listed are
 * deleted (`fresh`: the records are new, there is nothing to delete). Order is the array's order.
 * All lines of all records go in one multi-row upsert per shape of line (the fields it sends),
 * so a thousand lines — or an import's fifty thousand — cost a few statements, not one each.
 */
export async function writeChildRows(
  ctx: RecordContext,
  child: ObjectDefinition,
  writes: readonly ChildRowsWrite[],
  options: { fresh: boolean },
): Promise<void> {
  if (writes.length === 0) return;
  const table = tableRef(ctx.app.appId, child.id);
  if (!options.fresh) {
    const keep = writes.flatMap((w) => w.rows.map((r) => r.id).filter((id): id is string => typeof id === 'string'));
    await sql`delete from ${table} where parent_id = any(${writes.map((w) => w.parentId)}::uuid[]) and not (id = any(${keep}::uuid[]))`.execute(ctx.db);
  }
  const actor = ctx.access.actor.userId;
  const lines = lastOfEachId(writes.flatMap((w) => w.rows.map((row, index) => ({ parentId: w.parentId, row, index }))));
  for (const { present, lines: group } of byShape(lines, columnFields(child))) {
    const columns: RecordsetColumn[] = [
      { name: 'id', type: 'uuid' },
      { name: 'parent_id', type: 'uuid' },
      { name: 'sort_index', type: 'integer' },
      ...present.map(fieldColumn),
    ];
    const names = present.map((f) => sql.ref(f.id));
    const updates = [
      sql`sort_index = excluded.sort_index`,
      sql`updated_at = now()`,
      sql`updated_by = excluded.updated_by`,
      sql`version = ${table}.version + 1`,
      ...present.map((f) => sql`${sql.ref(f.id)} = excluded.${sql.ref(f.id)}`),
    ];
    for (const part of chunks(group, ROWS_PER_STATEMENT)) {
      const rows = part.map(({ parentId, row, index }) => ({
        ...pick(row, present),
        id: typeof row.id === 'string' ? row.id : null,
        parent_id: parentId,
        sort_index: index,
      }));
      // A new line takes a new id; `where parent_id` keeps a crafted id from moving another record's line under this one.
      await sql`insert into ${table} (id, parent_id, sort_index, created_by, updated_by${names.length ? sql`, ${sql.join(names)}` : sql``})
        select coalesce(x.id, gen_random_uuid()), x.parent_id, x.sort_index, ${actor}, ${actor}${names.length ? sql`, ${sql.join(present.map((f) => sql.ref(`x.${f.id}`)))}` : sql``}
        from ${recordsetSql(recordsetJson(rows), columns, 'x')}
        on conflict (id) do update set ${sql.join(updates)} where ${table}.parent_id = excluded.parent_id`.execute(ctx.db);
    }
  }
}

function pick(row: RecordRow, fields: readonly FieldDefinition[]): RecordRow {
  const out: RecordRow = {};
  for (const field of fields) out[field.id] = row[field.id] ?? null;
  return out;
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
