import type { Database } from '@tessera/db';
import { FlowError, rotateWebhookSecret, verifyWebhook, type WebhookReceiver } from '@tessera/flows';
import type { FastifyRequest } from 'fastify';
import { requireAdmin } from '../authentication';
import { identifier, nullableUuid, type RoutePlugin, uuid } from '../route-schemas';

const tags = ['flows'];
const params = { type: 'object', properties: { appId: identifier, flowId: identifier }, required: ['appId', 'flowId'] } as const;
const headerText = { type: 'string', minLength: 1, maxLength: 2000 } as const;

declare module 'fastify' {
  interface FastifyRequest {
    /** The body as it came, for the routes whose signature covers its exact bytes. */
    rawBody?: string;
  }
}

interface Options {
  database: Database;
  webhooks: WebhookReceiver;
}

/**
 * Flows started by an inbound webhook: the admin makes (or replaces) the flow's signing secret,
 * shown once; a sender posts to the flow's hook URL signed as Standard Webhooks signs. The hook
 * URL is public — the signature is its authentication — and is checked against the exact bytes
 * received before the body is even validated.
 */
export const flowWebhookRoutes: RoutePlugin<Options> = async (app, { database, webhooks }) => {
  // JSON parsed here keeps its text: this plugin's routes only (Fastify scopes parsers to the plugin).
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    request.rawBody = text;
    try {
      done(null, text.length > 0 ? JSON.parse(text) : {});
    } catch (error) {
      Object.assign(error as Error, { statusCode: 400 });
      done(error as Error, undefined);
    }
  });

  app.post(
    '/api/apps/:appId/flows/:flowId/webhook-secret',
    {
      schema: {
        tags,
        summary: "Make a new signing secret for the flow's inbound webhook (the one before stops working); shown only in this answer",
        params,
        response: {
          201: {
            type: 'object',
            properties: { secret: { type: 'string' }, url: { type: 'string' } },
            required: ['secret', 'url'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request, reply) => {
      const admin = requireAdmin(request);
      const { appId, flowId } = request.params;
      // Only a published flow started by a webhook gets a secret.
      await webhooks.flowOf(appId, flowId);
      const secret = await rotateWebhookSecret(database.db, appId, flowId, admin.userId);
      return reply.status(201).send({ secret, url: `/api/hooks/flows/${appId}/${flowId}` });
    },
  );

  app.post(
    '/api/hooks/flows/:appId/:flowId',
    {
      schema: {
        tags,
        summary: 'Start the flow from another system: signed (webhook-id, webhook-timestamp, webhook-signature), each webhook-id once',
        params,
        headers: {
          type: 'object',
          properties: { 'webhook-id': headerText, 'webhook-timestamp': headerText, 'webhook-signature': headerText },
          required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
        },
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            values: { type: 'object', description: "A record of the flow's object to create and start the flow on" },
            recordId: { ...uuid, description: "Or an existing record of the flow's object" },
          },
          not: { required: ['values', 'recordId'] },
        },
        response: {
          202: {
            type: 'object',
            properties: { instanceId: nullableUuid, recordId: nullableUuid, duplicate: { type: 'boolean' } },
            required: ['instanceId', 'recordId', 'duplicate'],
            additionalProperties: false,
          },
        },
      },
      preValidation: async (request: FastifyRequest<{ Params: { appId: string; flowId: string } }>) => {
        const { appId, flowId } = request.params;
        const secret = await webhooks.secretOf(appId, flowId);
        const header = (name: string) => {
          const value = request.headers[name];
          return typeof value === 'string' ? value : undefined;
        };
        const signed = { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature') };
        if (!verifyWebhook(secret, signed, request.rawBody ?? '')) throw new FlowError('flow.webhook_signature');
      },
    },
    async (request, reply) => {
      const { appId, flowId } = request.params;
      const answer = await webhooks.receive(appId, flowId, request.headers['webhook-id'], request.body);
      return reply.status(202).send(answer);
    },
  );
};
