import type { FastifyStaticOptions } from '@fastify/static';

/** Vite names every file under /assets after a hash of its content: a new build means new names. */
const HASHED_ASSETS = '/assets/';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * How the built web app's files are sent: the Brotli or gzip copy made at build time when the
 * browser accepts it (`Vary: accept-encoding`), and hashed files cached for a year without asking
 * again. Everything else keeps the static plugin's short lifetime.
 */
export const staticAssetOptions: Pick<FastifyStaticOptions, 'preCompressed' | 'setHeaders'> = {
  preCompressed: true,
  setHeaders: (reply) => {
    if (reply.request.url.startsWith(HASHED_ASSETS)) reply.header('cache-control', `public, max-age=${ONE_YEAR_S}, immutable`);
  },
};
