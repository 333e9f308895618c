/**
 * Backups: time and size of a backup and of a verified restore, for the demo workspace and for a
 * customer table of N rows (default 1,000,000), with the peak memory of this process (a backup
 * streams: it must not grow with the table). Baseline in the same run: `pg_dump -Fc` of the same
 * database and `pg_restore` of that dump into a new one. See docs/reliability.md, "Backups".
 *
 *   pnpm bench:backup [--rows 1000000] [--skip-demo]
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BackupSummary, restoreBackup, writeBackup } from '@tessera/backup';
import { createTestDatabase } from '@tessera/db/testing';
import { localDiskStore } from '@tessera/files';
import { createMetadataStore } from '@tessera/meta';
import { buildServer, installTemplate, runDemoApprovals } from '@tessera/server';
import { APP_ID, customerApp } from '../list/customer-app';
import { generateCustomers } from '../list/generate-customers';
import { flagArg, numberArg } from '../shared/args';
import { type BenchDatabase, withBenchDatabase } from '../shared/bench-database';
import { printKeys, progress } from '../shared/report';

const run = promisify(execFile);
const rowsArg = numberArg('rows', 1_000_000);

/** The largest resident set seen while `work` runs, sampled every 50 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    return { result: await work(), peakMb: peak / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

async function seconds<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

interface Measured {
  backup: BackupSummary;
  backupSeconds: number;
  restoreSeconds: number;
  peakMb: number;
}

/** Our backup of `database` and its verified restore into a new database, both timed. */
async function backupAndRestore(database: BenchDatabase, filesDir: string): Promise<Measured> {
  const folder = mkdtempSync(join(tmpdir(), 'tessera-bench-backup-'));
  const target = await createTestDatabase({ prefix: 'tessera_bench_', maxConnections: 2 });
  try {
    const made = await withPeakRss(() => seconds(() => writeBackup({ database, fileStore: localDiskStore(filesDir), directory: folder })));
    progress(`  backup: ${made.result.result.rows.toLocaleString('en')} rows in ${made.result.seconds.toFixed(1)} s`);
    const restored = await withPeakRss(() =>
      seconds(() => restoreBackup({ folder: made.result.result.path, database: target, fileStore: localDiskStore(join(folder, 'restored-files')) })),
    );
    progress(`  restore (verified): ${restored.result.seconds.toFixed(1)} s`);
    return {
      backup: made.result.result,
      backupSeconds: made.result.seconds,
      restoreSeconds: restored.result.seconds,
      peakMb: Math.max(made.peakMb, restored.peakMb),
    };
  } finally {
    await target.drop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** pg_dump -Fc of the same database, and pg_restore of it into a new one: the physical limit. */
async function pgDumpBaseline(database: BenchDatabase): Promise<{ dumpSeconds: number; restoreSeconds: number; mb: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'tessera-bench-pgdump-'));
  const target = await createTestDatabase({ prefix: 'tessera_bench_', maxConnections: 1 });
  try {
    const file = join(folder, 'dump');
    const dump = await seconds(() => run('pg_dump', ['-Fc', '-f', file, database.url]));
    // Into a database with nothing of ours in it: the migrated tables would collide with the dump's.
    await run('psql', [target.url, '-qc', 'drop schema public cascade; create schema public']);
    const restore = await seconds(() => run('pg_restore', ['--no-owner', '-d', target.url, file]));
    return { dumpSeconds: dump.seconds, restoreSeconds: restore.seconds, mb: (await stat(file)).size / 1e6 };
  } finally {
    await target.drop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function demo(): Promise<Record<string, number>> {
  return withBenchDatabase(5, async (database) => {
    progress(`demo workspace: database ${database.name}`);
    const filesDir = mkdtempSync(join(tmpdir(), 'tessera-bench-files-'));
    const app = await buildServer({ database, filesDir });
    try {
      const installed = await installTemplate(database, 'crm', { team: true, records: app.records, hooks: app.publishHooks });
      await app.ready();
      await runDemoApprovals(app.flows, installed.appId, installed.approvals);
      await app.events.drain();
      const ours = await backupAndRestore(database, filesDir);
      const baseline = await pgDumpBaseline(database);
      return {
        'backup.demo_rows': ours.backup.rows,
        'backup.demo_backup_s': ours.backupSeconds,
        'backup.demo_restore_s': ours.restoreSeconds,
        'backup.demo_mb': ours.backup.bytes / 1e6,
        'backup.demo_pg_dump_s': baseline.dumpSeconds,
        'backup.demo_pg_restore_s': baseline.restoreSeconds,
      };
    } finally {
      await app.close();
      rmSync(filesDir, { recursive: true, force: true });
    }
  });
}

async function customers(rows: number): Promise<Record<string, number>> {
  return withBenchDatabase(5, async (database) => {
    progress(`${rows.toLocaleString('en')} customers: database ${database.name}`);
    const store = createMetadataStore(database.db);
    await store.createApp(customerApp());
    await store.publish(APP_ID, { actor: null });
    await generateCustomers(database.db, rows);
    const filesDir = mkdtempSync(join(tmpdir(), 'tessera-bench-files-'));
    try {
      const ours = await backupAndRestore(database, filesDir);
      const baseline = await pgDumpBaseline(database);
      progress(`  pg_dump ${baseline.dumpSeconds.toFixed(1)} s, pg_restore ${baseline.restoreSeconds.toFixed(1)} s`);
      return {
        'backup.rows': ours.backup.rows,
        'backup.backup_s': ours.backupSeconds,
        'backup.restore_s': ours.restoreSeconds,
        'backup.mb': ours.backup.bytes / 1e6,
        'backup.peak_rss_mb': ours.peakMb,
        'backup.pg_dump_s': baseline.dumpSeconds,
        'backup.pg_restore_s': baseline.restoreSeconds,
        'backup.pg_dump_mb': baseline.mb,
        'backup.ratio': ours.backupSeconds / baseline.dumpSeconds,
        'backup.restore_ratio': ours.restoreSeconds / baseline.restoreSeconds,
      };
    } finally {
      rmSync(filesDir, { recursive: true, force: true });
    }
  });
}

const keys = { ...(flagArg('skip-demo') ? {} : await demo()), ...(await customers(rowsArg)) };
printKeys(keys);
