import type { SystemTables } from '@tessera/db';
import { enqueue, type Job } from '@tessera/jobs';
import { tableRef } from '@tessera/meta';
import type { LiveAppCache } from '@tessera/records';
import { type AppDocument, appTimeZone, type FlowDefinition } from '@tessera/schemas';
import { CronExpressionParser } from 'cron-parser';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { FlowService } from './flow-service';
import { startTriggered } from './triggers';
import { instantOf, minutesOf, nextDate, wallClock } from './zoned-clock';

/** When a date-field trigger fires if it names no time of day. */
const DEFAULT_TIME = '09:00';

/** The queue of the ticks of flows started by the clock: a cron schedule, or a date field. */
export const SCHEDULE_QUEUE = 'flows.schedule';

interface Tick {
  app: string;
  flow: string;
  /** The instant the tick is for (ISO). */
  at: string;
}

const isClockTriggered = (flow: FlowDefinition) => flow.enabled !== false && (flow.trigger.kind === 'schedule' || flow.trigger.kind === 'date_field');

/** The first tick of `flow`'s clock strictly after `after`, in the app's time zone; null when it has none. */
export function nextTick(flow: FlowDefinition, timeZone: string, after: Date): Date | null {
  const trigger = flow.trigger;
  if (trigger.kind === 'schedule' && trigger.cron) {
    return CronExpressionParser.parse(trigger.cron, { currentDate: after, tz: timeZone }).next().toDate();
  }
  if (trigger.kind === 'date_field') {
    const minute = minutesOf(trigger.time ?? DEFAULT_TIME);
    const today = wallClock(after, timeZone).date;
    const at = instantOf(today, minute, timeZone);
    return at > after ? at : instantOf(nextDate(today), minute, timeZone);
  }
  return null;
}

// One key per flow and tick: enqueueing a tick twice (a publish, a restart, the tick before it) adds it once.
const tickKey = (tick: Tick) => `${tick.app}:${tick.flow}:${tick.at}`;

async function enqueueTick(db: Kysely<SystemTables>, tick: Tick): Promise<void> {
  await enqueue(db, { queue: SCHEDULE_QUEUE, key: tickKey(tick), runAt: new Date(tick.at), payload: { ...tick } });
}

/**
 * Puts the next tick of every clock-started flow of `document` (the app's live version) in the job
 * queue, and cancels the future ticks no flow expects any more (a flow removed, disabled, or with
 * another time). Ticks already due stay: they are the catch-up of a process that was down. Run on
 * every start of the server and after every publish or rollback, in the same transaction or after it.
 */
export async function planClockTriggers(db: Kysely<SystemTables>, appId: string, document: AppDocument, now = new Date()): Promise<void> {
  const timeZone = appTimeZone(document);
  const expected: string[] = [];
  for (const flow of (document.flows ?? []).filter(isClockTriggered)) {
    const at = nextTick(flow, timeZone, now);
    if (!at) continue;
    const tick = { app: appId, flow: flow.id, at: at.toISOString() };
    expected.push(tickKey(tick));
    await enqueueTick(db, tick);
  }
  let stale = db
    .updateTable('jobs')
    .set({ state: 'cancelled', finished_at: now, updated_at: now })
    .where('queue', '=', SCHEDULE_QUEUE)
    .where('state', '=', 'queued')
    .where('run_at', '>', now)
    .where(sql<string>`payload->>'app'`, '=', appId);
  if (expected.length > 0) stale = stale.where('key', 'not in', expected);
  await stale.execute();
}

/**
 * The records whose date field, moved by the trigger's days, falls on one of `days` (wall-clock
 * dates in the app's zone): a contract ending on 1 July is due on 1 June with `days: -30`.
 */
async function dueRecords(tx: Transaction<SystemTables>, appId: string, flow: FlowDefinition, document: AppDocument, day: string): Promise<string[]> {
  const trigger = flow.trigger;
  const field = document.objects.find((o) => o.id === flow.object)?.fields.find((f) => f.id === trigger.dateField);
  if (!field || !trigger.dateField) return [];
  const target = new Date(`${day}T00:00:00Z`);
  target.setUTCDate(target.getUTCDate() - (trigger.days ?? 0));
  const date = target.toISOString().slice(0, 10);
  const column = sql.ref(trigger.dateField);
  const onDay = field.type === 'datetime' ? sql`(${column} at time zone ${appTimeZone(document)})::date = ${date}::date` : sql`${column} = ${date}::date`;
  const { rows } = await sql<{ id: string }>`select id from ${tableRef(appId, flow.object)} where deleted_at is null and ${onDay} order by id`.execute(tx);
  return rows.map((r) => r.id);
}

/**
 * Runs one tick inside the job's transaction, so the flows it starts and the next tick it plans
 * commit with the job, once. A date-field tick also covers the days since it was due (the server
 * was down over them): no reminder is skipped, and none is sent twice, each start keyed by its day.
 * A cron schedule that missed several ticks fires once for them, as cron does after a downtime.
 */
export async function runClockTick(flows: FlowService, liveApps: LiveAppCache, job: Job, tx: Transaction<SystemTables>): Promise<Record<string, unknown>> {
  const tick = job.payload as unknown as Tick;
  const live = await liveApps.get(tick.app, tx).catch(() => null);
  const flow = live?.document.flows?.find((f) => f.id === tick.flow);
  if (!live || !flow || !isClockTriggered(flow)) return { started: 0, reason: 'flow_gone' };
  const timeZone = appTimeZone(live.document);
  const now = new Date();
  let started = 0;
  if (flow.trigger.kind === 'schedule') {
    if (await startTriggered(flows, tick.app, flow, null, null, tx)) started += 1;
  } else {
    // Every day from the tick's to the last whose time of day has come: today's only once it is 09:00 there.
    const minute = minutesOf(flow.trigger.time ?? DEFAULT_TIME);
    for (let day = wallClock(new Date(tick.at), timeZone).date; instantOf(day, minute, timeZone) <= now; day = nextDate(day)) {
      for (const recordId of await dueRecords(tx, tick.app, flow, live.document, day)) {
        if (await startTriggered(flows, tick.app, flow, recordId, null, tx, `date:${day}`)) started += 1;
      }
    }
  }
  const next = nextTick(flow, timeZone, now);
  if (next) await enqueueTick(tx, { app: tick.app, flow: tick.flow, at: next.toISOString() });
  return { started };
}
