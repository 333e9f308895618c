import type { SystemTables } from '@tessera/db';
import { tableRef } from '@tessera/meta';
import type { FieldPermission, LocalizedText } from '@tessera/schemas';
import { type Kysely, sql } from 'kysely';
import type { InstanceState, InstanceStatus } from '../instance-state';
import type { FlowDefinitions } from './definitions';
import { type InstanceRow, readInstance } from './instance-store';

export type InboxBox = 'todo' | 'done' | 'submitted' | 'cc';

export interface InboxItem {
  instanceId: string;
  appId: string;
  flowId: string;
  flowLabel: LocalizedText;
  node: string | null;
  nodeLabel: LocalizedText | null;
  objectId: string;
  recordId: string | null;
  recordLabel: string | null;
  /** The task's status (todo, done, cc), or the instance's (submitted). */
  status: string;
  instanceStatus: InstanceStatus;
  initiator: { id: string; name: string } | null;
  at: string;
}

interface InboxRow {
  instance_id: string;
  app_id: string;
  flow_id: string;
  app_version: number;
  node_id: string | null;
  object_id: string;
  record_id: string | null;
  status: string;
  instance_status: InstanceStatus;
  initiator_id: string | null;
  initiator_name: string | null;
  at: Date;
}

/** Display text of records, per object, in one query per object; labels of users in one query. */
async function recordLabels(
  db: Kysely<SystemTables>,
  definitions: FlowDefinitions,
  rows: readonly { app_id: string; app_version: number; flow_id: string; object_id: string; record_id: string | null }[],
) {
  const labels = new Map<string, string | null>();
  const groups = new Map<string, { appId: string; objectId: string; display: string | undefined; ids: Set<string> }>();
  for (const row of rows) {
    if (!row.record_id) continue;
    const { document } = await definitions.get(db, row.app_id, row.app_version, row.flow_id);
    const key = `${row.app_id}:${row.object_id}`;
    const group = groups.get(key) ?? {
      appId: row.app_id,
      objectId: row.object_id,
      display: document.objects.find((o) => o.id === row.object_id)?.displayField,
      ids: new Set(),
    };
    group.ids.add(row.record_id);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    if (!group.display) continue;
    const { rows: found } = await sql<{ id: string; label: string | null }>`select id, ${sql.ref(group.display)}::text as label
      from ${tableRef(group.appId, group.objectId)} where id = any(${[...group.ids]}::uuid[])`.execute(db);
    for (const r of found) labels.set(`${group.appId}:${group.objectId}:${r.id}`, r.label);
  }
  return (row: { app_id: string; object_id: string; record_id: string | null }) =>
    row.record_id ? (labels.get(`${row.app_id}:${row.object_id}:${row.record_id}`) ?? null) : null;
}

/**
 * One box of a user's approval inbox, newest first: what waits for them, what they decided, what
 * they submitted, what was copied to them.
 */
export async function listInbox(
  db: Kysely<SystemTables>,
  definitions: FlowDefinitions,
  user: string,
  box: InboxBox,
  page: { limit: number; offset: number },
): Promise<InboxItem[]> {
  const common = sql`i.id as instance_id, i.app_id, i.flow_id, i.app_version, i.object_id, i.record_id, i.status as instance_status, i.initiator_id, u.name as initiator_name`;
  const { rows } =
    box === 'submitted'
      ? await sql<InboxRow>`select ${common}, null as node_id, i.status, i.started_at as at
          from flow_instances i left join users u on u.id = i.initiator_id
          where i.initiator_id = ${user} order by i.started_at desc limit ${page.limit} offset ${page.offset}`.execute(db)
      : await sql<InboxRow>`select ${common}, t.node_id, t.status, ${box === 'done' ? sql`coalesce(t.decided_at, t.updated_at)` : sql`t.created_at`} as at
          from flow_tasks t join flow_instances i on i.id = t.instance_id left join users u on u.id = i.initiator_id
          where t.assignee = ${user} and ${
            box === 'todo'
              ? sql`t.status = 'pending' and i.status = 'running'`
              : box === 'cc'
                ? sql`t.status = 'cc'`
                : sql`t.status in ('approved', 'rejected', 'transferred')`
          }
          order by at desc limit ${page.limit} offset ${page.offset}`.execute(db);
  const labelOf = await recordLabels(db, definitions, rows);
  const items: InboxItem[] = [];
  for (const row of rows) {
    const { flow } = await definitions.get(db, row.app_id, row.app_version, row.flow_id);
    const node = row.node_id ? flow.nodes.find((n) => n.id === row.node_id) : undefined;
    items.push({
      instanceId: row.instance_id,
      appId: row.app_id,
      flowId: row.flow_id,
      flowLabel: flow.label,
      node: row.node_id,
      nodeLabel: node?.label ?? null,
      objectId: row.object_id,
      recordId: row.record_id,
      recordLabel: labelOf(row),
      status: row.status,
      instanceStatus: row.instance_status,
      initiator: row.initiator_id ? { id: row.initiator_id, name: row.initiator_name ?? '' } : null,
      at: new Date(row.at).toISOString(),
    });
  }
  return items;
}

/** How many items each box holds that need the user: open tasks, running submissions, unread notifications. */
export async function inboxCounts(db: Kysely<SystemTables>, user: string): Promise<{ todo: number; submitted: number; unread: number }> {
  const { rows } = await sql<{ todo: string; submitted: string; unread: string }>`select
      (select count(*) from flow_tasks t join flow_instances i on i.id = t.instance_id where t.assignee = ${user} and t.status = 'pending' and i.status = 'running') as todo,
      (select count(*) from flow_instances where initiator_id = ${user} and status = 'running') as submitted,
      (select count(*) from notifications where user_id = ${user} and read_at is null) as unread`.execute(db);
  const row = rows[0]!;
  return { todo: Number(row.todo), submitted: Number(row.submitted), unread: Number(row.unread) };
}

export interface InstanceView {
  id: string;
  appId: string;
  flowId: string;
  flowLabel: LocalizedText;
  objectId: string;
  recordId: string | null;
  recordLabel: string | null;
  status: InstanceStatus;
  round: number;
  initiator: { id: string; name: string } | null;
  startedAt: string;
  endedAt: string | null;
  /** Only the current approvers may change the record now (record-lock.ts). */
  recordLocked: boolean;
  /** Every step of the flow in order, with where the instance stands. */
  steps: { node: string; kind: string; label: LocalizedText | null; parent: string | null; state: 'done' | 'active' | 'upcoming' }[];
  tasks: { node: string; round: number; user: string; name: string; status: string; comment: string | null; at: string }[];
  history: { at: string; actor: string | null; actorName: string | null; kind: string; node: string | null; detail: Record<string, unknown> | null }[];
  /** What the viewer may do now. */
  mine: {
    pending: {
      node: string;
      label: LocalizedText | null;
      fieldPermissions: Record<string, FieldPermission>;
      returnTargets: { node: string; label: LocalizedText | null }[];
    }[];
    isInitiator: boolean;
    canWithdraw: boolean;
    canResubmit: boolean;
    canUrge: boolean;
  };
}

/**
 * An instance as a participant sees it: where it stands, who did what, and what the viewer may do.
 * Who may see it at all is the caller's decision (a participant, or someone who may read the record).
 */
export async function instanceView(
  db: Kysely<SystemTables>,
  definitions: FlowDefinitions,
  id: string,
  viewer: string | null,
): Promise<{ view: InstanceView; row: InstanceRow } | null> {
  const row = await readInstance(db, id);
  if (!row) return null;
  const { flow } = await definitions.get(db, row.app_id, row.app_version, row.flow_id);
  const state: InstanceState = row.state;
  const [{ rows: tasks }, { rows: history }] = await Promise.all([
    sql<{ node_id: string; round: number; assignee: string; name: string | null; status: string; comment: string | null; at: Date }>`
      select t.node_id, t.round, t.assignee, u.name, t.status, t.comment, coalesce(t.decided_at, t.created_at) as at
      from flow_tasks t left join users u on u.id = t.assignee where t.instance_id = ${id} order by t.created_at, t.seat_id`.execute(db),
    sql<{ at: Date; actor_id: string | null; name: string | null; kind: string; node_id: string | null; detail: Record<string, unknown> | null }>`
      select h.at, h.actor_id, u.name, h.kind, h.node_id, h.detail from flow_history h left join users u on u.id = h.actor_id
      where h.instance_id = ${id} order by h.id`.execute(db),
  ]);
  const initiatorName = row.initiator_id
    ? ((await sql<{ name: string }>`select name from users where id = ${row.initiator_id}`.execute(db)).rows[0]?.name ?? '')
    : '';
  const labelOf = await recordLabels(db, definitions, [row]);
  const active = new Set([...Object.keys(state.approvals), ...state.tokens.map((t) => t.node)]);
  const passed = new Set(
    history
      .filter((h) => h.node_id && (h.kind === 'node_approved' || h.kind === 'updated_record' || h.kind === 'branched' || h.kind === 'cc'))
      .map((h) => h.node_id!),
  );
  const pending = Object.values(state.approvals).filter((a) => a.chains.some((c) => c.seats.some((s) => s.user === viewer && s.status === 'pending')));
  const nodeLabel = (node: string) => flow.nodes.find((n) => n.id === node)?.label ?? null;
  const isInitiator = viewer !== null && viewer === row.initiator_id;
  const running = row.status === 'running';
  const withdrawRule = flow.withdraw ?? 'running';
  return {
    row,
    view: {
      id: row.id,
      appId: row.app_id,
      flowId: row.flow_id,
      flowLabel: flow.label,
      objectId: row.object_id,
      recordId: row.record_id,
      recordLabel: labelOf(row),
      status: row.status,
      round: state.round,
      initiator: row.initiator_id ? { id: row.initiator_id, name: initiatorName } : null,
      startedAt: new Date(row.started_at).toISOString(),
      endedAt: row.ended_at ? new Date(row.ended_at).toISOString() : null,
      recordLocked: running && row.record_id !== null && flow.lockRecord !== false && state.returned === null,
      steps: flow.nodes.map((n) => ({
        node: n.id,
        kind: n.kind,
        label: n.label ?? null,
        parent: n.parent ?? null,
        state: active.has(n.id) ? 'active' : passed.has(n.id) ? 'done' : 'upcoming',
      })),
      tasks: tasks.map((t) => ({
        node: t.node_id,
        round: t.round,
        user: t.assignee,
        name: t.name ?? '',
        status: t.status,
        comment: t.comment,
        at: new Date(t.at).toISOString(),
      })),
      history: history.map((h) => ({
        at: new Date(h.at).toISOString(),
        actor: h.actor_id,
        actorName: h.name,
        kind: h.kind,
        node: h.node_id,
        detail: h.detail,
      })),
      mine: {
        pending: pending.map((a) => ({
          node: a.node,
          label: nodeLabel(a.node),
          fieldPermissions: (flow.nodes.find((n) => n.id === a.node)?.fieldPermissions ?? {}) as Record<string, FieldPermission>,
          returnTargets: state.visited.filter((v) => v.node !== a.node).map((v) => ({ node: v.node, label: nodeLabel(v.node) })),
        })),
        isInitiator,
        canWithdraw: running && isInitiator && withdrawRule !== 'never' && !(withdrawRule === 'before_approval' && state.approvedOnce),
        canResubmit: running && isInitiator && state.returned !== null,
        canUrge: running && isInitiator && Object.keys(state.approvals).length > 0,
      },
    },
  };
}

/** Whether `user` takes part in the instance: started it, or has (had) a task or a copy in it. */
export async function isParticipant(db: Kysely<SystemTables>, instance: Pick<InstanceRow, 'id' | 'initiator_id'>, user: string): Promise<boolean> {
  if (instance.initiator_id === user) return true;
  const { rows } = await sql`select 1 from flow_tasks where instance_id = ${instance.id} and assignee = ${user} limit 1`.execute(db);
  return rows.length > 0;
}

/** Whether `user` has (had) a task in some approval of the app: they may see its forms, to decide. */
export async function takesPartInApprovals(db: Kysely<SystemTables>, appId: string, user: string): Promise<boolean> {
  const { rows } = await sql`select 1 from flow_tasks where app_id = ${appId} and assignee = ${user} limit 1`.execute(db);
  return rows.length > 0;
}

/** A record's instances, newest first (the record page's approval panel). */
export async function instancesOfRecord(db: Kysely<SystemTables>, appId: string, objectId: string, recordId: string) {
  const { rows } = await sql<{ id: string; flow_id: string; status: InstanceStatus; started_at: Date; ended_at: Date | null }>`
    select id, flow_id, status, started_at, ended_at from flow_instances where app_id = ${appId} and object_id = ${objectId} and record_id = ${recordId}
    order by started_at desc limit 50`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    flowId: r.flow_id,
    status: r.status,
    startedAt: new Date(r.started_at).toISOString(),
    endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
  }));
}
