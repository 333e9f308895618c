import type { ImportStatus, SystemTables } from '@tessera/db';
import type { Kysely } from 'kysely';
import { ImportError } from './import-error';
import type { ImportCounts, ImportOutcome, ImportPlan, RowIssue } from './import-plan';
import type { CellValue, TableKind } from './sheet-row';

/** An import as stored: its file, what the user chose, where it stands, what it did. */
export interface ImportBatch {
  id: string;
  appId: string;
  objectId: string;
  fileId: string;
  fileName: string;
  kind: TableKind;
  status: ImportStatus;
  plan: ImportPlan | null;
  counts: ImportCounts | null;
  /** Whether the last run wrote anything (false for a dry run or a refused all-or-nothing run). */
  committed: boolean;
  dryRun: boolean;
  createdBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  undoneAt: Date | null;
}

/** The issues of the last run (dry or real), for the error report. */
export interface StoredErrors {
  titles: string[];
  issues: RowIssue[];
  rows: { row: number; cells: CellValue[] }[];
}

export async function createBatch(
  db: Kysely<SystemTables>,
  input: { appId: string; objectId: string; fileId: string; fileName: string; kind: TableKind; createdBy: string | null },
): Promise<string> {
  const row = await db
    .insertInto('import_batches')
    .values({ app_id: input.appId, object_id: input.objectId, file_id: input.fileId, file_name: input.fileName, kind: input.kind, created_by: input.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The batch, if it belongs to this app and object and — unless `anyone` — to this user. */
export async function readBatch(
  db: Kysely<SystemTables>,
  where: { id: string; appId: string; objectId: string; userId: string | null; anyone: boolean },
): Promise<ImportBatch> {
  let query = db.selectFrom('import_batches').selectAll().where('id', '=', where.id).where('app_id', '=', where.appId).where('object_id', '=', where.objectId);
  if (!where.anyone) query = query.where('created_by', 'is not distinct from', where.userId);
  const row = await query.executeTakeFirst();
  if (!row) throw new ImportError('import.not_found');
  const result = (row.result ?? {}) as { counts?: ImportCounts; committed?: boolean; dryRun?: boolean };
  return {
    id: row.id,
    appId: row.app_id,
    objectId: row.object_id,
    fileId: row.file_id,
    fileName: row.file_name,
    kind: row.kind as TableKind,
    status: row.status,
    plan: row.plan as ImportPlan | null,
    counts: result.counts ?? null,
    committed: result.committed ?? false,
    dryRun: result.dryRun ?? false,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    undoneAt: row.undone_at,
  };
}

export async function readErrors(db: Kysely<SystemTables>, id: string): Promise<StoredErrors> {
  const row = await db.selectFrom('import_batches').select('errors').where('id', '=', id).executeTakeFirst();
  return (row?.errors as StoredErrors | null) ?? { titles: [], issues: [], rows: [] };
}

/** Records what a run did; `status` moves on only when the run committed (a dry run leaves the batch uploaded). */
export async function saveOutcome(db: Kysely<SystemTables>, id: string, plan: ImportPlan, outcome: ImportOutcome, dryRun: boolean): Promise<void> {
  const errors: StoredErrors = { titles: outcome.titles, issues: outcome.issues, rows: outcome.refusedRows };
  const status: ImportStatus = outcome.committed ? 'done' : dryRun ? 'uploaded' : 'failed';
  await db
    .updateTable('import_batches')
    .set({
      status,
      plan: JSON.stringify(plan),
      result: JSON.stringify({ counts: outcome.counts, committed: outcome.committed, dryRun, laps: outcome.laps }),
      errors: JSON.stringify(errors),
      finished_at: dryRun ? null : new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Marks the batch as running (a job picked it up); refused when it already ran. */
export async function markRunning(db: Kysely<SystemTables>, id: string, plan: ImportPlan): Promise<boolean> {
  const result = await db
    .updateTable('import_batches')
    .set({ status: 'running', plan: JSON.stringify(plan) })
    .where('id', '=', id)
    .where('status', 'in', ['uploaded', 'failed', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
