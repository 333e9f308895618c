import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';
import { HTTP_QUEUE, TIMER_QUEUE } from './apply-effects';
import { MAIL_QUEUE } from './mail';
import { SCHEDULE_QUEUE } from './scheduled-triggers';

export interface CancelledFlows {
  /** Instances that were running, now cancelled. */
  instances: number;
  /** Queued jobs (timers, outbound calls, mails, clock ticks) that will not run. */
  jobs: number;
}

/**
 * Stops every flow of an app that is going away: running instances end as cancelled with their
 * open tasks, and the jobs still queued for them — or for the app's clock triggers — are
 * cancelled, so no timer fires into tables that no longer exist. Runs in the caller's transaction.
 */
export async function cancelAppFlows(tx: Kysely<SystemTables>, appId: string, actorId: string | null): Promise<CancelledFlows> {
  const now = new Date();
  const running = await tx
    .updateTable('flow_instances')
    .set({ status: 'cancelled', ended_at: now, updated_at: now })
    .where('app_id', '=', appId)
    .where('status', '=', 'running')
    .returning('id')
    .execute();
  const ids = running.map((r) => r.id);
  if (ids.length > 0) {
    await tx
      .updateTable('flow_tasks')
      .set({ status: 'cancelled', decided_at: now, updated_at: now })
      .where('instance_id', 'in', ids)
      .where('status', 'in', ['pending', 'waiting'])
      .execute();
    await tx
      .insertInto('flow_history')
      .values(ids.map((id) => ({ instance_id: id, actor_id: actorId, kind: 'cancelled', detail: JSON.stringify({ reason: 'app_deleted' }) })))
      .execute();
  }
  const ofInstances = sql<boolean>`payload->>'instance' in (select id::text from flow_instances where app_id = ${appId})`;
  const jobs = await tx
    .updateTable('jobs')
    .set({ state: 'cancelled', finished_at: now, updated_at: now })
    .where('state', '=', 'queued')
    .where((eb) =>
      eb.or([
        eb.and([eb('queue', 'in', [TIMER_QUEUE, HTTP_QUEUE, MAIL_QUEUE]), ofInstances]),
        eb.and([eb('queue', '=', SCHEDULE_QUEUE), eb(sql<string>`payload->>'app'`, '=', appId)]),
      ]),
    )
    .executeTakeFirst();
  return { instances: ids.length, jobs: Number(jobs.numUpdatedRows) };
}
