import type { SystemTables } from '@tessera/db';
import type { EventSubscriber } from '@tessera/events';
import { type Kysely, sql } from 'kysely';

/**
 * How many committed changes each object's records have had, kept by a subscriber of the record
 * events in the same transaction that moves its progress — so each change counts exactly once,
 * whichever process delivers it and however often delivery is retried. A cached aggregate (a
 * report, a dashboard) remembers the versions it was computed at and is stale once any differs.
 */
export const dataVersionsSubscriber: EventSubscriber = {
  name: 'records.data-versions',
  // Everything the outbox still holds counts: on a first start that is the demo data just installed.
  startAt: 'oldest',
  async handle(events, tx) {
    const byObject = new Map<string, { app: string; object: string; count: number; last: string }>();
    for (const event of events) {
      const key = `${event.appId}\u0000${event.objectId}`;
      const entry = byObject.get(key) ?? { app: event.appId, object: event.objectId, count: 0, last: event.id };
      entry.count += 1;
      entry.last = event.id;
      byObject.set(key, entry);
    }
    for (const { app, object, count, last } of byObject.values()) {
      await sql`insert into record_data_versions (app_id, object_id, version, last_event_id) values (${app}, ${object}, ${count}, ${last})
        on conflict (app_id, object_id) do update set version = record_data_versions.version + excluded.version,
          last_event_id = excluded.last_event_id, updated_at = now()`.execute(tx);
    }
  },
};

/** The current data version of each of `objectIds` in an app (0: never changed). */
export async function readDataVersions(db: Kysely<SystemTables>, appId: string, objectIds: readonly string[]): Promise<Record<string, number>> {
  const versions: Record<string, number> = Object.fromEntries(objectIds.map((id) => [id, 0]));
  if (objectIds.length === 0) return versions;
  const rows = await db
    .selectFrom('record_data_versions')
    .select(['object_id', 'version'])
    .where('app_id', '=', appId)
    .where('object_id', 'in', [...objectIds])
    .execute();
  for (const row of rows) versions[row.object_id] = Number(row.version);
  return versions;
}

/**
 * The data versions of `objectIds`, or null while a committed change to one of them is not yet
 * counted (its event not yet applied by the subscriber above, or the subscriber not running): a
 * cache keyed by versions must not be trusted then, and computes afresh. Read before the data it
 * guards, so a result is never filed under a version older than what it saw.
 */
export async function settledDataVersions(db: Kysely<SystemTables>, appId: string, objectIds: readonly string[]): Promise<Record<string, number> | null> {
  // One round trip: the subscriber's progress, whether anything of these objects is beyond it, and their versions.
  const { rows } = await sql<{ applied: string | null; pending: boolean; versions: Record<string, string> | null }>`
    select s.position as applied,
      exists (select 1 from record_events e where e.app_id = ${appId} and e.object_id = any(${[...objectIds]}::text[])
        and (e.position is null or e.position > coalesce(s.position, -1))) as pending,
      (select jsonb_object_agg(v.object_id, v.version) from record_data_versions v
        where v.app_id = ${appId} and v.object_id = any(${[...objectIds]}::text[])) as versions
    from (select (select position from event_subscribers where name = ${dataVersionsSubscriber.name}) as position) as s`.execute(db);
  const state = rows[0];
  if (!state || state.applied === null || state.pending) return null;
  return Object.fromEntries(objectIds.map((id) => [id, Number(state.versions?.[id] ?? 0)]));
}
