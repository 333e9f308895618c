import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type BackupSettings, RestoreRefused, readManifest, restoreBackup } from '@tessera/backup';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { localDiskStore } from '@tessera/files';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoApprovals } from './demo-approvals';
import { type InstallResult, installTemplate } from './install-template';
import { buildServer } from './server';
import { adminHeaders, multipartBody, signInHeaders } from './test-session';

// The demo CRM (a third of its sample records) with its team, approvals waiting, a second published version with an attachment
// field and a file in it; backed up through the admin API, restored into a new database and
// read back through a server on that database.
const folders: string[] = [];
const folder = (name: string) => {
  const path = mkdtempSync(join(tmpdir(), `tessera-${name}-`));
  folders.push(path);
  return path;
};
const settings: BackupSettings = { directory: folder('backups'), everyMinutes: null, keep: 2, keepDays: null };
const PDF = Buffer.from('%PDF-1.4\n% a visit report\n');
const visits = '/api/apps/crm/objects/visit/records';

let source: TestDatabase;
let target: TestDatabase;
let app: FastifyInstance;
let restored: FastifyInstance;
let demo: InstallResult;
let admin: Record<string, string>;
let visitId: string;
let fileId: string;

/** A second version of the demo: visits get an attachment field, and one visit a file in it. */
async function attachFile(): Promise<void> {
  const live = (await app.inject({ method: 'GET', url: '/api/apps/crm', headers: admin })).json();
  const draft = structuredClone(live.draft ?? live.live) as AppDocument;
  draft.objects.find((o) => o.id === 'visit')!.fields.push({ id: 'report', type: 'attachment', label: { en: 'Report', 'zh-CN': '报告' } });
  const saved = await app.inject({ method: 'PUT', url: '/api/apps/crm/draft', headers: admin, payload: { document: draft, revision: live.draftRevision } });
  expect(saved.statusCode).toBe(200);
  expect((await app.inject({ method: 'POST', url: '/api/apps/crm/publish', headers: admin, payload: {} })).statusCode).toBe(200);
  const body = multipartBody('拜访报告.pdf', 'application/pdf', PDF);
  const upload = await app.inject({
    method: 'POST',
    url: '/api/apps/crm/files',
    headers: { ...admin, 'content-type': body.contentType },
    payload: body.payload,
  });
  fileId = upload.json().id;
  const visit = (await app.inject({ method: 'POST', url: `${visits}/query`, headers: admin, payload: { limit: 1 } })).json().items[0];
  visitId = visit.id;
  const patched = await app.inject({
    method: 'PATCH',
    url: `${visits}/${visitId}`,
    headers: admin,
    payload: { version: visit.version, values: { report: [{ id: fileId, name: 'x', size: 1 }] } },
  });
  expect(patched.statusCode, patched.body).toBe(200);
}

beforeAll(async () => {
  source = await createTestDatabase();
  app = await buildServer({ database: source, filesDir: folder('files'), backups: settings });
  admin = await adminHeaders(app, source);
  demo = await installTemplate(source, 'crm', { seed: 11, scale: 0.3, team: true, records: app.records, hooks: app.publishHooks });
  await app.ready();
  await runDemoApprovals(app.flows, demo.appId, demo.approvals);
  await attachFile();
  await app.events.drain();
}, 120_000);

afterAll(async () => {
  await restored?.close();
  await app?.close();
  await target?.drop();
  await source?.drop();
  for (const path of folders) rmSync(path, { recursive: true, force: true });
});

async function count(database: TestDatabase, table: { schema: string; name: string }): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.id(table.schema, table.name)}`.execute(database.db);
  return Number(rows[0]!.n);
}

describe('backup and restore of a workspace', () => {
  it('backs up through the admin API (administrators only), restores into a new database, and serves the same app and records', async () => {
    const rep = demo.people.find((p) => p.key === 'chen.jing')!;
    const repHeaders = await signInHeaders(app, rep.email, rep.password);
    const refused = await app.inject({ method: 'POST', url: '/api/admin/backups', headers: repHeaders });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');

    const asked = await app.inject({ method: 'POST', url: '/api/admin/backups', headers: admin });
    expect(asked.statusCode).toBe(202);
    await app.jobs.drain();
    const listed = (await app.inject({ method: 'GET', url: '/api/admin/backups', headers: admin })).json();
    expect(listed.jobs[0], JSON.stringify(listed.jobs[0])).toMatchObject({ id: asked.json().jobId, state: 'done', scheduled: false });
    expect(listed.backups).toHaveLength(1);
    const path = join(settings.directory, listed.backups[0].name);
    const manifest = await readManifest(path);
    // Records, versions and people do not change after the backup (events may be pruned, sign-ins audited).
    for (const table of manifest.tables.filter(
      (t) => ['meta_versions', 'users', 'record_history', 'flow_instances'].includes(t.name) || t.schema === 'app_crm',
    ))
      expect([table.name, table.rows]).toEqual([table.name, await count(source, table)]);
    expect(manifest.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(
      expect.arrayContaining([
        'public.meta_versions',
        'public.record_history',
        'public.audit_log',
        'public.flow_instances',
        'public.users',
        'app_crm.customer',
      ]),
    );
    expect(manifest.files).toMatchObject({ count: 1, bytes: PDF.length, missing: [] });
    expect(listed.backups[0]).toMatchObject({ rows: manifest.tables.reduce((n, t) => n + t.rows, 0), files: 1 });

    target = await createTestDatabase();
    const restoredFiles = folder('restored-files');
    const report = await restoreBackup({ folder: path, database: target, fileStore: localDiskStore(restoredFiles) });
    expect(report).toMatchObject({ tables: manifest.tables.length, files: 1, missingFiles: 0 });
    // Every row is back, but the backup's own job: it is not the new workspace's to finish.
    for (const table of manifest.tables.filter((t) => t.name !== 'jobs')) expect([table.name, await count(target, table)]).toEqual([table.name, table.rows]);
    await expect(restoreBackup({ folder: path, database: target, fileStore: localDiskStore(restoredFiles) })).rejects.toThrow(RestoreRefused);

    restored = await buildServer({ database: target, filesDir: restoredFiles });
    await restored.ready();
    const restoredAdmin = await signInHeaders(restored, 'admin@test.local', 'test admin password');
    for (const url of ['/api/apps/crm', '/api/apps/crm/versions']) {
      const [before, after] = await Promise.all([app, restored].map((server, i) => server.inject({ method: 'GET', url, headers: i ? restoredAdmin : admin })));
      expect(after!.json()).toEqual(before!.json());
    }
    const query = { sort: [{ field: 'created_at', direction: 'desc' }], limit: 50 };
    for (const object of ['customer', 'opportunity', 'quote']) {
      const url = `/api/apps/crm/objects/${object}/records/query`;
      const before = (await app.inject({ method: 'POST', url, headers: admin, payload: query })).json();
      const after = (await restored.inject({ method: 'POST', url, headers: restoredAdmin, payload: query })).json();
      expect(after.items?.length, JSON.stringify(after)).toBeGreaterThan(0);
      expect(after).toEqual(before);
    }
    for (const suffix of ['', '/history']) {
      const before = await app.inject({ method: 'GET', url: `${visits}/${visitId}${suffix}`, headers: admin });
      const after = await restored.inject({ method: 'GET', url: `${visits}/${visitId}${suffix}`, headers: restoredAdmin });
      expect(after.json()).toEqual(before.json());
    }
    const download = await restored.inject({ method: 'GET', url: `${visits}/${visitId}/files/${fileId}`, headers: restoredAdmin });
    expect(download.rawPayload.equals(PDF)).toBe(true);
    // The approvals waiting before are waiting after, for the same people.
    const manager = demo.people.find((p) => p.key === 'wang.lei')!;
    const [inboxBefore, inboxAfter] = await Promise.all(
      [app, restored].map(async (server) =>
        (await server.inject({ method: 'GET', url: '/api/flows/inbox', headers: await signInHeaders(server, manager.email, manager.password) })).json(),
      ),
    );
    expect(inboxAfter).toEqual(inboxBefore);
    expect(JSON.stringify(inboxAfter)).not.toBe('[]');
  }, 120_000);

  it('refuses a damaged backup and leaves the new database empty', async () => {
    const [latest] = (await app.inject({ method: 'GET', url: '/api/admin/backups', headers: admin })).json().backups;
    const path = join(settings.directory, latest.name);
    const copy = folder('damaged');
    await writeFile(join(copy, 'manifest.json'), await readFile(join(path, 'manifest.json')));
    const manifest = await readManifest(copy);
    await mkdir(join(copy, 'tables'));
    for (const table of manifest.tables) {
      const bytes = await readFile(join(path, table.file));
      // One customer's name changed: the file reads, but no longer matches its checksum.
      const changed =
        table.name === 'customer'
          ? gzipSync(
              gunzipSync(bytes)
                .toString('utf8')
                .replace(/"name": "[^"]*"/, '"name": "changed"'),
            )
          : bytes;
      await writeFile(join(copy, table.file), changed);
    }
    const fresh = await createTestDatabase();
    try {
      await expect(restoreBackup({ folder: copy, database: fresh, fileStore: localDiskStore(folder('unused')) })).rejects.toThrow(/app_crm\.customer.*damaged/);
      const { rows } = await sql<{ n: string }>`select count(*) as n from users`.execute(fresh.db);
      expect(rows[0]!.n).toBe('0');
    } finally {
      await fresh.drop();
    }
  });
});
