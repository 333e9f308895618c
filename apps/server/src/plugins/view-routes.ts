import type { FastifyPluginAsync } from 'fastify';
import { filterConditionSchema, sortKeySchema, type FilterCondition, type SortKey } from '@tessera/schemas';
import type { RecordService } from '@tessera/records';
import { policyFor } from '../authentication';

const id = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' } as const;
const objectParams = { type: 'object', properties: { appId: id, objectId: id }, required: ['appId', 'objectId'] } as const;
const viewParams = { type: 'object', properties: { appId: id, objectId: id, viewId: { type: 'string', format: 'uuid' } }, required: ['appId', 'objectId', 'viewId'] } as const;
const view = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    filters: { type: 'array', items: filterConditionSchema, maxItems: 50, default: [] },
    sort: { type: 'array', items: sortKeySchema, maxItems: 5, default: [] },
    columns: { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: 200, default: [] },
  },
  required: ['name'],
  additionalProperties: false,
} as const;
const tags = ['views'];

type ObjectParams = { appId: string; objectId: string };
type ViewBody = { name: string; filters: FilterCondition[]; sort: SortKey[]; columns: string[] };

/** A user's own saved list views. */
export const viewRoutes: FastifyPluginAsync<{ records: RecordService }> = async (app, { records }) => {
  const base = '/api/apps/:appId/objects/:objectId/views';
  app.get<{ Params: ObjectParams }>(base, { schema: { tags, summary: 'My saved views of this object', params: objectParams } }, async (request) =>
    records.views.list(request.params.appId, request.params.objectId, policyFor(request, request.params.appId)));

  app.post<{ Params: ObjectParams; Body: ViewBody }>(base, { schema: { tags, summary: 'Save a view (same name: replaced)', params: objectParams, body: view } }, async (request, reply) =>
    reply.status(201).send({ id: await records.views.save(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.body) }));

  app.put<{ Params: ObjectParams & { viewId: string }; Body: ViewBody }>(`${base}/:viewId`, { schema: { tags, summary: 'Change one of my views', params: viewParams, body: view } }, async (request) =>
    ({ id: await records.views.save(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.body, request.params.viewId) }));

  app.delete<{ Params: ObjectParams & { viewId: string } }>(`${base}/:viewId`, { schema: { tags, summary: 'Delete one of my views', params: viewParams } }, async (request, reply) => {
    await records.views.remove(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.viewId);
    return reply.status(204).send();
  });
};
