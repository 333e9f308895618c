import type { Database, SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';

/** Triggers on the directory's tables NOTIFY this channel (see @tessera/identity). */
const IDENTITY_CHANNEL = 'tessera_identity';

/**
 * The org chart as approver rules read it: who is active, in which department, who heads each
 * department, who holds which role in which app.
 */
export interface DirectorySnapshot {
  active: ReadonlySet<string>;
  departmentOf: ReadonlyMap<string, string | null>;
  parentOf: ReadonlyMap<string, string | null>;
  headOf: ReadonlyMap<string, string | null>;
  /** `app:role` → members, in a stable order. */
  members: ReadonlyMap<string, readonly string[]>;
  /** Out-of-office delegations not over yet, by the person away. */
  delegations: ReadonlyMap<string, readonly Delegation[]>;
}

export interface Delegation {
  delegate: string;
  from: Date;
  to: Date;
  /** null: every app. */
  appId: string | null;
  /** null: every flow of the app. */
  flowIds: readonly string[] | null;
}

/**
 * Who approves for `user` in `appId`'s flow `flowId` at `now`: the delegate of a delegation in
 * force (a delegate away too hands on to theirs, a few steps at most, never round in a circle),
 * or null when `user` is not away or has nobody active to hand to.
 */
export function delegateOf(directory: DirectorySnapshot, user: string, appId: string, flowId: string, now: Date): string | null {
  const seen = new Set([user]);
  let current = user;
  for (let hop = 0; hop < 5; hop += 1) {
    const delegation = (directory.delegations.get(current) ?? []).find(
      (d) => d.from <= now && now < d.to && (d.appId === null || d.appId === appId) && (d.flowIds === null || d.flowIds.includes(flowId)),
    );
    if (!delegation || seen.has(delegation.delegate) || !directory.active.has(delegation.delegate)) break;
    seen.add(delegation.delegate);
    current = delegation.delegate;
  }
  return current === user ? null : current;
}

export async function loadDirectory(db: Kysely<SystemTables>): Promise<DirectorySnapshot> {
  const [users, departments, roles, delegations] = await Promise.all([
    sql<{ id: string; department_id: string | null }>`select id, department_id from users where active`.execute(db),
    sql<{ id: string; parent_id: string | null; head_user_id: string | null }>`select id, parent_id, head_user_id from departments`.execute(db),
    sql<{ app_id: string; role_id: string; user_id: string }>`select app_id, role_id, user_id from user_roles order by app_id, role_id, user_id`.execute(db),
    sql<{ user_id: string; delegate_id: string; starts_at: Date; ends_at: Date; app_id: string | null; flow_ids: string[] | null }>`select user_id,
      delegate_id, starts_at, ends_at, app_id, flow_ids from flow_delegations where cancelled_at is null and ends_at > now() order by starts_at`.execute(db),
  ]);
  const away = new Map<string, Delegation[]>();
  for (const row of delegations.rows) {
    const delegation = { delegate: row.delegate_id, from: row.starts_at, to: row.ends_at, appId: row.app_id, flowIds: row.flow_ids };
    away.set(row.user_id, [...(away.get(row.user_id) ?? []), delegation]);
  }
  const members = new Map<string, string[]>();
  for (const row of roles.rows) {
    const key = `${row.app_id}:${row.role_id}`;
    members.set(key, [...(members.get(key) ?? []), row.user_id]);
  }
  return {
    active: new Set(users.rows.map((u) => u.id)),
    departmentOf: new Map(users.rows.map((u) => [u.id, u.department_id] as const)),
    parentOf: new Map(departments.rows.map((d) => [d.id, d.parent_id] as const)),
    headOf: new Map(departments.rows.map((d) => [d.id, d.head_user_id] as const)),
    members,
    delegations: away,
  };
}

/**
 * The directory, loaded once and kept until the directory changes: the same NOTIFY that empties
 * the signed-in cache empties this one, so a flow reaching an approval resolves it against the
 * org chart as it is now, without reading the directory on every transition. A cold cache is
 * filled through the caller's transaction when it has one: a command already holding a pooled
 * connection must not wait for a second one, or a pool of busy transactions waits on itself.
 * Flow transactions never write the directory, so what they read is what is committed.
 */
export function createDirectoryCache(database: Pick<Database, 'db' | 'notifications'>, ttlMs = 60_000) {
  let cached: { snapshot: Promise<DirectorySnapshot>; at: number } | null = null;
  let listening = false;
  const clear = () => {
    cached = null;
  };
  return {
    async start(): Promise<void> {
      database.notifications.onResync(clear);
      await database.notifications.listen(IDENTITY_CHANNEL, clear);
      listening = true;
    },
    get(through: Kysely<SystemTables> = database.db): Promise<DirectorySnapshot> {
      const fresh = cached && listening && database.notifications.healthy() && Date.now() - cached.at < ttlMs;
      if (!fresh) cached = { snapshot: loadDirectory(through), at: Date.now() };
      const current = cached!;
      current.snapshot.catch(() => {
        if (cached === current) cached = null;
      });
      return current.snapshot;
    },
    clear,
  };
}

export type DirectoryCache = ReturnType<typeof createDirectoryCache>;
