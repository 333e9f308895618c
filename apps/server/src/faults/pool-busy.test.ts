import { type Database, openDatabase } from '@tessera/db';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, type FaultServer, startFaultServer } from './fault-server';

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
    // Two long statements hold both connections of the pool.
    const holders = [1, 2].map(() => sql`select pg_sleep(2)`.execute(pool.db));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await server.send('GET', ENTRIES);
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
