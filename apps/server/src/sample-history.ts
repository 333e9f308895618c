import type { SystemTables } from '@tessera/db';
import { tableRef } from '@tessera/meta';
import type { AccessResolver, RecordService } from '@tessera/records';
import type { SampleRecord } from '@tessera/templates';
import { type Kysely, sql } from 'kysely';

/** Values a sample record is created with: its final values overlaid by its path's first step. */
export const createdValues = (record: SampleRecord): Record<string, unknown> => ({ ...record.values, ...record.path?.[0]?.values });

/**
 * Replays the later steps of the sample records' paths through the records write path (each
 * step an `updateEach` of the records that have it, so validation, history and events are the
 * real ones), then dates each history row at its step's time: the write path stamps `now()`, and
 * a demo's funnel and time in stage need the weeks the deals really took.
 */
export async function replaySamplePaths(
  records: RecordService,
  db: Kysely<SystemTables>,
  appId: string,
  objectId: string,
  access: AccessResolver,
  rows: readonly SampleRecord[],
): Promise<void> {
  const withPath = rows.filter((r) => (r.path?.length ?? 0) > 0);
  const longest = Math.max(0, ...withPath.map((r) => r.path!.length));
  for (let step = 1; step < longest; step += 1) {
    const edits = withPath.filter((r) => r.path!.length > step).map((r) => ({ id: r.id, values: r.path![step]!.values }));
    const result = await records.updateEach(appId, objectId, access, edits, { source: 'template' });
    const failed = result.refused[0];
    if (failed) throw new Error(`sample ${objectId} path step ${step} refused: ${JSON.stringify(failed)}`);
  }
  await backdateRecords(db, appId, objectId, withPath);
  const dated = withPath.flatMap((r) => r.path!.map((s, i) => sql`(${r.id}::uuid, ${i + 1}::int, ${s.at}::timestamptz)`));
  for (let i = 0; i < dated.length; i += 500) {
    // The n-th history row of a record (by id, the order it was written) is its path's n-th step.
    await sql`update record_history h set at = d.at
      from (select id, row_number() over (partition by record_id order by id) as n from record_history
            where app_id = ${appId} and object_id = ${objectId}) o,
           (values ${sql.join(dated.slice(i, i + 500))}) as d(record_id, n, at)
      where h.id = o.id and h.record_id = d.record_id and o.n = d.n`.execute(db);
  }
}

/**
 * A record with a path was created at its first step and last changed at its last: what a
 * deal's sales cycle (creation to close) and a customer's latest activity read, rather than the
 * minute the demo was installed.
 */
async function backdateRecords(db: Kysely<SystemTables>, appId: string, objectId: string, rows: readonly SampleRecord[]): Promise<void> {
  const spans = rows.map((r) => sql`(${r.id}::uuid, ${r.path![0]!.at}::timestamptz, ${r.path!.at(-1)!.at}::timestamptz)`);
  for (let i = 0; i < spans.length; i += 500)
    await sql`update ${tableRef(appId, objectId)} as t set created_at = d.created, updated_at = d.updated
      from (values ${sql.join(spans.slice(i, i + 500))}) as d(id, created, updated) where t.id = d.id`.execute(db);
}
