import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The embedded database (PGlite) is PostgreSQL compiled into this process: it has no server to
 * share its files between processes, and two processes writing one folder corrupt it. So the
 * process that opens a data folder writes its pid in `<folder>.lock` beside it (inside, PGlite
 * would take the file for its own), and another process finds the lock and refuses (ADR 0113).
 * A lock left by a process that died (`kill -9`, a power cut) names a pid no longer running and
 * is taken over at once; there is no timeout to wait out, as the folder is only ever on this
 * machine.
 */
export interface DataDirLock {
  /** Where the lock is. */
  path: string;
  /** Removes the lock (if it is still this process's). */
  release(): void;
}

/** The data folder is open in another process still running; `pid` says which. */
export class DataDirInUse extends Error {
  readonly code = 'db.data_dir_in_use';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the embedded database in ${dataDir} is open in another process (pid ${pid}); only one process may open it at a time`);
  }
}

interface LockContents {
  pid: number;
  since: string;
}

const lockPath = (dataDir: string) => `${resolve(dataDir)}.lock`;

/** The pid written in the lock, or null when there is no lock (or only a torn one, from a crash while writing it). */
function holder(path: string): number | null {
  try {
    const pid = (JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContents>).pid;
    return Number.isInteger(pid) ? (pid as number) : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function create(path: string): boolean {
  try {
    writeFileSync(path, JSON.stringify({ pid: process.pid, since: new Date().toISOString() } satisfies LockContents), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Takes the lock of `dataDir` for this process, or throws `DataDirInUse`. */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = lockPath(dataDir);
  // On a fresh checkout the folder that holds the data folder (./data) does not exist yet.
  mkdirSync(dirname(path), { recursive: true });
  // Twice at most: a second failure means another process took the stale lock between our two tries.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (create(path)) {
      return {
        path,
        release() {
          if (holder(path) === process.pid) unlinkSync(path);
        },
      };
    }
    const pid = holder(path);
    // This very process holds it too: a second open in one process would corrupt the folder as surely.
    if (pid !== null && isRunning(pid)) throw new DataDirInUse(resolve(dataDir), pid);
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new DataDirInUse(resolve(dataDir), holder(path) ?? 0);
}
