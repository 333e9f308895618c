import { type AccessPolicy, compilePolicy, fullAccess } from '@tessera/access';
import type { Database } from '@tessera/db';
import { IdentityError, loadSignedInUser, type SignedInUser, tokenDigest } from '@tessera/identity';
import type { AppDocument } from '@tessera/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'tessera_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; null only on public routes. */
    user: SignedInUser | null;
  }
}

/** Routes anyone may call: liveness, signing in, the API docs and the web app's files. */
function isPublic(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return !path.startsWith('/api/') || path === '/api/health' || path === '/api/auth/sign-in';
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

/**
 * Every request under /api (but the public ones) is signed in: by the session cookie, or by an
 * API token in `Authorization: Bearer`. The user is read fresh on each request, so a
 * deactivation or a role change takes effect on the very next one.
 */
export function registerAuthentication(app: FastifyInstance, database: Database): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request);
    const session = request.cookies[SESSION_COOKIE];
    if (token) request.user = await loadSignedInUser(database.db, 'token', tokenDigest(token));
    else if (session) request.user = await loadSignedInUser(database.db, 'session', tokenDigest(session));
    if (isPublic(request)) return;
    if (!request.user) throw new IdentityError('auth.required');
    if (!token && isCrossSite(request)) throw new IdentityError('auth.cross_site');
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
