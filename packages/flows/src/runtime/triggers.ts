import type { SystemTables } from '@tessera/db';
import type { EventSubscriber, RecordEvent } from '@tessera/events';
import type { LiveAppCache } from '@tessera/records';
import type { FlowDefinition } from '@tessera/schemas';
import { sql, type Transaction } from 'kysely';
import { FlowError } from '../flow-error';
import type { FlowService } from './flow-service';
import type { InstanceRow } from './instance-store';

/** Whether a record change is one the flow's trigger waits for. */
function matches(flow: FlowDefinition, event: RecordEvent): boolean {
  const trigger = flow.trigger;
  switch (trigger.kind) {
    case 'created':
      return event.operation === 'create';
    case 'updated':
      return event.operation === 'update';
    case 'deleted':
      return event.operation === 'delete';
    case 'field_changed':
      return event.operation === 'update' && event.changes.some((c) => (trigger.fields ?? []).includes(c.field));
    default:
      return false;
  }
}

/**
 * Starts `flow` on a record for its trigger when the trigger's condition holds; null when it did
 * not start. A start refused (the record is gone, the flow already runs on it, this `triggerKey`
 * started it before) must not take the other starts of the caller's batch with it: it is undone to
 * a savepoint.
 */
export async function startTriggered(
  flows: FlowService,
  appId: string,
  flow: FlowDefinition,
  recordId: string | null,
  actorId: string | null,
  tx: Transaction<SystemTables>,
  triggerKey?: string,
): Promise<InstanceRow | null> {
  await sql`savepoint flow_trigger`.execute(tx);
  try {
    // The condition is checked by the start itself, on the record it reads and locks anyway.
    return await flows.start({ appId, flowId: flow.id, recordId, initiator: actorId, triggerKey, condition: flow.trigger.condition }, tx);
  } catch (error) {
    if (!(error instanceof FlowError)) throw error;
    await sql`rollback to savepoint flow_trigger`.execute(tx);
    return null;
  }
}

/**
 * Starts flows whose trigger is a record change, from the record events: in the transaction that
 * moves the subscriber past the events, so each change starts its flows exactly once, whatever
 * made it — a user, an import, a bulk edit, another flow. A flow is not started by its own
 * changes (their events name it as their cause), nor twice on a record where it still runs.
 */
export function flowTriggers(flows: FlowService, liveApps: LiveAppCache, afterCommit?: () => void): EventSubscriber {
  return {
    name: 'flows.triggers',
    // The flows it started may have timers due soon: the job runner is told once they are committed.
    afterCommit,
    async handle(events, tx) {
      for (const event of events) {
        if (!event.recordId) continue;
        const app = await liveApps.get(event.appId, tx).catch(() => null);
        const candidates = (app?.document.flows ?? []).filter((f) => f.enabled !== false && f.object === event.objectId && matches(f, event));
        for (const flow of candidates) {
          if (event.detail?.flow === flow.id) continue;
          await startTriggered(flows, event.appId, flow, event.recordId, event.actorId ?? null, tx);
        }
      }
    },
  };
}
