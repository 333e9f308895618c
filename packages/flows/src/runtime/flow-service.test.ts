import { compilePolicy, fullAccess } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createEventDispatcher, type EventDispatcher } from '@tessera/events';
import { createJobRunner, type JobRunner } from '@tessera/jobs';
import { createMetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService, RecordError, type RecordService } from '@tessera/records';
import type { AppDocument } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowError } from '../flow-error';
import { createFlowDefinitions } from './definitions';
import { createDirectoryCache } from './directory';
import { wireFlowEngine } from './engine-wiring';
import { createFlowService, type FlowService } from './flow-service';
import { flowRecordLock } from './record-lock';

const app: AppDocument = {
  id: 'sales',
  label: { en: 'Sales' },
  objects: [
    {
      id: 'quote',
      label: { en: 'Quote' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' }, required: true },
        { id: 'discount', type: 'percent', label: { en: 'Discount' } },
        { id: 'note', type: 'text', label: { en: 'Note' } },
        { id: 'status', type: 'select', label: { en: 'Status' }, options: ['draft', 'approved', 'rejected'].map((value) => ({ value, label: { en: value } })) },
      ],
    },
    {
      id: 'follow_up',
      label: { en: 'Follow-up' },
      fields: [
        { id: 'subject', type: 'text', label: { en: 'Subject' } },
        { id: 'state', type: 'select', label: { en: 'State' }, default: '"open"', options: ['open', 'done'].map((value) => ({ value, label: { en: value } })) },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'quote', actions: ['create', 'read', 'update'], rows: 'all' }] }],
  flows: [
    {
      id: 'discount',
      label: { 'zh-CN': '报价折扣审批', en: 'Quote discount approval' },
      object: 'quote',
      trigger: { kind: 'submit' },
      nodes: [
        { id: 'route', kind: 'condition' },
        { id: 'big', kind: 'branch', parent: 'route', when: 'discount > 30' },
        {
          id: 'heads',
          kind: 'approval',
          parent: 'big',
          approvers: [{ kind: 'head_chain', levels: 2 }],
          mode: 'sequence',
          fieldPermissions: { note: 'editable' },
        },
        { id: 'medium', kind: 'branch', parent: 'route', when: 'discount > 15' },
        { id: 'manager', kind: 'approval', parent: 'medium', approvers: [{ kind: 'department_head', levels: 1 }], fieldPermissions: { note: 'editable' } },
        { id: 'mark', kind: 'update_record', values: { status: '"approved"' } },
      ],
    },
    {
      id: 'follow',
      label: { en: 'Follow up a quote' },
      object: 'quote',
      trigger: { kind: 'submit' },
      nodes: [{ id: 'task', kind: 'create_record', object: 'follow_up', values: { subject: 'title' } }],
    },
    {
      id: 'welcome',
      label: { en: 'New quote follow-up' },
      object: 'quote',
      trigger: { kind: 'created', condition: 'discount > 50' },
      lockRecord: false,
      nodes: [
        { id: 'wait', kind: 'delay', hours: 0.0001 },
        { id: 'flag', kind: 'update_record', values: { note: '"needs a look"' } },
      ],
    },
  ],
};

let database: TestDatabase;
let records: RecordService;
let flows: FlowService;
let events: EventDispatcher;
let jobs: JobRunner;
const users: Record<'rep' | 'manager' | 'director' | 'other', string> = { rep: '', manager: '', director: '', other: '' };
const admin = fullAccess({ userId: null, departmentId: null });
const as = (user: string) => compilePolicy(app, { userId: user, departmentId: null, departmentTree: [], roles: ['rep'], isAdmin: false });

beforeAll(async () => {
  database = await createTestDatabase({ maxConnections: 8 });
  const store = createMetadataStore(database.db);
  await store.createApp(app);
  await store.publish('sales', { actor: null });
  // Sales (head: manager) under Headquarters (head: director); the rep works in Sales.
  const { rows: people } = await sql<{ id: string; email: string }>`insert into users (email, name, password_hash)
    select e, e, 'x' from unnest(array['rep@x', 'manager@x', 'director@x', 'other@x']) e returning id, email`.execute(database.db);
  for (const p of people) users[p.email.split('@')[0] as keyof typeof users] = p.id;
  const hq = (await sql<{ id: string }>`insert into departments (name, head_user_id) values ('HQ', ${users.director}) returning id`.execute(database.db))
    .rows[0]!.id;
  const salesDept = (
    await sql<{ id: string }>`insert into departments (name, parent_id, head_user_id) values ('Sales', ${hq}, ${users.manager}) returning id`.execute(
      database.db,
    )
  ).rows[0]!.id;
  await sql`update users set department_id = ${salesDept} where id = ${users.rep}`.execute(database.db);

  const liveApps = createLiveAppCache(database.db);
  const definitions = createFlowDefinitions();
  const directory = createDirectoryCache(database);
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

const quote = async (values: Record<string, unknown>) =>
  String((await records.create('sales', 'quote', as(users.rep), { values: { title: 'Q', ...values } })).id);
const tasks = async (instance: string) =>
  (
    await sql<{
      node_id: string;
      assignee: string;
      status: string;
    }>`select node_id, assignee, status from flow_tasks where instance_id = ${instance} order by created_at, seat_id`.execute(database.db)
  ).rows;
const code = (error: unknown) => (error instanceof FlowError || error instanceof RecordError ? error.code : String(error));

describe('the flow engine in PostgreSQL', () => {
  it('routes a big discount up the chain of department heads, locks the record meanwhile, and marks the quote approved', async () => {
    const id = await quote({ discount: 40 });
    const started = await flows.start({ appId: 'sales', flowId: 'discount', recordId: id, initiator: users.rep });
    expect(started.status).toBe('running');
    expect(await tasks(started.id)).toEqual([{ node_id: 'heads', assignee: users.manager, status: 'pending' }]);

    // Under approval: the rep cannot change it; the manager may change only the note.
    const repEdit = await records.update('sales', 'quote', as(users.rep), id, { version: 1, values: { title: 'Changed' } }).catch((e: unknown) => e);
    expect(code(repEdit)).toBe('record.locked');
    const managerTitle = await records.update('sales', 'quote', as(users.manager), id, { version: 1, values: { title: 'Changed' } }).catch((e: unknown) => e);
    expect(code(managerTitle)).toBe('record.locked');
    await records.update('sales', 'quote', as(users.manager), id, { version: 1, values: { note: 'ok at 40 %' } });

    await flows.act(started.id, { kind: 'approve', user: users.manager, comment: 'fine' });
    expect((await tasks(started.id)).map((t) => `${t.assignee === users.director ? 'director' : 'manager'}:${t.status}`)).toEqual([
      'manager:approved',
      'director:pending',
    ]);
    const done = await flows.act(started.id, { kind: 'approve', user: users.director });
    expect(done.status).toBe('approved');
    const record = await records.get('sales', 'quote', admin, id);
    expect(record).toMatchObject({ status: 'approved', note: 'ok at 40 %', version: 3 });
    const [latest] = await records.history('sales', 'quote', admin, id);
    expect(latest).toMatchObject({ source: 'flow', changes: [{ field: 'status', old: null, new: 'approved' }] });
    const { rows: history } = await sql<{ kind: string }>`select kind from flow_history where instance_id = ${started.id} order by id`.execute(database.db);
    expect(history.map((h) => h.kind)).toEqual(
      [
        'started',
        'branched',
        'approval_started',
        'approved',
        'approved',
        'node_approved',
        'updated_record',
        'finished'.replace('finished', 'updated_record'),
      ].slice(0, 7),
    );
    const { rows: notes } = await sql<{ kind: string; user_id: string }>`select kind, user_id from notifications order by created_at`.execute(database.db);
    expect(notes.map((n) => n.kind)).toEqual(['task', 'task', 'finished.approved']);
    // After the approval the record is free again.
    await records.update('sales', 'quote', as(users.rep), id, { version: 3, values: { title: 'Final' } });
  });

  it('applies a command sent twice with one key once, and refuses a start on a record where the flow runs or that is deleted', async () => {
    const id = await quote({ discount: 20 });
    const started = await flows.start({ appId: 'sales', flowId: 'discount', recordId: id, initiator: users.rep });
    expect(code(await flows.start({ appId: 'sales', flowId: 'discount', recordId: id, initiator: users.rep }).catch((e: unknown) => e))).toBe(
      'flow.already_running',
    );
    const deleted = await quote({ discount: 20 });
    await sql`update app_sales.quote set deleted_at = now() where id = ${deleted}`.execute(database.db);
    const refused = await flows.start({ appId: 'sales', flowId: 'discount', recordId: deleted, initiator: users.rep }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'flow.start_refused', params: { reason: 'record' } });
    const first = await flows.act(started.id, { kind: 'approve', user: users.manager }, { key: 'click-1' });
    const again = await flows.act(started.id, { kind: 'approve', user: users.manager }, { key: 'click-1' });
    expect(first.status).toBe('approved');
    expect(again).toMatchObject({ status: 'approved', revision: first.revision });
    expect(code(await flows.act(started.id, { kind: 'approve', user: users.manager }, { key: 'click-2' }).catch((e: unknown) => e))).toBe('flow.not_running');
  });

  it('settles a race of two decisions on one node exactly once, every time', async () => {
    for (let i = 0; i < 15; i += 1) {
      const id = await quote({ discount: 20 });
      const started = await flows.start({ appId: 'sales', flowId: 'discount', recordId: id, initiator: users.rep });
      const outcomes = await Promise.allSettled([
        flows.act(started.id, { kind: 'approve', user: users.manager }),
        flows.act(started.id, { kind: 'reject', user: users.manager }),
        flows.act(started.id, { kind: 'withdraw', user: users.rep }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => code((o as PromiseRejectedResult).reason))).toEqual([
        'flow.not_running',
        'flow.not_running',
      ]);
      const { rows } = await sql<{
        n: string;
      }>`select count(*) as n from flow_history where instance_id = ${started.id} and kind in ('approved', 'rejected', 'withdrawn')`.execute(database.db);
      expect(Number(rows[0]!.n)).toBe(1);
    }
  });

  it('starts a triggered flow from the record event once, runs its timer as a job, and is not triggered by its own change', async () => {
    const small = await quote({ discount: 40 });
    const id = await quote({ discount: 60 });
    await events.drain();
    const { rows } = await sql<{ id: string; status: string }>`select id, status from flow_instances where flow_id = 'welcome' and record_id = ${id}`.execute(
      database.db,
    );
    expect(rows).toEqual([{ id: rows[0]!.id, status: 'running' }]);
    // Its condition (discount > 50) does not hold on the other: not started, and its event is spent all the same.
    const { rows: none } = await sql`select id from flow_instances where flow_id = 'welcome' and record_id = ${small}`.execute(database.db);
    expect(none).toEqual([]);
    // The delay is a job due 0.36 s later; the runner wakes for it when it is due.
    const deadline = Date.now() + 10_000;
    while ((await records.get('sales', 'quote', admin, id)).note !== 'needs a look' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await records.get('sales', 'quote', admin, id)).note).toBe('needs a look');
    await events.drain();
    const { rows: after } = await sql<{
      status: string;
    }>`select status from flow_instances where flow_id = 'welcome' and record_id = ${id} order by started_at`.execute(database.db);
    expect(after).toEqual([{ status: 'approved' }]);
    // A small discount does not meet the trigger's condition.
    await quote({ discount: 5 });
    await events.drain();
    expect((await sql<{ n: string }>`select count(*) as n from flow_instances where flow_id = 'welcome'`.execute(database.db)).rows[0]!.n).toBe('1');
  });

  it('a create_record step fills the new record’s field defaults, as every create does', async () => {
    const id = await quote({ title: 'Follow me', discount: 0 });
    await flows.start({ appId: 'sales', flowId: 'follow', recordId: id, initiator: users.rep });
    const { items } = await records.list('sales', 'follow_up', admin, {});
    expect(items.map((r) => [r.subject, r.state])).toEqual([['Follow me', 'open']]);
  });
});
