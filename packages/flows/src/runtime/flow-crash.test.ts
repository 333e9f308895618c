import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fullAccess } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowError } from '../flow-error';
import { createFlowDefinitions } from './definitions';
import { createDirectoryCache } from './directory';
import { createFlowService, type FlowService } from './flow-service';
import { flowRecordLock } from './record-lock';

const worker = fileURLToPath(new URL('../testing/engine-worker.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'tessera-flow-crash-'));
const attempts = join(folder, 'attempts.log');
const children = new Set<ChildProcess>();

let database: TestDatabase;
let flows: FlowService;
let approver = '';

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 8 });
  approver = (await sql<{ id: string }>`insert into users (email, name, password_hash) values ('boss', 'boss', 'x') returning id`.execute(database.db)).rows[0]!
    .id;
  const app: AppDocument = {
    id: 'crash',
    label: { en: 'Crash' },
    objects: [
      {
        id: 'deal',
        label: { en: 'Deal' },
        displayField: 'name',
        fields: [
          { id: 'name', type: 'text', label: { en: 'Name' } },
          { id: 'done', type: 'checkbox', label: { en: 'Done' } },
        ],
      },
    ],
    flows: [
      {
        id: 'slow',
        label: { en: 'Cool-off, then approval' },
        object: 'deal',
        trigger: { kind: 'submit' },
        nodes: [
          { id: 'cool_off', kind: 'delay', hours: 0.0001 },
          { id: 'boss', kind: 'approval', approvers: [{ kind: 'user', users: [approver] }] },
          { id: 'finish', kind: 'update_record', values: { done: 'TRUE' } },
        ],
      },
    ],
  };
  const store = createMetadataStore(database.db);
  await store.createApp(app);
  await store.publish('crash', { actor: null });
  const liveApps = createLiveAppCache(database.db);
  const definitions = createFlowDefinitions();
  const directory = createDirectoryCache(database);
  await directory.start();
  flows = createFlowService({
    database,
    records: createRecordService(database.db, liveApps, { guard: flowRecordLock(definitions) }),
    liveApps,
    directory,
    definitions,
  });
  writeFileSync(attempts, '');
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
  await database?.drop();
});

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, database.url, attempts], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.on('error', reject);
  });
}

const attempted = () =>
  readFileSync(attempts, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ pid: Number(line.split(' ')[0]), job: line.split(' ')[1]! }));

describe('the flow engine across killed processes', () => {
  it('fires every timer once and completes every instance exactly once, with two engine processes killed mid-transition', async () => {
    await Promise.all([startWorker(), startWorker()]);
    const records = createRecordService(database.db, createLiveAppCache(database.db));
    const instances: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const deal = await records.create('crash', 'deal', fullAccess({ userId: approver, departmentId: null }), { values: { name: `D${i}` } });
      instances.push((await flows.start({ appId: 'crash', flowId: 'slow', recordId: String(deal.id), initiator: approver })).id);
    }
    let kills = 0;
    let seen = 0;
    const approved = new Set<string>();
    const deadline = Date.now() + 90_000;
    while (approved.size < instances.length && Date.now() < deadline) {
      // Kill a worker the moment it has run a timer whose transaction has not committed yet.
      const lines = attempted();
      const fresh = lines.slice(seen);
      seen = lines.length;
      const victim = kills < 5 ? [...children].find((c) => fresh.some((l) => l.pid === c.pid)) : undefined;
      if (victim) {
        victim.kill('SIGKILL');
        kills += 1;
        await startWorker();
      }
      // The boss approves whatever has reached them, while the workers run the timers.
      const { rows } = await sql<{ instance_id: string }>`select instance_id from flow_tasks where status = 'pending'`.execute(database.db);
      await Promise.all(
        rows.map(({ instance_id }) =>
          flows.act(instance_id, { kind: 'approve', user: approver }, { key: `boss:${instance_id}` }).then(
            () => approved.add(instance_id),
            (error: unknown) => {
              if (!(error instanceof FlowError)) throw error;
            },
          ),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(kills).toBeGreaterThanOrEqual(1);
    const { rows: states } = await sql<{ status: string; n: string }>`select status, count(*) as n from flow_instances group by status`.execute(database.db);
    expect(states).toEqual([{ status: 'approved', n: '30' }]);
    // Each instance woke once (its timer's effect committed once), and has one task.
    const { rows: woke } = await sql<{
      n: string;
    }>`select count(*) as n from flow_history where kind = 'woke' group by instance_id having count(*) <> 1`.execute(database.db);
    expect(woke).toEqual([]);
    expect((await sql<{ n: string }>`select count(*) as n from flow_history where kind = 'woke'`.execute(database.db)).rows[0]!.n).toBe('30');
    expect((await sql<{ n: string }>`select count(*) as n from flow_tasks`.execute(database.db)).rows[0]!.n).toBe('30');
    expect((await sql<{ n: string }>`select count(*) as n from app_crash.deal where done`.execute(database.db)).rows[0]!.n).toBe('30');
    // Some timers were run and cut off before their commit, then run again: that is what was tested.
    const jobs = attempted().map((l) => l.job);
    expect(jobs.length).toBeGreaterThan(new Set(jobs).size);
  }, 120_000);
});
