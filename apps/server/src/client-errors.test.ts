import { connect } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';

let database: TestDatabase;
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer({ database });
  // Node's own clock for requests that never arrive in full (defaults: 60 s for headers, checked every 30 s).
  Object.assign(app.server, { headersTimeout: 600, requestTimeout: 600, connectionsCheckingInterval: 100 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Sends bytes as they are (no client library would send these) and reads the answer until the server closes. */
function sendRaw(bytes: string, options: { keepOpen?: boolean } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      try {
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) });
      } catch {
        reject(new Error(`not a problem+json answer: ${JSON.stringify(text.slice(0, 300))}`));
      }
    });
    socket.write(bytes);
    if (!options.keepOpen) socket.end();
  });
}

const big = 'x'.repeat(20_000); // over Node's 16 KiB for the request line and headers together

describe("Node's own refusals are problem+json too", () => {
  it.each([
    [
      'headers over the limit',
      `GET /api/health HTTP/1.1\r\nHost: a\r\nAccept-Language: zh-CN\r\nX-Big: ${big}\r\n\r\n`,
      431,
      'request.headers_too_large',
      '请求头过大',
    ],
    ['a request line over the limit', `GET /api/${big} HTTP/1.1\r\nHost: a\r\n\r\n`, 414, 'request.uri_too_long', 'The request URI is too long'],
    ['a malformed request line', 'NOT HTTP AT ALL\r\n\r\n', 400, 'request.malformed', 'The request is not valid HTTP'],
    [
      'a header name with a space',
      'GET /api/health HTTP/1.1\r\nAccept-Language: zh-CN\r\nBad Header: 1\r\n\r\n',
      400,
      'request.malformed',
      '请求不是有效的 HTTP 请求',
    ],
    [
      'chunk extensions over the limit',
      `POST /api/auth/sign-in HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2;${big}\r\n{}\r\n0\r\n\r\n`,
      413,
      'request.chunk_extensions_too_large',
      'The chunk extensions of the request are too large',
    ],
  ])('%s: %s', async (_case, bytes, status, code, title) => {
    const answer = await sendRaw(bytes);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toEqual({ type: `https://tessera.dev/problems/${code}`, title, status, code });
  });

  // Node hands over no bytes with a timeout, so its answer is in the default language.
  it('a request whose headers never arrive in full: 408', async () => {
    const answer = await sendRaw('GET /api/health HTTP/1.1\r\nHost: a\r\nAccept-Language: zh-CN\r\n', { keepOpen: true });
    expect(answer.status).toBe(408);
    expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toMatchObject({ status: 408, code: 'request.timeout', title: 'The request did not arrive in full in time' });
  });

  it('an ordinary request on the same server still works', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });
});
