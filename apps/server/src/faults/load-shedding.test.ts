import type { Database } from '@tessera/db';
import type { TestDatabase } from '@tessera/db/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueFor } from '../load-shedding';
import { contended } from '../long-request-gate';
import { ENTRIES, type FaultServer } from './fault-server';
import { holdThePool, serverOnTwoConnections, type TwoConnectionServer } from './hold-the-pool';
import { waitFor } from './wait-for';

/** Queries let wait for a connection: six requests blocked on the pool pass it, one export and one list do not. */
const MAX_WAITING = 8;

let setup: TwoConnectionServer;
let database: TestDatabase;
/** The server's pool: two connections, and a wait long enough (60 s) that only shedding can answer fast. */
let pool: Database;
let server: FaultServer;

beforeAll(async () => {
  setup = await serverOnTwoConnections({
    connectTimeoutMs: 60_000,
    server: { shedding: { maxWaiting: MAX_WAITING, longSlots: 1, longQueue: 1, longWaitMs: 60_000 } },
  });
  ({ database, pool, server } = setup);
  expect((await server.create({ name: 'first' })).response.statusCode).toBe(201);
});
afterAll(() => setup?.close());

/** Until at least `n` queries wait for a connection (a request makes one or two before it is blocked). */
const queued = (n: number) => waitFor(`${n} queries waiting for a connection`, () => (pool.poolUse()?.waiting ?? 0) >= n);

/** A request still unanswered when `settled` is read: shed answers must come while these wait. */
function track(answer: Promise<LightMyRequestResponse>) {
  let settled = false;
  void answer.then(() => {
    settled = true;
  });
  return { answer, settled: () => settled };
}

function expectShed(response: LightMyRequestResponse, code: string): void {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(response.json()).toMatchObject({ status: 503, code });
}

describe('load shedding in front of the database pool', () => {
  it('answers 503 with Retry-After at once past the queue, keeps live and sign-in, and recovers', { timeout: 120_000 }, async () => {
    const waiting: ReturnType<typeof track>[] = [];
    let signIn: ReturnType<typeof track> | undefined;
    await holdThePool(database, pool, 8101, async () => {
      for (let i = 0; i < 6; i += 1) waiting.push(track(server.send('GET', ENTRIES)));
      await queued(MAX_WAITING);
      // The queue is full: the next request is turned away now, not after the pool's 60 s wait.
      expectShed(await server.send('GET', ENTRIES), 'server.database_busy');
      expect(waiting.every((request) => !request.settled())).toBe(true);
      expect((await server.send('GET', '/api/health/live')).statusCode).toBe(200);
      // Sign-in is never refused before the queue: it waits its turn (and gets 200 below, not 503).
      signIn = track(server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'admin@test.local', password: 'test admin password' } }));
    });
    for (const request of waiting) expect((await request.answer).statusCode).toBe(200);
    expect((await signIn!.answer).statusCode).toBe(200);
    expect((await server.send('GET', ENTRIES)).statusCode).toBe(200);
  });

  it('gives exports and reports a budget of their own: past it they wait their turn, past the line they are refused', { timeout: 120_000 }, async () => {
    const exportOf = () => server.send('POST', `${ENTRIES}/export`, { format: 'csv' });
    let first: ReturnType<typeof track> | undefined;
    let second: ReturnType<typeof track> | undefined;
    let list: ReturnType<typeof track> | undefined;
    await holdThePool(database, pool, 8102, async () => {
      first = track(exportOf());
      await queued(1);
      // The one long slot is taken: the next export waits in the line (holding no connection)…
      second = track(exportOf());
      // …and with the line full, one more is answered at once, with its own reason.
      expectShed(await exportOf(), 'server.long_requests_busy');
      // A malformed export is told so, not given a place in the line.
      expect((await server.send('POST', `${ENTRIES}/export`, { format: 'pdf' })).statusCode).toBe(400);
      list = track(server.send('GET', ENTRIES));
      expect(first.settled()).toBe(false);
      expect(second.settled()).toBe(false);
    });
    expect((await first!.answer).statusCode).toBe(200);
    expect((await second!.answer).statusCode).toBe(200);
    expect((await list!.answer).statusCode).toBe(200);
    // The slot is given back once the exports have been sent.
    expect((await exportOf()).statusCode).toBe(200);
  });

  it('serves long requests past their budget while the pool has room', { timeout: 120_000 }, async () => {
    const exportOf = () => server.send('POST', `${ENTRIES}/export`, { format: 'csv' });
    // Three at once against one long slot: nobody waits for a connection, so none is turned away.
    const answers = await Promise.all([exportOf(), exportOf(), exportOf()]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
  });
});

describe('a contended pool', () => {
  const free = { total: 1, idle: 1, waiting: 0, size: 9, meanHoldMs: 50 };

  it('is one where a query waits, or every connection is open and busy', () => {
    expect(contended(free)).toBe(false);
    expect(contended({ ...free, total: 9, idle: 1 })).toBe(false);
    expect(contended({ ...free, waiting: 1 })).toBe(true);
    expect(contended({ ...free, total: 9, idle: 0 })).toBe(true);
  });
});

describe('the expected wait for a connection', () => {
  const use = { total: 10, idle: 0, waiting: 0, size: 10, meanHoldMs: 200 };

  it('is none while a connection is idle or can still be opened', () => {
    expect(queueFor({ ...use, idle: 2, waiting: 1 }, {})).toEqual({ expectedWaitMs: 0, full: false });
    expect(queueFor({ ...use, total: 8, waiting: 1 }, {})).toEqual({ expectedWaitMs: 0, full: false });
  });

  it('grows with the queue and the recent hold time, and is full past either bound', () => {
    expect(queueFor({ ...use, waiting: 9 }, {})).toEqual({ expectedWaitMs: 200, full: false });
    expect(queueFor({ ...use, waiting: 9, meanHoldMs: 4_000 }, {})).toEqual({ expectedWaitMs: 4_000, full: true });
    expect(queueFor({ ...use, waiting: 40, meanHoldMs: 1 }, {}).full).toBe(true);
    expect(queueFor({ ...use, waiting: 3 }, { maxWaiting: 3 }).full).toBe(true);
  });
});
