import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';
import { normalizeHeader } from './suggest-mapping';

const BATCHES_CONSULTED = 20;

/**
 * How earlier imports into the object mapped their columns: normalized column title → field, the
 * most recent import winning. A sheet that calls the credit code "税号" maps it again next time,
 * though no label says so. Only imports that ran (done or undone) count: a mapping someone tried
 * and abandoned teaches nothing.
 */
export async function earlierMappings(db: Kysely<SystemTables>, appId: string, objectId: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ plan: { columns?: { column: number; field: string }[] } | null; titles: string[] | null }>`
    select plan, errors->'titles' as titles from import_batches
    where app_id = ${appId} and object_id = ${objectId} and status in ('done', 'undone') and plan is not null
    order by created_at desc limit ${BATCHES_CONSULTED}`.execute(db);
  const mapped = new Map<string, string>();
  for (const row of rows) {
    for (const { column, field } of row.plan?.columns ?? []) {
      const title = row.titles?.[column];
      const key = title ? normalizeHeader(title) : '';
      if (key && !mapped.has(key)) mapped.set(key, field);
    }
  }
  return mapped;
}
