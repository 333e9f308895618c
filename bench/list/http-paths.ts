import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createApiToken, createUser } from '@tessera/identity';
import { startServerProcess } from '../load/server-process';
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
  /** CPU time the server process has used so far (user + system, ms; Linux /proc, 10 ms ticks). */
  serverCpuMs(): number;
  close(): Promise<void>;
}

/** A process's user + system CPU time from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** What a browser asks for and decodes natively: Brotli, else gzip. */
const BROWSER_ENCODINGS = 'br, gzip';

/**
 * B4 over HTTP: the real server in its own process as `pnpm start` runs it (bench/load's
 * server-process.ts; warnings only in its log), on 127.0.0.1, an administrator's API token. The
 * client is node:http over a keep-alive agent that reads the body, decodes it and parses the
 * JSON, as a browser does; the SQL baseline's client (pg) likewise runs here while its server
 * runs apart, so each side of B4.http_ratio pays for its own client only. (Before, the server
 * shared this process's event loop with the client and the other paths, and the client was
 * fetch, whose body streams cost more than the parsing itself.)
 */
export async function startHttpPaths(database: BenchDatabase): Promise<HttpPaths> {
  const userId = await createUser(database.db, { email: 'bench@tessera.local', name: 'Bench', password: randomBytes(16).toString('hex'), isAdmin: true });
  const token = (await createApiToken(database.db, userId, 'bench')).token;
  const server = await startServerProcess(database.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const base = `${server.base}/api/apps/${APP_ID}/objects/${OBJECT_ID}/records`;
  const post = <T>(path: string, body: unknown, encoding = BROWSER_ENCODINGS): Promise<T> =>
    new Promise((resolve, reject) => {
      const json = JSON.stringify(body);
      const headers = {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json),
        'accept-encoding': encoding,
      };
      const asked = request(`${base}/${path}`, { method: 'POST', agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const coding = response.headers['content-encoding'];
          const text = (coding === 'br' ? brotliDecompressSync(raw) : coding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
          if (response.statusCode !== 200) reject(new Error(`${path}: ${response.statusCode} ${text}`));
          else resolve(JSON.parse(text) as T);
        });
      });
      asked.on('error', reject);
      asked.end(json);
    });
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
    serverCpuMs: () => cpuMsOf(server.pid),
    close: async () => {
      agent.destroy();
      await server.stop();
    },
  };
}
