import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * What the server compresses as it answers: JSON, text, CSV, XML and SVG. Server-sent events stay
 * out (a compressor holds back what it has not filled a block with), and so do octet-stream
 * downloads, which are often a zip or an image already.
 */
const COMPRESSIBLE = /^text\/(?!event-stream)|^image\/svg\+xml|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)/u;

/** Brotli at quality 4 (the plugin's default, restated: a route's own options replace all of the plugin's). */
const BROTLI_QUALITY = { [constants.BROTLI_PARAM_QUALITY]: 4 };

const COMMON = { global: true, threshold: 1024, encodings: ['br', 'gzip'] as ('br' | 'gzip')[], customTypes: COMPRESSIBLE };

/**
 * Answers in Brotli or gzip when the request accepts them and the body is over 1 KB: a 50-row list
 * page is ~35 KB of JSON and ~5 KB compressed. Brotli at quality 4 costs about what gzip does. A
 * body that already has an encoding (a precompressed asset) is sent as it is.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { ...COMMON, brotliOptions: { params: BROTLI_QUALITY } });
}

/**
 * For a route that streams a long answer as it reads it (an export, page by page): the compressor
 * flushes every part written. Without it Brotli held back a whole CSV export — no headers, no
 * byte — until the last page was read, which under load took longer than a client waits (300 s).
 * One flush per page of 500 rows costs a few bytes of compression.
 */
export const FLUSH_EACH_PART = {
  ...COMMON,
  brotliOptions: { params: BROTLI_QUALITY, flush: constants.BROTLI_OPERATION_FLUSH },
  zlibOptions: { flush: constants.Z_SYNC_FLUSH },
};
