import type { SystemTables } from '@tessera/db';
import type { AppDocument } from '@tessera/schemas';
import { type Kysely, sql } from 'kysely';
import { type SqlType, sqlTypeOf } from './column-types';
import { columnKey, emptyPhysicalState, type PhysicalState } from './physical-state';
import { appSchemaName } from './system-columns';

type Tx = Kysely<SystemTables>;
const TABLE_ROW = '';

/** Reads what exists for an app: tables and columns from the catalog, indexes from PostgreSQL itself. */
export async function loadPhysicalState(tx: Tx, appId: string): Promise<PhysicalState> {
  const state = emptyPhysicalState();
  const rows = await tx.selectFrom('meta_columns').selectAll().where('app_id', '=', appId).execute();
  for (const row of rows) {
    if (row.field_id === TABLE_ROW) state.tables.set(row.object_id, { retired: row.retired_at !== null });
    else
      state.columns.set(columnKey(row.object_id, row.field_id), {
        fieldType: row.field_type,
        sqlType: row.sql_type as SqlType,
        target: row.target,
        retired: row.retired_at !== null,
      });
  }
  const indexes = await sql<{ tablename: string; indexname: string }>`select tablename, indexname from pg_indexes
    where schemaname = ${appSchemaName(appId)} and indexname like 'ix\\_%'`.execute(tx);
  for (const { tablename, indexname } of indexes.rows) {
    const names = state.indexes.get(tablename) ?? new Set<string>();
    names.add(indexname);
    state.indexes.set(tablename, names);
  }
  return state;
}

/** After the DDL: the catalog says exactly what the document has live, and retires the rest. */
export async function syncCatalog(tx: Tx, appId: string, document: AppDocument): Promise<void> {
  const live = document.objects.flatMap((object) => [
    { object_id: object.id, field_id: TABLE_ROW, field_type: 'table', sql_type: 'table', target: null },
    ...object.fields.flatMap((field) => {
      const type = sqlTypeOf(field);
      return type
        ? [
            {
              object_id: object.id,
              field_id: field.id,
              field_type: field.type,
              sql_type: type,
              target: field.type === 'relation' ? (field.target ?? null) : null,
            },
          ]
        : [];
    }),
  ]);
  await tx.updateTable('meta_columns').set({ retired_at: sql`coalesce(retired_at, now())` }).where('app_id', '=', appId).execute();
  if (live.length === 0) return;
  await tx
    .insertInto('meta_columns')
    .values(live.map((row) => ({ ...row, app_id: appId, retired_at: null })))
    .onConflict((oc) =>
      oc.columns(['app_id', 'object_id', 'field_id']).doUpdateSet((eb) => ({
        field_type: eb.ref('excluded.field_type'),
        sql_type: eb.ref('excluded.sql_type'),
        target: eb.ref('excluded.target'),
        retired_at: null,
      })),
    )
    .execute();
}
