import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, type FaultServer, ledger, startFaultServer } from './fault-server';
import { startServerProcess } from './server-process';
import { waitFor } from './wait-for';

let database: TestDatabase;
let child: ChildProcess | null = null;
/** The server after the kill: a new one on the same database (in this process, to keep the test quick). */
let restarted: FaultServer;

beforeAll(async () => {
  database = await createTestDatabase();
  restarted = await startFaultServer(database);
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await restarted?.close();
  await database?.drop();
});

const scalar = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(database.db)).rows[0]!.n;
const count = (name: string) => scalar(sql<{ n: number }>`select count(*)::int as n from app_ledger.entry where name = ${name}`);
const liveVersion = () => scalar(sql<{ n: number }>`select live_version as n from meta_apps where id = 'ledger'`);
/** The publish holds the app row (FOR UPDATE) from its start to its commit; only this test's database counts. */
const publishOpen = async () =>
  (await scalar(sql<{ n: number }>`select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
    where c.relname = 'meta_apps' and l.mode = 'RowShareLock'
      and l.database = (select oid from pg_database where datname = current_database())`)) > 0;

describe('kill -9 of the server process', () => {
  it('during creates and a publish: nothing acknowledged lost, nothing applied twice, the app at one version or the other', async () => {
    const started = await startServerProcess([database.url]);
    child = started.child;
    const { base } = started;
    const call = (method: 'POST' | 'PUT', path: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method,
        headers: { ...restarted.admin, 'accept-language': 'en', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const acknowledged: string[] = [];
    const unanswered: { id: string; name: string }[] = [];
    let killed = false;
    const writers = Array.from({ length: 6 }, async (_, writer) => {
      for (let n = 0; !killed; n += 1) {
        const attempt = { id: randomUUID(), name: `w${writer}-${n}` };
        try {
          const response = await call('POST', ENTRIES, { id: attempt.id, values: { name: attempt.name } });
          if (response.status === 201) acknowledged.push(attempt.name);
          else unanswered.push(attempt);
        } catch {
          unanswered.push(attempt); // the process died with the request in flight
        }
      }
    });
    await waitFor('creates acknowledged', () => acknowledged.length >= 20);

    // A publish that adds a column, sent to the same process; it is killed while the publish's transaction is open.
    const [object] = ledger.objects;
    const next = { ...ledger, objects: [{ ...object!, fields: [...object!.fields, { id: 'note', type: 'text', label: { en: 'Note' } }] }] };
    const saved = await restarted.send('PUT', '/api/apps/ledger/draft', { document: next, revision: 1 });
    const revision = saved.json().draftRevision;
    const before = await liveVersion();
    const publishing = call('POST', '/api/apps/ledger/publish', { revision }).catch(() => null);
    await waitFor('the publish transaction to be open', async () => (await publishOpen()) || (await liveVersion()) !== before);
    killed = true;
    const gone = new Promise((resolve) => child!.once('exit', resolve));
    child!.kill('SIGKILL');
    await gone;
    await Promise.all([...writers, publishing]);

    for (const name of acknowledged) expect(await count(name), name).toBe(1);
    // A client sends what got no answer again, with the same id: created now, or refused as already there.
    for (const attempt of unanswered) {
      const { response } = await restarted.create({ name: attempt.name }, attempt.id);
      expect([201, 409], response.body).toContain(response.statusCode);
      expect(await count(attempt.name), attempt.name).toBe(1);
    }
    expect(unanswered.length).toBeGreaterThan(0);

    // The publish: the old version without the column, or the new one with it; never between.
    const note = () =>
      scalar(sql<{ n: number }>`select count(*)::int as n from information_schema.columns
        where table_schema = 'app_ledger' and table_name = 'entry' and column_name = 'note'`);
    const newest = await scalar(sql<{ n: number }>`select max(version) as n from meta_versions where app_id = 'ledger'`);
    const live = await liveVersion();
    expect(live).toBe(newest);
    expect(await note()).toBe(live === before ? 0 : 1);
    const again = await restarted.send('POST', '/api/apps/ledger/publish', { revision });
    if (again.statusCode !== 200) expect(again.json().code, again.body).toBe('meta.nothing_to_publish');
    expect([await liveVersion(), await note()]).toEqual([before + 1, 1]);
    expect((await restarted.create({ name: 'after the publish', note: 'kept' })).response.statusCode).toBe(201);
    console.info(
      `kill -9: ${acknowledged.length} creates acknowledged, ${unanswered.length} unanswered sent again, publish ${live === before ? 'rolled back' : 'committed'}`,
    );
  }, 60_000);
});
