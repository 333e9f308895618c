import { requireAction, type RecordContext } from './record-context';
import { objectOf } from './live-app';
import { RecordError } from './record-error';
import { setDeleted, updateRecord, validated } from './record-write';

export const BULK_LIMIT = 500;

export interface BulkResult {
  done: string[];
  /** Records outside the actor's scope, already deleted, or refused: left as they were. */
  skipped: { id: string; code: string }[];
}

/**
 * Applies one change to many records, each through the same path as a single edit (access, row
 * scope, validation, formulas, encryption, history), each in its own transaction: one record the
 * actor may not touch is skipped and reported, never blocking the rest. Invalid values fail the
 * whole request before anything is written.
 */
export async function bulkUpdate(ctx: RecordContext, objectId: string, ids: readonly string[], values: Record<string, unknown>): Promise<BulkResult> {
  const object = objectOf(ctx.app, objectId);
  requireAction(ctx, 'update', object);
  validated(ctx, object, values, 'patch');
  return eachRecord(ids, (id) => updateRecord(ctx, objectId, id, { version: 'current', values }));
}

export async function bulkDelete(ctx: RecordContext, objectId: string, ids: readonly string[]): Promise<BulkResult> {
  requireAction(ctx, 'delete', objectOf(ctx.app, objectId));
  return eachRecord(ids, (id) => setDeleted(ctx, objectId, id, true));
}

async function eachRecord(ids: readonly string[], work: (id: string) => Promise<void>): Promise<BulkResult> {
  const result: BulkResult = { done: [], skipped: [] };
  for (const id of new Set(ids)) {
    try {
      await work(id);
      result.done.push(id);
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      result.skipped.push({ id, code: error.code });
    }
  }
  return result;
}
