import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@tessera/db/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { childrenOf, commandOf, runOnTerminal, type TerminalRun } from './console';
import { assertWebBuilt } from './server';

const STOPPED_LINE = 'Tessera stopped; the database is closed.';
// One embedded database for every case: the first start creates it, the others reopen it.
const dataDir = mkdtempSync(join(tmpdir(), 'tessera-signals-'));
let run: TerminalRun | null = null;

afterEach(() => run?.kill());
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The first process under `pid` (depth first) whose command line matches. */
function findUnder(pid: number, pattern: RegExp): number | undefined {
  for (const child of childrenOf(pid)) {
    if (pattern.test(commandOf(child))) return child;
    const deeper = findUnder(child, pattern);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Who gets the SIGTERM, given pnpm's process id (which leads the process group). */
const targets: { name: string; pids: (pnpm: number) => number[] }[] = [
  // systemd's default (KillMode=control-group) and `kill -TERM -<pgid>`: pnpm, start.mjs and the server at once.
  { name: 'the whole process group', pids: (pnpm) => [-pnpm] },
  { name: 'pnpm alone', pids: (pnpm) => [pnpm] },
  { name: 'scripts/start.mjs alone', pids: (pnpm) => [findUnder(pnpm, /scripts\/start\.mjs/) ?? Number.NaN] },
];

/** `pnpm start` on a terminal with the embedded database of these tests; resolves once it serves. */
async function start(port: number): Promise<TerminalRun> {
  assertWebBuilt();
  const { LOG_LEVEL: _level, DATABASE_URL: _url, ...env } = process.env;
  run = runOnTerminal('pnpm start', { ...env, PORT: String(port), TESSERA_DATA_DIR: dataDir, TESSERA_SKIP_DEMO: '1' });
  await run.shows('Tessera is running at');
  expect((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status).toBe(200);
  return run;
}

/** The end of a clean stop: exit 0, the stop line, no forced exit, no server process left. */
async function expectCleanStop(run: TerminalRun, server: number | undefined): Promise<void> {
  const code = await run.exited;
  const screen = run.screen();
  // A repeat taken as "stop now" would show close-with-grace's "second SIGTERM, exiting" and pnpm's ELIFECYCLE.
  expect(screen).not.toMatch(/ELIFECYCLE|Command failed|second SIG|killed by timeout/);
  expect(screen).toContain(STOPPED_LINE);
  expect(code).toBe(0);
  expect(existsSync(`/proc/${server}`)).toBe(false);
}

describe('pnpm start stopped by SIGTERM', () => {
  for (const target of targets) {
    it(`sent to ${target.name}: the server closes the database and everything exits 0`, { timeout: 240_000 }, async () => {
      const run = await start(await freePort());
      const server = findUnder(run.pid(), /apps\/server\/src\/main\.ts/);
      expect(server).toBeDefined();
      for (const pid of target.pids(run.pid())) process.kill(pid, 'SIGTERM');
      await expectCleanStop(run, server);
    });
  }
});
