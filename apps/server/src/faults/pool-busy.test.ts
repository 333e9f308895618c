import type { Database } from '@tessera/db';
import type { TestDatabase } from '@tessera/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, type FaultServer } from './fault-server';
import { holdThePool, serverOnTwoConnections, type TwoConnectionServer } from './hold-the-pool';

/** How long a request waits for a connection here (10 s in production; short so the test is quick). */
const WAIT_MS = 400;

let setup: TwoConnectionServer;
let database: TestDatabase;
/** The server's own pool, two connections, on the test's database. */
let pool: Database;
let server: FaultServer;

beforeAll(async () => {
  setup = await serverOnTwoConnections({ connectTimeoutMs: WAIT_MS });
  ({ database, pool, server } = setup);
});
afterAll(() => setup?.close());

describe('every connection busy (overload, as the load test met it)', () => {
  it('answers 503 "busy" with Retry-After — not "connection lost", not 500 — and serves again once a connection is free', async () => {
    // Both connections of the server's pool wait on a lock the test holds, until the test lets go.
    const refused = await holdThePool(database, pool, 4242, () => server.send('GET', ENTRIES));
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({
      code: 'server.database_busy',
      title: 'The server is busy or cannot reach the database right now; please try again in 2 s',
    });
    expect((await server.send('GET', ENTRIES)).statusCode).toBe(200);
  });
});
