import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * What the browser may do on our pages, one place for every response header about it
 * (ADR 0087). Scripts come from our own origin only; `<style>` elements need this response's
 * nonce (antd's CSS-in-JS and Monaco get it from index.html's `csp-nonce` meta); style
 * attributes stay allowed because ECharts' tooltips and the sanitized rich text carry them.
 */
const styleNonces = new WeakMap<ServerResponse, string>();

/** This response's style nonce, made on first use (by the policy header, then by index.html). */
function styleNonceOf(response: ServerResponse): string {
  let nonce = styleNonces.get(response);
  if (!nonce) {
    nonce = randomBytes(16).toString('base64');
    styleNonces.set(response, nonce);
  }
  return nonce;
}

export function styleNonce(reply: FastifyReply): string {
  return styleNonceOf(reply.raw);
}

const nonceSource = (_request: IncomingMessage, response: ServerResponse) => `'nonce-${styleNonceOf(response)}'`;

const directives = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", nonceSource],
  styleSrcElem: ["'self'", nonceSource],
  styleSrcAttr: ["'unsafe-inline'"],
  // Monaco's editor worker is a file of our own build.
  workerSrc: ["'self'"],
  // data: for the favicon placeholder and ECharts' image export; blob: for downloads and previews.
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/**
 * The API docs (@fastify/swagger-ui) make a style element of their own without a nonce: there,
 * and only there, style elements need no nonce (a nonce would switch 'unsafe-inline' off). Their
 * scripts are files of the plugin, so script-src stays 'self'.
 */
const docsDirectives = { ...directives, styleSrc: ["'self'", "'unsafe-inline'"], styleSrcElem: ["'self'", "'unsafe-inline'"] };

/** Features no page of ours uses: a script that sneaks in cannot use them either. */
const PERMISSIONS_POLICY = ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'magnetometer=()', 'gyroscope=()', 'accelerometer=()'].join(
  ', ',
);

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  // Before helmet's own onRoute hook, which reads a route's `helmet` option.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.helmet = { contentSecurityPolicy: { useDefaults: false, directives: docsDirectives } };
  });
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS belongs to whoever terminates TLS (the reverse proxy); on plain http it means nothing.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}
