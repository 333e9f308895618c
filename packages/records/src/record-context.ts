import type { AccessPolicy, FieldCipher, RecordAction } from '@tessera/access';
import { PREPARED, type SystemTables, transactionWithRetry } from '@tessera/db';
import { appTimeZone, type ObjectDefinition } from '@tessera/schemas';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { LiveApp } from './live-app';
import { RecordError } from './record-error';
import type { RecordWriteGuard } from './write-guard';

/**
 * Everything one record operation needs: the database, the live app, and who is asking.
 *
 * `db` is where every statement of the operation runs: the pool, or a transaction — the
 * caller's, or the one the operation opened (`inTransaction`). Nothing an operation reads or
 * writes may bypass it: a second connection would not see the transaction's own writes, and on
 * the embedded database (one connection) it would wait forever for the transaction to end.
 */
export interface RecordContext {
  db: Kysely<SystemTables>;
  app: LiveApp;
  access: AccessPolicy;
  /** Seals and opens encrypted fields; null when the server has no key. */
  cipher: FieldCipher | null;
  /**
   * What made a write, beyond its source: the flow and instance whose step it is. Announced with
   * the write's events (their `detail`), so a flow is not triggered by its own changes.
   */
  cause?: Record<string, unknown> | null | undefined;
  /** Checked by every edit and delete before it changes anything (write-guard.ts). */
  guard?: RecordWriteGuard | undefined;
}

export function requireAction(ctx: RecordContext, action: RecordAction, object: ObjectDefinition): void {
  if (!ctx.access.can(action, object.id)) throw new RecordError('record.forbidden', [], { action, object: object.id });
}

/**
 * Runs `work` in one transaction: the caller's when `ctx.db` already is one (Kysely refuses to
 * nest), else a new one that commits when `work` resolves and rolls back when it throws — and is
 * run again whole after a deadlock or serialization failure (`transactionWithRetry`).
 */
export async function inTransaction<T>(ctx: RecordContext, work: (ctx: RecordContext) => Promise<T>): Promise<T> {
  return transactionWithRetry(ctx.db, (tx) => work({ ...ctx, db: tx }));
}

/** What a formula evaluated for this operation sees: now, the app's time zone, the actor as CURRENTUSER() and their CURRENTDEPARTMENT(). */
export function formulaContext(ctx: RecordContext): { now: Date; timeZone: string; currentUser: string | null; currentDepartment: string | null } {
  const { userId, departmentId } = ctx.access.actor;
  return { now: new Date(), timeZone: appTimeZone(ctx.app.document), currentUser: userId, currentDepartment: departmentId };
}

/**
 * Marks a statement as run often with the same text (a form's create): prepared once per
 * connection. The app's live version is part of the text, so a publish that changes a table's
 * columns makes new statements rather than reusing a plan of the old shape.
 */
export function preparedFor(ctx: RecordContext): RawBuilder<unknown> {
  return sql.raw(`${PREPARED}/* ${ctx.app.appId} v${ctx.app.version} */ `);
}
