import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { DataDirInUse, lockDataDir } from './data-dir-lock';

const root = mkdtempSync(join(tmpdir(), 'tessera-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has already exited: what a lock left by `kill -9` names. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the embedded data folder lock', () => {
  it('lets one holder in at a time, and the next once it is released', () => {
    const dir = join(root, 'one');
    const first = lockDataDir(dir);
    expect(JSON.parse(readFileSync(first.path, 'utf8')).pid).toBe(process.pid);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUse);
    first.release();
    expect(existsSync(first.path)).toBe(false);
    lockDataDir(dir).release();
  });

  it('makes the folder the data folder goes in, as on a fresh checkout where ./data does not exist yet', () => {
    const dir = join(root, 'fresh', 'data', 'pglite');
    const lock = lockDataDir(dir);
    expect(lock.path).toBe(`${dir}.lock`);
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
  });

  it('names a holder that is still running, another process included', () => {
    const dir = join(root, 'held');
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, since: new Date().toISOString() }));
    const refused = (() => {
      try {
        lockDataDir(dir);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(DataDirInUse);
    expect(refused).toMatchObject({ pid: process.ppid, dataDir: dir });
  });

  it('takes over at once a lock whose process died (kill -9) or that was torn while written', () => {
    for (const [name, contents] of [
      ['dead', JSON.stringify({ pid: deadPid(), since: new Date().toISOString() })],
      ['torn', '{"pid":'],
    ] as const) {
      const dir = join(root, name);
      writeFileSync(`${dir}.lock`, contents);
      const lock = lockDataDir(dir);
      expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
      lock.release();
    }
  });

  it('is taken by openDatabase for a PGlite folder and given back by close', { timeout: 180_000 }, async () => {
    const dir = join(root, 'pglite');
    const database = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirInUse);
    await database.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});
