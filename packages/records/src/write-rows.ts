import type { ChangeSource } from '@tessera/events';
import { tableRef } from '@tessera/meta';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { autoNumberExpression } from './auto-number';
import { changeLogCtes, createChangesSql } from './change-log';
import { childTableFields, writeChildRows } from './child-rows';
import { coalescedInsert, type InsertedRow } from './insert-coalescer';
import { objectOf } from './live-app';
import type { PreparedCreate, PreparedUpdate } from './prepare-write';
import { columnFields, type RecordRow } from './record-columns';
import { preparedFor, type RecordContext } from './record-context';
import { chunks, fieldColumn, type RecordsetColumn, ROWS_PER_STATEMENT, recordsetJson, recordsetSql } from './recordset';
import { readSelections } from './rollups';
import { rowScopeSql } from './row-scope';
import { ROWS, runStatement } from './statement-cache';

/**
 * The set-based half of every write: prepared rows (prepare-write.ts) go to PostgreSQL as one
 * parameter per statement, and each statement also writes their history rows and events (the
 * change log's CTEs), so a row is never written without its history and event. Callers run these
 * inside one transaction (`inTransaction`) when they write more than one statement.
 */

/** Values as the recordset sends them: absent fields as null. */
function rowOf(id: string, values: RecordRow, fields: readonly FieldDefinition[], extra: RecordRow = {}): RecordRow {
  const row: RecordRow = { id, ...extra };
  for (const field of fields) row[field.id] = values[field.id] ?? null;
  return row;
}

/** Groups items by the fields they carry: one statement per shape keeps a field left out at its default. */
function byFields<T>(items: readonly T[], fieldsOf: (item: T) => FieldDefinition[]): { fields: FieldDefinition[]; items: T[] }[] {
  const groups = new Map<string, { fields: FieldDefinition[]; items: T[] }>();
  for (const item of items) {
    const fields = fieldsOf(item);
    const key = fields.map((f) => f.id).join(',');
    const group = groups.get(key) ?? { fields, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The fields a create gives (auto-numbers are numbered here); the object's columns listed once, not per row. */
const givenFields = (object: ObjectDefinition) => {
  const fields = columnFields(object).filter((f) => f.type !== 'auto_number');
  return (row: PreparedCreate) => fields.filter((f) => row.values[f.id] !== undefined);
};

/**
 * The insert of new records with their history rows and events, as one statement; `select` is
 * its result list over the inserted rows, which the CTE names after the object (so the actor's
 * row scope and rollups, which name the table by its own name, apply to them).
 */
function insertStatement(ctx: RecordContext, object: ObjectDefinition, given: FieldDefinition[], source: ChangeSource, select: RawBuilder<unknown>) {
  const actor = ctx.access.actor;
  const numbered = columnFields(object).filter((f) => f.type === 'auto_number');
  const columns: RecordsetColumn[] = [{ name: 'id', type: 'uuid' }, ...given.map(fieldColumn)];
  const inserted = sql.id(object.id);
  const names = [...given, ...numbered].map((f) => sql.ref(f.id));
  const picks = [...given.map((f) => sql.ref(`_input.${f.id}`)), ...numbered.map((f) => autoNumberExpression(ctx.app.appId, object.id, f.id, f.numberFormat))];
  return sql`${preparedFor(ctx)}with ${inserted} as (
      insert into ${tableRef(ctx.app.appId, object.id)} (id, owner_id, department_id, created_by, updated_by${names.length ? sql`, ${sql.join(names)}` : sql``})
      select _input.id, ${actor.userId}, ${actor.departmentId}, ${actor.userId}, ${actor.userId}${picks.length ? sql`, ${sql.join(picks)}` : sql``}
      from ${recordsetSql(ROWS, columns, '_input')}
      returning *
    ), _changed as (
      select id as record_id, version as record_version, 'create'::text as operation, ${createChangesSql([...given, ...numbered], object.id)} as changes from ${inserted}
    ), ${changeLogCtes(ctx, object.id, source)}
    ${select}`;
}

/** Lines of the new records, all in one upsert per child table and shape. */
async function insertChildren(ctx: RecordContext, object: ObjectDefinition, rows: readonly { id: string; values: RecordRow }[], fresh: boolean): Promise<void> {
  for (const field of childTableFields(object)) {
    const writes = rows.filter((r) => Array.isArray(r.values[field.id])).map((r) => ({ parentId: r.id, rows: r.values[field.id] as RecordRow[] }));
    if (writes.length) await writeChildRows(ctx, objectOf(ctx.app, field.target ?? '', { allowChild: true }), writes, { fresh });
  }
}

/**
 * Inserts one new record and answers with it as the actor may see it, in one round trip when it
 * has no lines (the common create); `row` is null when the actor may not read it, or when it has
 * child tables (getRecord then adds their lines).
 */
export async function insertOne(
  ctx: RecordContext,
  object: ObjectDefinition,
  row: PreparedCreate,
  source: ChangeSource,
): Promise<RecordRow & { __readable: boolean }> {
  const given = givenFields(object)(row);
  const select = () => {
    const readable = ctx.access.can('read', object.id) ? rowScopeSql(ctx, object, 'read') : sql`false`;
    return sql`select ${sql.join(readSelections(ctx, object))}, ${readable} as "__readable" from ${sql.id(object.id)}`;
  };
  // Rollups are computed with the clock; their statement is built each time.
  const key = ctx.access.cacheKey && !ctx.app.rollups.has(object.id) ? statementKey(ctx, 'insert-one', object, given, source, ctx.access.cacheKey) : null;
  const run = async (rows: Record<string, unknown>[]) =>
    (await runStatement(ctx, key, () => insertStatement(ctx, object, given, source, select()), recordsetJson(rows))).rows as InsertedRow[];
  const json = rowOf(row.id, row.values, given);
  // Outside a caller's transaction, creates of one shape and actor share statements under load.
  const inserted = key !== null && !ctx.db.isTransaction ? await coalescedInsert(ctx.app, ctx.db, key, row.id, json, run) : (await run([json]))[0]!;
  await insertChildren(ctx, object, [row], true);
  return inserted;
}

/** Inserts many new records, their lines, history rows and events: a few statements per few thousand rows. */
export async function insertMany(ctx: RecordContext, object: ObjectDefinition, rows: readonly PreparedCreate[], source: ChangeSource): Promise<void> {
  const count = sql`select count(*) from ${sql.id(object.id)}`;
  for (const group of byFields(rows, givenFields(object))) {
    const key = ctx.access.cacheKey ? statementKey(ctx, 'insert-many', object, group.fields, source, ctx.access.cacheKey) : null;
    for (const part of chunks(group.items, ROWS_PER_STATEMENT)) {
      await runStatement(
        ctx,
        key,
        () => insertStatement(ctx, object, group.fields, source, count),
        recordsetJson(part.map((r) => rowOf(r.id, r.values, group.fields))),
      );
    }
  }
  await insertChildren(ctx, object, rows, true);
}

/** What a cached write statement depends on besides its rows (the version is the cache's own). */
function statementKey(
  ctx: RecordContext,
  kind: string,
  object: ObjectDefinition,
  fields: readonly FieldDefinition[],
  source: ChangeSource,
  policy: string,
): string {
  return `${kind}|${object.id}|${fields.map((f) => f.id).join(',')}|${source}|${policy}|${JSON.stringify(ctx.cause ?? null)}`;
}

/**
 * Applies prepared edits: one update statement per shape of edit (the columns it changes) and
 * few thousand records, each with a new version, its history row and its event; then the lines
 * of child tables the edits replace.
 */
export async function updateMany(ctx: RecordContext, object: ObjectDefinition, edits: readonly PreparedUpdate[], source: ChangeSource): Promise<void> {
  const actor = ctx.access.actor.userId;
  const updated = sql.id(object.id);
  for (const { fields, items } of byFields(edits, (edit) => edit.changed)) {
    const columns: RecordsetColumn[] = [{ name: 'id', type: 'uuid' }, { name: '_changes', type: 'jsonb' }, ...fields.map(fieldColumn)];
    const sets = [
      sql`version = ${updated}.version + 1`,
      sql`updated_at = now()`,
      sql`updated_by = ${actor}`,
      ...fields.map((f) => sql`${sql.ref(f.id)} = _input.${sql.ref(f.id)}`),
    ];
    const statement = () => sql`${preparedFor(ctx)}with _input as (select * from ${recordsetSql(ROWS, columns, 'x')}), ${updated} as (
        update ${tableRef(ctx.app.appId, object.id)} as ${updated} set ${sql.join(sets)}
        from _input where ${updated}.id = _input.id
        returning ${updated}.id, ${updated}.version
      ), _changed as (
        select u.id as record_id, u.version as record_version, 'update'::text as operation, _input._changes as changes
        from ${updated} u join _input on _input.id = u.id
      ), ${changeLogCtes(ctx, object.id, source)}
      select count(*) from ${updated}`;
    const key = ctx.access.cacheKey ? statementKey(ctx, 'update', object, fields, source, ctx.access.cacheKey) : null;
    for (const part of chunks(items, ROWS_PER_STATEMENT)) {
      await runStatement(ctx, key, statement, recordsetJson(part.map((edit) => rowOf(edit.id, edit.values, fields, { _changes: edit.changes }))));
    }
  }
  await insertChildren(
    ctx,
    object,
    edits.filter((e) => e.children.length).map((e) => ({ id: e.id, values: e.values })),
    false,
  );
}

/**
 * Moves records to the recycle bin (or back), each with a new version, a history row and an
 * event, in one statement: `where` selects them (ids or a list's filters), and the actor's row
 * scope for reading and deleting applies. Returns the ids it moved.
 */
export async function setDeletedWhere(
  ctx: RecordContext,
  object: ObjectDefinition,
  where: RawBuilder<unknown>,
  deleted: boolean,
  source: ChangeSource,
): Promise<string[]> {
  const moved = sql.id(object.id);
  const { rows } = await sql<{ id: string }>`with ${moved} as (
      update ${tableRef(ctx.app.appId, object.id)} as ${moved}
      set deleted_at = ${deleted ? sql`now()` : sql`null`}, version = ${moved}.version + 1, updated_at = now(), updated_by = ${ctx.access.actor.userId}
      where ${where} and ${moved}.deleted_at is ${deleted ? sql`null` : sql`not null`}
        and ${rowScopeSql(ctx, object, 'read')} and ${rowScopeSql(ctx, object, 'delete')}
      returning ${moved}.id, ${moved}.version
    ), _changed as (
      select id as record_id, version as record_version, ${deleted ? 'delete' : 'restore'}::text as operation, '[]'::jsonb as changes from ${moved}
    ), ${changeLogCtes(ctx, object.id, source)}
    select id from ${moved}`.execute(ctx.db);
  return rows.map((r) => String(r.id));
}
