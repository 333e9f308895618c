import type { ChangeSource } from '@tessera/events';
import { tableRef } from '@tessera/meta';
import type { ObjectDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { childTableFields } from './child-rows';
import { translateConstraintError } from './constraint-errors';
import { objectOf } from './live-app';
import { type CreateInput, prepareCreates, prepareUpdates, type RefusedRow, validated, validatedThroughForm } from './prepare-write';
import { type RecordRow, selectableColumns } from './record-columns';
import { inTransaction, type RecordContext, requireAction } from './record-context';
import { RecordError } from './record-error';
import { rowScopeSql } from './row-scope';
import { openRow } from './sealed-fields';
import { uniqueConflicts } from './unique-check';
import { refusedWrites } from './write-guard';
import { insertMany, insertOne, setDeletedWhere, updateMany } from './write-rows';

export { validated };

/** Unique and foreign-key violations come back as field errors, not as a 500. */
export async function guarded<T>(ctx: RecordContext, object: ObjectDefinition, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateConstraintError(ctx.app, object, error) ?? error;
  }
}

/** The new record's id, and its row when the actor may read it and it has no child rows to fetch. */
export interface CreatedRecord {
  id: string;
  row: RecordRow | null;
}

/**
 * Creates one record: prepared like any batch, inserted with its history row and event in one
 * statement (one round trip); its lines, when sent, join the same transaction.
 */
export async function createRecord(
  ctx: RecordContext,
  objectId: string,
  input: CreateInput & { form?: string | undefined },
  source: ChangeSource,
): Promise<CreatedRecord> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'create', object);
  const { prepared, refused } = await prepareCreates(ctx, object, [input], input.form);
  if (refused[0]) throw new RecordError('record.invalid', refused[0].issues, { count: refused[0].issues.length });
  const row = prepared[0]!;
  const hasChildren = childTableFields(object).some((f) => Array.isArray(row.values[f.id]));
  return guarded(ctx, object, async () => {
    const write = (c: RecordContext) => insertOne(c, object, row, source);
    const { __readable: isReadable, ...inserted } = hasChildren ? await inTransaction(ctx, write) : await write(ctx);
    // An object with child tables answers through getRecord, which adds its rows (even none).
    return { id: String(inserted.id), row: isReadable && childTableFields(object).length === 0 ? inserted : null };
  });
}

/** What a batch create did: the new ids by their place in the batch, and the rows it refused. */
export interface CreateManyResult {
  created: { index: number; id: string }[];
  refused: RefusedRow[];
}

export interface CreateManyOptions {
  form?: string | undefined;
  source: ChangeSource;
  /** `all`: one refused row refuses the batch (nothing is written); `valid`: the valid rows are written, the others reported. */
  atomicity: 'all' | 'valid';
}

/**
 * Creates many records the set-based way: every row prepared (validation, references and unique
 * values checked in one query per batch), then a few multi-row statements that also write their
 * lines, history rows and events, in one transaction.
 */
export async function createRecords(
  ctx: RecordContext,
  objectId: string,
  inputs: readonly CreateInput[],
  options: CreateManyOptions,
): Promise<CreateManyResult> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'create', object);
  return inTransaction(ctx, async (tx) => {
    const { prepared, refused } = await prepareCreates(tx, object, inputs, options.form);
    const conflicts = await uniqueConflicts(tx, object, prepared);
    const taken = new Set(conflicts.map((c) => c.index));
    const allRefused = [...refused, ...conflicts].sort((a, b) => a.index - b.index);
    if (options.atomicity === 'all' && allRefused.length) {
      const issues = allRefused.flatMap((r) => r.issues.map((issue) => ({ ...issue, pointer: `/rows/${r.index}${issue.pointer}` })));
      throw new RecordError('record.batch_invalid', issues, { count: allRefused.length });
    }
    const writing = prepared.filter((row) => !taken.has(row.index));
    await guarded(tx, object, () => insertMany(tx, object, writing, options.source));
    return { created: writing.map((row) => ({ index: row.index, id: row.id })), refused: allRefused };
  });
}

/** The row as it is now, locked, within the actor's scope; a record outside it does not exist. */
async function lockRow(ctx: RecordContext, object: ObjectDefinition, id: string, action: 'update' | 'delete'): Promise<RecordRow> {
  const { rows } =
    await sql<RecordRow>`select ${sql.join(selectableColumns(object, new Set()).map((c) => sql.ref(c)))} from ${tableRef(ctx.app.appId, object.id)}
    where id = ${id} and deleted_at is null and ${rowScopeSql(ctx, object, 'read')} and ${rowScopeSql(ctx, object, action)} for update`.execute(ctx.db);
  if (!rows[0]) throw new RecordError('record.not_found');
  return rows[0];
}

/** PATCH with optimistic concurrency: the client names the version it edited; a stale one is a 409. */
export async function updateRecord(
  ctx: RecordContext,
  objectId: string,
  id: string,
  input: { version: number; values: unknown; form?: string | undefined },
  source: ChangeSource,
): Promise<void> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'update', object);
  // Without a form the edit is checked now; through a form, once the stored record is at hand.
  const direct = input.form ? null : validated(ctx, object, input.values, 'patch');
  await guarded(ctx, object, () =>
    inTransaction(ctx, async (tx) => {
      const current = await lockRow(tx, object, id, 'update');
      if (current.version !== input.version) throw new RecordError('record.version_conflict', [], { current: Number(current.version), yours: input.version });
      const patch = direct ?? validatedThroughForm(tx, object, input.form ?? '', input.values, openRow(tx, object, current, 'full'), 'patch');
      const edits = await prepareUpdates(tx, object, [{ current, patch }]);
      const fields = edits.flatMap((e) => [...e.changed, ...e.children].map((f) => f.id));
      if (edits.length && (await refusedWrites(tx, object.id, [id], fields, source)).size) throw new RecordError('record.locked');
      await updateMany(tx, object, edits, source);
    }),
  );
}

/** Soft delete (recycle bin) and restore: the row stays, `deleted_at` says where it is. */
export async function setDeleted(ctx: RecordContext, objectId: string, id: string, deleted: boolean, source: ChangeSource): Promise<void> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'delete', object);
  const where = sql`${sql.ref(`${object.id}.id`)} = ${id}`;
  // With a guard, the row is moved first — which locks it, so nothing can start guarding it meanwhile — then checked.
  const moved = ctx.guard
    ? await inTransaction(ctx, async (tx) => {
        const ids = await setDeletedWhere(tx, object, where, deleted, source);
        if ((await refusedWrites(tx, object.id, ids, null, source)).size) throw new RecordError('record.locked');
        return ids;
      })
    : await setDeletedWhere(ctx, object, where, deleted, source);
  if (moved.length === 0) throw new RecordError('record.not_found');
}
