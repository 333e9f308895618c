import { type Database, openDatabase } from '@tessera/db';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUnavailable, type FaultServer, startFaultServer } from './fault-server';
import { waitFor } from './wait-for';

const ROUNDS = 20;
const WRITERS = 6;

let database: TestDatabase;
let server: FaultServer;
/** One connection of its own (it spares itself when it terminates the others). */
let killer: Database;
// The bug this guards against ended the process from an 'error' event nobody listened to.
const uncaught: unknown[] = [];
const track = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 6 });
  server = await startFaultServer(database);
  killer = await openDatabase({ url: database.url, maxConnections: 1 });
  process.on('uncaughtException', track);
  process.on('unhandledRejection', track);
});
afterAll(async () => {
  process.off('uncaughtException', track);
  process.off('unhandledRejection', track);
  await killer?.close();
  await server?.close();
  await database?.drop();
});

/** Terminates every other backend of this test's own database (never another file's), and waits until they are gone. */
async function terminateOurBackends(): Promise<number> {
  // Two statements: in one WHERE, PostgreSQL may call pg_terminate_backend before it checks the pid.
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid()`.execute(killer.db);
  const pids = rows.map((r) => r.pid);
  await sql`select pg_terminate_backend(pid) from unnest(${pids}::int[]) as pid`.execute(killer.db);
  await waitFor('the terminated backends to exit', async () => {
    const { rows: left } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where pid = any(${pids}::int[])`.execute(killer.db);
    return left[0]!.n === 0;
  });
  return pids.length;
}

interface Attempt {
  name: string;
  id: string;
  response: LightMyRequestResponse;
}

/** Writers creating entries one after the other until stopped; every answer is kept. */
function burst(round: number) {
  const attempts: Attempt[] = [];
  let stopped = false;
  const acknowledged = () => attempts.filter((a) => a.response.statusCode === 201).length;
  const writers = Array.from({ length: WRITERS }, async (_, writer) => {
    for (let n = 0; !stopped; n += 1) {
      const name = `r${round}-w${writer}-${n}`;
      const { id, response } = await server.create({ name, amount: n });
      attempts.push({ name, id, response });
    }
  });
  return {
    attempts,
    acknowledged,
    async stop() {
      stopped = true;
      await Promise.all(writers);
    },
  };
}

describe('lost database connections during a burst of writes', () => {
  it(`keeps serving: in-flight requests get 503 problem+json, acknowledged creates are there exactly once (${ROUNDS} rounds)`, async () => {
    let unavailable = 0;
    let acknowledged = 0;
    let terminated = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const writes = burst(round);
      try {
        await waitFor('the burst to get going', () => writes.acknowledged() >= 3);
        terminated += await terminateOurBackends();
        // The burst goes on after the loss: new connections are made, writes are acknowledged again.
        const before = writes.acknowledged();
        await waitFor('writes acknowledged after the loss', () => writes.acknowledged() >= before + 3);
      } finally {
        await writes.stop();
      }

      const failed = writes.attempts.filter((a) => a.response.statusCode !== 201);
      for (const attempt of failed) expectUnavailable(attempt.response);
      unavailable += failed.length;
      const acked = writes.attempts.filter((a) => a.response.statusCode === 201);
      acknowledged += acked.length;
      const names = acked.map((a) => a.name);
      const { rows } = await sql<{ name: string; n: number }>`select name, count(*)::int as n from app_ledger.entry
        where name = any(${names}::text[]) group by name`.execute(killer.db);
      expect(rows.length, `round ${round}: every acknowledged create is stored`).toBe(acked.length);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
      expect(uncaught).toEqual([]);
    }
    // The faults did hit requests in flight, and the process lived through them all.
    expect(terminated).toBeGreaterThanOrEqual(ROUNDS);
    expect(unavailable).toBeGreaterThan(0);
    expect(acknowledged).toBeGreaterThan(ROUNDS * 6);
    await waitFor('readiness after the rounds', async () => (await server.send('GET', '/api/health/ready')).statusCode === 200);
    console.info(`connection loss: ${ROUNDS} rounds, ${terminated} backends terminated, ${acknowledged} creates acknowledged, ${unavailable} answered 503`);
  }, 120_000);
});
