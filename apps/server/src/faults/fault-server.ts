import { randomUUID } from 'node:crypto';
import type { Database } from '@tessera/db';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildServer, type ServerOptions } from '../server';
import { adminHeaders } from '../test-session';

/** The app the fault tests write to: entries with a name each test makes unique. */
export const ledger: AppDocument = {
  id: 'ledger',
  label: { 'zh-CN': '台账', en: 'Ledger' },
  objects: [
    {
      id: 'entry',
      label: { 'zh-CN': '条目', en: 'Entry' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' } },
        { id: 'code', type: 'text', label: { 'zh-CN': '编码', en: 'Code' } },
        { id: 'amount', type: 'number', label: { 'zh-CN': '金额', en: 'Amount' } },
        { id: 'ref', type: 'text', label: { 'zh-CN': '参考号', en: 'Reference' } },
      ],
    },
  ],
};

export const ENTRIES = '/api/apps/ledger/objects/entry/records';

export interface FaultServer {
  app: FastifyInstance;
  admin: Record<string, string>;
  /** POST `payload` to `url` as the administrator. */
  send(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  /** Creates an entry with a client-chosen id (so a create sent again can never make a twin). */
  create(values: Record<string, unknown>, id?: string): Promise<{ id: string; response: LightMyRequestResponse }>;
  close(): Promise<void>;
}

/** A server on `database` with the ledger app published (unless it already is) and the administrator signed in. */
export async function startFaultServer(database: Database, options: Partial<ServerOptions> = {}): Promise<FaultServer> {
  const app = await buildServer({ database, eventPollMs: 200, ...options });
  const admin = await adminHeaders(app, database);
  const send: FaultServer['send'] = (method, url, payload) =>
    app.inject({ method, url, payload: payload as object, headers: { 'accept-language': 'en', ...admin } });
  if ((await send('GET', '/api/apps/ledger')).statusCode === 404) {
    expect((await send('POST', '/api/apps', { document: ledger })).statusCode).toBe(201);
    expect((await send('POST', '/api/apps/ledger/publish', {})).statusCode).toBe(200);
  }
  return {
    app,
    admin,
    send,
    async create(values, id = randomUUID()) {
      return { id, response: await send('POST', ENTRIES, { id, values }) };
    },
    close: () => app.close(),
  };
}

/**
 * A request that lost its database connection: 503 problem+json with Retry-After, never a 500 —
 * "lost", or "busy or unreachable" when PostgreSQL did not answer within the pool's wait.
 */
export function expectUnavailable(response: LightMyRequestResponse): void {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  expect(response.json()).toMatchObject({ status: 503 });
  expect(['server.database_unavailable', 'server.database_busy']).toContain(response.json().code);
}
