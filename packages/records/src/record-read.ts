import { regionPath } from '@tessera/formats';
import { tableRef } from '@tessera/meta';
import type { ObjectDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { childTableFields, readChildRows } from './child-rows';
import { dormantSelection } from './dormant';
import { objectOf } from './live-app';
import { type RecordRow, toRecordJson } from './record-columns';
import { type RecordContext, requireAction } from './record-context';
import { RecordError } from './record-error';
import { readSelections } from './rollups';
import { rowScopeSql } from './row-scope';
import { openRow } from './sealed-fields';

/**
 * Adds `_display` to each row: the display value of every related record the actor may see (one
 * query per relation field for the whole page, never one per row) and the names of region codes.
 */
export async function expandDisplay(ctx: RecordContext, object: ObjectDefinition, rows: RecordRow[]): Promise<RecordRow[]> {
  const hidden = ctx.access.hiddenFields(object.id);
  const relations = object.fields.filter((f) => f.type === 'relation' && !hidden.has(f.id));
  const display = rows.map((): Record<string, string | null> => ({}));
  for (const field of relations) {
    const target = ctx.app.objects.get(field.target ?? '');
    if (!target?.displayField || !ctx.access.can('read', target.id) || ctx.access.hiddenFields(target.id).has(target.displayField)) continue;
    const ids = [...new Set(rows.map((r) => r[field.id]).filter((v): v is string => typeof v === 'string'))];
    if (ids.length === 0) continue;
    const { rows: found } = await sql<{ id: string; label: string | null }>`select id, ${sql.ref(target.displayField)} as label
      from ${tableRef(ctx.app.appId, target.id)} where id in (${sql.join(ids)}) and ${rowScopeSql(ctx, target)}`.execute(ctx.db);
    const labels = new Map(found.map((r) => [r.id, r.label] as const));
    rows.forEach((row, i) => {
      const id = row[field.id];
      if (typeof id === 'string') display[i]![field.id] = labels.get(id) ?? null;
    });
  }
  // Region codes read as their names: 330106 → 浙江省 杭州市 西湖区.
  const regions = object.fields.filter((f) => f.type === 'region' && !hidden.has(f.id));
  rows.forEach((row, i) => {
    for (const field of regions) {
      const code = row[field.id];
      if (typeof code === 'string') display[i]![field.id] = regionPath(code).join(' ') || null;
    }
  });
  return rows.map((row, i) => ({ ...row, _display: display[i] }));
}

/** One record with its child rows and related display values; outside the actor's scope it does not exist. */
export async function getRecord(ctx: RecordContext, objectId: string, id: string, options: { deleted?: boolean } = {}): Promise<RecordRow> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'read', object);
  const { rows } =
    await sql<RecordRow>`select ${sql.join([...readSelections(ctx, object), ...dormantSelection(ctx, object)])} from ${tableRef(ctx.app.appId, object.id)}
    where id = ${id} and ${options.deleted ? sql`true` : sql`deleted_at is null`} and ${rowScopeSql(ctx, object)}`.execute(ctx.db);
  if (!rows[0]) throw new RecordError('record.not_found');
  const record = openRow(ctx, object, toRecordJson(rows[0]), 'full');
  for (const field of childTableFields(object)) {
    if (ctx.access.hiddenFields(object.id).has(field.id)) continue;
    const child = objectOf(ctx.app, field.target ?? '', { allowChild: true });
    record[field.id] = ((await readChildRows(ctx, child, [id])).get(id) ?? []).map((row) => openRow(ctx, child, row, 'full'));
  }
  const [expanded] = await expandDisplay(ctx, object, [record]);
  return expanded!;
}
