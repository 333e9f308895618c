import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Database, openDatabase } from '@tessera/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { DESK_SAMPLE, DESK_TICKETS, deskApp } from './backup-testing';
import { buildServer } from './server';
import { adminHeaders, signInHeaders } from './test-session';

// `pnpm backup` and `pnpm restore` as an operator runs them on the default, embedded database:
// refused while a server has the folder open, then a backup of the stopped server's folder
// restored into a new embedded folder, checked table by table against the manifest.
const cli = fileURLToPath(new URL('./backup-cli.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'tessera-cli-'));
const dataDir = join(root, 'pglite');
const restoredDir = join(root, 'restored');
// Without DATABASE_URL (the test runner's PostgreSQL): the command line opens the embedded database.
const { DATABASE_URL: _postgres, ...inherited } = process.env;
const env = {
  ...inherited,
  TESSERA_DATA_DIR: dataDir,
  TESSERA_BACKUP_DIR: join(root, 'backups'),
  TESSERA_FILES_DIR: join(root, 'files'),
};

/** Runs the command line as `pnpm backup …` / `pnpm restore …` does; resolves with its exit code and output. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const records = DESK_TICKETS;
const query = { sort: [{ field: 'number', direction: 'asc' }] };

const open: { server: FastifyInstance; database: Database }[] = [];
afterAll(async () => {
  for (const { server, database } of open) {
    await server.close();
    await database.close();
  }
  rmSync(root, { recursive: true, force: true });
});

async function serve(dir: string): Promise<{ server: FastifyInstance; database: Database }> {
  const database = await openDatabase({ dataDir: dir });
  const server = await buildServer({ database, filesDir: join(root, 'files') });
  open.push({ server, database });
  return { server, database };
}

describe('pnpm backup and pnpm restore on the embedded database', () => {
  it('refuse while the server has it open, then back it up and restore it into a new embedded database', { timeout: 600_000 }, async () => {
    const running = await serve(dataDir);
    const admin = await adminHeaders(running.server, running.database);
    const send = (method: 'POST', url: string, payload: unknown) => running.server.inject({ method, url, headers: admin, payload: payload as object });
    expect((await send('POST', '/api/apps', { document: deskApp })).statusCode).toBe(201);
    expect((await send('POST', '/api/apps/desk/publish', {})).statusCode).toBe(200);
    for (const [title, amount] of DESK_SAMPLE) expect((await send('POST', records, { values: { title, amount } })).statusCode).toBe(201);
    const before = (await send('POST', `${records}/query`, query)).json();

    const refused = await run('backup');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`backup refused: the embedded database in ${dataDir} is open in a running Tessera process (pid ${process.pid})`);
    expect(refused.stderr).toContain('POST /api/admin/backups');
    const intoOpen = await run('restore', join(root, 'backups', 'any'), '--data-dir', dataDir);
    expect(intoOpen.code).toBe(1);
    expect(intoOpen.stderr).toContain('restore refused');

    // The operator stops the server; now the backup may open the folder.
    open.pop();
    await running.server.close();
    await running.database.close();
    const made = await run('backup');
    expect(made.code, made.stderr).toBe(0);
    const folder = /^backup (\S+):/m.exec(made.stdout)?.[1];
    expect(folder, made.stdout).toBeDefined();

    const restored = await run('restore', folder!, '--data-dir', restoredDir, '--files-dir', join(root, 'restored-files'));
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/restored and verified: \d+ rows in \d+ tables/);

    const copy = await serve(restoredDir);
    const headers = await signInHeaders(copy.server, 'admin@test.local', 'test admin password');
    const after = await copy.server.inject({ method: 'POST', url: `${records}/query`, headers, payload: query });
    expect(after.json()).toEqual(before);
    const next = await copy.server.inject({ method: 'POST', url: records, headers, payload: { values: { title: 'After the restore' } } });
    expect(next.json()).toMatchObject({ number: 'T-0003' });
  });
});
