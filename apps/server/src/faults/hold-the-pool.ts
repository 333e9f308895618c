import { type Database, openDatabase } from '@tessera/db';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import type { ServerOptions } from '../server';
import { type FaultServer, startFaultServer } from './fault-server';
import { waitFor } from './wait-for';

export interface TwoConnectionServer {
  /** The test's own connections to the database. */
  database: TestDatabase;
  /** The server's pool: two connections. */
  pool: Database;
  server: FaultServer;
  close(): Promise<void>;
}

/**
 * Test-only: the ledger app published on a fresh database, then served by a server whose pool has
 * two connections that wait `connectTimeoutMs` for a free one, with background work (event
 * delivery, jobs) off so that the two are the test's to take. `seed` runs before that server starts.
 */
export async function serverOnTwoConnections(options: {
  connectTimeoutMs: number;
  seed?: (database: TestDatabase) => Promise<void>;
  server?: Partial<ServerOptions>;
}): Promise<TwoConnectionServer> {
  const database = await createTestDatabase();
  const ledger = await startFaultServer(database);
  await ledger.close();
  await options.seed?.(database);
  const pool = await openDatabase({ url: database.url, maxConnections: 2, connectTimeoutMs: options.connectTimeoutMs });
  const server = await startFaultServer(pool, { background: false, ...options.server });
  return {
    database,
    pool,
    server,
    async close() {
      await server.close();
      await pool.close();
      await database.drop();
    },
  };
}

/**
 * Test-only: runs `whileHeld` with both connections of `pool` (a server's, of two) waiting on an
 * advisory lock that `test` (another connection) holds, so nothing else of that server can reach
 * the database; lets go after, and resolves once the two are done. Saturation without a sleep:
 * the wait ends when the test says so, not when a clock runs out.
 */
export async function holdThePool<T>(test: Database, pool: Database, key: number, whileHeld: () => Promise<T>): Promise<T> {
  let holders: Promise<unknown>[] = [];
  const result = await test.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
    holders = [1, 2].map(() => sql`select pg_advisory_xact_lock(${key})`.execute(pool.db));
    await waitFor('both pool connections waiting on the lock', async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
        where locktype = 'advisory' and objid = ${key} and not granted`.execute(test.db);
      return rows[0]?.n === 2;
    });
    return whileHeld();
  });
  await Promise.all(holders);
  return result;
}
