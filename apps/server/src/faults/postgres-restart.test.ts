import { type Database, openDatabase } from '@tessera/db';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { subscriberProgress } from '@tessera/events';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, expectUnavailable, type FaultServer, startFaultServer } from './fault-server';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';
import { waitFor } from './wait-for';

let direct: TestDatabase;
let proxy: TcpProxy;
let throughProxy: Database;
let server: FaultServer;

beforeAll(async () => {
  direct = await createTestDatabase();
  const url = new URL(direct.url);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.host = `127.0.0.1:${proxy.port}`;
  // The server reaches PostgreSQL only through the proxy; the test checks the data directly.
  throughProxy = await openDatabase({ url: url.toString(), maxConnections: 4 });
  server = await startFaultServer(throughProxy);
});
afterAll(async () => {
  await server?.close();
  await throughProxy?.close();
  await proxy?.close();
  await direct?.drop();
});

const isReady = async () => (await server.send('GET', '/api/health/ready')).statusCode === 200;

describe('PostgreSQL going away and coming back (a restart, a failover)', () => {
  it('answers 503 while it is gone, says not ready, and serves again once it is back, without a restart of the server', async () => {
    await waitFor('readiness', isReady);
    expect((await server.create({ name: 'before' })).response.statusCode).toBe(201);

    // Statements on their way when PostgreSQL goes: their answers are held back, then every connection is cut.
    proxy.hold();
    const inFlight = Array.from({ length: 6 }, (_, i) => server.create({ name: `in flight ${i}` }));
    await waitFor('statements sent towards PostgreSQL', () => proxy.sentSinceHold() > 0);
    await proxy.cut();
    const cut: LightMyRequestResponse[] = (await Promise.all(inFlight)).map((c) => c.response);
    for (const response of cut) expectUnavailable(response);

    // While it is gone: new requests fail fast and cleanly, the process is live but not ready.
    expectUnavailable((await server.create({ name: 'while down' })).response);
    expectUnavailable(await server.send('GET', ENTRIES));
    expect((await server.send('GET', '/api/health/live')).json()).toEqual({ status: 'live' });
    const notReady = await server.send('GET', '/api/health/ready');
    expect(notReady.statusCode).toBe(503);
    expect(notReady.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(notReady.json()).toMatchObject({ code: 'server.not_ready', title: 'Not ready: the database cannot be reached' });
    expect((await server.send('GET', '/api/health')).statusCode).toBe(503);

    await proxy.restore();
    // Ready again once the pool and the LISTEN connection are back (the latter retries with backoff).
    await waitFor('readiness after PostgreSQL is back', isReady);
    const after = await server.create({ name: 'after' });
    expect(after.response.statusCode).toBe(201);
    const listed = await server.send('GET', `${ENTRIES}?limit=100`);
    expect(listed.statusCode).toBe(200);
    // The event dispatcher's loop survived too: what was written after the return is numbered and delivered.
    await waitFor('the record events to be delivered', async () => {
      const unnumbered = await sql<{ n: number }>`select count(*)::int as n from record_events where position is null`.execute(direct.db);
      return unnumbered.rows[0]!.n === 0 && (await subscriberProgress(direct.db)).every((p) => p.behind === 0);
    });
  }, 60_000);
});
