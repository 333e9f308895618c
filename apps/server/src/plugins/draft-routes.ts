import type { FastifyPluginAsync } from 'fastify';
import type { RecordService } from '@tessera/records';
import { policyFor } from '../authentication';

const id = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' } as const;
const objectParams = { type: 'object', properties: { appId: id, objectId: id }, required: ['appId', 'objectId'] } as const;
/** 'new' for a record being created, or the id of the record being edited. */
const draftParams = { type: 'object', properties: { appId: id, objectId: id, key: { type: 'string', pattern: '^(new|[0-9a-f-]{36})$' } }, required: ['appId', 'objectId', 'key'] } as const;
const tags = ['drafts'];

type ObjectParams = { appId: string; objectId: string };
type DraftParams = ObjectParams & { key: string };

/** Autosaved, unfinished forms of the signed-in user. */
export const draftRoutes: FastifyPluginAsync<{ records: RecordService }> = async (app, { records }) => {
  const base = '/api/apps/:appId/objects/:objectId/drafts';

  app.get<{ Params: ObjectParams }>(base, { schema: { tags, summary: 'My drafts of this object, newest first', params: objectParams } }, async (request) =>
    records.drafts.list(request.params.appId, request.params.objectId, policyFor(request, request.params.appId)));

  app.get<{ Params: DraftParams }>(`${base}/:key`, { schema: { tags, summary: 'Resume a draft', params: draftParams } }, async (request) =>
    records.drafts.read(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.key));

  app.put<{ Params: DraftParams; Body: { values: Record<string, unknown> } }>(`${base}/:key`, {
    schema: { tags, summary: 'Autosave a draft (not validated: it is unfinished)', params: draftParams, body: { type: 'object', properties: { values: { type: 'object', additionalProperties: true } }, required: ['values'], additionalProperties: false } },
  }, async (request, reply) => {
    await records.drafts.save(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.key, request.body.values);
    return reply.status(204).send();
  });

  app.delete<{ Params: DraftParams }>(`${base}/:key`, { schema: { tags, summary: 'Discard a draft (also done when the record is saved)', params: draftParams } }, async (request, reply) => {
    await records.drafts.remove(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.key);
    return reply.status(204).send();
  });
};
