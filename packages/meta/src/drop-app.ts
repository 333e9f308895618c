import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';
import { MetaError } from './issue';
import { tableRef } from './sql-names';
import { appSchemaName } from './system-columns';

type Db = Kysely<SystemTables>;
const TABLE_ROW = '';

/** Each record table the app has in PostgreSQL (retired ones too), with its rows not deleted. */
export async function countAppRecords(db: Db, appId: string): Promise<{ object: string; records: number }[]> {
  const tables = await db
    .selectFrom('meta_columns')
    .select('object_id')
    .where('app_id', '=', appId)
    .where('field_id', '=', TABLE_ROW)
    .orderBy('object_id')
    .execute();
  const counts: { object: string; records: number }[] = [];
  for (const { object_id } of tables) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${tableRef(appId, object_id)} where deleted_at is null`.execute(db);
    counts.push({ object: object_id, records: Number(rows[0]?.n ?? 0) });
  }
  return counts;
}

/**
 * Removes an app and everything stored for it, in the caller's transaction: its schema of record
 * tables, then the rows system tables keep by app id without a foreign key (history, events'
 * counters, imports, merges, notifications, webhooks), then the app row, whose foreign keys take
 * versions, draft, catalog, role grants, form drafts, saved views, comments, files and flow
 * instances with it. The audit log keeps its lines. Returns the ids of the files whose bytes the
 * caller removes from the file store once this has committed.
 */
export async function dropApp(tx: Db, appId: string): Promise<{ fileIds: string[] }> {
  const app = await tx.selectFrom('meta_apps').select('id').where('id', '=', appId).forUpdate().executeTakeFirst();
  if (!app) throw new MetaError('meta.app_not_found', 404, [], { id: appId });
  const files = await tx.selectFrom('files').select('id').where('app_id', '=', appId).execute();
  await sql`drop schema if exists ${sql.id(appSchemaName(appId))} cascade`.execute(tx);
  for (const table of [
    'record_history',
    'record_data_versions',
    'import_batches',
    'record_merges',
    'notifications',
    'flow_webhook_secrets',
    'flow_webhook_deliveries',
  ] as const) {
    await tx.deleteFrom(table).where('app_id', '=', appId).execute();
  }
  // A delegation for this app only has nothing left to delegate; one for every app stays.
  await tx.updateTable('flow_delegations').set({ cancelled_at: new Date() }).where('app_id', '=', appId).where('cancelled_at', 'is', null).execute();
  // A token limited to this app can no longer do anything: revoked, not left dangling.
  await tx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('scope_app_id', '=', appId).where('revoked_at', 'is', null).execute();
  await tx.deleteFrom('meta_apps').where('id', '=', appId).execute();
  return { fileIds: files.map((f) => f.id) };
}
