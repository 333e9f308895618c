import { createHmac } from 'node:crypto';
import type { SystemTables } from '@tessera/db';
import type { EventDispatcher } from '@tessera/events';
import type { JobRunner } from '@tessera/jobs';
import { tableRef } from '@tessera/meta';
import type { LiveAppCache } from '@tessera/records';
import { type Kysely, sql } from 'kysely';
import { FlowError } from '../flow-error';
import type { FlowCommand } from '../flow-step';
import { HTTP_QUEUE, TIMER_QUEUE } from './apply-effects';
import { HANDOVER_QUEUE, handOverOpenTasks } from './delegation-handover';
import type { FlowService } from './flow-service';
import { readInstance } from './instance-store';
import { approvalMailer, MAIL_QUEUE, type MailSettings } from './mail';
import { planClockTriggers, runClockTick, SCHEDULE_QUEUE } from './scheduled-triggers';
import { flowTriggers } from './triggers';

export interface FlowEngineWiring {
  db: Kysely<SystemTables>;
  flows: FlowService;
  events: EventDispatcher;
  jobs: JobRunner;
  liveApps: LiveAppCache;
  /** Signs outbound calls (HMAC-SHA256 of the body in `X-Tessera-Signature`); without it calls go unsigned. */
  httpSecret?: string | undefined;
  /** Sends the approval e-mails the service queues (FlowServiceOptions.mail); without it none are queued. */
  mail?: MailSettings | undefined;
}

/**
 * Plans the next tick of every clock-started flow of every live app: on a start, as a flow
 * published while no process ran (or a tick planned by an older version) must still fire.
 */
async function planEveryApp({ db, liveApps }: FlowEngineWiring): Promise<void> {
  const apps = await db.selectFrom('meta_apps').select('id').where('live_version', 'is not', null).execute();
  for (const { id } of apps) {
    const live = await liveApps.get(id, db).catch(() => null);
    if (live) await planClockTriggers(db, id, live.document);
  }
}

/**
 * Connects the engine to the server's runners: record events start triggered flows; timers
 * (delays, deadlines) run as transactional jobs — their command commits with the job, so a timer
 * fires once —, flows started by the clock (a cron schedule, a date field) as a chain of ticks,
 * each planning the next, and outbound calls as retried jobs after the transition that made them committed.
 */
export async function wireFlowEngine(wiring: FlowEngineWiring): Promise<void> {
  const { flows, jobs } = wiring;
  await wiring.events.subscribe(flowTriggers(flows, wiring.liveApps, () => jobs.wake()));
  jobs.transactional(
    TIMER_QUEUE,
    async (job, tx) => {
      const { instance, command } = job.payload as { instance: string; command: FlowCommand };
      try {
        await flows.act(instance, command, { key: `job:${job.id}` }, tx);
        return { applied: true };
      } catch (error) {
        // The instance has ended, or moved past the timer: a spent timer, not a failure.
        if (error instanceof FlowError) return { applied: false, reason: error.code };
        throw error;
      }
    },
    { slots: 2 },
  );
  if (wiring.mail) {
    const mailer = approvalMailer(wiring.db, wiring.mail);
    jobs.leased(MAIL_QUEUE, (job) => mailer.send(job), { slots: 2, leaseMs: 60_000 });
  }
  // A delegation set up ahead hands its owner's open tasks over when it starts (delegation-handover.ts).
  jobs.transactional(
    HANDOVER_QUEUE,
    async (job, tx) => ({ handedOver: await handOverOpenTasks(flows, tx, (job.payload as { delegation: string }).delegation) }),
    { slots: 1 },
  );
  jobs.transactional(SCHEDULE_QUEUE, (job, tx) => runClockTick(flows, wiring.liveApps, job, tx), { slots: 1 });
  await planEveryApp(wiring);
  jobs.leased(
    HTTP_QUEUE,
    async (job) => {
      const { instance: id, node, url, method } = job.payload as { instance: string; node: string; url: string; method: string };
      const instance = await readInstance(wiring.db, id);
      if (!instance) return { sent: false };
      const { rows } = instance.record_id
        ? await sql<Record<string, unknown>>`select * from ${tableRef(instance.app_id, instance.object_id)} where id = ${instance.record_id}`.execute(wiring.db)
        : { rows: [] };
      const body = JSON.stringify({
        event: 'flow.http',
        app: instance.app_id,
        flow: instance.flow_id,
        instance: id,
        node,
        record: rows[0] ?? null,
        delivery: job.id,
      });
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-tessera-delivery': job.id };
      if (wiring.httpSecret) headers['x-tessera-signature'] = `sha256=${createHmac('sha256', wiring.httpSecret).update(body).digest('hex')}`;
      const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(15_000) });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return { sent: true, status: response.status };
    },
    { slots: 2, leaseMs: 60_000 },
  );
}
