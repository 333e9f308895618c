import type { RecordService } from '@tessera/records';
import { filterConditionSchema, savedViewSchema, sortKeySchema } from '@tessera/schemas';
import { policyFor } from '../authentication';
import { created, dateTime, identifier, noContent, objectParams, type RoutePlugin, uuid } from '../route-schemas';

const viewParams = {
  type: 'object',
  properties: { appId: identifier, objectId: identifier, viewId: uuid },
  required: ['appId', 'objectId', 'viewId'],
} as const;
const view = savedViewSchema;
/** A saved view as listed: what was saved (filters, sort, columns, search, widths and card order as stored), its id and when. */
const savedView = {
  type: 'object',
  properties: {
    id: uuid,
    name: { type: 'string' },
    filters: { type: 'array', items: filterConditionSchema },
    sort: { type: 'array', items: sortKeySchema },
    columns: { type: 'array', items: { type: 'string' } },
    search: savedViewSchema.properties.search,
    columnWidths: savedViewSchema.properties.columnWidths,
    cardOrder: savedViewSchema.properties.cardOrder,
    updatedAt: dateTime,
  },
  required: ['id', 'name', 'updatedAt'],
  additionalProperties: false,
} as const;
const tags = ['views'];

/** A user's own saved list views. */
export const viewRoutes: RoutePlugin<{ records: RecordService }> = async (app, { records }) => {
  const base = '/api/apps/:appId/objects/:objectId/views';
  app.get(
    base,
    { schema: { tags, summary: 'My saved views of this object', params: objectParams, response: { 200: { type: 'array', items: savedView } } } },
    async (request) => records.views.list(request.params.appId, request.params.objectId, policyFor(request, request.params.appId)),
  );

  app.post(
    base,
    { schema: { tags, summary: 'Save a view (same name: replaced)', params: objectParams, body: view, response: { 201: created } } },
    async (request, reply) =>
      reply
        .status(201)
        .send({ id: await records.views.save(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.body) }),
  );

  app.put(
    `${base}/:viewId`,
    { schema: { tags, summary: 'Change one of my views', params: viewParams, body: view, response: { 200: created } } },
    async (request) => ({
      id: await records.views.save(
        request.params.appId,
        request.params.objectId,
        policyFor(request, request.params.appId),
        request.body,
        request.params.viewId,
      ),
    }),
  );

  app.delete(
    `${base}/:viewId`,
    { schema: { tags, summary: 'Delete one of my views', params: viewParams, response: { 204: noContent } } },
    async (request, reply) => {
      await records.views.remove(request.params.appId, request.params.objectId, policyFor(request, request.params.appId), request.params.viewId);
      return reply.status(204).send(null);
    },
  );
};
