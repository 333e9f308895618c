import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';

export interface NewJob {
  queue: string;
  payload: Record<string, unknown>;
  /** Not before this moment (a timer, a retry later); default now. */
  runAt?: Date | undefined;
  /** Idempotency: a job with the same key in the same queue already exists → nothing is added. */
  key?: string | undefined;
  maxAttempts?: number | undefined;
  createdBy?: string | null | undefined;
}

/**
 * Adds a job, in `db` — pass the caller's transaction, and the job exists if and only if the
 * caller's work commits (a flow step and the timer it starts; an import and its upload).
 * Returns the job's id, or null when a job with the same key was there already.
 */
export async function enqueue(db: Kysely<SystemTables>, job: NewJob): Promise<string | null> {
  const { rows } = await sql<{ id: string }>`insert into jobs (queue, key, payload, run_at, max_attempts, created_by)
    values (${job.queue}, ${job.key ?? null}, ${JSON.stringify(job.payload)}::jsonb, ${job.runAt ?? sql`now()`}, ${job.maxAttempts ?? 5}, ${job.createdBy ?? null})
    on conflict (queue, key) where key is not null do nothing
    returning id`.execute(db);
  return rows[0] ? String(rows[0].id) : null;
}

/** Cancels a job that has not started (a timer no longer needed); true when it was still queued. */
export async function cancelJob(db: Kysely<SystemTables>, queue: string, key: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'cancelled', finished_at: new Date(), updated_at: new Date() })
    .where('queue', '=', queue)
    .where('key', '=', key)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
