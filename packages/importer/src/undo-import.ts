import type { SystemTables } from '@tessera/db';
import { type AccessResolver, RecordError, type RecordService } from '@tessera/records';
import { type Kysely, sql } from 'kysely';
import { ImportError } from './import-error';

export interface UndoResult {
  /** Records the import created, now in the recycle bin. */
  deleted: number;
  /** Records the import updated, given back their values from before it. */
  restored: number;
  /** Records changed (or deleted) since the import: left as they are. */
  skipped: number;
}

const PER_STATEMENT = 5_000;

/**
 * Undoes a committed import in one transaction: the records it created go to the recycle bin, the
 * records it updated get back the values they had before it — unless someone changed them since
 * (their version moved on), which is then left alone and counted. Every change is written through
 * the records service with its history row and event, like any edit; the batch is marked undone.
 */
export async function undoImport(
  deps: { db: Kysely<SystemTables>; records: RecordService },
  target: { appId: string; objectId: string; access: AccessResolver; batchId: string },
): Promise<UndoResult> {
  return deps.records.transaction(async (inside, tx) => {
    const marked = await tx
      .updateTable('import_batches')
      .set({ status: 'undone', undone_at: new Date() })
      .where('id', '=', target.batchId)
      .where('status', '=', 'done')
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) throw new ImportError('import.state', { status: 'not done', action: 'undone' });
    const { rows } = await sql<{
      record_id: string;
      action: 'created' | 'updated';
      version: number;
      previous: Record<string, unknown> | null;
      current: number | null;
    }>`
      select b.record_id, b.action, b.version, b.previous, h.record_version as current
      from import_batch_records b
      left join lateral (select record_version from record_history
        where app_id = ${target.appId} and object_id = ${target.objectId} and record_id = b.record_id order by id desc limit 1) h on true
      where b.batch_id = ${target.batchId}`.execute(tx);
    const untouched = rows.filter((r) => r.current !== null && Number(r.current) === Number(r.version));
    const created = untouched.filter((r) => r.action === 'created').map((r) => String(r.record_id));
    const updated = untouched.filter((r) => r.action === 'updated');
    let deleted = 0;
    for (let start = 0; start < created.length; start += PER_STATEMENT) {
      const done = await inside.bulkDelete(target.appId, target.objectId, target.access, { ids: created.slice(start, start + PER_STATEMENT) });
      deleted += done.done;
    }
    let restored = 0;
    if (updated.length) {
      const result = await inside.updateEach(
        target.appId,
        target.objectId,
        target.access,
        updated.map((r) => ({ id: String(r.record_id), values: r.previous ?? {} })),
        { source: 'import', cause: { undoImport: target.batchId } },
      );
      if (result.refused.length) {
        const first = result.refused[0]!;
        throw new RecordError('record.invalid', first.issues, { count: first.issues.length });
      }
      restored = result.updated.length;
    }
    return { deleted, restored, skipped: rows.length - deleted - restored };
  });
}
