import type { Database } from '@tessera/db';
import {
  changePassword,
  createApiToken,
  listApiTokens,
  listDirectoryDepartments,
  revokeApiToken,
  SESSION_DAYS,
  searchDirectory,
  signIn,
  signOut,
} from '@tessera/identity';
import { createMetadataStore, MetaError } from '@tessera/meta';
import { requireUser, SESSION_COOKIE } from '../authentication';
import { dateTime, identifier, idParams, noContent, type RoutePlugin, uuid } from '../route-schemas';

const tags = ['auth'];
const me = {
  type: 'object',
  properties: {
    userId: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    departmentId: { type: ['string', 'null'] },
    isAdmin: { type: 'boolean' },
    locale: { type: ['string', 'null'] },
    roles: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
  },
  // What fast-json-stringify does anyway: the user's department subtree stays on the server.
  additionalProperties: false,
} as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
/** One of my API tokens as listed: never its secret. */
const apiToken = {
  type: 'object',
  properties: {
    id: uuid,
    name: { type: 'string' },
    createdAt: dateTime,
    lastUsedAt: nullableDateTime,
    revokedAt: nullableDateTime,
    scope: {
      type: ['object', 'null'],
      properties: { appId: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } } },
      required: ['appId', 'roles'],
      additionalProperties: false,
    },
  },
  required: ['id', 'name', 'createdAt', 'lastUsedAt', 'revokedAt', 'scope'],
  additionalProperties: false,
} as const;

/** Sign-in and out, the signed-in user, password change, and the user's own API tokens. */
export const authRoutes: RoutePlugin<{ database: Database }> = async (app, { database }) => {
  const db = database.db;

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in; sets an httpOnly, SameSite=Strict session cookie',
        body: {
          type: 'object',
          properties: { email: { type: 'string', minLength: 3, maxLength: 320 }, password: { type: 'string', minLength: 1, maxLength: 1000 } },
          required: ['email', 'password'],
          additionalProperties: false,
        },
        response: {
          200: { type: 'object', properties: { userId: uuid, expiresAt: dateTime }, required: ['userId', 'expiresAt'], additionalProperties: false },
        },
      },
    },
    async (request, reply) => {
      const session = await signIn(db, { ...request.body, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      });
      return { userId: session.userId, expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.post('/api/auth/sign-out', { schema: { tags, summary: 'End this session', response: { 204: noContent } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', { schema: { tags, summary: 'The signed-in user', response: { 200: me } } }, async (request) => requireUser(request));

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: {
          type: 'object',
          properties: { current: { type: 'string', maxLength: 1000 }, next: { type: 'string', maxLength: 1000 } },
          required: ['current', 'next'],
          additionalProperties: false,
        },
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await changePassword(db, requireUser(request).userId, request.body.current, request.body.next, request.cookies[SESSION_COOKIE]);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/directory',
    {
      schema: {
        tags,
        summary: 'The address book: people by name or email (search) or by id (ids, comma-separated)',
        querystring: {
          type: 'object',
          properties: {
            search: { type: 'string', minLength: 1, maxLength: 100 },
            ids: { type: 'string', pattern: '^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,199}$' },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                email: { type: 'string' },
                departmentId: { type: ['string', 'null'] },
                active: { type: 'boolean' },
              },
              additionalProperties: false,
            },
          },
        },
      },
    },
    async (request) => {
      requireUser(request);
      return searchDirectory(db, { search: request.query.search, ids: request.query.ids?.split(','), limit: request.query.limit });
    },
  );

  app.get(
    '/api/directory/departments',
    {
      schema: {
        tags,
        summary: 'The department tree as a flat list (id, name, parentId), for department pickers and names',
        querystring: { type: 'object', properties: {}, additionalProperties: false },
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'string' }, name: { type: 'string' }, parentId: { type: ['string', 'null'] } },
              required: ['id', 'name', 'parentId'],
              additionalProperties: false,
            },
          },
        },
      },
    },
    async (request) => {
      requireUser(request);
      return listDirectoryDepartments(db);
    },
  );

  app.get(
    '/api/auth/tokens',
    { schema: { tags, summary: 'My API tokens (never the secrets)', response: { 200: { type: 'array', items: apiToken } } } },
    async (request) => listApiTokens(db, requireUser(request).userId),
  );

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token acting with my roles, or only some of them in one app (`scope`); the secret is shown only in this response',
        body: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            scope: {
              type: 'object',
              properties: { appId: identifier, roles: { type: 'array', items: { type: 'string' }, uniqueItems: true, minItems: 1, maxItems: 50 } },
              required: ['appId', 'roles'],
              additionalProperties: false,
            },
          },
          required: ['name'],
          additionalProperties: false,
        },
        response: {
          201: {
            type: 'object',
            properties: { id: uuid, token: { type: 'string', description: 'The secret: shown only here' } },
            required: ['id', 'token'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { scope } = request.body;
      // A token can narrow its user's power, never widen it (an administrator may pick any role of the app).
      const grantable = scope
        ? user.isAdmin
          ? ((await createMetadataStore(db).getApp(scope.appId)).draft.roles ?? []).map((r) => r.id)
          : (user.roles[scope.appId] ?? [])
        : [];
      const refused = scope?.roles.filter((r) => !grantable.includes(r)) ?? [];
      if (refused.length)
        throw new MetaError(
          'meta.invalid',
          422,
          refused.map((id) => ({ pointer: `/scope/roles/${scope!.roles.indexOf(id)}`, code: 'meta.unknown_node', params: { id } })),
          { count: refused.length },
        );
      return reply.status(201).send(await createApiToken(db, user.userId, request.body.name, scope ?? null));
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      schema: { tags, summary: 'Revoke one of my API tokens', params: idParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await revokeApiToken(db, requireUser(request).userId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
