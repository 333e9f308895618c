import { tableRef } from '@tessera/meta';
import type { FieldType, ObjectDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { logChanges, scrubHistory } from './change-log';
import { readHistory } from './history';
import { objectOf } from './live-app';
import type { RecordRow } from './record-columns';
import { inTransaction, type RecordContext, requireAction } from './record-context';
import { RecordError } from './record-error';
import { listRecords } from './record-list';
import { getRecord } from './record-read';
import { rowScopeSql } from './row-scope';

/**
 * Field types that can hold what identifies a person: names, contacts, free text, files.
 * Numbers, dates, choices and links stay, so funnels, revenue and counts still add up.
 */
const PERSONAL_TYPES: ReadonlySet<FieldType> = new Set([
  'text',
  'long_text',
  'rich_text',
  'phone',
  'email',
  'url',
  'region',
  'signature',
  'attachment',
  'image',
]);

/** Objects with a relation field pointing at `objectId`: where else a customer appears. */
function referencingFields(ctx: RecordContext, objectId: string): { object: ObjectDefinition; field: string }[] {
  return ctx.app.document.objects.flatMap((object) =>
    object.fields.filter((f) => f.type === 'relation' && f.target === objectId).map((f) => ({ object, field: f.id })),
  );
}

async function allReferencing(ctx: RecordContext, object: ObjectDefinition, field: string, id: string): Promise<RecordRow[]> {
  if (!ctx.access.can('read', object.id)) return [];
  const rows: RecordRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await listRecords(ctx, object.id, { filters: [{ field, op: 'eq', value: id }], limit: 500, cursor, count: false });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

/** Everything stored about one record (a customer): itself, its history, and the records that point at it. */
export async function exportPersonalData(ctx: RecordContext, objectId: string, id: string) {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'export', object);
  const record = await getRecord(ctx, objectId, id);
  const related: Record<string, RecordRow[]> = {};
  for (const { object: other, field } of referencingFields(ctx, objectId)) {
    const rows = await allReferencing(ctx, other, field, id);
    if (rows.length) related[`${other.id}.${field}`] = rows;
  }
  return { app: ctx.app.appId, object: objectId, exportedAt: new Date().toISOString(), record, history: await readHistory(ctx, objectId, id), related };
}

async function anonymizeOne(ctx: RecordContext, object: ObjectDefinition, id: string): Promise<boolean> {
  const personal = object.fields.filter((f) => PERSONAL_TYPES.has(f.type) && !ctx.access.readOnlyFields(object.id).has(f.id));
  const label = `Anonymized-${id.slice(0, 8)}`;
  const sets = personal.map((f) => (f.id === object.displayField ? sql`${sql.ref(f.id)} = ${label}` : sql`${sql.ref(f.id)} = null`));
  const names = personal.map((f) => f.id);
  const { rows } = await sql<{ version: number }>`update ${tableRef(ctx.app.appId, object.id)}
    set ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`, sql`updated_by = ${ctx.access.actor.userId}`])}
    where id = ${id} and ${rowScopeSql(ctx, object, 'read')} and ${rowScopeSql(ctx, object, 'delete')} returning version`.execute(ctx.db);
  if (!rows[0]) return false;
  await scrubHistory(ctx, object.id, id, names);
  const changes = names.map((field) => ({ field, old: null, new: field === object.displayField ? label : null }));
  await logChanges(ctx, object.id, 'anonymize', [{ recordId: id, version: rows[0].version, operation: 'anonymize', changes }]);
  return true;
}

/**
 * Erases a person's data on request (PIPL, GDPR): personal fields cleared (the display field gets
 * a neutral label), history scrubbed, numbers and links kept. With `cascade`, the records that
 * point at it (its contacts, visits) are anonymized too — all in one transaction.
 */
export async function anonymizeRecord(ctx: RecordContext, objectId: string, id: string, options: { cascade: boolean }): Promise<{ anonymized: number }> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'delete', object);
  return inTransaction(ctx, async (tx) => {
    if (!(await anonymizeOne(tx, object, id))) throw new RecordError('record.not_found');
    let anonymized = 1;
    if (options.cascade) {
      for (const { object: other, field } of referencingFields(tx, objectId)) {
        if (!tx.access.can('delete', other.id)) continue;
        for (const row of await allReferencing(tx, other, field, id)) if (await anonymizeOne(tx, other, String(row.id))) anonymized += 1;
      }
    }
    return { anonymized };
  });
}
