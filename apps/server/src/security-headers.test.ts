import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './server';

let database: TestDatabase;
let app: FastifyInstance;
const webRoot = mkdtempSync(join(tmpdir(), 'tessera-web-'));

beforeAll(async () => {
  writeFileSync(
    join(webRoot, 'index.html'),
    '<head><meta property="csp-nonce" nonce="__TESSERA_CSP_NONCE__" /><style nonce="__TESSERA_CSP_NONCE__">body{}</style></head>',
  );
  writeFileSync(join(webRoot, 'app.js'), 'export {};');
  database = await createTestDatabase();
  app = await buildServer({ database, webRoot });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
  rmSync(webRoot, { recursive: true, force: true });
});

const nonceInPolicy = (policy: string) => /style-src-elem 'self' 'nonce-([^']+)'/.exec(policy)?.[1];

describe('security headers', () => {
  it('serve index.html uncached, with a fresh style nonce that the policy names', async () => {
    const pages = await Promise.all(['/', '/index.html', '/apps/crm/objects/customer'].map((url) => app.inject({ url })));
    const nonces = pages.map((page) => {
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      const nonce = nonceInPolicy(String(page.headers['content-security-policy']));
      expect(page.body).toBe(`<head><meta property="csp-nonce" nonce="${nonce}" /><style nonce="${nonce}">body{}</style></head>`);
      return nonce;
    });
    expect(new Set(nonces).size).toBe(3);
  });

  it('hold scripts to our origin and set the other headers on every answer, the API and its errors too', async () => {
    for (const url of ['/app.js', '/api/health', '/api/apps', '/api/nowhere']) {
      const response = await app.inject({ url });
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toContain("script-src 'self';");
      expect(policy).toContain("script-src-attr 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|style-src-elem[^;]*unsafe-inline/);
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'permissions-policy': expect.stringContaining('camera=()'),
      });
    }
  });

  it('give every answer helmet’s whole set, computed once, with a nonce of its own', async () => {
    const [first, second] = [await app.inject({ url: '/api/health' }), await app.inject({ url: '/api/health' })];
    const nonce = (policy: unknown) => /style-src 'self' 'nonce-([^']+)'/.exec(String(policy))?.[1];
    expect(nonce(first.headers['content-security-policy'])).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonce(first.headers['content-security-policy'])).not.toBe(nonce(second.headers['content-security-policy']));
    expect(first.headers).toMatchObject({
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    });
    expect(first.headers['x-powered-by']).toBeUndefined();
    expect(first.headers['strict-transport-security']).toBeUndefined();
  });

  it('let only the API docs use inline style elements, never inline scripts', async () => {
    const docs = await app.inject({ url: '/docs/static/index.html' });
    const policy = String(docs.headers['content-security-policy']);
    expect(policy).toContain("style-src-elem 'self' 'unsafe-inline'");
    expect(policy).toContain("script-src 'self';");
  });
});
