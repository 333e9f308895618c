import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, freePort, type TestDatabase } from '@tessera/db/testing';
import { SCHEDULE_QUEUE } from '@tessera/flows';
import { enqueue } from '@tessera/jobs';
import { createMetadataStore } from '@tessera/meta';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Real processes, as a deployment runs them (docs/deployment.md): one that does everything, one
// that only serves HTTP and one worker, all on one PostgreSQL database.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PASSWORD = 'several processes admin password';
const TICKS = 12;

const contract = (withNote: boolean): AppDocument => ({
  id: 'sales',
  label: { en: 'Sales' },
  objects: [
    {
      id: 'contract',
      label: { en: 'Contract' },
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        { id: 'ends_on', type: 'date', label: { en: 'Ends on' } },
        ...(withNote ? [{ id: 'note', type: 'text' as const, label: { en: 'Note' } }] : []),
      ],
    },
  ],
  flows: [
    {
      id: 'weekly',
      label: { en: 'Weekly clean-up' },
      object: 'contract',
      trigger: { kind: 'schedule', cron: '0 8 * * 1' },
      nodes: [{ id: 'expire', kind: 'update_many', object: 'contract', filter: 'ends_on < TODAY()', values: { title: '"ended"' } }],
    },
  ],
});

interface Started {
  child: ChildProcess;
  output: () => string;
  base: string;
}

/** Starts `main.ts` as `role` and resolves once it says it runs (the banner, or the worker's line). */
async function start(database: TestDatabase, role: 'all' | 'web' | 'worker'): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      TESSERA_PROCESS: role,
      TESSERA_SKIP_DEMO: '1',
      TESSERA_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'info',
    },
  });
  let output = '';
  const ready = role === 'worker' ? 'Tessera worker running' : 'Tessera is running at';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes(ready)) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`${role} process exited (${code}) before it ran:\n${output}`)));
  });
  return { child, output: () => output, base: `http://127.0.0.1:${port}` };
}

async function stop(started: Started | undefined): Promise<number | null> {
  if (!started || started.child.exitCode !== null) return started?.child.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => started.child.on('exit', (code) => resolve(code)));
  started.child.kill('SIGTERM');
  return exited;
}

let database: TestDatabase;
let everything: Started;
let web: Started;
let worker: Started;

beforeAll(async () => {
  database = await createTestDatabase();
  const store = createMetadataStore(database.db);
  await store.createApp(contract(false));
  await store.publish('sales', { actor: null });
  // The first start creates the administrator; the others then find it there.
  everything = await start(database, 'all');
  [web, worker] = await Promise.all([start(database, 'web'), start(database, 'worker')]);
}, 180_000);

afterAll(async () => {
  await Promise.all([stop(everything), stop(web), stop(worker)]);
  await database?.drop();
});

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@tessera.local', password: PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('tessera_session='));
  if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(';')[0] ?? '';
}

/**
 * Listens, then gives a promise that resolves once every job of `keys` is committed as done. A trigger on the test's own jobs table
 * NOTIFYs each job's key as it becomes done; PostgreSQL delivers it on the runner's commit.
 */
async function listenForDone(keys: readonly string[]): Promise<{ done: Promise<void> }> {
  await sql`create or replace function test_job_done() returns trigger language plpgsql as $$
      begin perform pg_notify('test_job_done', new.key); return null; end $$`.execute(database.db);
  await sql`create or replace trigger test_job_done after update of state on jobs
      for each row when (new.state = 'done' and old.state <> 'done') execute function test_job_done()`.execute(database.db);
  const waiting = new Set(keys);
  let heard!: () => void;
  const all = new Promise<void>((resolve) => (heard = resolve));
  const unlisten = await database.notifications.listen('test_job_done', (key) => {
    waiting.delete(key);
    if (waiting.size === 0) heard();
  });
  return { done: all.finally(unlisten) };
}

describe('several processes on one PostgreSQL', () => {
  it('serves a publish made in one process from another at once', async () => {
    const [cookieA, cookieB] = await Promise.all([signIn(everything.base), signIn(web.base)]);
    const createWithNote = () =>
      fetch(`${web.base}/api/apps/sales/objects/contract/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookieB },
        body: JSON.stringify({ values: { title: 'Renewal', note: 'from the new version' } }),
      });
    const store = createMetadataStore(database.db);
    await store.saveDraft('sales', contract(true), (await store.getApp('sales')).draftRevision);
    // B has compiled version 1, which has no note field: it refuses the value. B is kept busy
    // while A publishes, so it has always just checked which version is live (it did so every
    // second before NOTIFY): what it serves after the publish then depends only on being told.
    let publishing = true;
    const busy = (async () => {
      const statuses = new Set<number>();
      while (publishing) statuses.add((await createWithNote()).status);
      return statuses;
    })();
    const published = await fetch(`${everything.base}/api/apps/sales/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookieA },
      body: '{}',
    });
    const publishedAt = performance.now();
    publishing = false;
    expect(published.status).toBe(200);

    // Asked again and again from the moment the publish answered: how long B went on serving
    // version 1 is when the first request it answered with version 2 was sent.
    let sentAt = performance.now();
    let after = await createWithNote();
    let tries = 1;
    while (after.status === 422 && performance.now() - publishedAt < 5_000) {
      sentAt = performance.now();
      after = await createWithNote();
      tries += 1;
    }
    expect(after.status).toBe(201);
    expect(await busy).toContain(422);
    // The old bound was one second of polling; NOTIFY reaches B by the first request or the next.
    expect(sentAt - publishedAt).toBeLessThan(250);
    expect(tries).toBeLessThanOrEqual(2);
  });

  it('runs each scheduled tick once although two processes run jobs', async () => {
    const keys = Array.from({ length: TICKS }, (_, i) => `several:weekly:${i}`);
    const due = new Date(Date.now() - 60_000).toISOString();
    // Done means committed with the flow it started: heard as each commit happens, however loaded the machine.
    const { done } = await listenForDone(keys);
    await database.db.transaction().execute(async (tx) => {
      for (const key of keys) await enqueue(tx, { queue: SCHEDULE_QUEUE, key, payload: { app: 'sales', flow: 'weekly', at: due } });
      await sql`select pg_notify('tessera_jobs', '')`.execute(tx);
    });
    await done;
    const states = await sql<{ state: string }>`select state from jobs where key = any(${keys}::text[])`.execute(database.db);
    expect(states.rows.map((r) => r.state)).toEqual(keys.map(() => 'done'));
    const attempts = await sql<{ attempts: number }>`select attempts from jobs where key = any(${keys}::text[])`.execute(database.db);
    expect(attempts.rows.map((r) => r.attempts)).toEqual(keys.map(() => 1));
    const started = await sql<{ n: string }>`select count(*) as n from flow_instances where app_id = 'sales' and flow_id = 'weekly'`.execute(database.db);
    expect(Number(started.rows[0]?.n)).toBe(TICKS);
  }, 60_000);

  it('stops every kind of process cleanly', async () => {
    expect(await Promise.all([stop(everything), stop(web), stop(worker)])).toEqual([0, 0, 0]);
    // The web-only process ran no job: the worker or the all-in-one process did.
    expect(web.output()).not.toContain('job ');
  });
});
