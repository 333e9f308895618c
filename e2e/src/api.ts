import type { AppDocument } from '@tessera/schemas';

/** Minimal JSON calls for test set-up; failures throw with the server's problem body. */
export async function callApi<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Accept: 'application/json', 'Accept-Language': 'en', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Creates the app from a document and publishes it, as an admin would; returns its id. */
export async function createPublishedApp(baseUrl: string, document: AppDocument): Promise<string> {
  const created = await callApi<{ id: string; draftRevision: number }>(baseUrl, 'POST', '/api/apps', { document });
  await callApi(baseUrl, 'POST', `/api/apps/${created.id}/publish`, { revision: created.draftRevision, comment: 'e2e' });
  return created.id;
}

export async function createRecord(baseUrl: string, appId: string, objectId: string, values: Record<string, unknown>): Promise<{ id: string }> {
  return callApi(baseUrl, 'POST', `/api/apps/${appId}/objects/${objectId}/records`, { values });
}
