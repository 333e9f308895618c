import type { ChangeSource } from '@tessera/events';
import type { RecordContext } from './record-context';

/**
 * A check that every edit and delete passes inside its own transaction, before anything changes:
 * the flow engine uses it to keep records under approval from being changed, except by their
 * current approvers in the fields their step lets them edit. Returns the records (of `ids`) that
 * may not be changed now, each with the reason's code; `fields` are the fields the write changes
 * (null for a delete or a restore).
 */
export interface RecordWriteGuard {
  refused(
    ctx: RecordContext,
    objectId: string,
    ids: readonly string[],
    fields: readonly string[] | null,
    source: ChangeSource,
  ): Promise<ReadonlyMap<string, string>>;
}

const NONE: ReadonlyMap<string, string> = new Map();

export async function refusedWrites(
  ctx: RecordContext,
  objectId: string,
  ids: readonly string[],
  fields: readonly string[] | null,
  source: ChangeSource,
): Promise<ReadonlyMap<string, string>> {
  if (!ctx.guard || ids.length === 0) return NONE;
  return ctx.guard.refused(ctx, objectId, ids, fields, source);
}
