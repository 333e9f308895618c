import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@tessera/db';
import type { AppDocument } from '@tessera/schemas';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders } from './test-session';

const dataDir = mkdtempSync(join(tmpdir(), 'tessera-pglite-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const notes: AppDocument = {
  id: 'notes',
  label: { en: 'Notes' },
  objects: [
    {
      id: 'note',
      label: { en: 'Note' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' }, required: true },
        { id: 'amount', type: 'currency', label: { en: 'Amount' } },
      ],
    },
  ],
};

/** A server on the embedded database in `dataDir`, as `pnpm start` runs it without DATABASE_URL. */
async function boot() {
  const database = await openDatabase({ dataDir });
  const app = await buildServer({ database });
  const headers = await adminHeaders(app, database);
  const inject = (options: { method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: string; payload?: object }) => app.inject({ ...options, headers });
  return {
    app: { inject },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

describe('embedded PGlite', () => {
  // Two boots of the WebAssembly database with every migration: ~25 s alone, more among the other suites on 2 cores.
  it('publishes, evolves and serves records, and keeps them across a restart', { timeout: 120_000 }, async () => {
    const first = await boot();
    const post = (url: string, payload: object) => first.app.inject({ method: 'POST', url, payload });
    expect((await first.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', database: 'pglite' });
    expect((await post('/api/apps', { document: notes })).statusCode).toBe(201);
    expect((await post('/api/apps/notes/publish', {})).json()).toMatchObject({ version: 1 });
    const created = await post('/api/apps/notes/objects/note/records', { values: { title: 'Kept', amount: '0.10' } });
    expect(created.json()).toMatchObject({ title: 'Kept', amount: '0.10', version: 1 });
    const invalid = await post('/api/apps/notes/objects/note/records', { values: { amount: 'x' } });
    expect(
      invalid
        .json()
        .errors.map((e: { code: string }) => e.code)
        .sort(),
    ).toEqual(['field.format', 'field.required']);
    await first.close();

    const second = await boot();
    const list = await second.app.inject({
      method: 'POST',
      url: '/api/apps/notes/objects/note/records/query',
      payload: { filters: [{ field: 'title', op: 'contains', value: 'kep' }] },
    });
    expect(list.json()).toMatchObject({ total: 1, items: [{ title: 'Kept', amount: '0.10' }] });
    const withTag = {
      ...notes,
      objects: [{ ...notes.objects[0]!, fields: [...notes.objects[0]!.fields, { id: 'tag', type: 'text' as const, label: { en: 'Tag' } }] }],
    };
    expect((await second.app.inject({ method: 'PUT', url: '/api/apps/notes/draft', payload: { document: withTag, revision: 1 } })).statusCode).toBe(200);
    expect((await second.app.inject({ method: 'POST', url: '/api/apps/notes/publish', payload: {} })).json()).toMatchObject({ version: 2 });
    const id = created.json().id as string;
    const patched = await second.app.inject({
      method: 'PATCH',
      url: `/api/apps/notes/objects/note/records/${id}`,
      payload: { version: 1, values: { tag: 'x' } },
    });
    expect(patched.json()).toMatchObject({ tag: 'x', version: 2 });
    expect((await second.app.inject({ method: 'POST', url: '/api/apps/notes/rollback', payload: { version: 1 } })).json()).toMatchObject({ version: 3 });
    expect((await second.app.inject({ method: 'GET', url: `/api/apps/notes/objects/note/records/${id}` })).json()).not.toHaveProperty('tag');
    await second.close();
  });
});
