import type { AppDocument } from '@tessera/schemas';

/** A signed-in API caller for test set-up: the server's base URL and the session cookie it set. */
/** Someone the tests create and sign in as: an e-mail, a display name and a password. */
export interface Person {
  email: string;
  name: string;
  password: string;
}

export interface ApiSession {
  baseUrl: string;
  cookie: string;
}

const SESSION_COOKIE = 'tessera_session';

/** Signs in through the real route, as the browser does, and keeps the session cookie. */
export async function signInApi(baseUrl: string, credentials: { email: string; password: string }): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!response.ok || !cookie) throw new Error(`sign-in as ${credentials.email} → ${response.status}: ${await response.text()}`);
  return { baseUrl, cookie };
}

/** Minimal JSON calls for test set-up; failures throw with the server's problem body. */
export async function callApi<T>(session: ApiSession, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${session.baseUrl}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      'Accept-Language': 'en',
      Cookie: session.cookie,
      // Cookie-authenticated writes must be same-origin; Node's fetch sends no Origin, so none is checked.
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Creates the app from a document and publishes it, as an admin would; returns its id. */
export async function createPublishedApp(session: ApiSession, document: AppDocument): Promise<string> {
  const created = await callApi<{ id: string; draftRevision: number }>(session, 'POST', '/api/apps', { document });
  await callApi(session, 'POST', `/api/apps/${created.id}/publish`, { revision: created.draftRevision, comment: 'e2e' });
  return created.id;
}

export async function createRecord(session: ApiSession, appId: string, objectId: string, values: Record<string, unknown>): Promise<{ id: string }> {
  return callApi(session, 'POST', `/api/apps/${appId}/objects/${objectId}/records`, { values });
}
