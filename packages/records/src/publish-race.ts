import type { LiveAppCache } from './live-app';
import type { RecordContext } from './record-context';

/**
 * What PostgreSQL answers a write checked against a live version that a publish replaced while
 * it ran: a unique index the write's version did not know (23505), a column whose type changed
 * (22xxx: the value no longer converts; 42xxx: a column gone or retyped; 0A000: a cached plan of
 * the old shape). The write's own checks could not have caught these: they ran on the old version.
 */
const SCHEMA_STATE = /^(?:2[23]|42)[0-9A-Z]{3}$|^0A000$/;

function failedOnSchema(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SCHEMA_STATE.test(code);
}

/**
 * Runs a write against the live version, and once more against the new one when it failed as a
 * write checked against a version published away underneath it fails: the answer is then the one
 * the write gets after the publish (422 naming the field, or success), never a 500. A failed
 * statement wrote nothing (its own transaction was rolled back), so the second attempt cannot
 * apply anything twice; inside a caller's transaction, which the failure has aborted, nothing is
 * tried again. Costs nothing on the way that succeeds: the live version is read again only after
 * such a failure.
 */
export async function onLatestVersion<T>(
  liveApps: LiveAppCache,
  appId: string,
  context: () => Promise<RecordContext>,
  write: (ctx: RecordContext) => Promise<T>,
): Promise<T> {
  const ctx = await context();
  try {
    return await write(ctx);
  } catch (error) {
    if (ctx.db.isTransaction || !failedOnSchema(error)) throw error;
    liveApps.invalidate(appId);
    const latest = await context();
    if (latest.app.version === ctx.app.version) throw error;
    return write(latest);
  }
}
