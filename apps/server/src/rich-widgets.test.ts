import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';
import { adminHeaders, userHeaders } from './test-session';

// A real 1×1 PNG, and a real JPEG header: only the first is a signature.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]).toString('base64');
const SVG_BASE64 = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64');

const app: AppDocument = {
  id: 'widgets',
  label: { en: 'Widgets' },
  objects: [
    {
      id: 'visit',
      label: { en: 'Visit' },
      displayField: 'subject',
      fields: [
        { id: 'subject', type: 'text', label: { en: 'Subject' } },
        { id: 'notes', type: 'rich_text', label: { en: 'Notes', 'zh-CN': '纪要' } },
        { id: 'team', type: 'department', label: { en: 'Team', 'zh-CN': '部门' } },
        { id: 'sign', type: 'signature', label: { en: 'Customer signature', 'zh-CN': '客户签名' } },
      ],
    },
  ],
  roles: [{ id: 'rep', label: { en: 'Rep' }, permissions: [{ object: 'visit', actions: ['create', 'read', 'update'], rows: 'own' }] }],
};

let database: TestDatabase;
let server: FastifyInstance;
let admin: Record<string, string>;
let rep: { id: string; headers: Record<string, string> };
const visits = '/api/apps/widgets/objects/visit/records';

beforeAll(async () => {
  database = await createTestDatabase();
  server = await buildServer({ database });
  admin = await adminHeaders(server, database);
  await server.inject({ method: 'POST', url: '/api/apps', headers: admin, payload: { document: app } });
  await server.inject({ method: 'POST', url: '/api/apps/widgets/publish', headers: admin, payload: {} });
  rep = await userHeaders(server, database, 'rep@test.local');
  await server.inject({ method: 'PUT', url: `/api/admin/users/${rep.id}/roles`, headers: admin, payload: { appId: 'widgets', roles: ['rep'] } });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const create = (values: Record<string, unknown>, language = 'en') =>
  server.inject({ method: 'POST', url: visits, headers: { ...rep.headers, 'accept-language': language }, payload: { values } });

describe('GET /api/directory/departments', () => {
  it('gives any signed-in user the whole tree (id, name, parent) sorted by name, and nobody else anything', async () => {
    const department = async (name: string, parentId: string | null) =>
      (await server.inject({ method: 'POST', url: '/api/admin/departments', headers: admin, payload: { name, parentId, headUserId: rep.id } })).json<{
        id: string;
      }>().id;
    const head = await department('总部', null);
    const sales = await department('Sales', head);
    const east = await department('east region', sales);
    const audit = await department('Audit', null);

    const read = await server.inject({ method: 'GET', url: '/api/directory/departments', headers: rep.headers });
    expect(read.statusCode).toBe(200);
    // An address book, not the admin view: no head of department.
    expect(read.json()).toEqual([
      { id: audit, name: 'Audit', parentId: null },
      { id: east, name: 'east region', parentId: sales },
      { id: sales, name: 'Sales', parentId: head },
      { id: head, name: '总部', parentId: null },
    ]);

    const anonymous = await server.inject({ method: 'GET', url: '/api/directory/departments', headers: { 'accept-language': 'zh-CN' } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.required' });
    expect((await server.inject({ method: 'GET', url: '/api/directory/departments?parent=x', headers: rep.headers })).statusCode).toBe(400);
  });
});

describe('signature values', () => {
  it('stores a PNG data URL as sent', async () => {
    const signed = await create({ subject: 'Signed', sign: `data:image/png;base64,${PNG_BASE64}` });
    expect(signed.statusCode).toBe(201);
    const read = await server.inject({ method: 'GET', url: `${visits}/${signed.json().id}`, headers: rep.headers });
    expect(read.json().sign).toBe(`data:image/png;base64,${PNG_BASE64}`);
  });

  it.each([
    ['a JPEG claiming to be a PNG', `data:image/png;base64,${JPEG_BASE64}`],
    ['an SVG with a script', `data:image/svg+xml;base64,${SVG_BASE64}`],
    ['an SVG under a PNG prefix', `data:image/png;base64,${SVG_BASE64}`],
    ['broken base64', `data:image/png;base64,${PNG_BASE64.slice(0, -3)}`],
    ['a URL', 'https://example.com/sign.png'],
  ])("refuses %s with the field's own error, in zh-CN and en", async (_, value) => {
    const zh = await create({ subject: 'Forged', sign: value }, 'zh-CN');
    expect(zh.statusCode).toBe(422);
    expect(zh.json().errors).toEqual([
      expect.objectContaining({ code: 'field.signature_invalid', field: 'sign', message: '“客户签名”不是有效的签名图片，请重新签名' }),
    ]);
    const en = await create({ subject: 'Forged', sign: value });
    expect(en.json().errors).toEqual([
      expect.objectContaining({ code: 'field.signature_invalid', message: '"Customer signature" is not a valid signature image; sign again' }),
    ]);
  });

  it('checks an update too, and caps the size at 500,000 characters', async () => {
    const visit = (await create({ subject: 'Later' })).json();
    const patch = (sign: string) =>
      server.inject({ method: 'PATCH', url: `${visits}/${visit.id}`, headers: rep.headers, payload: { version: visit.version, values: { sign } } });
    expect((await patch(`data:image/png;base64,${JPEG_BASE64}`)).json().errors).toEqual([expect.objectContaining({ code: 'field.signature_invalid' })]);
    const huge = `data:image/png;base64,${PNG_BASE64}${'A'.repeat(500_000)}`;
    expect((await patch(huge)).json().errors).toEqual([expect.objectContaining({ code: 'field.max_length', field: 'sign' })]);
    expect((await patch(`data:image/png;base64,${PNG_BASE64}`)).statusCode).toBe(200);
  });
});

describe('rich text values', () => {
  it('keeps what the editor writes, byte for byte', async () => {
    const html =
      '<h2>Visit</h2><p><strong>Bold</strong> <em>it</em> <u>u</u> <s>s</s> <a target="_blank" rel="noopener noreferrer nofollow" href="https://example.com/a?b=1&amp;c=2">link</a></p>' +
      '<ul><li><p>one</p></li></ul><ol start="3"><li><p>three</p></li></ol><blockquote><p>q</p></blockquote>';
    const saved = await create({ subject: 'Editor', notes: html });
    expect(saved.json().notes).toBe(html);
  });

  it('strips scripts, event handlers and javascript: links, and makes every link safe to open', async () => {
    const saved = await create({
      subject: 'Crafted',
      notes:
        '<p>Hi <img src=x onerror=alert(1)><span onclick="x()">there</span></p><script>alert(2)</script>' +
        '<a href="javascript:alert(3)">bad</a><a href="//evil.example">relative</a><a href="https://example.com" target="_self" rel="opener">ok</a>' +
        '<div style="position:fixed">text</div><ol type="javascript" start="2"><li>x</li></ol><ol start="x" type="a"><li>y</li></ol>',
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().notes).toBe(
      '<p>Hi there</p><a target="_blank" rel="noopener noreferrer nofollow">bad</a><a target="_blank" rel="noopener noreferrer nofollow">relative</a>' +
        '<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">ok</a>text<ol start="2"><li>x</li></ol><ol type="a"><li>y</li></ol>',
    );
  });
});
