import type { SystemTables } from '@tessera/db';
import type { Kysely } from 'kysely';
import type { LiveApp } from './live-app';
import type { RecordRow } from './record-columns';

/** A created row as the insert statement answers it: the record, and whether its creator may read it. */
export type InsertedRow = RecordRow & { __readable: boolean };

interface Waiting {
  rowId: string;
  json: Record<string, unknown>;
  resolve: (row: InsertedRow) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  inFlight: number;
}

/** Statements of one shape on their way at once; a create arriving past them joins the next. */
const MAX_IN_FLIGHT = 4;
/** Rows one coalesced statement carries at most. */
const MAX_ROWS = 500;

const queues = new WeakMap<LiveApp, WeakMap<Kysely<SystemTables>, Map<string, Queue>>>();

function queueFor(app: LiveApp, db: Kysely<SystemTables>, key: string): Queue {
  let byDb = queues.get(app);
  if (!byDb) queues.set(app, (byDb = new WeakMap()));
  let byKey = byDb.get(db);
  if (!byKey) byDb.set(db, (byKey = new Map()));
  let queue = byKey.get(key);
  if (!queue) byKey.set(key, (queue = { waiting: [], inFlight: 0 }));
  return queue;
}

/**
 * Group commit for creates. Creates of the same shape by the same actor that arrive while
 * statements of that shape are already on their way (a sync job, 200 reps' forms at once) go to
 * PostgreSQL together in the next one: the same prepared insert (its rows are one jsonb
 * parameter), one round trip and one commit for all of them instead of one each. Under light load
 * nothing waits — a create finding a free slot is sent at once, alone.
 *
 * Each create keeps its own outcome: when a statement of several rows fails (one row's unique
 * value taken), nothing of it was written, and each row is sent again on its own, so the others
 * succeed and the one at fault gets its own error. Only creates outside a caller's transaction
 * are coalesced (inside one, the caller's transaction is the unit).
 */
export function coalescedInsert(
  app: LiveApp,
  db: Kysely<SystemTables>,
  key: string,
  rowId: string,
  json: Record<string, unknown>,
  run: (rows: Record<string, unknown>[]) => Promise<InsertedRow[]>,
): Promise<InsertedRow> {
  const queue = queueFor(app, db, key);
  return new Promise<InsertedRow>((resolve, reject) => {
    queue.waiting.push({ rowId, json, resolve, reject });
    if (queue.inFlight < MAX_IN_FLIGHT) void send(queue, run);
  });
}

async function send(queue: Queue, run: (rows: Record<string, unknown>[]) => Promise<InsertedRow[]>): Promise<void> {
  queue.inFlight += 1;
  try {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, MAX_ROWS);
      if (batch.length === 1) await settle(batch[0]!, run);
      else {
        try {
          const rows = await run(batch.map((w) => w.json));
          const byId = new Map(rows.map((row) => [String(row.id), row] as const));
          for (const waiting of batch) {
            const row = byId.get(waiting.rowId);
            if (row) waiting.resolve(row);
            else waiting.reject(new Error(`the insert did not answer row ${waiting.rowId}`));
          }
        } catch {
          // Nothing of the statement was written: each row on its own, to its own outcome.
          await Promise.all(batch.map((waiting) => settle(waiting, run)));
        }
      }
    }
  } finally {
    queue.inFlight -= 1;
  }
}

async function settle(waiting: Waiting, run: (rows: Record<string, unknown>[]) => Promise<InsertedRow[]>): Promise<void> {
  try {
    const [row] = await run([waiting.json]);
    if (row) waiting.resolve(row);
    else waiting.reject(new Error(`the insert did not answer row ${waiting.rowId}`));
  } catch (error) {
    waiting.reject(error);
  }
}
