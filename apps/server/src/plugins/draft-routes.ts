import type { RecordService } from '@tessera/records';
import { policyFor } from '../authentication';
import { dateTime, identifier, noContent, objectParams, type RoutePlugin } from '../route-schemas';

/** 'new' for a record being created, or the id of the record being edited. */
const draftParams = {
  type: 'object',
  properties: { appId: identifier, objectId: identifier, key: { type: 'string', pattern: '^(new|[0-9a-f-]{36})$' } },
  required: ['appId', 'objectId', 'key'],
} as const;
const tags = ['drafts'];
/** Field values by field id, not validated (a draft is unfinished); the server keeps only the object's fields, never an encrypted one. */
const draftValues = { type: 'object', additionalProperties: true } as const;

/** Autosaved, unfinished forms of the signed-in user. */
export const draftRoutes: RoutePlugin<{ records: RecordService }> = async (app, { records }) => {
  const base = '/api/apps/:appId/objects/:objectId/drafts';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'My drafts of this object, newest first',
        params: objectParams,
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: { key: { type: 'string' }, updatedAt: dateTime },
              required: ['key', 'updatedAt'],
              additionalProperties: false,
            },
          },
        },
      },
    },
    async (request) => records.drafts.list(request.params.appId, request.params.objectId, policyFor(request, request.params.appId)),
  );

  app.get(
    `${base}/:key`,
    {
      schema: {
        tags,
        summary: 'Resume a draft',
        params: draftParams,
        response: {
          200: {
            type: 'object',
            properties: { key: { type: 'string' }, values: draftValues, updatedAt: dateTime },
            required: ['key', 'values', 'updatedAt'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => records.drafts.read(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.key),
  );

  app.put(
    `${base}/:key`,
    {
      schema: {
        tags,
        summary: 'Autosave a draft (not validated: it is unfinished)',
        params: draftParams,
        body: { type: 'object', properties: { values: draftValues }, required: ['values'], additionalProperties: false },
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await records.drafts.save(
        request.params.appId,
        request.params.objectId,
        policyFor(request, request.params.appId),
        request.params.key,
        request.body.values,
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    `${base}/:key`,
    { schema: { tags, summary: 'Discard a draft (also done when the record is saved)', params: draftParams, response: { 204: noContent } } },
    async (request, reply) => {
      await records.drafts.remove(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.key);
      return reply.status(204).send(null);
    },
  );
};
