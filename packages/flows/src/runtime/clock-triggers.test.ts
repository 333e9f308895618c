import { fullAccess } from '@tessera/access';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { createEventDispatcher, type EventDispatcher } from '@tessera/events';
import { createJobRunner, type JobRunner } from '@tessera/jobs';
import { createMetadataStore, type MetadataStore } from '@tessera/meta';
import { createLiveAppCache, createRecordService, type RecordService } from '@tessera/records';
import type { AppDocument, FlowDefinition } from '@tessera/schemas';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowDefinitions } from './definitions';
import { createDirectoryCache } from './directory';
import { wireFlowEngine } from './engine-wiring';
import { createFlowService } from './flow-service';
import { flowRecordLock } from './record-lock';
import { nextTick, planClockTriggers, SCHEDULE_QUEUE } from './scheduled-triggers';
import { instantOf, nextDate, wallClock } from './zoned-clock';

const ZONE = 'Asia/Shanghai';
const LEGAL = '00000000-0000-4000-8000-000000000001';

const renewal: FlowDefinition = {
  id: 'renewal',
  label: { en: 'Renewal reminder' },
  object: 'contract',
  trigger: { kind: 'date_field', dateField: 'ends_on', days: -30, time: '09:00', condition: 'status = "active"' },
  nodes: [{ id: 'tell', kind: 'notify', approvers: [{ kind: 'user', users: [LEGAL] }], message: { en: 'Ends in 30 days' } }],
};
const weekly: FlowDefinition = {
  id: 'weekly',
  label: { en: 'Weekly clean-up' },
  object: 'contract',
  trigger: { kind: 'schedule', cron: '0 8 * * 1' },
  nodes: [{ id: 'expire', kind: 'update_many', object: 'contract', filter: 'ends_on < TODAY()', values: { status: '"ended"' } }],
};
const app = (flows: FlowDefinition[]): AppDocument => ({
  id: 'sales',
  label: { en: 'Sales' },
  timeZone: ZONE,
  objects: [
    {
      id: 'contract',
      label: { en: 'Contract' },
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        { id: 'ends_on', type: 'date', label: { en: 'Ends on' } },
        {
          id: 'status',
          type: 'select',
          label: { en: 'Status' },
          options: ['draft', 'active', 'ended'].map((value) => ({ value, label: { en: value } })),
        },
      ],
    },
  ],
  flows,
});

let database: TestDatabase;
let store: MetadataStore;
let records: RecordService;
let events: EventDispatcher;
let jobs: JobRunner;
const admin = fullAccess({ userId: null, departmentId: null });

beforeAll(async () => {
  database = await createTestDatabase();
  await sql`insert into users (id, email, name, password_hash) values (${LEGAL}, 'legal@x', 'Legal', 'x')`.execute(database.db);
  store = createMetadataStore(database.db, { published: planClockTriggers });
  await store.createApp(app([renewal, weekly]));
  await store.publish('sales', { actor: null });
  const liveApps = createLiveAppCache(database.db, 0);
  const definitions = createFlowDefinitions();
  const directory = createDirectoryCache(database);
  await directory.start();
  events = createEventDispatcher(database, { pollMs: 60_000 });
  jobs = createJobRunner(database, { pollMs: 60_000 });
  records = createRecordService(database.db, liveApps, { guard: flowRecordLock(definitions), onCommit: () => events.wake() });
  const flows = createFlowService({ database, records, liveApps, directory, definitions, onCommit: () => jobs.wake() });
  await wireFlowEngine({ db: database.db, flows, events, jobs, liveApps });
});
afterAll(async () => {
  await events?.stop();
  await jobs?.stop();
  await database?.drop();
});

const queuedTicks = async () =>
  (
    await sql<{ key: string; run_at: Date }>`select key, run_at from jobs where queue = ${SCHEDULE_QUEUE} and state = 'queued' order by key`.execute(
      database.db,
    )
  ).rows;
const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('flows started by the clock', () => {
  it('find the next time of a cron schedule and of a date field in the app’s time zone', () => {
    // Monday 7 December 2026, 08:30 in Shanghai.
    const monday = new Date('2026-12-07T00:30:00Z');
    expect(nextTick(weekly, ZONE, monday)?.toISOString()).toBe('2026-12-14T00:00:00.000Z');
    expect(nextTick(renewal, ZONE, monday)?.toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(nextTick(renewal, ZONE, new Date('2026-12-07T01:00:00Z'))?.toISOString()).toBe('2026-12-08T01:00:00.000Z');
  });

  it('plan one next tick per flow on publish and on start, and drop the ticks no flow expects after a publish', async () => {
    const ticks = await queuedTicks();
    expect(ticks.map((t) => t.key.split(':').slice(0, 2).join(':'))).toEqual(['sales:renewal', 'sales:weekly']);
    expect(ticks.find((t) => t.key.startsWith('sales:weekly'))?.run_at.getTime()).toBe(nextTick(weekly, ZONE, new Date())?.getTime());

    const monthly = { ...weekly, trigger: { kind: 'schedule' as const, cron: '0 8 1 * *' } };
    await store.saveDraft('sales', app([renewal, monthly]), 1);
    await store.publish('sales', { actor: null });
    const after = await queuedTicks();
    expect(after.find((t) => t.key.startsWith('sales:weekly'))?.run_at.getTime()).toBe(nextTick(monthly, ZONE, new Date())?.getTime());
    expect(after).toHaveLength(2);
  });

  it('start the date-field flow once for each record due on every day since the tick, also the days a server was down, and plan the next', async () => {
    const today = wallClock(new Date(), ZONE).date;
    const twoDaysAgo = shift(today, -2);
    const yesterday = shift(today, -1);
    const contract = async (title: string, due: string, status: string) =>
      String((await records.create('sales', 'contract', admin, { values: { title, ends_on: shift(due, 30), status } })).id);
    const dueTwoDaysAgo = await contract('Due two days ago', twoDaysAgo, 'active');
    const dueYesterday = await contract('Due yesterday', yesterday, 'active');
    await contract('A draft due yesterday', yesterday, 'draft');
    await contract('Due tomorrow', shift(today, 1), 'active');
    const gone = await contract('Deleted', yesterday, 'active');
    await records.remove('sales', 'contract', admin, gone);

    // The tick of two days ago never ran: every server was down since.
    const missed = instantOf(twoDaysAgo, 9 * 60, ZONE).toISOString();
    await sql`insert into jobs (queue, key, payload, run_at) values (${SCHEDULE_QUEUE}, ${`sales:renewal:${missed}`},
      ${JSON.stringify({ app: 'sales', flow: 'renewal', at: missed })}::jsonb, ${missed})`.execute(database.db);
    await jobs.drain();

    const started = await sql<{ record_id: string; trigger_key: string; status: string }>`select record_id, trigger_key, status from flow_instances
      where flow_id = 'renewal' order by trigger_key`.execute(database.db);
    expect(started.rows).toEqual([
      { record_id: dueTwoDaysAgo, trigger_key: `date:${twoDaysAgo}`, status: 'approved' },
      { record_id: dueYesterday, trigger_key: `date:${yesterday}`, status: 'approved' },
    ]);
    const told = await sql<{ n: number }>`select count(*)::int as n from notifications where user_id = ${LEGAL}`.execute(database.db);
    expect(told.rows[0]?.n).toBe(2);

    // The same days once more (a second copy of the tick): nobody is reminded twice.
    await sql`insert into jobs (queue, key, payload, run_at) values (${SCHEDULE_QUEUE}, 'sales:renewal:again',
      ${JSON.stringify({ app: 'sales', flow: 'renewal', at: missed })}::jsonb, now())`.execute(database.db);
    await jobs.drain();
    expect((await sql<{ n: number }>`select count(*)::int as n from flow_instances where flow_id = 'renewal'`.execute(database.db)).rows[0]?.n).toBe(2);
    const next = nextTick(renewal, ZONE, new Date());
    expect((await queuedTicks()).some((t) => t.key === `sales:renewal:${next?.toISOString()}`)).toBe(true);
    expect(next && wallClock(next, ZONE).date).toBe(instantOf(today, 9 * 60, ZONE) > new Date() ? today : nextDate(today));
  });

  it('run a cron flow once per tick, without a record, with its set-based step', async () => {
    const ended = await records.create('sales', 'contract', admin, { values: { title: 'Long over', ends_on: '2020-01-01', status: 'active' } });
    const at = new Date(Date.now() - 60_000).toISOString();
    await sql`insert into jobs (queue, key, payload, run_at) values (${SCHEDULE_QUEUE}, ${`sales:weekly:${at}`},
      ${JSON.stringify({ app: 'sales', flow: 'weekly', at })}::jsonb, ${at})`.execute(database.db);
    await jobs.drain();
    const runs = await sql<{ record_id: string | null; status: string }>`select record_id, status from flow_instances where flow_id = 'weekly'`.execute(
      database.db,
    );
    expect(runs.rows).toEqual([{ record_id: null, status: 'approved' }]);
    expect((await records.get('sales', 'contract', admin, String(ended.id))).status).toBe('ended');
  });

  it('stop planning a flow that was removed', async () => {
    await store.saveDraft('sales', app([]), 2);
    await store.publish('sales', { actor: null });
    expect(await queuedTicks()).toEqual([]);
  });
});
