import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@tessera/db';
import type { AppDocument } from '@tessera/schemas';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, multipartBody } from './test-session';

const dataDir = mkdtempSync(join(tmpdir(), 'tessera-pglite-import-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const app: AppDocument = {
  id: 'embedded',
  label: { en: 'Embedded' },
  objects: [
    { id: 'lead', label: { en: 'Lead' }, displayField: 'name', fields: [{ id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '姓名' }, required: true }] },
  ],
};

describe('an import on the embedded database (one connection, as `pnpm start` runs)', () => {
  it('dry-runs and runs as a job without waiting on its own transaction', async () => {
    const database = await openDatabase({ dataDir });
    const server = await buildServer({ database, filesDir: join(dataDir, 'files'), eventPollMs: 50 });
    try {
      const headers = await adminHeaders(server, database);
      await server.inject({ method: 'POST', url: '/api/apps', headers, payload: { document: app } });
      await server.inject({ method: 'POST', url: '/api/apps/embedded/publish', headers, payload: {} });
      const body = multipartBody('leads.csv', 'text/csv', Buffer.from('姓名\n张三\n李四\n\n王五\n'));
      const base = '/api/apps/embedded/objects/lead/imports';
      const uploaded = await server.inject({ method: 'POST', url: base, headers: { ...headers, 'content-type': body.contentType }, payload: body.payload });
      expect(uploaded.statusCode).toBe(201);
      const id = uploaded.json().id as string;
      const plan = { sheet: 1, headerRow: 1, columns: [{ column: 0, field: 'name' }], atomicity: 'all' };
      const dry = await server.inject({ method: 'POST', url: `${base}/${id}/dry-run`, headers, payload: plan });
      expect(dry.json().counts).toMatchObject({ rows: 3, created: 3 });
      expect((await server.inject({ method: 'POST', url: `${base}/${id}/run`, headers, payload: plan })).statusCode).toBe(202);
      await server.ready();
      await server.jobs.drain();
      expect((await server.inject({ method: 'GET', url: `${base}/${id}`, headers })).json()).toMatchObject({ status: 'done', counts: { created: 3 } });
    } finally {
      await server.close();
      await database.close();
    }
  }, 120_000);
});
