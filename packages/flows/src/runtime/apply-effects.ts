import { fullAccess } from '@tessera/access';
import type { SystemTables } from '@tessera/db';
import { cancelJob, enqueue } from '@tessera/jobs';
import { tableRef } from '@tessera/meta';
import type { RecordService } from '@tessera/records';
import type { FlowRecordState } from '@tessera/schemas';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { FlowEffect, FlowHistoryEntry } from '../flow-step';
import type { InstanceState } from '../instance-state';
import type { FlowVersion } from './definitions';
import type { InstanceRow, NotificationRow, TaskChange, TransitionWrites } from './instance-store';

/** The queues the engine's jobs go to. */
export const TIMER_QUEUE = 'flows.timer';
export const HTTP_QUEUE = 'flows.http';

/** A flow writes records as itself: every field, every row; its changes say which flow and instance made them. */
const FLOW_ACCESS = fullAccess({ userId: null, departmentId: null });

export interface EffectContext {
  tx: Transaction<SystemTables>;
  records: RecordService;
  definition: FlowVersion;
  instance: InstanceRow;
}

/** Where a record's approval stands, as the flow's status field shows it. */
function recordState(state: InstanceState): FlowRecordState {
  return state.status === 'running' ? (state.returned ? 'returned' : 'running') : state.status;
}

/**
 * Keeps the flow's status field (`statusField`) in step with the instance: written in the
 * transition that starts it, returns it, resubmits it or ends it, and only then — so a list of
 * quotes can be filtered by "in approval" or "approved" like any other field.
 */
export async function mirrorStatus(context: EffectContext, before: InstanceState | null, after: InstanceState): Promise<void> {
  const status = context.definition.flow.statusField;
  const { instance, tx } = context;
  if (!status || !instance.record_id) return;
  const state = recordState(after);
  if (before && recordState(before) === state) return;
  const version = await currentVersion(tx, context.definition, instance);
  if (version === null) return;
  await context.records
    .within(tx)
    .update(
      instance.app_id,
      instance.object_id,
      FLOW_ACCESS,
      instance.record_id,
      { version, values: { [status.field]: status.values?.[state] ?? state } },
      { source: 'flow', cause: { flow: instance.flow_id, instance: instance.id } },
    );
}

async function currentVersion(db: Kysely<SystemTables>, definition: FlowVersion, instance: InstanceRow): Promise<number | null> {
  if (!instance.record_id) return null;
  const { rows } = await sql<{
    version: number;
  }>`select version from ${tableRef(definition.appId, instance.object_id)} where id = ${instance.record_id}`.execute(db);
  return rows[0]?.version ?? null;
}

/**
 * Carries out what a command decided, in the command's own transaction: the records its steps
 * write (through the records service, so they are validated and get history rows and events of
 * their own, caused by this flow), its timers and outbound calls as jobs. The instance's own
 * tasks, history and notifications come back to be stored with its state in one statement
 * (saveTransition). If anything fails, the whole transition rolls back with it.
 */
export async function applyEffects(context: EffectContext, effects: readonly FlowEffect[]): Promise<TransitionWrites> {
  const { tx, definition, instance } = context;
  // Bound to the transaction only when a step writes records: most steps never do (B5).
  const records = () => context.records.within(tx);
  const write = { source: 'flow' as const, cause: { flow: instance.flow_id, instance: instance.id } };
  const tasks: TaskChange[] = [];
  const history: FlowHistoryEntry[] = [];
  const notifications: NotificationRow[] = [];
  const link = { app: instance.app_id, flow: instance.flow_id, instance: instance.id, object: instance.object_id, record: instance.record_id };
  const title = definition.flow.label;
  for (const effect of effects) {
    switch (effect.kind) {
      case 'task':
        tasks.push(effect);
        if (effect.status === 'pending') notifications.push({ user: effect.user, kind: 'task', title, link: { ...link, node: effect.node } });
        break;
      case 'history':
        history.push(effect.entry);
        break;
      case 'notify':
        for (const user of effect.users) notifications.push({ user, kind: effect.reason, title, link: { ...link, node: effect.node } });
        break;
      case 'finished':
        if (instance.initiator_id) notifications.push({ user: instance.initiator_id, kind: `finished.${effect.status}`, title, link });
        break;
      case 'update_record': {
        const version = await currentVersion(tx, definition, instance);
        if (version === null || !instance.record_id) break;
        await records().update(instance.app_id, instance.object_id, FLOW_ACCESS, instance.record_id, { version, values: effect.values }, write);
        break;
      }
      case 'create_record':
        await records().create(instance.app_id, effect.object, FLOW_ACCESS, { values: effect.values }, write);
        break;
      case 'update_many':
        await records().bulkUpdate(instance.app_id, effect.object, FLOW_ACCESS, { where: effect.filter ?? 'TRUE' }, effect.values, write);
        break;
      case 'schedule':
        await enqueue(tx, {
          queue: TIMER_QUEUE,
          key: `${instance.id}:${effect.key}`,
          runAt: effect.at,
          payload: { instance: instance.id, command: effect.command },
        });
        break;
      case 'unschedule':
        await cancelJob(tx, TIMER_QUEUE, `${instance.id}:${effect.key}`);
        break;
      case 'http':
        await enqueue(tx, {
          queue: HTTP_QUEUE,
          key: `${instance.id}:${effect.node}:${instance.state.round}:${instance.revision}`,
          payload: { instance: instance.id, node: effect.node, url: effect.url, method: effect.method },
          maxAttempts: 8,
        });
        break;
    }
  }
  return { tasks, history, notifications };
}
