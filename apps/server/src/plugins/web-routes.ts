import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { sendIndexHtml } from '../index-html';
import type { RoutePlugin } from '../route-schemas';
import { staticAssetOptions } from './static-assets';

/**
 * Serves the built web app, and index.html for client-side routes, so a reload of
 * `/apps/crm/customer` works. API paths never fall through to it.
 */
export const webRoutes: RoutePlugin<{ webRoot: string }> = async (app, { webRoot }) => {
  if (!existsSync(join(webRoot, 'index.html'))) {
    app.log.warn({ webRoot }, 'web app not built: run `pnpm --filter @tessera/web build`');
    return;
  }
  // index.html is never served as a plain file: sendIndexHtml fills in its nonce and keeps it out of caches.
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    globIgnore: ['index.html'],
    maxAge: '1h',
    immutable: false,
    ...staticAssetOptions,
  });
  app.get(
    '/*',
    {
      schema: {
        hide: true,
        response: {
          200: { description: "The web app's index.html, for a client-side route", content: { 'text/html': { schema: { type: 'string', format: 'binary' } } } },
        },
      },
    },
    async (request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/docs')) return reply.callNotFound();
      return sendIndexHtml(reply, webRoot);
    },
  );
};
