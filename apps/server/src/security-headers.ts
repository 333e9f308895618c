import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet from 'helmet';

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

const common = {
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  // HSTS belongs to whoever terminates TLS (the reverse proxy); on plain http it means nothing.
  strictTransportSecurity: false,
} as const;
/** Stands for the style nonce while helmet's headers are captured; each response puts its own in. */
const NONCE_MARK = 'tessera-style-nonce-mark';

/** What helmet sets, as a list of headers and the policy split where each response's nonce goes. */
interface CapturedHeaders {
  fixed: Array<[string, string]>;
  policyParts: string[];
}

/**
 * Helmet's headers computed once, from helmet itself (so it stays the one source of their
 * values): its twelve middlewares each set a header that never changes but for the nonce, and
 * running them for every answer was about 0.17 ms of each API call on the loaded machine (B4
 * over HTTP, CPU profile). The nonce is still fresh per response.
 */
function captureHeaders(options: Parameters<typeof helmet>[0]): CapturedHeaders {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  } as unknown as ServerResponse;
  styleNonces.set(response, NONCE_MARK);
  helmet(options)({} as IncomingMessage, response, () => undefined);
  const policy = headers.get('content-security-policy') ?? '';
  headers.delete('content-security-policy');
  return { fixed: [...headers], policyParts: policy.split(`'nonce-${NONCE_MARK}'`) };
}

const pageHeaders = captureHeaders({ contentSecurityPolicy: { useDefaults: false, directives }, ...common });
const docsHeaders = captureHeaders({ contentSecurityPolicy: { useDefaults: false, directives: docsDirectives }, ...common });

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', (request, reply, done) => {
    const { fixed, policyParts } = request.routeOptions.url?.startsWith('/docs') ? docsHeaders : pageHeaders;
    const response = reply.raw;
    response.setHeader('permissions-policy', PERMISSIONS_POLICY);
    for (const [name, value] of fixed) response.setHeader(name, value);
    response.removeHeader('x-powered-by');
    response.setHeader('content-security-policy', policyParts.length > 1 ? policyParts.join(`'nonce-${styleNonceOf(response)}'`) : policyParts[0]!);
    done();
  });
}
