import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { styleNonce } from './security-headers';

/** What apps/web/index.html says where this response's style nonce goes. */
const NONCE_PLACEHOLDER = /__TESSERA_CSP_NONCE__/g;

/**
 * The web app's index.html with this response's style nonce filled in. Read on every request (it
 * is small) so a new build is served at once, and never cached: it names the hashed assets of the
 * current deploy, and a nonce must never be reused.
 */
export async function sendIndexHtml(reply: FastifyReply, webRoot: string): Promise<FastifyReply> {
  const html = await readFile(join(webRoot, 'index.html'), 'utf8');
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html.replace(NONCE_PLACEHOLDER, styleNonce(reply)));
}
