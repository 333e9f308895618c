import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useDemoServer } from './demo-testing';
import { runOpenApiFuzz } from './openapi-fuzz-run';

/**
 * What an attacker sends — NUL, lone surrogates, impossible dates, 1e308, forged cursors, ids and
 * names already taken, things that do not exist, huge bodies and paths — answered with a 4xx
 * problem naming the field and the rule, never a 500; then the OpenAPI fuzz over every route.
 */
const server = useDemoServer({ scale: 0.1 });
const JSON_TYPE = { 'content-type': 'application/json' };

async function call(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const response = await server.app.inject({
    method,
    url,
    headers: { ...JSON_TYPE, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const body = response.body
    ? (JSON.parse(response.body) as { code?: string; title?: string; errors?: { field?: string; code: string; message: string }[] })
    : {};
  return { status: response.statusCode, type: String(response.headers['content-type']), body };
}

const records = (object: string) => `/api/apps/${server.demo.appId}/objects/${object}/records`;

/** A new customer's values: the required choices copied from a demo customer. */
async function customerValues(name: string, admin: Record<string, string>): Promise<Record<string, unknown>> {
  const page = await server.app.inject({ method: 'GET', url: `${records('customer')}?limit=1`, headers: admin });
  const [sample] = (page.json() as { items: { tier: unknown; status: unknown }[] }).items;
  return { name, tier: sample?.tier, status: sample?.status };
}

describe('values PostgreSQL would refuse are refused first, naming the field and the rule', () => {
  it('refuses a NUL character, also at sign-in without an account, in both languages', async () => {
    const en = await call('POST', '/api/auth/sign-in', { email: 'no\u0000body@test.local', password: 'x' });
    expect(en).toMatchObject({ status: 400, body: { errors: [{ field: 'email', code: 'request.nul_character' }] } });
    expect(en.type).toMatch(/^application\/problem\+json/);
    expect(en.body.errors?.[0]?.message).toContain('NUL');
    const zh = await call('POST', '/api/auth/sign-in', { email: 'x@test.local', password: 'a\u0000b' }, { 'accept-language': 'zh-CN' });
    expect(zh.body.errors?.[0]).toMatchObject({ field: 'password', code: 'request.nul_character' });
    expect(zh.body.errors?.[0]?.message).toContain('不能保存');
  });

  it('refuses a lone surrogate in values stored as JSON (a saved view keeps its filters in jsonb)', async () => {
    const admin = await server.headers('admin');
    const views = `/api/apps/${server.demo.appId}/objects/customer/views`;
    const saved = await call('POST', views, { name: 'Half a pair', filters: [{ field: 'name', op: 'eq', value: 'a\uD800' }] }, admin);
    expect(saved).toMatchObject({ status: 400, body: { errors: [{ field: 'filters.0.value', code: 'request.lone_surrogate' }] } });
  });

  it('refuses dates that do not exist and extended-year date-times in filters', async () => {
    const admin = await server.headers('admin');
    for (const [object, field, value] of [
      ['contact', 'birthday', '2026-02-30'],
      ['contact', 'birthday', '0000-01-01'],
      ['customer', 'last_contact_at', '+275760-09-13T00:00:00.000Z'],
      ['customer', 'last_contact_at', '0000-06-01T00:00:00Z'],
    ] as const) {
      const listed = await call('POST', `${records(object)}/query`, { filters: [{ field, op: 'gte', value }] }, admin);
      expect(listed, `${field} ${value}`).toMatchObject({ status: 400, body: { code: 'query.invalid', errors: [{ field }] } });
    }
  });

  it('refuses numbers too large for their column', async () => {
    const admin = await server.headers('admin');
    const created = await call('POST', records('customer'), { values: await customerValues('Version test', admin) }, admin);
    const id = (created.body as { id: string }).id;
    const patched = await call('PATCH', `${records('customer')}/${id}`, { version: 1e308, values: { name: 'x' } }, admin);
    expect(patched).toMatchObject({ status: 400, body: { errors: [{ field: 'version', code: 'request.maximum' }] } });
    const rollback = await call('POST', `/api/apps/${server.demo.appId}/rollback`, { version: 1e308 }, admin);
    expect(rollback).toMatchObject({ status: 400, body: { errors: [{ field: 'version', code: 'request.maximum' }] } });
  });

  it('refuses a tampered paging cursor', async () => {
    const admin = await server.headers('admin');
    const page = await server.app.inject({ method: 'GET', url: `${records('customer')}?limit=2`, headers: admin });
    const cursor = (page.json() as { nextCursor: string }).nextCursor;
    const [, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    for (const forged of [
      ['not a time', id],
      ['2026-02-30 10:00:00+00', id],
      ['2026-06-01 10:00:00+00', 'not-a-uuid'],
      [7, id],
    ]) {
      const next = await call('GET', `${records('customer')}?limit=2&cursor=${Buffer.from(JSON.stringify(forged)).toString('base64url')}`, undefined, admin);
      expect(next, JSON.stringify(forged)).toMatchObject({ status: 400, body: { code: 'query.cursor' } });
    }
  });

  it('answers 409 for a record id or a view name already taken, 404 for a user or app that does not exist', async () => {
    const admin = await server.headers('admin');
    const first = await call('POST', records('customer'), { values: await customerValues('Taken id', admin) }, admin);
    const id = (first.body as { id: string }).id;
    const again = await call('POST', records('customer'), { id, values: await customerValues('Taken id again', admin) }, admin);
    expect(again).toMatchObject({ status: 409, body: { code: 'record.id_taken', errors: [{ field: 'id' }] } });
    const views = `/api/apps/${server.demo.appId}/objects/customer/views`;
    await call('POST', views, { name: 'Mine' }, admin);
    const other = await call('POST', views, { name: 'Other' }, admin);
    const renamed = await call('PUT', `${views}/${(other.body as { id: string }).id}`, { name: 'Mine' }, admin);
    expect(renamed).toMatchObject({ status: 409, body: { code: 'view.name_taken', errors: [{ field: 'name' }] } });
    const roles = await call('PUT', '/api/admin/users/00000000-0000-4000-8000-000000000000/roles', { appId: server.demo.appId, roles: [] }, admin);
    expect(roles).toMatchObject({ status: 404, body: { code: 'identity.user_not_found' } });
    const department = await call('POST', '/api/admin/departments', { name: 'Headless', headUserId: '00000000-0000-4000-8000-000000000000' }, admin);
    expect(department).toMatchObject({ status: 404, body: { code: 'identity.user_not_found' } });
    const purge = await call('POST', '/api/apps/no_such_app/purge', { object: 'customer' }, admin);
    expect(purge).toMatchObject({ status: 404, body: { code: 'meta.app_not_found' } });
  });
});

describe("the framework's own answers are problems too", () => {
  it('answers unknown routes, long and badly encoded paths, other media types and broken JSON as problem+json', async () => {
    const admin = await server.headers('admin');
    const cases = [
      { url: '/api/nothing/here', status: 404 },
      { url: `/api/apps/${'a'.repeat(300)}`, status: 414 },
      { url: '/api/apps/%ED%A0%80', status: 400 },
    ];
    for (const { url, status } of cases) {
      const response = await server.app.inject({ method: 'GET', url, headers: admin });
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type'], url).toMatch(/^application\/problem\+json/);
    }
    const media = await server.app.inject({ method: 'POST', url: records('customer'), headers: { ...admin, 'content-type': 'text/xml' }, payload: '<x/>' });
    expect([media.statusCode, media.headers['content-type']]).toEqual([415, expect.stringMatching(/^application\/problem\+json/)]);
    const broken = await server.app.inject({ method: 'POST', url: records('customer'), headers: { ...admin, ...JSON_TYPE }, payload: '{"values":' });
    expect([broken.statusCode, broken.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/problem\+json/)]);
  });

  it('answers a 10 MB body with a 413 problem the client reads, not a reset connection', async () => {
    const admin = await server.headers('admin');
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as AddressInfo;
    const body = Buffer.alloc(10 * 1024 * 1024, 'a');
    const outcome = await new Promise<{ status?: number; type?: string; error?: string }>((resolve) => {
      const seen: { status?: number; type?: string; error?: string } = {};
      const sending = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/auth/sign-in', headers: { ...admin, ...JSON_TYPE, 'content-length': String(body.length) } },
        (response) => {
          Object.assign(seen, { status: response.statusCode, type: response.headers['content-type'] });
          response.resume();
        },
      );
      // A browser sends the body in pieces as the socket takes them; a reset or broken pipe on the way is the bug.
      sending.on('error', (error: NodeJS.ErrnoException) => Object.assign(seen, { error: error.code }));
      sending.on('close', () => resolve(seen));
      let offset = 0;
      const pump = () => {
        while (offset < body.length) {
          const more = sending.write(body.subarray(offset, offset + 65_536));
          offset += 65_536;
          if (!more) return void sending.once('drain', pump);
        }
        sending.end();
      };
      pump();
    });
    expect(outcome).toEqual({ status: 413, type: expect.stringMatching(/^application\/problem\+json/) });
  });
});

describe('the API under requests drawn from its OpenAPI document', () => {
  it('answers every route, as admin, rep and anonymous, with good and hostile values: no 5xx, every error problem+json', async () => {
    const { cases, findings } = await runOpenApiFuzz(server);
    expect(cases).toBeGreaterThan(500);
    expect(findings).toEqual([]);
  }, 300_000);
});
