import { computeFormulas } from '@tessera/expr';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SystemTables } from '@tessera/db';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { tableRef } from '@tessera/meta';
import { requireAction, type RecordContext } from './record-context';
import { objectOf } from './live-app';
import { RecordError } from './record-error';
import { refuseLockedFields } from './field-access';
import { columnFields, columnValueSql, sameValue, selectableColumns, type RecordRow } from './record-columns';
import { autoNumberExpression } from './auto-number';
import { createChangesSql, historyInsert, type FieldChange } from './history';
import { childTableFields, writeChildRows } from './child-rows';
import { translateConstraintError } from './constraint-errors';
import { rowScopeSql } from './row-scope';
import type { RecordValues } from './record-validator';
import { openRow, sealValues } from './sealed-fields';
import { readSelections } from './rollups';
import { throughForm } from './form-submission';
import { checkReferences } from './record-references';
import { readChildRows } from './child-rows';

type Tx = Kysely<SystemTables>;

const NONE: ReadonlySet<string> = new Set();

/**
 * The object's validation, then the actor's field access on the values they chose. `computed`
 * names values the server supplied (a form's defaults and rules, see form-submission.ts): like
 * formula fields they are written whatever the actor's role says about the field.
 */
export function validated(ctx: RecordContext, object: ObjectDefinition, values: unknown, mode: 'create' | 'patch', computed: ReadonlySet<string> = NONE): RecordValues {
  const verdict = ctx.app.validator.validate(object, values, mode);
  if (!verdict.ok) throw new RecordError('record.invalid', verdict.issues, { count: verdict.issues.length });
  refuseLockedFields(ctx, object, Object.keys(verdict.values).filter((key) => !computed.has(key)));
  return verdict.values;
}

/** A write that names a form: the form's verdict (form-submission.ts), then `validated` with what the form computed. */
function validatedThroughForm(ctx: RecordContext, object: ObjectDefinition, formId: string, values: unknown, current: RecordRow | null, mode: 'create' | 'patch'): RecordValues {
  const form = throughForm(ctx, object, formId, values, current);
  return validated(ctx, object, form.values, mode, form.computed);
}

/**
 * Adds the formula fields' values to a write. `stored` is the row as it is (empty for a create);
 * aggregated child rows come from this write, or from the database when the write leaves them.
 */
async function withComputed(ctx: RecordContext, object: ObjectDefinition, values: RecordValues, stored: RecordRow, recordId: string | null): Promise<RecordValues> {
  const context = { now: new Date(), timeZone: ctx.app.document.timeZone ?? 'Asia/Shanghai', currentUser: ctx.access.actor.userId };
  // Child rows first: a quote's total sums its lines' computed amounts.
  const written: RecordValues = { ...values };
  for (const field of childTableFields(object)) {
    const rows = values[field.id];
    const childPlan = ctx.app.computed.get(field.target ?? '');
    if (Array.isArray(rows) && childPlan) written[field.id] = rows.map((row: RecordRow) => ({ ...row, ...computeFormulas(childPlan, row, context) }));
  }
  const plan = ctx.app.computed.get(object.id);
  if (!plan) return written;
  const record: RecordRow = { ...stored, ...written };
  for (const fieldId of plan.aggregated) {
    if (Array.isArray(record[fieldId]) || !recordId) continue;
    const field = object.fields.find((f) => f.id === fieldId);
    const child = field?.target ? ctx.app.objects.get(field.target) : undefined;
    if (child) record[fieldId] = (await readChildRows(ctx, child, [recordId])).get(recordId) ?? [];
  }
  return { ...written, ...computeFormulas(plan, record, context) };
}

/** Unique and foreign-key violations come back as field errors, not as a 500. */
async function guarded<T>(ctx: RecordContext, object: ObjectDefinition, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateConstraintError(ctx.app, object, error) ?? error;
  }
}

async function insertChildren(tx: Tx, ctx: RecordContext, object: ObjectDefinition, recordId: string, values: RecordValues): Promise<void> {
  for (const field of childTableFields(object)) {
    const rows = values[field.id];
    if (Array.isArray(rows)) await writeChildRows(tx, ctx, objectOf(ctx.app, field.target ?? '', { allowChild: true }), recordId, rows as RecordRow[]);
  }
}

/**
 * Inserts a record and its history row in one statement (a CTE), so the common create costs
 * one round trip; child rows, when sent, join the same transaction.
 */
/** The new record's id, and its row when the actor may read it and it has no child rows to fetch. */
export interface CreatedRecord {
  id: string;
  row: RecordRow | null;
}

export async function createRecord(ctx: RecordContext, objectId: string, input: { values: unknown; id?: string | undefined; form?: string | undefined }): Promise<CreatedRecord> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'create', object);
  const submitted = input.form ? validatedThroughForm(ctx, object, input.form, input.values, null, 'create') : validated(ctx, object, input.values, 'create');
  const checked = await checkReferences(ctx, object, submitted, null);
  const values = sealValues(ctx, object, await withComputed(ctx, object, checked, {}, null));
  const actor = ctx.access.actor;
  const given = columnFields(object).filter((f) => f.id in values && values[f.id] !== undefined);
  const numbered = columnFields(object).filter((f) => f.type === 'auto_number');
  const cols: RawBuilder<unknown>[] = [sql.ref('owner_id'), sql.ref('department_id'), sql.ref('created_by'), sql.ref('updated_by')];
  const vals: RawBuilder<unknown>[] = [sql`${actor.userId}`, sql`${actor.departmentId}`, sql`${actor.userId}`, sql`${actor.userId}`];
  if (input.id) {
    cols.push(sql.ref('id'));
    vals.push(sql`${input.id}`);
  }
  for (const field of given) {
    cols.push(sql.ref(field.id));
    vals.push(columnValueSql(field, values[field.id]));
  }
  for (const field of numbered) {
    cols.push(sql.ref(field.id));
    vals.push(autoNumberExpression(ctx.app.appId, object.id, field.id, field.numberFormat));
  }
  // The CTE carries the table's own name, so the actor's row scope (which names the table) applies
  // to the new row: the create answers with the record as the actor may see it, in one round trip.
  const inserted = sql.id(object.id);
  const readable = ctx.access.can('read', object.id) ? rowScopeSql(ctx, object, 'read') : sql`false`;
  const visible = readSelections(ctx, object);
  const statement = sql<RecordRow & { __readable: boolean }>`with ${inserted} as (
      insert into ${tableRef(ctx.app.appId, object.id)} (${sql.join(cols)}) values (${sql.join(vals)}) returning *
    ), history as (
      insert into public.record_history (app_id, object_id, record_id, record_version, operation, changes, actor_id)
      select ${ctx.app.appId}, ${object.id}, id, version, 'create', ${createChangesSql([...given, ...numbered], object.id)}, ${actor.userId} from ${inserted}
    )
    select ${sql.join(visible)}, ${readable} as "__readable" from ${inserted}`;
  const hasChildren = childTableFields(object).some((f) => Array.isArray(values[f.id]));
  return guarded(ctx, object, async () => {
    const run = async (db: Tx): Promise<CreatedRecord> => {
      const { __readable: isReadable, ...row } = (await statement.execute(db)).rows[0]!;
      // An object with child tables answers through getRecord, which adds its rows (even none).
      return { id: String(row.id), row: isReadable && childTableFields(object).length === 0 ? row : null };
    };
    if (!hasChildren) return run(ctx.db);
    return ctx.db.transaction().execute(async (tx) => {
      const created = await run(tx);
      await insertChildren(tx, ctx, object, created.id, values);
      return created;
    });
  });
}

/** The row as it is now, locked, within the actor's scope; a record outside it does not exist. */
async function lockRow(tx: Tx, ctx: RecordContext, object: ObjectDefinition, id: string, deleted: boolean, action: 'update' | 'delete'): Promise<RecordRow> {
  const { rows } = await sql<RecordRow>`select ${sql.join(selectableColumns(object, new Set()).map((c) => sql.ref(c)))} from ${tableRef(ctx.app.appId, object.id)}
    where id = ${id} and deleted_at is ${deleted ? sql`not null` : sql`null`} and ${rowScopeSql(ctx, object, 'read')} and ${rowScopeSql(ctx, object, action)} for update`.execute(tx);
  if (!rows[0]) throw new RecordError('record.not_found');
  return rows[0];
}

/** PATCH with optimistic concurrency: the client names the version it edited; a stale one is a 409. */
/** `version: 'current'` is for bulk edits, which apply to whatever version each record is at. */
export async function updateRecord(ctx: RecordContext, objectId: string, id: string, input: { version: number | 'current'; values: unknown; form?: string | undefined }): Promise<void> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'update', object);
  // Without a form the edit is checked now; through a form, once the stored record is at hand.
  const direct = input.form ? null : validated(ctx, object, input.values, 'patch');
  await guarded(ctx, object, () =>
    ctx.db.transaction().execute(async (tx) => {
      const current = await lockRow(tx, ctx, object, id, false, 'update');
      if (input.version !== 'current' && current.version !== input.version) throw new RecordError('record.version_conflict', [], { current: Number(current.version), yours: input.version });
      const plainCurrent = openRow(ctx, object, current, 'full');
      const written = direct ?? validatedThroughForm(ctx, object, input.form ?? '', input.values, plainCurrent, 'patch');
      // On the transaction's connection: the two reads queue there rather than take more of the pool.
      const sent = await checkReferences({ ...ctx, db: tx }, object, written, plainCurrent);
      const plain = await withComputed(ctx, object, sent, plainCurrent, id);
      const changed = columnFields(object).filter((f) => f.id in plain && !sameValue(f, plainCurrent[f.id], plain[f.id]));
      const values = sealValues(ctx, object, plain);
      const changes: FieldChange[] = changed.map((f) => ({ field: f.id, old: current[f.id] instanceof Date ? (current[f.id] as Date).toISOString() : current[f.id], new: values[f.id] }));
      const children = childTableFields(object).filter((f) => Array.isArray(values[f.id]));
      for (const field of children) changes.push({ field: field.id, old: null, new: values[field.id] });
      if (changes.length === 0) return;
      const sets = [sql`version = version + 1`, sql`updated_at = now()`, sql`updated_by = ${ctx.access.actor.userId}`, ...changed.map((f) => sql`${sql.ref(f.id)} = ${columnValueSql(f, values[f.id])}`)];
      const { rows } = await sql<{ version: number }>`update ${tableRef(ctx.app.appId, object.id)} set ${sql.join(sets)} where id = ${id} returning version`.execute(tx);
      await insertChildren(tx, ctx, object, id, values);
      await historyInsert({ ...ctx, db: tx }, object.id, id, rows[0]!.version, 'update', changes).execute();
    }),
  );
}

/** Soft delete (recycle bin) and restore: the row stays, `deleted_at` says where it is. */
export async function setDeleted(ctx: RecordContext, objectId: string, id: string, deleted: boolean): Promise<void> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'delete', object);
  await ctx.db.transaction().execute(async (tx) => {
    await lockRow(tx, ctx, object, id, !deleted, 'delete');
    const { rows } = await sql<{ version: number }>`update ${tableRef(ctx.app.appId, object.id)}
      set deleted_at = ${deleted ? sql`now()` : sql`null`}, version = version + 1, updated_at = now(), updated_by = ${ctx.access.actor.userId}
      where id = ${id} returning version`.execute(tx);
    await historyInsert({ ...ctx, db: tx }, object.id, id, rows[0]!.version, deleted ? 'delete' : 'restore', []).execute();
  });
}
