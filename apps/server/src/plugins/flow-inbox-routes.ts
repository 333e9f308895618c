import type { Database } from '@tessera/db';
import { type FlowDefinitions, FlowError, type FlowService, inboxCounts, listInbox } from '@tessera/flows';
import { translate } from '@tessera/i18n';
import { requireUser } from '../authentication';
import { localeOf } from '../problem';
import { dateTime, noContent, nullableString, type RoutePlugin, uuid } from '../route-schemas';
import { localized, person } from './flow-route-schemas';

const tags = ['flows'];

const inboxItem = {
  type: 'object',
  additionalProperties: false,
  properties: {
    instanceId: uuid,
    appId: { type: 'string' },
    flowId: { type: 'string' },
    flowLabel: localized,
    node: nullableString,
    nodeLabel: { anyOf: [localized, { type: 'null' }] },
    objectId: { type: 'string' },
    recordId: { anyOf: [uuid, { type: 'null' }] },
    recordLabel: nullableString,
    status: { type: 'string' },
    instanceStatus: { type: 'string' },
    initiator: person,
    at: dateTime,
  },
} as const;

interface InboxRouteOptions {
  database: Database;
  flows: FlowService;
  definitions: FlowDefinitions;
}

/**
 * A person's side of approvals: the inbox's four boxes and their counts, approving many at once
 * (each its own transition, each answering on its own), and the in-app notifications.
 */
export const flowInboxRoutes: RoutePlugin<InboxRouteOptions> = async (app, { database, flows, definitions }) => {
  const db = database.db;

  app.get(
    '/api/flows/inbox',
    {
      schema: {
        tags,
        summary: 'My approvals: to do, done by me, submitted by me, copied to me',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            box: { enum: ['todo', 'done', 'submitted', 'cc'], default: 'todo' },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
            offset: { type: 'integer', minimum: 0, maximum: 100_000, default: 0 },
          },
        },
        response: { 200: { type: 'array', items: inboxItem } },
      },
    },
    async (request) => listInbox(db, definitions, requireUser(request).userId, request.query.box, { limit: request.query.limit, offset: request.query.offset }),
  );

  app.get(
    '/api/flows/inbox/counts',
    {
      schema: {
        tags,
        summary: 'How many approvals wait for me, run for me, and my unread notifications',
        response: {
          200: {
            type: 'object',
            additionalProperties: false,
            properties: { todo: { type: 'integer' }, submitted: { type: 'integer' }, unread: { type: 'integer' } },
          },
        },
      },
    },
    async (request) => inboxCounts(db, requireUser(request).userId),
  );

  app.post(
    '/api/flows/inbox/approve',
    {
      schema: {
        tags,
        summary: 'Approve many tasks at once; each is its own transition, and each answers on its own',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              minItems: 1,
              maxItems: 200,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['instanceId'],
                properties: { instanceId: uuid, node: { type: 'string', maxLength: 64 } },
              },
            },
            comment: { type: 'string', maxLength: 5_000 },
          },
        },
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                instanceId: uuid,
                ok: { type: 'boolean' },
                code: nullableString,
                message: { ...nullableString, description: "Why not, in the user's language" },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const locale = localeOf(request);
      const results: { instanceId: string; ok: boolean; code: string | null; message: string | null }[] = [];
      for (const item of request.body.items) {
        try {
          await flows.act(item.instanceId, { kind: 'approve', user: user.userId, node: item.node, comment: request.body.comment });
          results.push({ instanceId: item.instanceId, ok: true, code: null, message: null });
        } catch (error) {
          if (!(error instanceof FlowError)) throw error;
          results.push({ instanceId: item.instanceId, ok: false, code: error.code, message: translate(locale, error.code, error.params) });
        }
      }
      return results;
    },
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { unread: { type: 'boolean' }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 30 } },
        },
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                id: uuid,
                kind: { type: 'string' },
                title: { anyOf: [localized, { type: 'null' }] },
                link: { anyOf: [{ type: 'object', additionalProperties: true }, { type: 'null' }] },
                createdAt: dateTime,
                readAt: { anyOf: [dateTime, { type: 'null' }] },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const rows = await db
        .selectFrom('notifications')
        .select(['id', 'kind', 'title', 'link', 'created_at', 'read_at'])
        .where('user_id', '=', user.userId)
        .$if(request.query.unread === true, (q) => q.where('read_at', 'is', null))
        .orderBy('created_at', 'desc')
        .limit(request.query.limit)
        .execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, link: r.link, createdAt: r.created_at, readAt: r.read_at }));
    },
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read (all of mine when no ids)',
        body: { type: 'object', additionalProperties: false, properties: { ids: { type: 'array', items: uuid, minItems: 1, maxItems: 500 } } },
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await db
        .updateTable('notifications')
        .set({ read_at: new Date() })
        .where('user_id', '=', user.userId)
        .where('read_at', 'is', null)
        .$if(request.body.ids !== undefined, (q) => q.where('id', 'in', request.body.ids ?? []))
        .execute();
      return reply.status(204).send(null);
    },
  );
};
