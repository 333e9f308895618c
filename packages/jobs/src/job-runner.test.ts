import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cancelJob, enqueue } from './enqueue';
import { createJobRunner, type JobRunner } from './job-runner';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 8 });
  await sql`create table effects (id bigserial primary key, job text not null, note text)`.execute(database.db);
});
afterAll(async () => database?.drop());

const runners: JobRunner[] = [];
function runner(options: { soleProcess?: boolean } = {}): JobRunner {
  const created = createJobRunner(database, { pollMs: 60_000, ...options });
  runners.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await sql`truncate jobs, effects`.execute(database.db);
});

const effects = async (queue?: string) =>
  (
    await sql<{ job: string; note: string | null }>`select job, note from effects ${queue ? sql`where note = ${queue}` : sql``} order by id`.execute(
      database.db,
    )
  ).rows;
const job = async (id: string) =>
  (
    await sql<{
      state: string;
      attempts: number;
      last_error: string | null;
      result: unknown;
      progress: unknown;
    }>`select state, attempts, last_error, result, progress from jobs where id = ${id}`.execute(database.db)
  ).rows[0]!;

describe('jobs', () => {
  it('exist only if the work that enqueued them commits, and once per key', async () => {
    await database.db.transaction().execute(async (tx) => {
      await enqueue(tx, { queue: 'q', payload: { n: 1 }, key: 'once' });
      expect(await enqueue(tx, { queue: 'q', payload: { n: 2 }, key: 'once' })).toBeNull();
    });
    await database.db
      .transaction()
      .execute(async (tx) => {
        await enqueue(tx, { queue: 'q', payload: { n: 3 } });
        throw new Error('the caller gives up');
      })
      .catch(() => {});
    const { rows } = await sql<{ payload: { n: number } }>`select payload from jobs`.execute(database.db);
    expect(rows.map((r) => r.payload.n)).toEqual([1]);
    expect(await cancelJob(database.db, 'q', 'once')).toBe(true);
    expect(await cancelJob(database.db, 'q', 'once')).toBe(false);
  });

  it('run transactional jobs exactly once, with their writes, across two runners; a failing one is retried later, then marked failed', async () => {
    const handler = async (j: { id: string; payload: Record<string, unknown> }, tx: Parameters<Parameters<JobRunner['transactional']>[1]>[1]) => {
      await sql`insert into effects (job, note) values (${j.id}, 'ok')`.execute(tx);
      if (j.payload.fail) throw new Error('the remote end said no');
      return { written: true };
    };
    const [a, b] = [runner(), runner()];
    for (const r of [a, b]) {
      r.transactional('work', handler, { slots: 3 });
      await r.start();
    }
    const ids: string[] = [];
    for (let i = 0; i < 40; i += 1) ids.push((await enqueue(database.db, { queue: 'work', payload: { i } }))!);
    const failing = (await enqueue(database.db, { queue: 'work', payload: { fail: true }, maxAttempts: 2 }))!;
    await Promise.all([a.drain(), b.drain()]);
    const done = await effects('ok');
    expect(done.map((e) => e.job).sort()).toEqual([...ids].sort());
    expect(await job(ids[0]!)).toMatchObject({ state: 'done', attempts: 1, result: { written: true } });
    expect(await job(failing)).toMatchObject({ state: 'queued', attempts: 1, last_error: 'the remote end said no' });
    await sql`update jobs set run_at = now() where id = ${failing}`.execute(database.db);
    await a.drain();
    expect(await job(failing)).toMatchObject({ state: 'failed', attempts: 2 });
  });

  it('run a job due later when it is due, not before', async () => {
    const r = runner();
    r.transactional('timer', async (j, tx) => {
      await sql`insert into effects (job, note) values (${j.id}, 'fired')`.execute(tx);
      return undefined;
    });
    await r.start();
    const id = (await enqueue(database.db, { queue: 'timer', payload: {}, runAt: new Date(Date.now() + 300) }))!;
    r.wake();
    expect(await effects('fired')).toEqual([]);
    const deadline = Date.now() + 5_000;
    while ((await effects('fired')).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await effects('fired')).toEqual([{ job: id, note: 'fired' }]);
  });

  it('keep a long job under a lease with progress, and hand it to another worker when its lease runs out', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = runner();
    first.leased(
      'import',
      async (_j, context) => {
        await context.heartbeat({ rows: 10 });
        await held;
        return { rows: 10 };
      },
      { leaseMs: 200 },
    );
    await first.start();
    const id = (await enqueue(database.db, { queue: 'import', payload: {} }))!;
    first.wake();
    const deadline = Date.now() + 5_000;
    while ((await job(id)).progress === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await job(id)).toMatchObject({ state: 'running', attempts: 1, progress: { rows: 10 } });
    // The first worker stops renewing (as a dead process would); once the lease is over, another takes the job.
    await sql`update jobs set locked_until = now() - interval '1 second' where id = ${id}`.execute(database.db);
    try {
      const second = runner();
      second.leased('import', async (j) => ({ resumedAt: j.attempt }), { leaseMs: 200 });
      await second.start();
      await second.drain();
      expect(await job(id)).toMatchObject({ state: 'done', attempts: 2, result: { resumedAt: 2 } });
    } finally {
      // The first worker's handler ends; its late completion must not overwrite the second's.
      release();
    }
  });

  it('as the only process on its database, take back at once a leased job a killed process left running', async () => {
    const id = (await enqueue(database.db, { queue: 'import', payload: {} }))!;
    // What a process killed with -9 leaves: the job running, its lease (an embedded import's half hour) far from over.
    await sql`update jobs set state = 'running', attempts = 1, locked_by = 'the dead worker', locked_until = now() + interval '30 minutes'
      where id = ${id}`.execute(database.db);
    const handler = async (j: { attempt: number }) => ({ resumedAt: j.attempt });
    const shared = runner();
    shared.leased('import', handler, { leaseMs: 30 * 60_000 });
    await shared.start();
    await shared.drain();
    expect(await job(id)).toMatchObject({ state: 'running', attempts: 1 });
    await shared.stop();

    const sole = runner({ soleProcess: true });
    sole.leased('import', handler, { leaseMs: 30 * 60_000 });
    await sole.start();
    await sole.drain();
    expect(await job(id)).toMatchObject({ state: 'done', attempts: 2, result: { resumedAt: 2 } });
  });
});
