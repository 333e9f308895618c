import { objectAccess, RECORD_ACTIONS } from '@tessera/access';
import type { Database } from '@tessera/db';
import { takesPartInApprovals } from '@tessera/flows';
import { createMetadataStore, MetaError, rollupFieldIds } from '@tessera/meta';
import { documentForViewer } from '@tessera/schemas';
import { policyFor, requireUser } from '../authentication';
import { appDocument, appParams, type RoutePlugin } from '../route-schemas';

const tags = ['metadata'];
const fieldIds = { type: 'array', items: { type: 'string' } } as const;
/** What the caller may do with one object: the runtime hides what it would refuse anyway. */
const objectAccessSchema = {
  type: 'object',
  properties: { actions: { type: 'array', items: { enum: RECORD_ACTIONS } }, hiddenFields: fieldIds, readOnlyFields: fieldIds },
  required: ['actions', 'hiddenFields', 'readOnlyFields'],
  additionalProperties: false,
} as const;
const liveSchema = {
  type: 'object',
  properties: {
    version: { type: 'integer' },
    document: appDocument,
    access: { type: 'object', additionalProperties: objectAccessSchema, description: "objectId → the caller's effective access" },
    rollups: {
      type: 'object',
      additionalProperties: fieldIds,
      description: 'objectId → formula fields computed on every read from a related list: shown, never filtered or sorted',
    },
  },
  required: ['version', 'document', 'access', 'rollups'],
  additionalProperties: false,
} as const;

/**
 * The live app as the runtime renders it, for anyone who takes part in the app: the published
 * document trimmed to what the caller's roles see (views for other roles left out), with the
 * caller's access per object — the same compiled policy the records service enforces.
 */
export const liveAppRoutes: RoutePlugin<{ database: Database }> = async (app, { database }) => {
  const store = createMetadataStore(database.db);
  app.get(
    '/api/apps/:appId/live',
    {
      schema: {
        tags,
        summary: "The live version the runtime renders, with the caller's access per object",
        params: appParams,
        response: { 200: liveSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      // Without a role in the app, someone asked to approve one of its records still sees its forms (their access stays none).
      const member = user.isAdmin || user.roles[request.params.appId]?.length || (await takesPartInApprovals(database.db, request.params.appId, user.userId));
      if (!member) throw new MetaError('meta.app_not_found', 404, [], { id: request.params.appId });
      const live = await store.getLive(request.params.appId);
      // The same compiled policy the records service enforces on this caller's requests.
      const policy = policyFor(request, request.params.appId)(live.document);
      const objects = live.document.objects;
      return {
        ...live,
        document: documentForViewer(live.document, { roles: user.roles[request.params.appId] ?? [], isAdmin: user.isAdmin }),
        access: Object.fromEntries(objects.map((o) => [o.id, objectAccess(policy, o.id)])),
        rollups: Object.fromEntries(objects.map((o): [string, string[]] => [o.id, [...rollupFieldIds(o, live.document)]]).filter(([, ids]) => ids.length > 0)),
      };
    },
  );
};
