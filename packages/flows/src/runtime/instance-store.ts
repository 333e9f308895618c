import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';
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

const COLUMNS = sql`id, app_id, flow_id, app_version, object_id, record_id, initiator_id, status, state, revision, started_at, ended_at`;

/** The instance, locked for the command's transaction: commands on one instance run one at a time. */
export async function lockInstance(tx: Kysely<SystemTables>, id: string): Promise<InstanceRow | null> {
  const { rows } = await sql<InstanceRow>`select ${COLUMNS} from flow_instances where id = ${id} for update`.execute(tx);
  return rows[0] ?? null;
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
 * running instances), or this trigger has started it before (`trigger_key`).
 */
export async function insertInstance(tx: Kysely<SystemTables>, instance: NewInstance): Promise<InstanceRow | null> {
  const { rows } = await sql<InstanceRow>`insert into flow_instances (app_id, flow_id, app_version, object_id, record_id, initiator_id, state, trigger_key)
    values (${instance.appId}, ${instance.flowId}, ${instance.version}, ${instance.objectId}, ${instance.recordId}, ${instance.initiator},
      ${JSON.stringify(instance.state)}::jsonb, ${instance.triggerKey})
    on conflict do nothing
    returning ${COLUMNS}`.execute(tx);
  return rows[0] ?? null;
}

export async function saveInstance(tx: Kysely<SystemTables>, id: string, state: InstanceState): Promise<void> {
  await sql`update flow_instances set state = ${JSON.stringify(state)}::jsonb, status = ${state.status}, revision = revision + 1, updated_at = now(),
      ended_at = case when ${state.status} = 'running' then null else coalesce(ended_at, now()) end
    where id = ${id}`.execute(tx);
}

/** Records that a command with this idempotency key was applied; false when it had been already. */
export async function claimCommand(tx: Kysely<SystemTables>, instanceId: string, key: string): Promise<boolean> {
  const { rows } = await sql`insert into flow_commands (instance_id, key) values (${instanceId}, ${key}) on conflict do nothing returning 1`.execute(tx);
  return rows.length > 0;
}

export interface TaskChange {
  node: string;
  round: number;
  seat: string;
  user: string;
  status: string;
  comment?: string | undefined;
}

/** Tasks as the reducer left them: one row per seat, upserted (a double click cannot make two). */
export async function writeTasks(tx: Kysely<SystemTables>, instance: InstanceRow, changes: readonly TaskChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = JSON.stringify(
    changes.map((c) => ({ node_id: c.node, round: c.round, seat_id: c.seat, assignee: c.user, status: c.status, comment: c.comment ?? null })),
  );
  await sql`insert into flow_tasks (instance_id, app_id, flow_id, object_id, record_id, node_id, round, seat_id, assignee, status, comment, decided_at)
    select ${instance.id}, ${instance.app_id}, ${instance.flow_id}, ${instance.object_id}, ${instance.record_id}, x.node_id, x.round, x.seat_id, x.assignee, x.status, x.comment,
      case when x.status in ('approved', 'rejected', 'transferred') then now() end
    from jsonb_to_recordset(${rows}::jsonb) as x(node_id text, round integer, seat_id text, assignee uuid, status text, comment text)
    on conflict (instance_id, node_id, round, seat_id) do update set status = excluded.status, comment = coalesce(excluded.comment, flow_tasks.comment),
      decided_at = coalesce(excluded.decided_at, flow_tasks.decided_at), updated_at = now()`.execute(tx);
}

export async function writeHistory(tx: Kysely<SystemTables>, instanceId: string, entries: readonly FlowHistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = JSON.stringify(entries.map((e) => ({ actor_id: e.actor ?? null, kind: e.kind, node_id: e.node ?? null, detail: e.detail ?? null })));
  await sql`insert into flow_history (instance_id, actor_id, kind, node_id, detail)
    select ${instanceId}, x.actor_id, x.kind, x.node_id, x.detail from jsonb_to_recordset(${rows}::jsonb) as x(actor_id uuid, kind text, node_id text, detail jsonb)`.execute(
    tx,
  );
}

export interface NotificationRow {
  user: string;
  kind: string;
  title: Record<string, string> | null;
  link: Record<string, unknown>;
}

export async function writeNotifications(tx: Kysely<SystemTables>, appId: string, notifications: readonly NotificationRow[]): Promise<void> {
  if (notifications.length === 0) return;
  const rows = JSON.stringify(notifications.map((n) => ({ user_id: n.user, kind: n.kind, title: n.title, link: n.link })));
  await sql`insert into notifications (user_id, app_id, kind, title, link)
    select x.user_id, ${appId}, x.kind, x.title, x.link from jsonb_to_recordset(${rows}::jsonb) as x(user_id uuid, kind text, title jsonb, link jsonb)
    where exists (select 1 from users u where u.id = x.user_id)`.execute(tx);
}
