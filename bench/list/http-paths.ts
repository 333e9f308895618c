import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApiToken, createUser } from '@tessera/identity';
import { buildServer } from '@tessera/server';
import type { BenchDatabase } from '../shared/bench-database';
import { APP_ID, OBJECT_ID } from './customer-app';
import { PAGE_SIZE, type PagePath } from './list-paths';

export interface HttpPaths {
  /** The admin's page over HTTP, rows only (`count: false`), as the web app asks for it. */
  http: PagePath;
  /** The same, asking for no compression: what compressing costs (or saves) on a loopback connection. */
  http_plain: PagePath;
  /** What the web app does for a list: the rows and, beside them, the total; done when both have arrived. */
  http_with_total: PagePath;
  close(): Promise<void>;
}

/**
 * B4 over HTTP: the real server (every plugin, logger off) on 127.0.0.1, an administrator's API
 * token, Node's fetch (keep-alive; it asks for br/gzip and decodes), the body read and parsed.
 */
export async function startHttpPaths(database: BenchDatabase): Promise<HttpPaths> {
  const server = await buildServer({ database, logger: false });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/api/apps/${APP_ID}/objects/${OBJECT_ID}/records`;
  const userId = await createUser(database.db, { email: 'bench@tessera.local', name: 'Bench', password: randomBytes(16).toString('hex'), isAdmin: true });
  const headers = { authorization: `Bearer ${(await createApiToken(database.db, userId, 'bench')).token}`, 'content-type': 'application/json' };
  const post = async <T>(path: string, body: unknown, encoding?: string): Promise<T> => {
    const asked = encoding ? { ...headers, 'accept-encoding': encoding } : headers;
    const response = await fetch(`${base}/${path}`, { method: 'POST', headers: asked, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const filters = (page: Parameters<PagePath>[0]) => [
    { field: 'owner_id', op: 'eq', value: page.owner },
    { field: 'stage', op: 'eq', value: page.stage },
    { field: 'name', op: 'contains', value: page.fragment },
  ];
  const rowsAs =
    (encoding?: string): PagePath =>
    async (page) => {
      const body = { filters: filters(page), sort: [{ field: 'created_at', direction: 'desc' }], limit: PAGE_SIZE, count: false };
      const list = await post<{ items: Array<{ id: string }> }>('query', body, encoding);
      return list.items.map((r) => r.id);
    };
  const rows = rowsAs();
  return {
    http: rows,
    http_plain: rowsAs('identity'),
    http_with_total: async (page) => (await Promise.all([rows(page), post('count', { filters: filters(page) })]))[0],
    close: () => server.close(),
  };
}
