import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '@tessera/db';
import { changePassword, createApiToken, listApiTokens, revokeApiToken, SESSION_DAYS, signIn, signOut } from '@tessera/identity';
import { requireUser, SESSION_COOKIE } from '../authentication';

const tags = ['auth'];
const me = {
  type: 'object',
  properties: {
    userId: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, departmentId: { type: ['string', 'null'] },
    isAdmin: { type: 'boolean' }, locale: { type: ['string', 'null'] }, roles: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
  },
} as const;

/** Sign-in and out, the signed-in user, password change, and the user's own API tokens. */
export const authRoutes: FastifyPluginAsync<{ database: Database }> = async (app, { database }) => {
  const db = database.db;

  app.post<{ Body: { email: string; password: string } }>('/api/auth/sign-in', {
    schema: {
      tags, summary: 'Sign in; sets an httpOnly, SameSite=Strict session cookie',
      body: { type: 'object', properties: { email: { type: 'string', minLength: 3, maxLength: 320 }, password: { type: 'string', minLength: 1, maxLength: 1000 } }, required: ['email', 'password'], additionalProperties: false },
    },
  }, async (request, reply) => {
    const session = await signIn(db, { ...request.body, ip: request.ip });
    reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: '/', maxAge: SESSION_DAYS * 86_400 });
    return { userId: session.userId, expiresAt: session.expiresAt.toISOString() };
  });

  app.post('/api/auth/sign-out', { schema: { tags, summary: 'End this session' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags, summary: 'The signed-in user', response: { 200: me } } }, async (request) => requireUser(request));

  app.post<{ Body: { current: string; next: string } }>('/api/auth/password', {
    schema: { tags, summary: 'Change my password (ends my other sessions)', body: { type: 'object', properties: { current: { type: 'string', maxLength: 1000 }, next: { type: 'string', maxLength: 1000 } }, required: ['current', 'next'], additionalProperties: false } },
  }, async (request, reply) => {
    await changePassword(db, requireUser(request).userId, request.body.current, request.body.next, request.cookies[SESSION_COOKIE]);
    return reply.status(204).send();
  });

  app.get('/api/auth/tokens', { schema: { tags, summary: 'My API tokens (never the secrets)' } }, async (request) => listApiTokens(db, requireUser(request).userId));

  app.post<{ Body: { name: string } }>('/api/auth/tokens', {
    schema: { tags, summary: 'Create an API token acting with my roles; the secret is shown only in this response', body: { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['name'], additionalProperties: false } },
  }, async (request, reply) => reply.status(201).send(await createApiToken(db, requireUser(request).userId, request.body.name)));

  app.delete<{ Params: { id: string } }>('/api/auth/tokens/:id', {
    schema: { tags, summary: 'Revoke one of my API tokens', params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] } },
  }, async (request, reply) => {
    await revokeApiToken(db, requireUser(request).userId, request.params.id);
    return reply.status(204).send();
  });
};
