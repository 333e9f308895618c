import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { claimName, DataDirInUse, lockDataDir } from './data-dir-lock';

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

  it('takes over a stale lock whose first claimer died before replacing it, and names a claimer still running', () => {
    const stale = JSON.stringify({ pid: deadPid(), since: new Date().toISOString() });
    const dead = join(root, 'dead-claimer');
    writeFileSync(`${dead}.lock`, stale);
    writeFileSync(claimName(`${dead}.lock`, stale), JSON.stringify({ pid: deadPid() }));
    const lock = lockDataDir(dead);
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();

    const busy = join(root, 'busy-claimer');
    writeFileSync(`${busy}.lock`, stale);
    writeFileSync(claimName(`${busy}.lock`, stale), JSON.stringify({ pid: process.ppid }));
    expect(() => lockDataDir(busy)).toThrow(expect.objectContaining({ pid: process.ppid }));
  });

  it('is taken by openDatabase for a PGlite folder and given back by close', { timeout: 180_000 }, async () => {
    const dir = join(root, 'pglite');
    const database = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirInUse);
    await database.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});

/** A racer process (data-dir-lock-racer.ts) and its answers, one line each. */
interface Racer {
  child: ChildProcess;
  pid: number;
  ask(line: string): Promise<string>;
}

function startRacer(): Racer {
  const entry = fileURLToPath(new URL('./data-dir-lock-racer.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    child,
    pid: child.pid!,
    async ask(line) {
      child.stdin!.write(`${line}\n`);
      const next = await answers.next();
      if (next.done) throw new Error(`racer ${child.pid} ended`);
      return next.value;
    },
  };
}

describe('two processes starting at the same instant over a stale lock', () => {
  const racers: Racer[] = [];
  afterAll(async () => {
    for (const racer of racers) {
      racer.child.stdin!.end();
      await once(racer.child, 'exit');
    }
  });

  it('let exactly one of them take it, every time', { timeout: 120_000 }, async () => {
    racers.push(startRacer(), startRacer(), startRacer());
    const dir = join(root, 'race');
    mkdirSync(dir);
    const stale = deadPid();
    for (let round = 0; round < 150; round += 1) {
      const dataDir = join(dir, `round-${round}`);
      // Alternately a lock left by kill -9 and one torn by a crash while an older version wrote it.
      writeFileSync(`${dataDir}.lock`, round % 2 ? JSON.stringify({ pid: stale, since: new Date().toISOString() }) : '{"pid":');
      const answers = await Promise.all(racers.map((racer) => racer.ask(`take ${dataDir}`)));
      const takers = racers.filter((_, index) => answers[index] === 'took');
      expect(
        takers.map((taker) => taker.pid),
        `round ${round}: ${answers.join(', ')}`,
      ).toHaveLength(1);
      const taker = takers[0]!;
      expect(answers.filter((answer) => answer !== 'took')).toEqual([`refused ${taker.pid}`, `refused ${taker.pid}`]);
      expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')).pid).toBe(taker.pid);
      await taker.ask('release');
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    }
    // No claim or half-made lock is left behind.
    expect(readdirSync(dir)).toEqual([]);
  });
});
