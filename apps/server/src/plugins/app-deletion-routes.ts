import type { Database } from '@tessera/db';
import type { FileStore } from '@tessera/files';
import type { FlowDefinitions } from '@tessera/flows';
import type { LiveAppCache } from '@tessera/records';
import { deleteApp, deletionImpact } from '../app-deletion';
import { requireAdmin } from '../authentication';
import { appParams, identifier, type RoutePlugin } from '../route-schemas';

const tags = ['metadata'];
const label = { type: 'object', additionalProperties: { type: 'string' } } as const;
const named = { id: { type: 'string' }, label } as const;
const objectItem = {
  type: 'object',
  properties: { ...named, records: { type: 'integer' } },
  required: ['id', 'label', 'records'],
  additionalProperties: false,
} as const;
const flowItem = {
  type: 'object',
  properties: { ...named, running: { type: 'integer' } },
  required: ['id', 'label', 'running'],
  additionalProperties: false,
} as const;
const dashboardItem = { type: 'object', properties: named, required: ['id', 'label'], additionalProperties: false } as const;
const impactSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    label,
    objects: { type: 'array', items: objectItem, description: 'Record tables and their rows not deleted' },
    flows: { type: 'array', items: flowItem, description: 'Flows and their running instances, which are cancelled' },
    dashboards: { type: 'array', items: dashboardItem },
    files: {
      type: 'object',
      properties: { count: { type: 'integer' }, bytes: { type: 'integer' } },
      required: ['count', 'bytes'],
      additionalProperties: false,
    },
    versions: { type: 'integer', description: 'Published versions, removed with the draft' },
  },
  required: ['id', 'label', 'objects', 'flows', 'dashboards', 'files', 'versions'],
  additionalProperties: false,
} as const;

/** Deleting an app: what it would take with it, and the deletion itself (administrators only, one transaction, audited). */
export const appDeletionRoutes: RoutePlugin<{ database: Database; liveApps: LiveAppCache; definitions: FlowDefinitions; store: FileStore }> = async (
  app,
  { database, liveApps, definitions, store },
) => {
  app.addHook('onRequest', async (request) => {
    requireAdmin(request);
  });

  app.get(
    '/api/apps/:appId/deletion-impact',
    {
      schema: {
        tags,
        summary: 'What deleting the app removes: objects with their records, flows with running instances, dashboards, files',
        params: appParams,
        response: { 200: impactSchema },
      },
    },
    async (request) => deletionImpact(database, request.params.appId),
  );

  app.delete(
    '/api/apps/:appId',
    {
      schema: {
        tags,
        summary: 'Delete the app with its tables, records, flows (running ones cancelled), versions, draft and files',
        params: appParams,
        body: {
          type: 'object',
          properties: { confirm: { ...identifier, description: "The app's id again" } },
          required: ['confirm'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: { deleted: { type: 'string' }, cancelledInstances: { type: 'integer' } },
            required: ['deleted', 'cancelledInstances'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => {
      const { appId } = request.params;
      const outcome = await deleteApp(database, store, { appId, confirm: request.body.confirm, actorId: requireAdmin(request).userId, ip: request.ip });
      liveApps.invalidate(appId);
      definitions.forget(appId);
      return { deleted: appId, cancelledInstances: outcome.cancelled };
    },
  );
};
