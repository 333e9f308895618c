import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { freePort } from '@tessera/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runOnTerminal, type TerminalRun } from './console';
import { assertWebBuilt } from './server';

const LAST_BANNER_LINE = '(shown only this once; change it after signing in)';
const STOPPED_LINE = 'Tessera stopped; the database is closed.';
const dataDir = mkdtempSync(join(tmpdir(), 'tessera-start-'));
let run: TerminalRun | null = null;

afterAll(() => {
  run?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The lines a person reads, without the blank ones and the ^C the terminal echoes. */
const linesOf = (text: string) =>
  stripVTControlCharacters(text)
    .split('\n')
    .map((line) => line.replace(/^\^C/, '').trim())
    .filter((line) => line !== '');

describe('pnpm start on a terminal', () => {
  it('ends with the URL and the sign-in, keeps them in view while the app is used, and stops cleanly on Ctrl-C', async () => {
    assertWebBuilt();
    const port = await freePort();
    // No LOG_LEVEL: the default a person gets. The embedded database, in a folder of its own.
    const { LOG_LEVEL: _level, DATABASE_URL: _url, ...env } = process.env;
    run = runOnTerminal('pnpm start', { ...env, PORT: String(port), TESSERA_DATA_DIR: dataDir, TESSERA_SKIP_DEMO: '1' });
    await run.shows(LAST_BANNER_LINE);
    const banner = run.screen();

    // A person uses the app: pages, the API, a mistyped address.
    const base = `http://127.0.0.1:${port}`;
    for (const path of ['/', '/api/health', '/api/apps', '/no-such-page', '/api/no-such-endpoint']) await (await fetch(`${base}${path}`)).arrayBuffer();
    const password = /with password (\S+)/.exec(banner)?.[1] ?? '';
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@tessera.local', password }),
    });
    expect(signIn.status).toBeLessThan(300);

    run.ctrlC();
    const code = await run.exited;
    const screen = run.screen();
    expect(screen).not.toMatch(/ELIFECYCLE|Command failed/);
    expect(code).toBe(0);

    // Nothing after the sign-in but the line of a clean stop: ordinary requests leave the screen alone.
    const before = linesOf(screen.slice(0, screen.indexOf(LAST_BANNER_LINE) + LAST_BANNER_LINE.length));
    const after = linesOf(screen.slice(screen.indexOf(LAST_BANNER_LINE) + LAST_BANNER_LINE.length));
    // A slow answer (≥ 1 s, request-log.ts) may still show: this machine is shared and loaded.
    const slow = (line: string) => Number(/ (\d+) ms$/.exec(line)?.[1] ?? 0) >= 1000;
    expect(after.filter((line) => !slow(line))).toEqual([STOPPED_LINE]);
    expect(before.slice(-3)).toEqual([
      `Tessera is running at http://127.0.0.1:${port}/  (API docs: /docs; data: embedded PostgreSQL in ${dataDir})`,
      expect.stringMatching(/^First start: sign in as admin@tessera\.local with password \S+$/),
      LAST_BANNER_LINE,
    ]);
    // No build chatter, no JSON: the start reads as a few short lines.
    expect(screen).not.toMatch(/chunk|vite v|modules transformed|"level":/);
    expect(before.length).toBeLessThan(12);
  });
});
