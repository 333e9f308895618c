import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadResult, runLoad } from './harness';
import { STEP_KINDS } from './personas';

// The load harness itself, for a few seconds: the real server process on a real PostgreSQL
// database with the demo installed. It checks behaviour (every kind of request answered as the
// step wants, the approvals really taken), not timing; `pnpm bench:load` is the real run.
let database: TestDatabase;
let result: LoadResult;

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 4 });
  result = await runLoad(database, { users: 10, seconds: 8, customers: 2_000, thinkMs: 400, windowSeconds: 2, sampleEveryMs: 500, demoScale: 0.1 });
}, 240_000);
afterAll(async () => {
  await database?.drop();
});

describe('bench/load with 10 users', () => {
  it('answers every request of the mix without a 5xx, a network error or an unexpected 4xx', () => {
    const errors = result.kinds.reduce((sum, k) => sum + k.errors, 0);
    expect(errors, JSON.stringify(result.errorSamples, null, 2)).toBe(0);
    expect(result.serverExitCode, result.serverOutput).toBe(0);
  });

  it('exercises every kind of request the personas make, approvals submitted and approved', () => {
    const seen = new Set(result.kinds.filter((k) => k.latency.n > 0).map((k) => k.kind));
    expect([...STEP_KINDS].filter((kind) => !seen.has(kind))).toEqual([]);
    expect(result.tallies['approvals submitted']).toBeGreaterThan(0);
    expect(result.tallies['approvals approved']).toBeGreaterThan(0);
  });

  it("samples the server's memory over the run", () => {
    expect(result.memory.length).toBeGreaterThan(5);
    for (const sample of result.memory) expect(sample.rssMb).toBeGreaterThan(20);
    expect(result.memory.some((s) => s.heapMb !== null && s.heapMb > 5)).toBe(true);
  });
});
