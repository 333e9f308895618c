import { type Database, type SystemTables, transactionWithRetry } from '@tessera/db';
import { tableRef } from '@tessera/meta';
import type { LiveAppCache, RecordService } from '@tessera/records';
import type { FlowDefinition } from '@tessera/schemas';
import { type Kysely, sql, type Transaction } from 'kysely';
import { reduce } from '../engine/reduce';
import { FlowError } from '../flow-error';
import type { FlowCommand, FlowEnvironment } from '../flow-step';
import { initialState } from '../instance-state';
import { applyEffects, mirrorStatus } from './apply-effects';
import { resolveApprovers } from './approvers';
import { createFlowDefinitions, type FlowDefinitions, type FlowVersion, flowVersion } from './definitions';
import { type DirectoryCache, delegateOf } from './directory';
import { type InstanceRow, insertInstance, lockInstance, saveTransition } from './instance-store';
import { queueMails } from './mail';
import { reduceWithoutRecord } from './unread-record';
import { addBusinessHours } from './work-calendar';

export interface FlowServiceOptions {
  database: Pick<Database, 'db'>;
  records: RecordService;
  liveApps: LiveAppCache;
  directory: DirectoryCache;
  definitions?: FlowDefinitions | undefined;
  /** Called after the service commits a transition of its own (wakes the job runner and the event dispatcher). */
  onCommit?: (() => void) | undefined;
  /** Queue an e-mail for every notification (an SMTP server is configured; mail.ts sends them). */
  mail?: boolean | undefined;
}

export interface StartInput {
  appId: string;
  flowId: string;
  recordId: string | null;
  initiator: string | null;
  /** Approvers the initiator picked, by node (rules of kind `chosen`). */
  chosen?: Record<string, string[]> | undefined;
  /** What started it, when a trigger may fire twice for one cause (a date): starts once per key. */
  triggerKey?: string | undefined;
  /**
   * A trigger's condition: started only if it holds on the record as read and locked for the
   * start (else refused, `flow.start_refused` with reason `condition`), so the definition and the
   * record are read once.
   */
  condition?: string | undefined;
}

type RecordValues = Record<string, unknown>;

/**
 * The record's values as formulas read them: its columns, dates as ISO text. With `lock`, its row
 * lock too, and only while it is not deleted: an edit and the start of its approval cannot pass
 * each other.
 */
async function readRecord(
  db: Kysely<SystemTables>,
  definition: FlowVersion,
  instance: Pick<InstanceRow, 'object_id' | 'record_id'>,
  lock = false,
): Promise<RecordValues | null> {
  if (!instance.record_id) return null;
  const table = tableRef(definition.appId, instance.object_id);
  const { rows } = await (lock
    ? sql<RecordValues>`select * from ${table} where id = ${instance.record_id} and deleted_at is null for update`
    : sql<RecordValues>`select * from ${table} where id = ${instance.record_id}`
  ).execute(db);
  const row = rows[0];
  if (!row) return null;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
}

/**
 * The flow engine at its edges: each command is one transaction that locks the instance, checks
 * its idempotency key, loads what the pure reducer needs (the definition of the instance's
 * version, the record, the org chart), runs the reducer and applies its effects — tasks, history,
 * record writes, timers, notifications — with the new state. Several server processes can run it
 * at once: the instance lock orders commands on one instance, and the partial unique index on
 * running instances keeps a record from running a flow twice.
 */
export function createFlowService(options: FlowServiceOptions) {
  const definitions = options.definitions ?? createFlowDefinitions();
  const { db } = options.database;

  async function environment(
    tx: Kysely<SystemTables>,
    definition: FlowVersion,
    instance: Pick<InstanceRow, 'object_id' | 'record_id' | 'initiator_id'>,
    loaded?: RecordValues | null,
  ): Promise<FlowEnvironment> {
    const [record, directory] = await Promise.all([loaded !== undefined ? loaded : readRecord(tx, definition, instance), options.directory.get(tx)]);
    const now = new Date();
    const initiator = instance.initiator_id ?? '';
    return {
      now,
      initiator,
      record,
      evaluate: (formula, values) => definition.evaluate(formula, values, { now, currentUser: initiator || null }),
      resolve: (rules, _node, chosen, values) => resolveApprovers(rules, { directory, appId: definition.appId, initiator, record: values, chosen }),
      deadline: (hours) => addBusinessHours(now, hours, definition.document.workCalendar, definition.timeZone),
      delegateOf: (user) => delegateOf(directory, user, definition.appId, definition.flow.id, now),
    };
  }

  /** The reducer's answer; a command on a record's instance first tries without reading the record (unread-record.ts). */
  async function decide(tx: Kysely<SystemTables>, flow: FlowVersion, instance: InstanceRow, command: FlowCommand, record?: RecordValues | null) {
    if (record === undefined && instance.record_id) {
      const reduced = reduceWithoutRecord(flow.graph, instance.state, command, await environment(tx, flow, instance, null));
      if (reduced) return reduced;
    }
    return reduce(flow.graph, instance.state, command, await environment(tx, flow, instance, record));
  }

  async function transition(
    tx: Transaction<SystemTables>,
    instance: InstanceRow,
    command: FlowCommand,
    loaded?: { definition: FlowVersion; record?: RecordValues | null },
  ): Promise<InstanceRow> {
    const flow = loaded?.definition ?? (await definitions.get(tx, instance.app_id, instance.app_version, instance.flow_id));
    const { state, effects } = await decide(tx, flow, instance, command, loaded?.record);
    const writes = await applyEffects({ tx, records: options.records, definition: flow, instance }, effects);
    await mirrorStatus({ tx, records: options.records, definition: flow, instance }, command.kind === 'start' ? null : instance.state, state);
    await saveTransition(tx, instance, state, writes);
    if (options.mail && writes.notifications.length > 0) await queueMails(tx, instance, writes.notifications);
    return { ...instance, state, status: state.status, revision: instance.revision + 1 };
  }

  /** Runs `work` in the caller's transaction, or in one of its own (and wakes the runners after it commits). */
  async function inTransaction<T>(tx: Transaction<SystemTables> | undefined, work: (tx: Transaction<SystemTables>) => Promise<T>): Promise<T> {
    if (tx) return work(tx);
    // A transition writes only to the database (mails go to an outbox): safe to run again after a deadlock.
    const result = await transactionWithRetry(db, work);
    options.onCommit?.();
    return result;
  }

  return {
    definitions,

    /** Starts a flow on a record (or without one, for a schedule); in the caller's transaction when given. */
    async start(input: StartInput, tx?: Transaction<SystemTables>): Promise<InstanceRow> {
      return inTransaction(tx, async (t) => {
        const live = await options.liveApps.get(input.appId, t);
        const definition = await definitions.get(t, input.appId, live.version, input.flowId);
        if (definition.flow.enabled === false) throw new FlowError('flow.disabled', { flow: input.flowId });
        const target = { object_id: definition.flow.object, record_id: input.recordId };
        const fresh = {
          appId: input.appId,
          flowId: input.flowId,
          version: live.version,
          objectId: definition.flow.object,
          recordId: input.recordId,
          initiator: input.initiator,
          state: initialState(),
          triggerKey: input.triggerKey ?? null,
        };
        // Without a condition to check first, the record is locked in the statement that inserts
        // the instance, and read only if the start reaches for it (unread-record.ts).
        if (input.recordId && !input.condition) {
          const instance = await insertInstance(t, fresh, tableRef(definition.appId, definition.flow.object));
          if (instance) return transition(t, instance, { kind: 'start', chosen: input.chosen }, { definition });
          if (!(await readRecord(t, definition, target, true))) throw new FlowError('flow.start_refused', { reason: 'record' });
          throw new FlowError('flow.already_running', { flow: input.flowId });
        }
        const record = await readRecord(t, definition, target, true);
        if (input.recordId && !record) throw new FlowError('flow.start_refused', { reason: 'record' });
        if (input.condition && definition.evaluate(input.condition, record, { now: new Date(), currentUser: input.initiator }) !== true) {
          throw new FlowError('flow.start_refused', { reason: 'condition' });
        }
        const instance = await insertInstance(t, fresh);
        if (!instance) throw new FlowError('flow.already_running', { flow: input.flowId });
        return transition(t, instance, { kind: 'start', chosen: input.chosen }, { definition, record });
      });
    },

    /**
     * Applies a command to an instance. With an idempotency `key`, a command sent twice (a double
     * click, a retry after a lost answer) is applied once; the second answer is the instance as it is.
     */
    async act(instanceId: string, command: FlowCommand, options: { key?: string | undefined } = {}, tx?: Transaction<SystemTables>): Promise<InstanceRow> {
      return inTransaction(tx, async (t) => {
        const locked = await lockInstance(t, instanceId, options.key);
        if (!locked) throw new FlowError('flow.not_found', { instance: instanceId });
        if (!locked.fresh) return locked.instance;
        return transition(t, locked.instance, command);
      });
    },

    /** What the reducer would decide, without writing anything: for "who will approve this?" and the designer's simulation. */
    async dryEnvironment(
      appId: string,
      flowId: string,
      recordId: string | null,
      initiator: string,
      tx?: Kysely<SystemTables>,
    ): Promise<{ definition: FlowVersion; env: FlowEnvironment }> {
      const executor = tx ?? db;
      const live = await options.liveApps.get(appId, executor);
      const definition = await definitions.get(executor, appId, live.version, flowId);
      const env = await environment(executor, definition, { object_id: definition.flow.object, record_id: recordId, initiator_id: initiator });
      return { definition, env };
    },

    /**
     * The same for a flow not published yet (the studio's draft): run against the live app — its
     * records, fields and formulas — as if `flow` were one of its flows. The caller checks the flow first.
     */
    async draftEnvironment(
      appId: string,
      flow: FlowDefinition,
      recordId: string,
      initiator: string,
    ): Promise<{ definition: FlowVersion; env: FlowEnvironment }> {
      const live = await options.liveApps.get(appId, db);
      const document = { ...live.document, flows: [...(live.document.flows ?? []).filter((f) => f.id !== flow.id), flow] };
      const definition = flowVersion(appId, live.version, document, flow);
      const env = await environment(db, definition, { object_id: flow.object, record_id: recordId, initiator_id: initiator });
      return { definition, env };
    },
  };
}

export type FlowService = ReturnType<typeof createFlowService>;
