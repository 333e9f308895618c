import { compilePolicy } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createEventDispatcher, type EventDispatcher } from '@tessera/events';
import { createJobRunner, type JobRunner } from '@tessera/jobs';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService, type RecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowError } from '../flow-error';
import { createFlowDefinitions } from './definitions';
import { createDelegation, endDelegation, HANDOVER_QUEUE } from './delegation-handover';
import { createDirectoryCache, type DirectoryCache } from './directory';
import { wireFlowEngine } from './engine-wiring';
import { createFlowService, type FlowService } from './flow-service';
import { flowRecordLock } from './record-lock';

const head = { kind: 'department_head' as const, levels: 1 };
/** Two flows the manager approves in, and one where the director's turn comes after the manager's. */
const app: AppDocument = {
  id: 'handover',
  label: { en: 'Hand-over' },
  objects: [{ id: 'quote', label: { en: 'Quote' }, displayField: 'title', fields: [{ id: 'title', type: 'text', label: { en: 'Title' } }] }],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'quote', actions: ['create', 'read', 'update'], rows: 'all' }] }],
  flows: [
    {
      id: 'discount',
      label: { en: 'Discount' },
      object: 'quote',
      trigger: { kind: 'submit' },
      nodes: [{ id: 'manager', kind: 'approval', approvers: [head] }],
    },
    {
      id: 'contract',
      label: { en: 'Contract' },
      object: 'quote',
      trigger: { kind: 'submit' },
      nodes: [{ id: 'manager', kind: 'approval', approvers: [head] }],
    },
    {
      id: 'chain',
      label: { en: 'Chain' },
      object: 'quote',
      trigger: { kind: 'submit' },
      nodes: [{ id: 'heads', kind: 'approval', approvers: [{ kind: 'head_chain', levels: 2 }], mode: 'sequence' }],
    },
  ],
};

let database: TestDatabase;
let records: RecordService;
let flows: FlowService;
let events: EventDispatcher;
let jobs: JobRunner;
let directory: DirectoryCache;
const users: Record<'rep' | 'manager' | 'director' | 'deputy', string> = { rep: '', manager: '', director: '', deputy: '' };
const as = (user: string) => compilePolicy(app, { userId: user, departmentId: null, departmentTree: [], roles: ['rep'], isAdmin: false });

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 8 });
  const store = createMetadataStore(database.db);
  await store.createApp(app);
  await store.publish('handover', { actor: null });
  const { rows: people } = await sql<{ id: string; email: string }>`insert into users (email, name, password_hash)
    select e, e, 'x' from unnest(array['rep@x', 'manager@x', 'director@x', 'deputy@x']) e returning id, email`.execute(database.db);
  for (const p of people) users[p.email.split('@')[0] as keyof typeof users] = p.id;
  const { rows: hq } = await sql<{ id: string }>`insert into departments (name, head_user_id) values ('HQ', ${users.director}) returning id`.execute(
    database.db,
  );
  const { rows: sales } = await sql<{ id: string }>`insert into departments (name, parent_id, head_user_id)
    values ('Sales', ${hq[0]!.id}, ${users.manager}) returning id`.execute(database.db);
  await sql`update users set department_id = ${sales[0]!.id} where id = ${users.rep}`.execute(database.db);
  const liveApps = createLiveAppCache(database.db);
  const definitions = createFlowDefinitions();
  directory = createDirectoryCache(database);
  await directory.start();
  events = createEventDispatcher(database, { pollMs: 60_000 });
  jobs = createJobRunner(database, { pollMs: 60_000 });
  records = createRecordService(database.db, liveApps, { guard: flowRecordLock(definitions), onCommit: () => events.wake() });
  flows = createFlowService({ database, records, liveApps, directory, definitions, onCommit: () => jobs.wake() });
  await wireFlowEngine({ db: database.db, flows, events, jobs, liveApps });
  await events.start();
  await jobs.start();
});
afterAll(async () => {
  await events?.stop();
  await jobs?.stop();
  await database?.drop();
});

const who = (id: string) => Object.entries(users).find(([, user]) => user === id)?.[0] ?? id;
/** A quote submitted to `flowId` by the rep: its instance id. */
async function submitted(flowId: string): Promise<string> {
  const quote = await records.create('handover', 'quote', as(users.rep), { values: { title: flowId } });
  return (await flows.start({ appId: 'handover', flowId, recordId: String(quote.id), initiator: users.rep })).id;
}
/** The instance's tasks as "person:status", in the order they were opened. */
const tasks = async (instance: string) =>
  (
    await sql<{
      assignee: string;
      status: string;
    }>`select assignee, status from flow_tasks where instance_id = ${instance} order by created_at, seat_id`.execute(database.db)
  ).rows.map((t) => `${who(t.assignee)}:${t.status}`);
const delegatedLines = async (instance: string) =>
  (
    await sql<{ detail: { from: string; to: string; handedOver?: boolean } }>`select detail from flow_history
      where instance_id = ${instance} and kind = 'delegated' order by id`.execute(database.db)
  ).rows.map((h) => `${who(h.detail.from)}→${who(h.detail.to)}${h.detail.handedOver ? ' (handed over)' : ''}`);
const code = (error: unknown) => (error instanceof FlowError ? error.code : String(error));
const week = () => ({ startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 7 * 86_400_000) });

describe('out-of-office delegation hands over the approvals already waiting', () => {
  it('hands over the open tasks in its scope at once, shown as delegated; ending it takes nothing back', async () => {
    const discount = await submitted('discount');
    const contract = await submitted('contract');
    expect(await tasks(discount)).toEqual(['manager:pending']);

    const { handedOver, delegation } = await createDelegation(database.db, flows, {
      userId: users.manager,
      delegateId: users.deputy,
      ...week(),
      appId: 'handover',
      flowIds: ['discount'],
      createdBy: users.manager,
      handOver: true,
    });
    directory.clear();
    expect(handedOver).toBe(1);
    expect(await tasks(discount)).toEqual(['manager:transferred', 'deputy:pending']);
    expect(await delegatedLines(discount)).toEqual(['manager→deputy (handed over)']);
    // Outside the delegation's scope (another flow) the task stays with the manager.
    expect(await tasks(contract)).toEqual(['manager:pending']);
    expect(code(await flows.act(discount, { kind: 'approve', user: users.manager }).catch((e: unknown) => e))).toBe('flow.no_task');

    await endDelegation(database.db, delegation.id, users.manager, false);
    directory.clear();
    expect(await tasks(discount)).toEqual(['manager:transferred', 'deputy:pending']);
    expect((await flows.act(discount, { kind: 'approve', user: users.deputy })).status).toBe('approved');
    // Ended: what reaches the manager now is the manager's again.
    expect(await tasks(await submitted('discount'))).toEqual(['manager:pending']);
    await flows.act(contract, { kind: 'approve', user: users.manager });
  });

  it('leaves the open tasks where they are when not asked to hand them over', async () => {
    const discount = await submitted('discount');
    const { handedOver, delegation } = await createDelegation(database.db, flows, {
      userId: users.manager,
      delegateId: users.deputy,
      ...week(),
      createdBy: users.manager,
      handOver: false,
    });
    directory.clear();
    expect(handedOver).toBe(0);
    expect(await tasks(discount)).toEqual(['manager:pending']);
    expect(await delegatedLines(discount)).toEqual([]);
    await endDelegation(database.db, delegation.id, users.manager, false);
    directory.clear();
  });

  it('hands over a seat still waiting its turn, and one set up ahead hands over when it starts, not when it is ended first', async () => {
    const chain = await submitted('chain');
    const seats = async () =>
      (
        await sql<{ state: { approvals: Record<string, { chains: { seats: { user: string; status: string }[] }[] }> } }>`select state from flow_instances
        where id = ${chain}`.execute(database.db)
      ).rows[0]!.state.approvals.heads!.chains.flatMap((c) => c.seats.map((s) => `${who(s.user)}:${s.status}`));
    expect(await seats()).toEqual(['manager:pending', 'director:waiting']);
    const soon = new Date(Date.now() + 1_500);
    const ahead = await createDelegation(database.db, flows, {
      userId: users.director,
      delegateId: users.deputy,
      startsAt: soon,
      endsAt: new Date(Date.now() + 86_400_000),
      appId: 'handover',
      createdBy: users.director,
      handOver: true,
    });
    expect(ahead.handedOver).toBe(0);
    expect(await seats()).toEqual(['manager:pending', 'director:waiting']);
    // Once it starts, the job hands the waiting seat over; it keeps waiting for the manager.
    await expect
      .poll(
        async () => {
          await jobs.drain();
          return seats();
        },
        { timeout: 15_000, interval: 200 },
      )
      .toEqual(['manager:pending', 'director:transferred', 'deputy:waiting']);
    expect(await delegatedLines(chain)).toEqual(['director→deputy (handed over)']);
    await flows.act(chain, { kind: 'approve', user: users.manager });
    expect(await seats()).toEqual(['manager:approved', 'director:transferred', 'deputy:pending']);
    expect(await tasks(chain)).toEqual(['manager:approved', 'director:transferred', 'deputy:pending']);
    expect((await flows.act(chain, { kind: 'approve', user: users.deputy })).status).toBe('approved');
    await endDelegation(database.db, ahead.delegation.id, users.director, false);

    // Set up ahead and ended before it starts: its hand-over is called off.
    const other = await submitted('discount');
    const called = await createDelegation(database.db, flows, {
      userId: users.manager,
      delegateId: users.deputy,
      startsAt: new Date(Date.now() + 3_600_000),
      endsAt: new Date(Date.now() + 86_400_000),
      createdBy: users.manager,
      handOver: true,
    });
    await endDelegation(database.db, called.delegation.id, users.manager, false);
    const { rows: job } = await sql<{
      state: string;
    }>`select state from jobs where queue = ${HANDOVER_QUEUE} and key = ${`hand_over:${called.delegation.id}`}`.execute(database.db);
    expect(job.map((j) => j.state)).toEqual(['cancelled']);
    expect(await tasks(other)).toEqual(['manager:pending']);
  });
});
