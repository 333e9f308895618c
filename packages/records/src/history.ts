import type { ChangeSource } from '@tessera/events';
import type { FieldChange } from './change-log';
import type { RecordContext } from './record-context';
import { openRow } from './sealed-fields';

/** A record's timeline, newest first (written by change-log.ts, the one writer). */
export async function readHistory(ctx: RecordContext, objectId: string, recordId: string) {
  const rows = await ctx.db
    .selectFrom('record_history')
    .select(['operation', 'record_version', 'changes', 'actor_id', 'at', 'source'])
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
    source: r.source as ChangeSource | null,
    at: r.at.toISOString(),
  }));
}
