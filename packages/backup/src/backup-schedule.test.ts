import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { localDiskStore } from '@tessera/files';
import { createJobRunner } from '@tessera/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from './manifest';
import { applyRetention } from './retention';
import { BACKUP_QUEUE, type BackupSettings, backupSettingsFromEnv, nextSlot, registerBackupJobs, scheduleNextBackup } from './schedule';
import { writeBackup } from './write-backup';

let database: TestDatabase;
const folders: string[] = [];
const folder = () => {
  const path = mkdtempSync(join(tmpdir(), 'tessera-backup-schedule-'));
  folders.push(path);
  return path;
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
  for (const path of folders) rmSync(path, { recursive: true, force: true });
});

const jobsOf = () => database.db.selectFrom('jobs').select(['state', 'key', 'run_at']).where('queue', '=', BACKUP_QUEUE).orderBy('id').execute();

describe('scheduled backups', () => {
  it('run once across two processes, then the next slot is scheduled', async () => {
    const settings: BackupSettings = { directory: folder(), everyMinutes: 60, keep: 5, keepDays: null };
    const fileStore = localDiskStore(folder());
    const runners = [createJobRunner(database), createJobRunner(database)];
    for (const runner of runners) registerBackupJobs(runner, { database, fileStore, settings });
    // Both processes start after a slot went by (the server was down at the hour): one job between them.
    const startedLate = new Date(Date.now() - 2 * 3600_000);
    await Promise.all(runners.map(() => scheduleNextBackup(database.db, settings, startedLate)));
    expect(await jobsOf()).toHaveLength(1);
    await Promise.all(runners.map((runner) => runner.drain()));
    expect(await listBackups(settings.directory)).toHaveLength(1);
    const [ran, next] = await jobsOf();
    expect(ran).toMatchObject({ state: 'done', key: `scheduled:${nextSlot(startedLate, 60).toISOString()}` });
    expect(next).toMatchObject({ state: 'queued' });
    expect(next!.run_at.getTime()).toBeGreaterThan(Date.now());
    expect(next!.run_at.getTime() % 3600_000).toBe(0);
    // Turned off: the queued slot is cancelled and nothing new is scheduled.
    await scheduleNextBackup(database.db, { ...settings, everyMinutes: null });
    expect((await jobsOf()).map((job) => job.state)).toEqual(['done', 'cancelled']);
  });

  it('keeps the newest N, and removes what a crashed backup left behind once it is old', async () => {
    const directory = folder();
    for (let i = 0; i < 3; i += 1) await writeBackup({ database, fileStore: localDiskStore(folder()), directory });
    const stale = join(directory, '.partial-tessera-crashed');
    const running = join(directory, '.partial-tessera-running');
    mkdirSync(stale);
    mkdirSync(running);
    utimesSync(stale, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    const before = await listBackups(directory);
    const removed = await applyRetention(directory, { keep: 2, keepDays: null });
    expect(removed).toEqual([before[2]!.name, '.partial-tessera-crashed']);
    expect((await listBackups(directory)).map((b) => b.name)).toEqual(before.slice(0, 2).map((b) => b.name));
    expect(await readdir(directory)).toContain('.partial-tessera-running');
    // Three days on, by age: every backup older than a day goes except the newest, and the half-written one is abandoned.
    expect(await applyRetention(directory, { keep: 10, keepDays: 1 }, new Date(Date.now() + 3 * 86_400_000))).toEqual([
      before[1]!.name,
      '.partial-tessera-running',
    ]);
  });

  it('reads its settings from the environment and names the variable it cannot read', () => {
    expect(backupSettingsFromEnv({}, '/data/backups')).toEqual({ directory: '/data/backups', everyMinutes: 60, keep: 24, keepDays: null });
    expect(
      backupSettingsFromEnv({ TESSERA_BACKUP_EVERY: 'off', TESSERA_BACKUP_KEEP: '3', TESSERA_BACKUP_KEEP_DAYS: '7', TESSERA_BACKUP_DIR: '/b' }, '/d'),
    ).toEqual({
      directory: '/b',
      everyMinutes: null,
      keep: 3,
      keepDays: 7,
    });
    expect(() => backupSettingsFromEnv({ TESSERA_BACKUP_EVERY: 'hourly' }, '/d')).toThrow(
      'TESSERA_BACKUP_EVERY must be a whole number, at least 1 (got "hourly")',
    );
    expect(() => backupSettingsFromEnv({ TESSERA_BACKUP_KEEP: '0' }, '/d')).toThrow('TESSERA_BACKUP_KEEP must be a whole number, at least 1');
  });
});
