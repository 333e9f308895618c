import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BackupSettings, restoreBackup } from '@tessera/backup';
import { type Database, openDatabase } from '@tessera/db';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { localDiskStore } from '@tessera/files';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { DESK_SAMPLE, DESK_TICKETS, deskApp } from './backup-testing';
import { buildServer } from './server';
import { adminHeaders, signInHeaders } from './test-session';

// The embedded database's single connection is held by the backup's snapshot: the job must not
// wait on itself (its lease is not renewed there), and what it writes restores into PostgreSQL.
const folders: string[] = [];
const folder = (name: string) => {
  const path = mkdtempSync(join(tmpdir(), `tessera-${name}-`));
  folders.push(path);
  return path;
};
const records = DESK_TICKETS;

let source: Database | undefined;
let target: TestDatabase | undefined;
const servers: FastifyInstance[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
  await source?.close();
  await target?.drop();
  for (const path of folders) rmSync(path, { recursive: true, force: true });
});

describe('backups of the embedded database', () => {
  it('backs up PGlite through the job queue and restores into PostgreSQL, auto-numbers continuing', { timeout: 120_000 }, async () => {
    source = await openDatabase({ dataDir: 'memory://' });
    const settings: BackupSettings = { directory: folder('pglite-backups'), everyMinutes: null, keep: 3, keepDays: null };
    const app = await buildServer({ database: source, filesDir: folder('pglite-files'), backups: settings });
    servers.push(app);
    const admin = await adminHeaders(app, source);
    expect((await app.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: deskApp } })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/api/apps/desk/publish', headers: admin, payload: {} })).statusCode).toBe(200);
    for (const [title, amount] of DESK_SAMPLE)
      expect((await app.inject({ method: 'POST', url: records, headers: admin, payload: { values: { title, amount } } })).statusCode).toBe(201);
    await app.ready();

    expect((await app.inject({ method: 'POST', url: '/api/admin/backups', headers: admin })).statusCode).toBe(202);
    await app.jobs.drain();
    const [backup] = (await app.inject({ method: 'GET', url: '/api/admin/backups', headers: admin })).json().backups;
    expect(backup).toMatchObject({ files: 0, missingFiles: 0 });

    target = await createTestDatabase();
    await restoreBackup({ folder: join(settings.directory, backup.name), database: target, fileStore: localDiskStore(folder('restored-files')) });
    const restored = await buildServer({ database: target });
    servers.push(restored);
    const headers = await signInHeaders(restored, 'admin@test.local', 'test admin password');
    const query = { sort: [{ field: 'number', direction: 'asc' }] };
    const [before, after] = await Promise.all([
      app.inject({ method: 'POST', url: `${records}/query`, headers: admin, payload: query }),
      restored.inject({ method: 'POST', url: `${records}/query`, headers, payload: query }),
    ]);
    expect(after.json()).toEqual(before.json());
    expect(after.json().items.map((r: { number: string; amount: string }) => [r.number, r.amount])).toEqual([
      ['T-0001', '12.50'],
      ['T-0002', '0.10'],
    ]);
    const next = await restored.inject({ method: 'POST', url: records, headers, payload: { values: { title: 'After the restore' } } });
    expect(next.json()).toMatchObject({ number: 'T-0003' });
  });
});
