import type { ChangeSource } from '@tessera/events';
import { tableRef } from '@tessera/meta';
import type { FilterCondition, ObjectDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import { formulaPredicate } from './formula-filter';
import { objectOf } from './live-app';
import { prepareUpdates, validated } from './prepare-write';
import { type RecordRow, selectableColumns } from './record-columns';
import { inTransaction, type RecordContext, requireAction } from './record-context';
import { RecordError } from './record-error';
import { filterPredicates } from './record-list';
import { guarded } from './record-write';
import { chunks, ROWS_PER_STATEMENT } from './recordset';
import { rowScopeSql } from './row-scope';
import { refusedWrites } from './write-guard';
import { setDeletedWhere, updateMany } from './write-rows';

/**
 * The records a bulk change applies to: the ids a user ticked, or every record a list's filters
 * match ("select all 12,000"). Either way only records within the actor's row scope are touched.
 */
export interface BulkSelection {
  ids?: readonly string[] | undefined;
  filters?: readonly FilterCondition[] | undefined;
  /** A yes/no formula over the object's fields (a flow's "update many" step), run as SQL. */
  where?: string | undefined;
}

export interface BulkResult {
  /** How many records the change applied to (a record that already had the values counts). */
  done: number;
  /** Ticked records outside the actor's scope or already deleted: left as they were. */
  skipped: { id: string; code: string }[];
}

/**
 * The largest bulk change one request may make, unless the server is configured otherwise: a
 * guard against a slip ("all 2 million customers"), not a limit of the write path, which is
 * set-based and has none.
 */
export const DEFAULT_BULK_LIMIT = 100_000;

function selectionSql(ctx: RecordContext, object: ObjectDefinition, selection: BulkSelection): RawBuilder<unknown> {
  if (selection.ids) return sql`${sql.ref(`${object.id}.id`)} = any(${[...new Set(selection.ids)]}::uuid[])`;
  const predicates = filterPredicates(ctx, object, selection.filters ?? []);
  if (selection.where) predicates.push(formulaPredicate(ctx, object, selection.where));
  return predicates.length ? sql.join(predicates, sql` and `) : sql`true`;
}

/** The selected live records the actor may read and `action`, locked in id order (so two bulk changes cannot deadlock). */
async function lockSelection(
  ctx: RecordContext,
  object: ObjectDefinition,
  selection: BulkSelection,
  action: 'update' | 'delete',
  limit: number,
): Promise<string[]> {
  const table = sql`${tableRef(ctx.app.appId, object.id)} as ${sql.id(object.id)}`;
  const { rows } = await sql<{ id: string }>`select id from ${table}
    where ${selectionSql(ctx, object, selection)} and deleted_at is null and ${rowScopeSql(ctx, object, 'read')} and ${rowScopeSql(ctx, object, action)}
    order by id limit ${limit + 1} for update`.execute(ctx.db);
  if (rows.length > limit) {
    const { rows: counted } = await sql<{ n: string }>`select count(*) as n from ${table}
      where ${selectionSql(ctx, object, selection)} and deleted_at is null and ${rowScopeSql(ctx, object, 'read')} and ${rowScopeSql(ctx, object, action)}`.execute(
      ctx.db,
    );
    throw new RecordError('record.bulk_too_many', [], { count: Number(counted[0]?.n ?? 0), limit });
  }
  return rows.map((r) => String(r.id));
}

/** Ticked records left as they were: locked (by a flow's approval), or out of reach. */
function skippedOf(selection: BulkSelection, done: readonly string[], locked: ReadonlyMap<string, string>): BulkResult['skipped'] {
  const applied = new Set(done);
  const lockedIds = [...locked.keys()].map((id) => ({ id, code: locked.get(id) ?? 'record.locked' }));
  const ticked = new Set(selection.ids ?? []);
  return [...lockedIds, ...[...ticked].filter((id) => !applied.has(id) && !locked.has(id)).map((id) => ({ id, code: 'record.not_found' }))];
}

/**
 * Applies one change to many records in one transaction, set-based: the values are checked once,
 * then each few thousand records are read, prepared (formulas, encryption, what changes) and
 * written by one statement with their history rows and events. Invalid values refuse the whole
 * request before anything is written; so does a unique field (one value cannot go to several
 * records) and a selection larger than `limit`.
 */
export async function bulkUpdate(
  ctx: RecordContext,
  objectId: string,
  selection: BulkSelection,
  values: Record<string, unknown>,
  limit: number,
  source: ChangeSource = 'bulk',
): Promise<BulkResult> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'update', object);
  const patch = validated(ctx, object, values, 'patch');
  const unique = object.fields.filter((f) => f.unique && f.id in patch && patch[f.id] !== null);
  return guarded(ctx, object, () =>
    inTransaction(ctx, async (tx) => {
      const selected = await lockSelection(tx, object, selection, 'update', limit);
      const locked = await refusedWrites(tx, object.id, selected, Object.keys(patch), source);
      const ids = selected.filter((id) => !locked.has(id));
      if (unique.length && ids.length > 1) {
        const issues = unique.map((f) => ({ field: f.id, pointer: `/values/${f.id}`, code: 'field.unique_bulk', params: { field: f.id }, label: f.label }));
        throw new RecordError('record.invalid', issues, { count: issues.length });
      }
      const columns = selectableColumns(object, new Set()).map((c) => sql.ref(c));
      for (const part of chunks(ids, ROWS_PER_STATEMENT)) {
        const { rows } =
          await sql<RecordRow>`select ${sql.join(columns)} from ${tableRef(ctx.app.appId, object.id)} where id = any(${part}::uuid[]) order by id`.execute(
            tx.db,
          );
        await updateMany(
          tx,
          object,
          await prepareUpdates(
            tx,
            object,
            rows.map((current) => ({ current, patch })),
          ),
          source,
        );
      }
      return { done: ids.length, skipped: skippedOf(selection, ids, locked) };
    }),
  );
}

/** Moves the selected records to the recycle bin in one transaction, each with its history row and event. */
export async function bulkDelete(ctx: RecordContext, objectId: string, selection: BulkSelection, limit: number): Promise<BulkResult> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'delete', object);
  return inTransaction(ctx, async (tx) => {
    const selected = await lockSelection(tx, object, selection, 'delete', limit);
    const locked = await refusedWrites(tx, object.id, selected, null, 'bulk');
    const ids = selected.filter((id) => !locked.has(id));
    const done: string[] = [];
    for (const part of chunks(ids, ROWS_PER_STATEMENT))
      done.push(...(await setDeletedWhere(tx, object, sql`${sql.ref(`${object.id}.id`)} = any(${part}::uuid[])`, true, 'bulk')));
    return { done: done.length, skipped: skippedOf(selection, done, locked) };
  });
}
