import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * What the server compresses as it answers: JSON, text, CSV, XML and SVG. Server-sent events stay
 * out (a compressor holds back what it has not filled a block with), and so do octet-stream
 * downloads, which are often a zip or an image already.
 */
const COMPRESSIBLE = /^text\/(?!event-stream)|^image\/svg\+xml|(?:\+|\/)json(?:;|$)|(?:\+|\/)xml(?:;|$)/u;

/**
 * Answers in Brotli or gzip when the request accepts them and the body is over 1 KB: a 50-row list
 * page is ~35 KB of JSON and ~5 KB compressed. Brotli at quality 4 (the plugin's default) costs
 * about what gzip does. A body that already has an encoding (a precompressed asset) is sent as it is.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'], customTypes: COMPRESSIBLE });
}
