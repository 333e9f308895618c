import { randomUUID } from 'node:crypto';
import type { Database, SystemTables } from '@tessera/db';
import { type Kysely, sql, type Transaction } from 'kysely';

/** The channel processes wake each other on when a job is due. */
export const JOBS_CHANNEL = 'tessera_jobs';

export interface Job {
  id: string;
  queue: string;
  key: string | null;
  payload: Record<string, unknown>;
  /** 1 on the first run. */
  attempt: number;
  createdBy: string | null;
}

/**
 * A short job whose work is database writes: it runs inside the transaction that also marks it
 * done, so its effects happen exactly once — a crash before the commit leaves it queued, and it
 * runs again; after the commit it never does (a flow's timer, an approval escalation).
 */
export type TransactionalHandler = (job: Job, tx: Transaction<SystemTables>) => Promise<Record<string, unknown> | undefined>;

export interface LeasedJobContext {
  /** Says the job is alive (and how far it got); throws when the lease was lost to another worker. */
  heartbeat(progress?: Record<string, unknown>): Promise<void>;
  /** Aborted when the runner stops or the lease is lost: stop at the next safe point. */
  signal: AbortSignal;
}

/**
 * A long job (an import of 50,000 rows) run outside any one transaction, under a lease it renews
 * with `heartbeat`. If its process dies, the lease runs out and another worker takes the job over,
 * so the handler must resume or start over cleanly from what it committed (it is told the attempt).
 */
export type LeasedHandler = (job: Job, context: LeasedJobContext) => Promise<Record<string, unknown> | undefined>;

type Registration =
  | { kind: 'transactional'; handle: TransactionalHandler; slots: number }
  | { kind: 'leased'; handle: LeasedHandler; slots: number; leaseMs: number };

export interface JobRunnerOptions {
  /** Look for due jobs this often even without a wake-up; default 1 s. */
  pollMs?: number | undefined;
  log?: ((message: string, error?: unknown) => void) | undefined;
  /**
   * No other process can have this database open (the embedded one, ADR 0113): a leased job
   * still marked running at start was held by a process that died, and is taken back at once
   * rather than after its lease (half an hour for an embedded import) runs out.
   */
  soleProcess?: boolean | undefined;
}

export interface JobRunner {
  /** Runs `queue`'s jobs inside the transaction that completes them (`slots` at a time). */
  transactional(queue: string, handle: TransactionalHandler, options?: { slots?: number }): void;
  /** Runs `queue`'s long jobs under a renewable lease (`slots` at a time, default 1). */
  leased(queue: string, handle: LeasedHandler, options?: { slots?: number; leaseMs?: number }): void;
  start(): Promise<void>;
  /** A job was committed (here or, by NOTIFY, elsewhere): look now, and tell the other processes. */
  wake(): void;
  /** Runs until no due job of a registered queue is left (for tests). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

interface JobRow {
  id: string;
  queue: string;
  key: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  created_by: string | null;
}

const toJob = (row: JobRow, attempt: number): Job => ({
  id: String(row.id),
  queue: row.queue,
  key: row.key,
  payload: row.payload,
  attempt,
  createdBy: row.created_by,
});

/** 1 s, 2 s, 4 s … up to 10 minutes before a failed job's next try. */
const backoff = sql`least(interval '10 minutes', interval '1 second' * power(2, least(attempts, 10)))`;

/**
 * Runs jobs of the queues registered on it, with several server processes on one database:
 * a job is claimed with FOR UPDATE SKIP LOCKED, so each runs in one process at a time. Failed
 * jobs are retried with a growing delay until `max_attempts`, then marked failed with the reason.
 */
export function createJobRunner(database: Pick<Database, 'db' | 'notifications'>, options: JobRunnerOptions = {}): JobRunner {
  const { db } = database;
  const worker = randomUUID();
  const pollMs = options.pollMs ?? 1_000;
  const log = options.log ?? (() => {});
  const queues = new Map<string, Registration>();
  const busy = new Map<string, number>();
  const stopping = new AbortController();
  let started = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let dueTimer: NodeJS.Timeout | null = null;
  let notifyTimer: NodeJS.Timeout | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  const running = new Set<Promise<void>>();

  async function failed(executor: Kysely<SystemTables>, id: string, error: unknown, lockedBy: string | null): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    log(`job ${id} failed`, error);
    await sql`update jobs set state = case when attempts >= max_attempts then 'failed' else 'queued' end,
        run_at = now() + ${backoff}, last_error = ${message.slice(0, 2000)}, locked_by = null, locked_until = null,
        finished_at = case when attempts >= max_attempts then now() end, updated_at = now()
      where id = ${id} ${lockedBy ? sql`and locked_by = ${lockedBy}` : sql``}`.execute(executor);
  }

  /**
   * One transactional job: claim, run and complete in one transaction. A handler that throws is
   * rolled back to a savepoint and the failure is written in the same transaction, so no other
   * worker can take the job between the failure and its new due time. Returns false when none was due.
   */
  async function runTransactional(queue: string, handle: TransactionalHandler): Promise<boolean> {
    return db.transaction().execute(async (tx) => {
      const { rows } = await sql<JobRow>`select id, queue, key, payload, attempts, max_attempts, created_by from jobs
        where queue = ${queue} and state = 'queued' and run_at <= now() order by run_at, id limit 1 for update skip locked`.execute(tx);
      const claimed = rows[0];
      if (!claimed) return false;
      await sql`savepoint tessera_job`.execute(tx);
      try {
        const result = await handle(toJob(claimed, claimed.attempts + 1), tx);
        await sql`update jobs set state = 'done', attempts = attempts + 1, result = ${result ? JSON.stringify(result) : null}::jsonb,
            finished_at = now(), updated_at = now() where id = ${claimed.id}`.execute(tx);
      } catch (error) {
        await sql`rollback to savepoint tessera_job`.execute(tx);
        await sql`update jobs set attempts = attempts + 1 where id = ${claimed.id}`.execute(tx);
        await failed(tx, claimed.id, error, null);
      }
      return true;
    });
  }

  /** One leased job: claim it (a due one, or one whose lease ran out), then run it under the lease. */
  async function runLeased(queue: string, handle: LeasedHandler, leaseMs: number): Promise<boolean> {
    const lease = sql`now() + ${`${leaseMs} milliseconds`}::interval`;
    const { rows } = await sql<JobRow>`update jobs set state = 'running', locked_by = ${worker}, locked_until = ${lease},
        attempts = attempts + 1, updated_at = now()
      where id = (select id from jobs where queue = ${queue}
        and ((state = 'queued' and run_at <= now()) or (state = 'running' and locked_until < now()))
        order by run_at, id limit 1 for update skip locked)
      returning id, queue, key, payload, attempts, max_attempts, created_by`.execute(db);
    const row = rows[0];
    if (!row) return false;
    if (row.attempts > row.max_attempts) {
      await failed(db, row.id, new Error('the job stopped answering too often (its process died, or it never renewed its lease)'), worker);
      return true;
    }
    const lost = new AbortController();
    const signal = AbortSignal.any([stopping.signal, lost.signal]);
    const context: LeasedJobContext = {
      signal,
      async heartbeat(progress) {
        const renewed = await sql`update jobs set locked_until = ${lease}, updated_at = now()
            ${progress ? sql`, progress = ${JSON.stringify(progress)}::jsonb` : sql``}
          where id = ${row.id} and locked_by = ${worker} and state = 'running'`.execute(db);
        if (Number(renewed.numAffectedRows ?? 0) === 0) {
          lost.abort();
          throw new Error(`job ${row.id} was taken over by another worker`);
        }
      },
    };
    try {
      const result = await handle(toJob(row, row.attempts), context);
      await sql`update jobs set state = 'done', result = ${result ? JSON.stringify(result) : null}::jsonb, locked_by = null,
          locked_until = null, finished_at = now(), updated_at = now() where id = ${row.id} and locked_by = ${worker}`.execute(db);
    } catch (error) {
      if (!lost.signal.aborted) await failed(db, row.id, error, worker);
    }
    return true;
  }

  /**
   * Starts a worker in every free slot of every queue; a worker takes due jobs one after the other
   * until none is left. Queues do not wait for each other: an import of many minutes in one slot
   * never holds up a timer in another queue.
   */
  function fill(): void {
    for (const [queue, registration] of queues) {
      while ((busy.get(queue) ?? 0) < registration.slots && !stopping.signal.aborted) {
        busy.set(queue, (busy.get(queue) ?? 0) + 1);
        const work = (async () => {
          try {
            for (;;) {
              const ran =
                registration.kind === 'transactional'
                  ? await runTransactional(queue, registration.handle)
                  : await runLeased(queue, registration.handle, registration.leaseMs);
              if (!ran || stopping.signal.aborted) return;
            }
          } catch (error) {
            if (!stopping.signal.aborted) log(`job queue ${queue} failed; retrying at the next poll`, error);
          } finally {
            busy.set(queue, (busy.get(queue) ?? 1) - 1);
            // What the jobs just run enqueued for later (a flow's next timer) wakes the runner when due.
            if (!stopping.signal.aborted) void scheduleNextDue().catch((error: unknown) => log('could not look for the next due job', error));
          }
        })();
        running.add(work);
        void work.finally(() => running.delete(work));
      }
    }
  }

  /** Wakes up again when the next job is due, if that is before the next poll. */
  async function scheduleNextDue(): Promise<void> {
    if (queues.size === 0) return;
    const { rows } = await sql<{
      due: Date | null;
    }>`select min(run_at) as due from jobs where state = 'queued' and queue = any(${[...queues.keys()]}::text[])`.execute(db);
    const due = rows[0]?.due;
    if (!due || stopping.signal.aborted) return;
    const wait = Math.max(0, new Date(due).getTime() - Date.now());
    if (wait >= pollMs) return;
    if (dueTimer) clearTimeout(dueTimer);
    dueTimer = setTimeout(scan, wait + 5);
    dueTimer.unref();
  }

  function scan(): void {
    if (stopping.signal.aborted) return;
    fill();
    void scheduleNextDue().catch((error: unknown) => log('could not look for the next due job', error));
  }

  function schedulePoll(): void {
    if (stopping.signal.aborted) return;
    pollTimer = setTimeout(() => {
      scan();
      schedulePoll();
    }, pollMs);
    pollTimer.unref();
  }

  const register = (queue: string, registration: Registration) => {
    if (queues.has(queue)) throw new Error(`job queue "${queue}" already has a handler`);
    queues.set(queue, registration);
  };

  return {
    transactional(queue, handle, options = {}) {
      register(queue, { kind: 'transactional', handle, slots: options.slots ?? 2 });
    },
    leased(queue, handle, options = {}) {
      register(queue, { kind: 'leased', handle, slots: options.slots ?? 1, leaseMs: options.leaseMs ?? 30_000 });
    },
    async start() {
      if (started) return;
      started = true;
      if (options.soleProcess) await sql`update jobs set locked_until = now(), updated_at = now() where state = 'running'`.execute(db);
      unlisten = await database.notifications.listen(JOBS_CHANNEL, scan);
      database.notifications.onResync(scan);
      schedulePoll();
      scan();
    },
    wake() {
      if (stopping.signal.aborted) return;
      // A process that runs no jobs itself (TESSERA_PROCESS=web) still tells the workers.
      if (started) scan();
      if (notifyTimer) return;
      notifyTimer = setTimeout(() => {
        notifyTimer = null;
        sql`select pg_notify(${JOBS_CHANNEL}, '')`.execute(db).catch((error: unknown) => log('could not notify other processes', error));
      }, 50);
      notifyTimer.unref();
    },
    async drain() {
      // Every worker runs until it finds nothing due; another round for what they enqueued themselves.
      for (;;) {
        fill();
        await Promise.all([...running]);
        const { rows } = await sql<{ due: boolean }>`select exists (select 1 from jobs where queue = any(${[...queues.keys()]}::text[])
          and ((state = 'queued' and run_at <= now()) or (state = 'running' and locked_until < now()))) as due`.execute(db);
        if (!rows[0]?.due) return;
      }
    },
    async stop() {
      stopping.abort();
      for (const timer of [pollTimer, dueTimer, notifyTimer]) if (timer) clearTimeout(timer);
      await unlisten?.();
      await Promise.allSettled([...running]);
    },
  };
}
