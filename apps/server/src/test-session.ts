import type { Database } from '@tessera/db';
import { createUser, ensureFirstAdmin } from '@tessera/identity';
import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from './authentication';

/** Signs in through the real route and returns the session cookie header, as a browser would send it. */
export async function signInHeaders(app: FastifyInstance, email: string, password: string): Promise<Record<string, string>> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return { cookie: `${SESSION_COOKIE}=${cookie.value}` };
}

/** The first administrator (created if missing) signed in. Test-only: the password is fixed here. */
export async function adminHeaders(app: FastifyInstance, database: Database): Promise<Record<string, string>> {
  await ensureFirstAdmin(database.db, { email: 'admin@test.local', password: 'test admin password' });
  return signInHeaders(app, 'admin@test.local', 'test admin password');
}

export async function userHeaders(
  app: FastifyInstance,
  database: Database,
  email: string,
  options: { departmentId?: string } = {},
): Promise<{ id: string; headers: Record<string, string> }> {
  const id = await createUser(database.db, {
    email,
    name: email.split('@')[0] ?? email,
    password: 'test user password',
    departmentId: options.departmentId ?? null,
  });
  return { id, headers: await signInHeaders(app, email, 'test user password') };
}

/** One file as a browser uploads it (multipart/form-data, field `file`). */
export function multipartBody(name: string, mime: string, content: Buffer) {
  const boundary = '----tessera-test';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}
