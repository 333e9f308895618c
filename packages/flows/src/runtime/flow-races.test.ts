import { fullAccess } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService, type RecordService } from '@tessera/records';
import type { AppDocument, FlowNode } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowError } from '../flow-error';
import type { FlowCommand } from '../flow-step';
import { createFlowDefinitions } from './definitions';
import { createDirectoryCache } from './directory';
import { createFlowService, type FlowService } from './flow-service';
import { flowRecordLock } from './record-lock';

/*
 * Races a person can cause, each run many times against PostgreSQL with the commands sent at
 * once on separate connections: whatever the interleaving, exactly one outcome, never two.
 */

const ROUNDS = 12;
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const REP = '00000000-0000-4000-8000-00000000000d';

const approval = (id: string, extra: Partial<FlowNode> = {}): FlowNode => ({
  id,
  kind: 'approval',
  approvers: [{ kind: 'user', users: [A, B] }],
  ...extra,
});
const flowOf = (id: string, node: FlowNode) => ({
  id,
  label: { en: id },
  object: 'deal',
  trigger: { kind: 'submit' as const },
  lockRecord: false,
  nodes: [node],
});

const app: AppDocument = {
  id: 'races',
  label: { en: 'Races' },
  objects: [{ id: 'deal', label: { en: 'Deal' }, fields: [{ id: 'title', type: 'text', label: { en: 'Title' } }] }],
  flows: [
    flowOf('any', approval('sign', { mode: 'any' })),
    flowOf('all', approval('sign', { mode: 'all' })),
    flowOf('single', approval('sign', { approvers: [{ kind: 'user', users: [A] }], sla: { hours: 1, onTimeout: 'reject' } })),
  ],
};

let database: TestDatabase;
let records: RecordService;
let flows: FlowService;
const admin = fullAccess({ userId: null, departmentId: null });

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 8 });
  for (const [id, name] of [
    [A, 'a'],
    [B, 'b'],
    [C, 'c'],
    [REP, 'rep'],
  ])
    await sql`insert into users (id, email, name, password_hash) values (${id}, ${`${name}@x`}, ${name}, 'x')`.execute(database.db);
  const store = createMetadataStore(database.db);
  await store.createApp(app);
  await store.publish('races', { actor: null });
  const liveApps = createLiveAppCache(database.db);
  const definitions = createFlowDefinitions();
  const directory = createDirectoryCache(database);
  await directory.start();
  records = createRecordService(database.db, liveApps, { guard: flowRecordLock(definitions) });
  flows = createFlowService({ database, records, liveApps, directory, definitions });
});
afterAll(async () => {
  await database?.drop();
});

async function started(flowId: string): Promise<string> {
  const deal = await records.create('races', 'deal', admin, { values: { title: flowId } });
  return (await flows.start({ appId: 'races', flowId, recordId: String(deal.id), initiator: REP })).id;
}

/** Sends the commands at once; each answer is the status it left, or the refusal's code. */
async function race(instance: string, commands: { command: FlowCommand; key?: string }[]): Promise<string[]> {
  const outcomes = await Promise.allSettled(commands.map(({ command, key }) => flows.act(instance, command, { key })));
  return outcomes.map((o) => {
    if (o.status === 'fulfilled') return `ok:${o.value.status}`;
    if (o.reason instanceof FlowError) return o.reason.code;
    throw o.reason;
  });
}

async function countHistory(instance: string, kinds: string[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from flow_history where instance_id = ${instance} and kind = any(${kinds})`.execute(
    database.db,
  );
  return rows[0]?.n ?? 0;
}

const statusOf = async (instance: string) =>
  (await sql<{ status: string }>`select status from flow_instances where id = ${instance}`.execute(database.db)).rows[0]?.status;

describe('races between the people of an approval', () => {
  it('two approvers under "any" approve at once: one decides, the node and the flow end once', async () => {
    for (let i = 0; i < ROUNDS; i += 1) {
      const instance = await started('any');
      const answers = await race(instance, [{ command: { kind: 'approve', user: A } }, { command: { kind: 'approve', user: B } }]);
      expect(answers.filter((a) => a === 'ok:approved')).toHaveLength(1);
      expect(answers.filter((a) => a !== 'ok:approved').every((a) => a === 'flow.not_running' || a === 'flow.no_task')).toBe(true);
      expect(await countHistory(instance, ['node_approved'])).toBe(1);
      expect(await statusOf(instance)).toBe('approved');
    }
  });

  it('two approvers under "all" approve at once: both count, the node is approved once', async () => {
    for (let i = 0; i < ROUNDS; i += 1) {
      const instance = await started('all');
      const answers = await race(instance, [{ command: { kind: 'approve', user: A } }, { command: { kind: 'approve', user: B } }]);
      expect(answers.sort()).toEqual(['ok:approved', 'ok:running']);
      expect(await countHistory(instance, ['approved'])).toBe(2);
      expect(await countHistory(instance, ['node_approved'])).toBe(1);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from notifications where user_id = ${REP} and kind = 'finished.approved'
        and link->>'instance' = ${instance}`.execute(database.db);
      expect(rows[0]?.n).toBe(1);
    }
  });

  it('an approval against the deadline that rejects on timeout: one of them, never both', async () => {
    for (let i = 0; i < ROUNDS; i += 1) {
      const instance = await started('single');
      const answers = await race(instance, [
        { command: { kind: 'approve', user: A } },
        { command: { kind: 'timeout', node: 'sign', round: 1 }, key: `job:timer-${i}` },
      ]);
      const status = await statusOf(instance);
      expect(['approved', 'rejected']).toContain(status);
      // The timer that comes second finds the node decided and does nothing (a spent timer, not a failure).
      expect(answers.filter((a) => a.startsWith('ok:')).length).toBeGreaterThanOrEqual(1);
      expect(await countHistory(instance, ['node_approved', 'node_rejected'])).toBe(1);
    }
  });

  it('a transfer against the same person’s approval: the task is either handed on or decided', async () => {
    for (let i = 0; i < ROUNDS; i += 1) {
      const instance = await started('single');
      const answers = await race(instance, [{ command: { kind: 'transfer', user: A, to: C } }, { command: { kind: 'approve', user: A } }]);
      const { rows } = await sql<{ assignee: string; status: string }>`select assignee, status from flow_tasks where instance_id = ${instance}
        order by assignee`.execute(database.db);
      if ((await statusOf(instance)) === 'approved') {
        expect(answers).toEqual(['flow.not_running', 'ok:approved']);
        expect(rows).toEqual([{ assignee: A, status: 'approved' }]);
      } else {
        expect(answers).toEqual(['ok:running', 'flow.no_task']);
        expect(rows).toEqual([
          { assignee: A, status: 'transferred' },
          { assignee: C, status: 'pending' },
        ]);
      }
    }
  });

  it('the same click sent twice at once with one key acts once, and both answers are that outcome', async () => {
    for (let i = 0; i < ROUNDS; i += 1) {
      const instance = await started('all');
      const answers = await race(instance, [
        { command: { kind: 'approve', user: A }, key: `click-${i}` },
        { command: { kind: 'approve', user: A }, key: `click-${i}` },
      ]);
      expect(answers).toEqual(['ok:running', 'ok:running']);
      expect(await countHistory(instance, ['approved'])).toBe(1);
    }
  });
});
