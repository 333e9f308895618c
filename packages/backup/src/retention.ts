import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listBackups, PARTIAL_PREFIX } from './manifest';

export interface Retention {
  /** Keep this many newest backups. */
  keep: number;
  /** And none older than this many days (null: no age limit). The newest is always kept. */
  keepDays: number | null;
}

/** A half-written backup this old was left by a crash, not by a backup still running. */
const ABANDONED_MS = 24 * 3600 * 1000;

/** Removes the backups past the retention, and folders crashed backups left behind; returns the names removed. */
export async function applyRetention(directory: string, retention: Retention, now = new Date()): Promise<string[]> {
  const backups = await listBackups(directory);
  const cutoff = retention.keepDays === null ? Number.NEGATIVE_INFINITY : now.getTime() - retention.keepDays * 24 * 3600 * 1000;
  const expired = backups.filter((backup, newest) => newest > 0 && (newest >= retention.keep || Date.parse(backup.createdAt) < cutoff));
  for (const backup of expired) await rm(backup.path, { recursive: true, force: true });
  const abandoned: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(PARTIAL_PREFIX)) continue;
    const path = join(directory, entry.name);
    if (now.getTime() - (await stat(path)).mtimeMs < ABANDONED_MS) continue;
    await rm(path, { recursive: true, force: true });
    abandoned.push(entry.name);
  }
  return [...expired.map((backup) => backup.name), ...abandoned];
}
