import { PREPARED, type SystemTables } from '@tessera/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { FlowHistoryEntry } from '../flow-step';
import type { InstanceState, InstanceStatus } from '../instance-state';

/** An instance row as the engine reads it (state included). */
export interface InstanceRow {
  id: string;
  app_id: string;
  flow_id: string;
  app_version: number;
  object_id: string;
  record_id: string | null;
  initiator_id: string | null;
  status: InstanceStatus;
  state: InstanceState;
  revision: number;
  started_at: Date;
  ended_at: Date | null;
}

/** Every step runs these statements: prepared once per connection, not parsed each time (B5). */
const prepared = sql.raw(PREPARED);

const COLUMNS = sql`id, app_id, flow_id, app_version, object_id, record_id, initiator_id, status, state, revision, started_at, ended_at`;

/**
 * The instance, locked for the command's transaction (commands on one instance run one at a
 * time), and with an idempotency `key`, whether this command is new: the key is claimed in the
 * same statement, so a command sent twice waits for the first and then finds its key taken.
 */
export async function lockInstance(tx: Kysely<SystemTables>, id: string, key?: string): Promise<{ instance: InstanceRow; fresh: boolean } | null> {
  if (key === undefined) {
    const { rows } = await sql<InstanceRow>`${prepared}select ${COLUMNS} from flow_instances where id = ${id} for update`.execute(tx);
    return rows[0] ? { instance: rows[0], fresh: true } : null;
  }
  const { rows } = await sql<InstanceRow & { fresh: boolean }>`${prepared}with claimed as (
      insert into flow_commands (instance_id, key) select i.id, ${key} from flow_instances i where i.id = ${id} on conflict do nothing returning 1
    )
    select ${COLUMNS}, exists (select 1 from claimed) as fresh from flow_instances where id = ${id} for update`.execute(tx);
  const row = rows[0];
  if (!row) return null;
  const { fresh, ...instance } = row;
  return { instance, fresh };
}

export async function readInstance(db: Kysely<SystemTables>, id: string): Promise<InstanceRow | null> {
  const { rows } = await sql<InstanceRow>`select ${COLUMNS} from flow_instances where id = ${id}`.execute(db);
  return rows[0] ?? null;
}

export interface NewInstance {
  appId: string;
  flowId: string;
  version: number;
  objectId: string;
  recordId: string | null;
  initiator: string | null;
  state: InstanceState;
  triggerKey: string | null;
}

/**
 * A new instance, or null when the record already runs this flow (the partial unique index on
 * running instances), or this trigger has started it before (`trigger_key`). With `recordTable`,
 * the same statement first locks the record and finds it not deleted (else null too): an edit and
 * the start of its approval cannot pass each other, in one round trip instead of two (B5).
 */
export async function insertInstance(tx: Kysely<SystemTables>, instance: NewInstance, recordTable?: RawBuilder<unknown>): Promise<InstanceRow | null> {
  const values = sql`${instance.appId}::text, ${instance.flowId}::text, ${instance.version}::integer, ${instance.objectId}::text, ${instance.recordId}::uuid,
      ${instance.initiator}::uuid, ${JSON.stringify(instance.state)}::jsonb, ${instance.triggerKey}::text`;
  const source = recordTable
    ? sql`with locked as (select id from ${recordTable} where id = ${instance.recordId} and deleted_at is null for update) select ${values} from locked`
    : sql`values (${values})`;
  const { rows } =
    await sql<InstanceRow>`${prepared}insert into flow_instances (app_id, flow_id, app_version, object_id, record_id, initiator_id, state, trigger_key)
    ${source}
    on conflict do nothing
    returning ${COLUMNS}`.execute(tx);
  return rows[0] ?? null;
}

export interface TaskChange {
  node: string;
  round: number;
  seat: string;
  user: string;
  status: string;
  comment?: string | undefined;
}

export interface NotificationRow {
  user: string;
  kind: string;
  title: Record<string, string> | null;
  link: Record<string, unknown>;
}

/** What a transition writes besides records and jobs. */
export interface TransitionWrites {
  tasks: readonly TaskChange[];
  history: readonly FlowHistoryEntry[];
  notifications: readonly NotificationRow[];
}

/** One row per seat: a seat a command touches twice (opened, then decided at once) is written as it ends up. */
function lastPerSeat(changes: readonly TaskChange[]): TaskChange[] {
  const bySeat = new Map<string, TaskChange>();
  for (const change of changes) bySeat.set(`${change.node}\u0000${change.round}\u0000${change.seat}`, change);
  return [...bySeat.values()];
}

/**
 * Stores a transition in one statement: the new state, the tasks as the reducer left them (one
 * row per seat, upserted, so a double click cannot make two), the history lines and the
 * notifications to users who still exist. One round trip instead of four keeps a step's
 * transaction as short as a hand-written one (B5).
 */
export async function saveTransition(tx: Kysely<SystemTables>, instance: InstanceRow, state: InstanceState, writes: TransitionWrites): Promise<void> {
  const tasks = JSON.stringify(
    lastPerSeat(writes.tasks).map((c) => ({
      node_id: c.node,
      round: c.round,
      seat_id: c.seat,
      assignee: c.user,
      status: c.status,
      comment: c.comment ?? null,
    })),
  );
  const history = JSON.stringify(writes.history.map((e) => ({ actor_id: e.actor ?? null, kind: e.kind, node_id: e.node ?? null, detail: e.detail ?? null })));
  const notifications = JSON.stringify(writes.notifications.map((n) => ({ user_id: n.user, kind: n.kind, title: n.title, link: n.link })));
  await sql`${prepared}with tasks as (
      insert into flow_tasks (instance_id, app_id, flow_id, object_id, record_id, node_id, round, seat_id, assignee, status, comment, decided_at)
      select ${instance.id}, ${instance.app_id}, ${instance.flow_id}, ${instance.object_id}, ${instance.record_id}, x.node_id, x.round, x.seat_id, x.assignee, x.status,
        x.comment, case when x.status in ('approved', 'rejected', 'transferred') then now() end
      from jsonb_to_recordset(${tasks}::jsonb) as x(node_id text, round integer, seat_id text, assignee uuid, status text, comment text)
      on conflict (instance_id, node_id, round, seat_id) do update set status = excluded.status, comment = coalesce(excluded.comment, flow_tasks.comment),
        decided_at = coalesce(excluded.decided_at, flow_tasks.decided_at), updated_at = now()
    ), history as (
      insert into flow_history (instance_id, actor_id, kind, node_id, detail)
      select ${instance.id}, x.actor_id, x.kind, x.node_id, x.detail
      from rows from (jsonb_to_recordset(${history}::jsonb) as (actor_id uuid, kind text, node_id text, detail jsonb)) with ordinality
        as x(actor_id, kind, node_id, detail, n)
      order by x.n
    ), notified as (
      insert into notifications (user_id, app_id, kind, title, link)
      select x.user_id, ${instance.app_id}, x.kind, x.title, x.link from jsonb_to_recordset(${notifications}::jsonb) as x(user_id uuid, kind text, title jsonb, link jsonb)
      where exists (select 1 from users u where u.id = x.user_id)
    )
    update flow_instances set state = ${JSON.stringify(state)}::jsonb, status = ${state.status}, revision = revision + 1, updated_at = now(),
      ended_at = case when ${state.status} = 'running' then null else coalesce(ended_at, now()) end
    where id = ${instance.id}`.execute(tx);
}
