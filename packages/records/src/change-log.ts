import type { ChangeSource, FieldChange } from '@tessera/events';
import type { FieldDefinition } from '@tessera/schemas';
import { type RawBuilder, sql } from 'kysely';
import type { RecordContext } from './record-context';

export type { FieldChange };

export type HistoryOperation = 'create' | 'update' | 'delete' | 'restore' | 'anonymize';

/**
 * The one writer of record history and record events. Every write path — a single edit, a bulk
 * edit, a reassignment, an anonymization, an import, a template install — describes what it
 * changed as rows of (record_id, record_version, operation, changes) and hands them here, in its
 * own statement or transaction; this appends one history row per record change and one outbox
 * event pointing at it (packages/events delivers those). So a change is never in the timeline
 * without its event, nor the other way round, and a rolled-back write leaves neither.
 */

/**
 * The change log as two CTEs for a statement that already has a CTE named `_changed` with columns
 * (record_id uuid, record_version integer, operation text, changes jsonb): insert the history
 * rows, then one event per history row. Put it after `changed` in the statement's `with` list.
 */
export function changeLogCtes(ctx: RecordContext, objectId: string, source: ChangeSource): RawBuilder<unknown> {
  const actor = ctx.access.actor.userId;
  // CTE names start with `_`, which no object id can (object ids name CTEs of their own rows).
  return sql`_history as (
      insert into public.record_history (app_id, object_id, record_id, record_version, operation, changes, actor_id, source)
      select ${ctx.app.appId}, ${objectId}, record_id, record_version, operation, changes, ${actor}, ${source} from _changed
      returning id, record_id, operation
    ), _events as (
      insert into public.record_events (app_id, object_id, record_id, history_id, operation, detail)
      select ${ctx.app.appId}, ${objectId}, record_id, id, operation, ${ctx.cause ? JSON.stringify(ctx.cause) : null}::jsonb from _history
    )`;
}

/** One record's change worked out in JS (an edit's old → new values). */
export interface LoggedChange {
  recordId: string;
  version: number;
  operation: HistoryOperation;
  changes: FieldChange[];
}

/**
 * The change log for changes worked out in JS, as one statement whatever their number: the rows
 * travel as one jsonb parameter, so a bulk edit of 100,000 records logs in a few statements, not
 * 100,000.
 */
export async function logChanges(ctx: RecordContext, objectId: string, source: ChangeSource, entries: readonly LoggedChange[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = JSON.stringify(entries.map((e) => ({ record_id: e.recordId, record_version: e.version, operation: e.operation, changes: e.changes })));
  await sql`with _changed as (
      select record_id, record_version, operation, changes
      from json_to_recordset(${rows}::json) as x(record_id uuid, record_version integer, operation text, changes jsonb)
    ), ${changeLogCtes(ctx, objectId, source)}
    select 1`.execute(ctx.db);
}

/**
 * The changes of a create, built in SQL from the inserted row `row` (auto-numbers included). The
 * array is put together as JSON text and parsed once: the same jsonb as nesting
 * `jsonb_build_object` per field, which took about half of an import's insert statement (B2).
 */
export function createChangesSql(fields: readonly FieldDefinition[], row: string): RawBuilder<unknown> {
  if (fields.length === 0) return sql`'[]'::jsonb`;
  const entries = fields.map(
    (f) => sql`${`{"field":${JSON.stringify(f.id)},"old":null,"new":`}::text || coalesce(to_json(${sql.ref(`${row}.${f.id}`)})::text, 'null') || '}'`,
  );
  // Joined with `||`, not concat_ws: a function takes at most 100 arguments, an object may have more fields.
  return sql`('[' || ${sql.join(entries, sql` || ',' || `)} || ']')::jsonb`;
}

/** An event about a whole batch (an import), with what it did; no history row of its own. */
export async function logBatchEvent(ctx: RecordContext, objectId: string, operation: 'import', detail: Record<string, unknown>): Promise<void> {
  await ctx.db
    .insertInto('record_events')
    .values({ app_id: ctx.app.appId, object_id: objectId, record_id: null, history_id: null, operation, detail: JSON.stringify(detail) })
    .execute();
}

/**
 * Erasure reaches the timeline too (anonymization): the old and new values of `fields` are
 * blanked in every history row of the record.
 */
export async function scrubHistory(ctx: RecordContext, objectId: string, recordId: string, fields: readonly string[]): Promise<void> {
  await sql`update record_history set changes = (
      select coalesce(jsonb_agg(case when change->>'field' = any(${fields}::text[])
        then jsonb_set(jsonb_set(change, '{old}', 'null'), '{new}', 'null') else change end), '[]'::jsonb)
      from jsonb_array_elements(changes) change)
    where app_id = ${ctx.app.appId} and object_id = ${objectId} and record_id = ${recordId}`.execute(ctx.db);
}
