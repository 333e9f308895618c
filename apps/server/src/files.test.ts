import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, multipartBody, userHeaders } from './test-session';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const app: AppDocument = {
  id: 'docs',
  label: { en: 'Docs' },
  objects: [
    {
      id: 'contract',
      label: { en: 'Contract' },
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: { en: 'Title' } },
        { id: 'scan', type: 'image', label: { 'zh-CN': '扫描件', en: 'Scan' } },
        { id: 'files', type: 'attachment', label: { en: 'Files' } },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'contract', actions: ['create', 'read'], rows: 'own' }] }],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
const filesDir = mkdtempSync(join(tmpdir(), 'tessera-files-test-'));

const upload = async (headers: Record<string, string>, name: string, mime: string, content: Buffer) => {
  const body = multipartBody(name, mime, content);
  return server.inject({ method: 'POST', url: '/api/apps/docs/files', headers: { ...headers, 'content-type': body.contentType }, payload: body.payload });
};
const contracts = '/api/apps/docs/objects/contract/records';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database, filesDir });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  await server.inject({ method: 'POST', url: '/api/apps/docs/publish', headers: admin, payload: {} });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  rmSync(filesDir, { recursive: true, force: true });
});

describe('attachments and images', () => {
  it('uploads, attaches and serves a file only through a record the caller may read', async () => {
    const png = (await upload(admin, '扫描.png', 'image/png', PNG)).json();
    expect(png).toMatchObject({ name: '扫描.png', size: PNG.length, mime: 'image/png' });
    const created = await server.inject({
      method: 'POST',
      url: contracts,
      headers: admin,
      payload: { values: { title: 'A', scan: [{ id: png.id, name: 'spoofed.exe', size: 1 }] } },
    });
    expect(created.json().scan).toEqual([{ id: png.id, name: '扫描.png', size: PNG.length, mime: 'image/png' }]);
    const download = await server.inject({ method: 'GET', url: `${contracts}/${created.json().id}/files/${png.id}`, headers: admin });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect(download.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
    expect(download.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent('扫描.png')}`);

    const other = (await server.inject({ method: 'POST', url: contracts, headers: admin, payload: { values: { title: 'B' } } })).json();
    expect((await server.inject({ method: 'GET', url: `${contracts}/${other.id}/files/${png.id}`, headers: admin })).statusCode).toBe(404);
    const rep = await userHeaders(server, database, 'filer@test.local');
    await server.inject({ method: 'PUT', url: `/api/admin/users/${rep.id}/roles`, headers: admin, payload: { appId: 'docs', roles: ['rep'] } });
    expect((await server.inject({ method: 'GET', url: `${contracts}/${created.json().id}/files/${png.id}`, headers: rep.headers })).statusCode).toBe(404);
  });

  it('refuses a disguised image, an unknown file, and an oversized upload', async () => {
    const fake = (await upload(admin, 'x.png', 'image/png', Buffer.from('<script>alert(1)</script>'))).json();
    expect(fake.mime).toBe('application/octet-stream');
    const refused = await server.inject({
      method: 'POST',
      url: contracts,
      headers: { ...admin, 'accept-language': 'zh-CN' },
      payload: { values: { title: 'C', scan: [{ id: fake.id, name: 'x' }], files: [{ id: '00000000-0000-4000-8000-000000000000', name: 'ghost' }] } },
    });
    expect(refused.json().errors.map((e: { code: string; message: string }) => [e.code, e.message])).toEqual([
      ['field.not_image', '“扫描件”只能是图片（PNG、JPEG、GIF、WebP）'],
      ['field.file_missing', '“Files”引用的文件不存在，请重新上传'],
    ]);
    const huge = await upload(admin, 'big.bin', 'application/octet-stream', Buffer.alloc(26 * 1024 * 1024));
    expect(huge.statusCode).toBe(413);
    expect((await upload({}, 'x.txt', 'text/plain', Buffer.from('x'))).statusCode).toBe(401);
  });
});
