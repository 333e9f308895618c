import { compilePolicy, type Principal } from '@tessera/access';
import type { Database } from '@tessera/db';
import type { FileStore } from '@tessera/files';
import { ImportError, type ImportPlan, readBatch, runImport, saveOutcome } from '@tessera/importer';
import type { JobRunner } from '@tessera/jobs';
import { type LiveAppCache, RecordError, type RecordService } from '@tessera/records';

/** The queue imports run on: one at a time per process, each in one transaction. */
export const IMPORT_QUEUE = 'import';

/** What a run route enqueues: the batch, the plan, and who asked (their roles as they were when they asked). */
export interface ImportJobPayload {
  batchId: string;
  appId: string;
  objectId: string;
  principal: Principal;
  plan: ImportPlan;
}

/**
 * Runs imports as leased jobs. The import is one transaction that commits with the batch marked
 * done; a process killed mid-way leaves nothing of it, and the job — its lease run out — is taken
 * over and the file imported again from the start. A batch already done is not imported twice.
 * On PGlite (one connection) progress cannot be written beside the open transaction, so the lease
 * is long and renewed only before it starts; a server restarted after a crash takes it back at
 * once all the same (no other process can have the embedded database open, ADR 0113).
 */
export function registerImportJobs(
  jobs: JobRunner,
  deps: { database: Database; records: RecordService; liveApps: LiveAppCache; store: FileStore; leaseMs?: number | undefined },
): void {
  const { database } = deps;
  const embedded = database.kind === 'pglite';
  jobs.leased(
    IMPORT_QUEUE,
    async (job, { heartbeat }) => {
      const payload = job.payload as unknown as ImportJobPayload;
      const batch = await readBatch(database.db, { id: payload.batchId, appId: payload.appId, objectId: payload.objectId, userId: null, anyone: true });
      if (batch.status === 'done' || batch.status === 'undone') return { already: batch.status };
      const access = (document: Parameters<typeof compilePolicy>[0]) => compilePolicy(document, payload.principal);
      let lastBeat = 0;
      try {
        const outcome = await runImport(
          { db: database.db, records: deps.records, liveApps: deps.liveApps },
          { appId: payload.appId, objectId: payload.objectId, access },
          { source: () => deps.store.open(batch.fileId), kind: batch.kind },
          payload.plan,
          {
            dryRun: false,
            batchId: batch.id,
            onProgress: embedded
              ? undefined
              : async (rows) => {
                  if (Date.now() - lastBeat < 1_000) return;
                  lastBeat = Date.now();
                  await heartbeat({ rows });
                },
            onCommit: (done, tx) => saveOutcome(tx, batch.id, payload.plan, done, false),
          },
        );
        if (!outcome.committed) await saveOutcome(database.db, batch.id, payload.plan, outcome, false);
        return { counts: outcome.counts };
      } catch (error) {
        // A refusal of the import as a whole will not change on a retry: the batch says why.
        if (error instanceof ImportError || error instanceof RecordError) {
          await database.db
            .updateTable('import_batches')
            .set({ status: 'failed', result: JSON.stringify({ error: error.code, params: error.params }), finished_at: new Date() })
            .where('id', '=', batch.id)
            .execute();
          return { failed: error.code };
        }
        throw error;
      }
    },
    { slots: 1, leaseMs: deps.leaseMs ?? (embedded ? 30 * 60_000 : 60_000) },
  );
}
