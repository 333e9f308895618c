import { sqlTypeOf, tableRef } from '@tessera/meta';
import { sql } from 'kysely';
import { objectOf } from './live-app';
import { type RecordContext, requireAction } from './record-context';
import { RecordError } from './record-error';
import { chunks } from './recordset';
import { rowScopeSql } from './row-scope';

/** A live record found by the value of one of its fields. */
export interface FoundRecord {
  /** The field's value as stored, as text. */
  value: string;
  id: string;
  version: number;
}

const VALUES_PER_QUERY = 10_000;

/**
 * Live records whose `fieldId` equals one of `values`, within the actor's read scope: how an
 * import finds the customer a row names (a relation by its display field) or the record a row
 * duplicates (its dedup key). One query per ten thousand values, never one per row. A hidden or
 * encrypted field cannot be matched on (its stored value is sealed, and matching would reveal it).
 * `values` must be valid values of the field (validated first): they are cast to its column type.
 */
export async function lookupByField(ctx: RecordContext, objectId: string, fieldId: string, values: readonly string[]): Promise<FoundRecord[]> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'read', object);
  const field = object.fields.find((f) => f.id === fieldId);
  const type = field ? sqlTypeOf(field) : null;
  if (!field || !type || field.encrypted || ctx.access.hiddenFields(object.id).has(field.id) || type === 'jsonb') {
    throw new RecordError('query.invalid', [{ field: fieldId, pointer: '/field', code: 'query.unknown_field', params: { field: fieldId } }], { count: 1 });
  }
  const found: FoundRecord[] = [];
  for (const part of chunks([...new Set(values)], VALUES_PER_QUERY)) {
    const { rows } = await sql<{ value: string; id: string; version: number }>`select ${sql.ref(field.id)}::text as value, id, version
      from ${tableRef(ctx.app.appId, object.id)}
      where ${sql.ref(field.id)} = any(${part}::${sql.raw(type)}[]) and deleted_at is null and ${rowScopeSql(ctx, object, 'read')}
      order by created_at, id`.execute(ctx.db);
    for (const row of rows) found.push({ value: row.value, id: String(row.id), version: Number(row.version) });
  }
  return found;
}
