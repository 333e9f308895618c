import { type AccessPolicy, compilePolicy, fullAccess } from '@tessera/access';
import type { Database } from '@tessera/db';
import { createSignedInUserCache, IdentityError, type SignedInUser, tokenDigest } from '@tessera/identity';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'tessera_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; null only on public routes. */
    user: SignedInUser | null;
  }
}

/** Routes anyone may call: liveness and readiness, signing in, the API docs, the web app's files, and inbound webhooks (their signature authenticates them). */
function isPublic(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return !path.startsWith('/api/') || isHealthProbe(request) || path === '/api/auth/sign-in' || path.startsWith('/api/hooks/');
}

function isHealthProbe(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return path === '/api/health' || path.startsWith('/api/health/');
}

/**
 * A cookie-authenticated write must come from our own pages. SameSite=Strict already keeps the
 * cookie off cross-site requests; this also refuses what browsers label cross-site, and any
 * Origin that is not this host.
 */
function isCrossSite(request: FastifyRequest): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.origin;
  return origin !== undefined && origin !== `${request.protocol}://${request.host}`;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
}

/** Requests that can change who may do what: user, role, department and token administration, sign-out, password changes. */
function changesIdentity(request: FastifyRequest): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
  const path = request.url.split('?')[0] ?? '';
  return path.startsWith('/api/admin/') || (path.startsWith('/api/auth/') && path !== '/api/auth/sign-in');
}

/**
 * Every request under /api (but the public ones) is signed in: by the session cookie, or by an
 * API token in `Authorization: Bearer`. Who that is comes from the signed-in cache, which every
 * change to the directory empties (a NOTIFY from the database's triggers, in every process), so
 * a deactivation or a role change takes effect on the very next request; a change this process
 * made empties its own cache before the answer leaves.
 */
export function registerAuthentication(app: FastifyInstance, database: Database): void {
  const signedIn = createSignedInUserCache(database);
  app.addHook('onReady', () => signedIn.start());
  app.addHook('onClose', () => signedIn.stop());
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    // Health probes never ask who is calling: liveness must not depend on the database at all.
    if (isHealthProbe(request)) return;
    const token = bearerToken(request);
    const session = request.cookies[SESSION_COOKIE];
    if (token) request.user = await signedIn.get('token', tokenDigest(token));
    else if (session) request.user = await signedIn.get('session', tokenDigest(session));
    if (isPublic(request)) return;
    if (!request.user) throw new IdentityError('auth.required');
    if (!token && isCrossSite(request)) throw new IdentityError('auth.cross_site');
  });
  app.addHook('onSend', async (request, _reply, payload) => {
    if (changesIdentity(request)) signedIn.clear();
    return payload;
  });
}

export function requireUser(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new IdentityError('auth.required');
  return request.user;
}

export function requireAdmin(request: FastifyRequest): SignedInUser {
  const user = requireUser(request);
  if (!user.isAdmin) throw new IdentityError('auth.admin_required');
  return user;
}

/** The request user's policy in one app, compiled from the roles in that app's live document. */
export function policyFor(request: FastifyRequest, appId: string): (document: AppDocument) => AccessPolicy {
  const user = requireUser(request);
  return (document) => compilePolicy(document, { ...user, roles: user.roles[appId] ?? [] });
}

/** Internal work done on the system's behalf (template installs, migrations of data). */
export const systemAccess: AccessPolicy = fullAccess({ userId: null, departmentId: null });
