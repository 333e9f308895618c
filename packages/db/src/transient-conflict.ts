import type { Kysely, Transaction } from 'kysely';

/**
 * PostgreSQL gave up on a transaction because of another one running at the same moment, not
 * because of anything in it: 40P01 (deadlock detected: two transactions each waited for a row the
 * other held) and 40001 (serialization failure). PostgreSQL rolled it back whole; run again, it
 * usually succeeds, because the other one has finished by then.
 */
const TRANSIENT_STATES = new Set(['40P01', '40001']);

export function isTransientConflict(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && TRANSIENT_STATES.has(code)) return true;
    current = cause;
  }
  return false;
}

/** Attempts in all, the first included: a deadlock between two writers is over after one retry; more means a storm, better told to the client (503, Retry-After). */
export const TRANSACTION_ATTEMPTS = 4;

/** Up to 25, 50, 100 ms before attempts 2, 3, 4 ("full jitter"): two retried losers do not collide again in lockstep. */
const backoffMs = (attempt: number) => Math.random() * 25 * 2 ** (attempt - 1);

/**
 * Runs `work` in a new transaction, and the whole of it again (up to TRANSACTION_ATTEMPTS in all)
 * when PostgreSQL aborted it as a transient conflict. Safe because nothing of a failed attempt was
 * committed or acknowledged: `work` must do database work only (no mail sent, no answer written,
 * nothing kept in memory that a second run would double). In a transaction the caller opened,
 * `work` runs once: the conflict aborted the caller's transaction, which only the caller can run
 * again.
 */
export async function transactionWithRetry<DB, T>(db: Kysely<DB>, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isTransientConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}
