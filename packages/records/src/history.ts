import { sql, type RawBuilder } from 'kysely';
import type { FieldDefinition } from '@tessera/schemas';
import type { RecordContext } from './record-context';
import { openRow } from './sealed-fields';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export type HistoryOperation = 'create' | 'update' | 'delete' | 'restore' | 'anonymize';

/** One history row: who changed which fields of which record, from what to what. */
export function historyInsert(ctx: RecordContext, objectId: string, recordId: string, version: number, operation: HistoryOperation, changes: FieldChange[]) {
  return ctx.db.insertInto('record_history').values({
    app_id: ctx.app.appId,
    object_id: objectId,
    record_id: recordId,
    record_version: version,
    operation,
    changes: JSON.stringify(changes),
    actor_id: ctx.access.actor.userId,
  });
}

/** The history of a create, built in SQL from the inserted row (auto-numbers included). */
export function createChangesSql(fields: readonly FieldDefinition[], row: string): RawBuilder<unknown> {
  if (fields.length === 0) return sql`'[]'::jsonb`;
  return sql`jsonb_build_array(${sql.join(fields.map((f) => sql`jsonb_build_object('field', ${f.id}::text, 'old', null, 'new', to_jsonb(${sql.ref(`${row}.${f.id}`)}))`))})`;
}

export async function readHistory(ctx: RecordContext, objectId: string, recordId: string) {
  const rows = await ctx.db
    .selectFrom('record_history')
    .select(['operation', 'record_version', 'changes', 'actor_id', 'at'])
    .where('app_id', '=', ctx.app.appId)
    .where('object_id', '=', objectId)
    .where('record_id', '=', recordId)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  const hidden = ctx.access.hiddenFields(objectId);
  const object = ctx.app.objects.get(objectId);
  // Encrypted values stay sealed in the table; the timeline shows them masked.
  const masked = (change: FieldChange): FieldChange => {
    if (!object?.fields.some((f) => f.id === change.field && f.encrypted)) return change;
    const open = (value: unknown) => (typeof value === 'string' ? openRow(ctx, object, { [change.field]: value }, 'masked')[change.field] : value);
    return { field: change.field, old: open(change.old), new: open(change.new) };
  };
  return rows.map((r) => ({
    operation: r.operation,
    version: r.record_version,
    changes: (r.changes as FieldChange[]).filter((c) => !hidden.has(c.field)).map(masked),
    actorId: r.actor_id,
    at: r.at.toISOString(),
  }));
}
