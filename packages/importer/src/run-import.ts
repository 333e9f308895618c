import type { SystemTables } from '@tessera/db';
import { type AccessResolver, type LiveAppCache, RecordError, type RecordService } from '@tessera/records';
import { appTimeZone } from '@tessera/schemas';
import type { Kysely } from 'kysely';
import { checkPlan } from './check-plan';
import { dedupKeyOf } from './dedup-key';
import { headerTitles } from './header-row';
import { type CheckedChunk, type ChunkContext, checkChunk, writeChunk } from './import-chunk';
import { LapTimer } from './import-laps';
import type { ImportOutcome, ImportPlan } from './import-plan';
import { readRows } from './read-table';
import { type CellValue, detachedCells, isEmptyRow, type SheetRow, type TableKind, type TableSource } from './sheet-row';

/**
 * Rows per chunk: a few set-based statements each, memory flat whatever the file's size. Two
 * chunks are in memory at once (one written while the next is checked), each row as cells, values
 * and validated values; 2,000 (one write statement's worth) kept B2's peak some 75 MB lower than
 * 5,000 did, for no time measurable on a loaded machine (ADR 0042).
 */
export const ROWS_PER_CHUNK = 2_000;

export interface ImporterDeps {
  db: Kysely<SystemTables>;
  records: RecordService;
  liveApps: LiveAppCache;
}

export interface ImportTarget {
  appId: string;
  objectId: string;
  access: AccessResolver;
}

export interface RunOptions {
  /** Everything is checked and written, then rolled back: the counts and issues of a real run, nothing kept. */
  dryRun: boolean;
  batchId: string;
  /** Told after each chunk how many data rows are done (a job's progress). */
  onProgress?: ((rows: number) => Promise<void> | void) | undefined;
  /** Written in the import's own transaction when it commits, so a crash leaves neither the rows nor the mark. */
  onCommit?: ((outcome: ImportOutcome, db: Kysely<SystemTables>) => Promise<void>) | undefined;
}

/** Thrown inside the transaction to roll it back with the outcome in hand. */
class RollBack extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('rolled back');
  }
}

/**
 * Imports one sheet of a file into one object, streamed: rows are read as they come, a few
 * thousand at a time are checked (`checkChunk`) and written (`writeChunk`: the records service's set-based writes, with
 * history rows and events), all in one transaction. `all`: one refused row rolls everything back;
 * `valid`: the valid rows commit. A dry run always rolls back. A crash mid-way rolls back too —
 * the import is then run again from the file, never half-applied.
 */
export async function runImport(
  deps: ImporterDeps,
  target: ImportTarget,
  file: { source: TableSource; kind: TableKind },
  plan: ImportPlan,
  options: RunOptions,
): Promise<ImportOutcome> {
  const app = await deps.liveApps.get(target.appId, deps.db);
  const object = app.objects.get(target.objectId);
  if (!object || object.parent) throw new RecordError('record.object_not_found', [], { object: target.objectId });
  const policy = typeof target.access === 'function' ? target.access(app.document) : target.access;
  const checked = checkPlan(object, policy, plan);
  // A row may name (by a relation) a record of this same object that a row above it creates.
  const namesOwnRecords = checked.columns.some((c) => c.field.type === 'relation' && c.field.target === object.id);
  const timer = new LapTimer();
  const started = performance.now();
  try {
    return await deps.records.transaction(async (inside, tx) => {
      const outcome: ImportOutcome = {
        counts: { rows: 0, created: 0, updated: 0, skipped: 0, refused: 0 },
        committed: false,
        titles: [],
        issues: [],
        refusedRows: [],
        laps: {},
      };
      const ctx: ChunkContext = {
        db: tx,
        records: inside,
        appId: target.appId,
        object,
        objects: app.objects,
        policy,
        plan: checked,
        mode: plan.dedup?.mode ?? 'create',
        timeZone: appTimeZone(app.document),
        titles: [],
        batchId: options.batchId,
        remember: !options.dryRun,
        dedupKey: dedupKeyOf({ db: tx, records: inside, appId: target.appId, object, policy }, checked),
        timer,
      };
      let written = 0;
      const write = async ({ rows: chunk, checked }: { rows: SheetRow[]; checked: CheckedChunk }) => {
        const done = await writeChunk(ctx, checked);
        outcome.counts.created += done.created;
        outcome.counts.updated += done.updated;
        outcome.counts.skipped += done.skipped;
        outcome.counts.refused += done.refusedRows.size;
        outcome.issues.push(...done.issues);
        for (const row of chunk) if (done.refusedRows.has(row.number)) outcome.refusedRows.push({ row: row.number, cells: detachedCells(row.cells) });
        written += chunk.length;
        await options.onProgress?.(written);
      };
      const rows = readRows(file.source, file.kind, plan.sheet)[Symbol.asyncIterator]();
      const nextChunk = async (before: Promise<void>): Promise<{ rows: SheetRow[]; checked: CheckedChunk } | null> => {
        const chunk: SheetRow[] = [];
        while (chunk.length < ROWS_PER_CHUNK) {
          const { value: row, done } = await timer.time('read', () => rows.next());
          if (done) break;
          if (row.number === plan.headerRow) ctx.titles = outcome.titles = headerTitles(row.cells);
          if (row.number <= plan.headerRow || isEmptyRow(row.cells)) continue;
          outcome.counts.rows += 1;
          chunk.push(row);
        }
        if (chunk.length === 0) return null;
        if (namesOwnRecords) await before;
        return { rows: chunk, checked: await checkChunk(ctx, chunk) };
      };
      try {
        await overlapped(nextChunk, write);
      } finally {
        await rows.return?.(undefined);
      }
      outcome.issues.sort((a, b) => a.row - b.row);
      outcome.refusedRows.sort((a, b) => a.row - b.row);
      timer.add('total', performance.now() - started);
      outcome.laps = timer.laps();
      if (options.dryRun || (plan.atomicity === 'all' && outcome.counts.refused > 0)) throw new RollBack(outcome);
      outcome.committed = true;
      await options.onCommit?.(outcome, tx);
      return outcome;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.outcome;
    throw error;
  }
}

/**
 * Runs the chunks through their two halves, overlapped: while PostgreSQL writes one chunk (its
 * rows, history rows, events), Node reads, converts and validates the next — a read half writes
 * nothing, so it cannot disturb the write in flight. `read` is handed the write before it, to
 * wait for when it must see that chunk's records.
 */
async function overlapped<T>(read: (before: Promise<void>) => Promise<T | null>, write: (chunk: T) => Promise<void>): Promise<void> {
  let next = await read(Promise.resolve());
  while (next) {
    const writing = write(next);
    const reading = read(writing);
    // A failed read is awaited below; this only keeps it from counting as unhandled meanwhile.
    reading.catch(() => undefined);
    await writing;
    next = await reading;
  }
}

export type { CellValue };
