import { type Database, openDatabase } from '@tessera/db';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, type FaultServer, startFaultServer } from './fault-server';
import { waitFor } from './wait-for';

/** How long a request waits for a connection here (10 s in production; short so the test is quick). */
const WAIT_MS = 400;

let database: TestDatabase;
/** The server's own pool, two connections, on the test's database. */
let pool: Database;
let server: FaultServer;

beforeAll(async () => {
  database = await createTestDatabase();
  // Background work (event delivery, jobs) off, so the two connections are the test's to take.
  const ledger = await startFaultServer(database);
  await ledger.close();
  pool = await openDatabase({ url: database.url, maxConnections: 2, connectTimeoutMs: WAIT_MS });
  server = await startFaultServer(pool, { background: false });
});
afterAll(async () => {
  await server?.close();
  await pool?.close();
  await database?.drop();
});

describe('every connection busy (overload, as the load test met it)', () => {
  it('answers 503 "busy" with Retry-After — not "connection lost", not 500 — and serves again once a connection is free', async () => {
    // Both connections of the server's pool wait on a lock the test holds, until the test lets go.
    const HOLD = 4242;
    let holders: Promise<unknown>[] = [];
    const refused = await database.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${HOLD})`.execute(trx);
      holders = [1, 2].map(() => sql`select pg_advisory_xact_lock(${HOLD})`.execute(pool.db));
      await waitFor('both pool connections waiting on the lock', async () => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_locks
          where locktype = 'advisory' and objid = ${HOLD} and not granted`.execute(database.db);
        return rows[0]?.n === 2;
      });
      return server.send('GET', ENTRIES);
    });
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({
      code: 'server.database_busy',
      title: 'The server is busy or cannot reach the database right now; please try again in 2 s',
    });
    await Promise.all(holders);
    expect((await server.send('GET', ENTRIES)).statusCode).toBe(200);
  });
});
