import { createHash, randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The embedded database (PGlite) is PostgreSQL compiled into this process: it has no server to
 * share its files between processes, and two processes writing one folder corrupt it. So the
 * process that opens a data folder writes its pid in `<folder>.lock` beside it (inside, PGlite
 * would take the file for its own), and another process finds the lock and refuses (ADR 0113).
 * A lock left by a process that died (`kill -9`, a power cut) names a pid no longer running and
 * is taken over at once; there is no timeout to wait out, as the folder is only ever on this
 * machine. Every step that decides who holds the folder is one atomic file-system operation:
 * the lock appears whole (`link`), and a stale one is replaced only by the one
 * process that claimed it first (an exclusive create named after the stale lock).
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
  /** Tells two locks of one pid apart (a pid is reused; a lock's text must name one taking). */
  token: string;
}

const lockPath = (dataDir: string) => `${resolve(dataDir)}.lock`;

/** The lock's text, or null when there is none. */
function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The pid a lock's (or claim's) text names, or null for a torn one (a crash while an older version wrote it). */
function pidIn(text: string | null): number | null {
  try {
    const pid = (JSON.parse(text ?? '') as Partial<LockContents>).pid;
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

/** `link` of a complete file: the name appears with all its text at once, or not at all (EEXIST). */
function linkExclusive(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function removeIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Where a process claims the stale lock (or dead claim) whose text is `staleText`; exported for tests. */
export const claimName = (path: string, staleText: string) => `${path}.claim-${createHash('sha1').update(staleText).digest('hex').slice(0, 16)}`;

/**
 * Replaces the stale lock whose text is `staleText` by `mine` (a complete file, renamed in), if
 * this process is the first to claim it: 'taken'; 'lost' when the lock changed meanwhile; or the
 * pid of the process that claimed it first and is still running. A claimer that died between its
 * claim and its rename left a claim naming a dead pid: that claim is claimed in turn, never removed
 * and made again, which would reopen the race.
 */
function takeOver(path: string, staleText: string, mine: string, mineText: string): number | 'taken' | 'lost' {
  const claims: string[] = [];
  let claim = claimName(path, staleText);
  for (;;) {
    claims.push(claim);
    const claimFile = `${claim}.${randomUUID()}`;
    writeFileSync(claimFile, mineText, { flag: 'wx' });
    const claimed = linkExclusive(claimFile, claim);
    unlinkSync(claimFile);
    if (claimed) break;
    const claimText = readText(claim);
    // Let go between our link and our read: claim it again.
    if (claimText === null) {
      claims.pop();
      continue;
    }
    const claimer = pidIn(claimText);
    if (claimer !== null && isRunning(claimer)) return claimer;
    claim = claimName(claim, claimText);
  }
  // Claimed; the lock may still have changed since it was read (another took it over and already
  // let its claims go): replace it only if it is the very stale lock this process judged.
  // Claims are let go once settled: one who claims the same stale text later finds the lock changed.
  const won = readText(path) === staleText;
  if (won) renameSync(mine, path);
  for (const each of won ? claims : claims.slice(-1)) removeIfThere(each);
  return won ? 'taken' : 'lost';
}

/** Takes the lock of `dataDir` for this process, or throws `DataDirInUse`. */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = lockPath(dataDir);
  // On a fresh checkout the folder that holds the data folder (./data) does not exist yet.
  mkdirSync(dirname(path), { recursive: true });
  const text = JSON.stringify({ pid: process.pid, since: new Date().toISOString(), token: randomUUID() } satisfies LockContents);
  const mine = `${path}.${randomUUID()}`;
  writeFileSync(mine, text, { flag: 'wx' });
  const lock: DataDirLock = {
    path,
    release() {
      if (readText(path) === text) unlinkSync(path);
    },
  };
  try {
    // A few rounds at most: each lost round means another process changed the lock in between.
    let claimer: number | null = null;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (linkExclusive(mine, path)) return lock;
      const found = readText(path);
      if (found === null) continue;
      const pid = pidIn(found);
      // This very process holds it too: a second open in one process would corrupt the folder as surely.
      if (pid !== null && isRunning(pid)) throw new DataDirInUse(resolve(dataDir), pid);
      const outcome = takeOver(path, found, mine, text);
      if (outcome === 'taken') return lock;
      // Another process is taking it over right now (or claimed and found it changed): look again.
      if (outcome !== 'lost') claimer = outcome;
    }
    const pid = pidIn(readText(path));
    throw new DataDirInUse(resolve(dataDir), pid !== null && isRunning(pid) ? pid : (claimer ?? 0));
  } finally {
    removeIfThere(mine);
  }
}
