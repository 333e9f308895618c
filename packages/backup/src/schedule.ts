import type { Database, SystemTables } from '@tessera/db';
import type { FileStore } from '@tessera/files';
import { enqueue, type JobRunner } from '@tessera/jobs';
import type { Kysely } from 'kysely';
import { applyRetention, type Retention } from './retention';
import { writeBackup } from './write-backup';

/** The job queue of backups, scheduled and asked for: one worker across all processes runs each. */
export const BACKUP_QUEUE = 'backup.run';
const SCHEDULED = 'scheduled:';

export interface BackupSettings extends Retention {
  /** Where backups are written (shared by every process of the workspace). */
  directory: string;
  /** Minutes between scheduled backups; null: no schedule (backups only when asked for). */
  everyMinutes: number | null;
}

function whole(name: string, text: string, least: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < least) throw new Error(`${name} must be a whole number, at least ${least} (got "${text}")`);
  return value;
}

/**
 * TESSERA_BACKUP_DIR (default `<data>/backups`), TESSERA_BACKUP_EVERY (minutes, default 60; `off`
 * or 0 turns the schedule off), TESSERA_BACKUP_KEEP (default 24), TESSERA_BACKUP_KEEP_DAYS (no
 * default). A typo stops the start rather than silently meaning no backups.
 */
export function backupSettingsFromEnv(env: Record<string, string | undefined>, defaultDirectory: string): BackupSettings {
  const every = env.TESSERA_BACKUP_EVERY?.trim();
  const off = every === 'off' || every === '0';
  return {
    directory: env.TESSERA_BACKUP_DIR || defaultDirectory,
    everyMinutes: off ? null : every ? whole('TESSERA_BACKUP_EVERY', every, 1) : 60,
    keep: env.TESSERA_BACKUP_KEEP ? whole('TESSERA_BACKUP_KEEP', env.TESSERA_BACKUP_KEEP, 1) : 24,
    keepDays: env.TESSERA_BACKUP_KEEP_DAYS ? whole('TESSERA_BACKUP_KEEP_DAYS', env.TESSERA_BACKUP_KEEP_DAYS, 1) : null,
  };
}

/** The next slot after `now` on a grid every process computes alike (whole multiples of the interval since the epoch). */
export function nextSlot(now: Date, everyMinutes: number): Date {
  const step = everyMinutes * 60_000;
  return new Date((Math.floor(now.getTime() / step) + 1) * step);
}

/** Queues the next scheduled backup; its key is its slot, so every process asking for it adds one job. */
export async function scheduleNextBackup(db: Kysely<SystemTables>, settings: BackupSettings, now = new Date()): Promise<void> {
  if (settings.everyMinutes === null) {
    // Turned off: what an earlier start scheduled does not run.
    await db
      .updateTable('jobs')
      .set({ state: 'cancelled', finished_at: now, updated_at: now })
      .where('queue', '=', BACKUP_QUEUE)
      .where('state', '=', 'queued')
      .where('key', 'like', `${SCHEDULED}%`)
      .execute();
    return;
  }
  const runAt = nextSlot(now, settings.everyMinutes);
  await enqueue(db, { queue: BACKUP_QUEUE, payload: { scheduled: true }, runAt, key: `${SCHEDULED}${runAt.toISOString()}` });
}

/** A backup asked for now (the admin API); returns its job's id. */
export async function requestBackup(db: Kysely<SystemTables>, requestedBy: string | null): Promise<string> {
  const id = await enqueue(db, { queue: BACKUP_QUEUE, payload: { scheduled: false }, createdBy: requestedBy, maxAttempts: 3 });
  return id!;
}

/**
 * Runs backups as leased jobs. On PostgreSQL the lease is renewed after each table; the embedded
 * database has one connection, held by the backup's snapshot, so there the lease is simply long
 * (it has one process, and nobody else to take the job over).
 */
export function registerBackupJobs(jobs: JobRunner, deps: { database: Pick<Database, 'db' | 'kind'>; fileStore: FileStore; settings: BackupSettings }): void {
  const { database, fileStore, settings } = deps;
  jobs.leased(
    BACKUP_QUEUE,
    async (job, { heartbeat }) => {
      const backup = await writeBackup({
        database,
        fileStore,
        directory: settings.directory,
        progress: database.kind === 'postgres' ? (done) => heartbeat(done) : undefined,
      });
      const removed = await applyRetention(settings.directory, settings);
      if (job.payload.scheduled === true) await scheduleNextBackup(database.db, settings);
      return { name: backup.name, rows: backup.rows, files: backup.files, bytes: backup.bytes, removed };
    },
    { leaseMs: database.kind === 'postgres' ? 10 * 60_000 : 24 * 3600_000 },
  );
}
