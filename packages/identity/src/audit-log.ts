import type { SystemTables } from '@tessera/db';
import { type Kysely, sql } from 'kysely';

type Db = Kysely<SystemTables>;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  subject?: string | null | undefined;
  appId?: string | null | undefined;
  objectId?: string | null | undefined;
  recordId?: string | null | undefined;
  ip?: string | null | undefined;
  detail?: Record<string, unknown> | undefined;
}

/** Appends one line. The table refuses updates and deletes (a trigger), so the log only grows. */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject: entry.subject ?? null,
      app_id: entry.appId ?? null,
      object_id: entry.objectId ?? null,
      record_id: entry.recordId ?? null,
      ip: entry.ip ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export interface AuditQuery {
  actorId?: string | undefined;
  appId?: string | undefined;
  objectId?: string | undefined;
  /** Prefix: `auth.` matches every sign-in line. */
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
}

export interface AuditLine {
  at: string;
  actorId: string | null;
  action: string;
  subject: string | null;
  appId: string | null;
  objectId: string | null;
  recordId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/**
 * The audit view: the audit log and the record history (every record change), merged and
 * filtered by user, app, object, action and time, newest first.
 */
export async function queryAudit(db: Db, query: AuditQuery): Promise<AuditLine[]> {
  const limit = Math.min(query.limit ?? 100, 1000);
  const conditions = [
    query.actorId ? sql`actor_id::text = ${query.actorId}` : sql`true`,
    query.appId ? sql`app_id = ${query.appId}` : sql`true`,
    query.objectId ? sql`object_id = ${query.objectId}` : sql`true`,
    query.action ? sql`action like ${`${query.action.replace(/[\\%_]/g, '\\$&')}%`}` : sql`true`,
    query.from ? sql`at >= ${query.from}::timestamptz` : sql`true`,
    query.to ? sql`at < ${query.to}::timestamptz` : sql`true`,
  ];
  const { rows } = await sql<{
    at: Date;
    actor_id: string | null;
    action: string;
    subject: string | null;
    app_id: string | null;
    object_id: string | null;
    record_id: string | null;
    ip: string | null;
    detail: Record<string, unknown>;
  }>`
    select * from (
      select at, actor_id::text as actor_id, action, subject, app_id, object_id, record_id, ip, detail from audit_log
      union all
      select at, actor_id, 'record.' || operation, null, app_id, object_id, record_id, null, jsonb_build_object('version', record_version, 'changes', changes) from record_history
    ) lines
    where ${sql.join(conditions, sql` and `)}
    order by at desc limit ${limit}`.execute(db);
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    action: r.action,
    subject: r.subject,
    appId: r.app_id,
    objectId: r.object_id,
    recordId: r.record_id,
    ip: r.ip,
    detail: r.detail,
  }));
}
