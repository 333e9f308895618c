import { objectAccess, rolePreviewPolicy } from '@tessera/access';
import type { Database } from '@tessera/db';
import { IdentityError, loadPersonForAccess } from '@tessera/identity';
import { MetaError, validateDocument } from '@tessera/meta';
import { type LiveAppCache, RecordError, type RecordService } from '@tessera/records';
import type { RoleDefinition } from '@tessera/schemas';
import { requireAdmin } from '../authentication';
import { draftedAccess, roleForLiveApp } from '../role-preview-draft';
import { identifier, listedRecord, type RoutePlugin, record, uuid } from '../route-schemas';

const tags = ['meta'];
const fieldIds = { type: 'array', items: { type: 'string' } } as const;

/**
 * The studio's "view as this role": a list and a record of a published object as a person would
 * see them if a role as the draft has it were their only role — through the records service and
 * the policy compiled by `@tessera/access`, the very path their requests take, so the preview
 * cannot drift from what they will get. Admins only; it reads, and writes nothing.
 */
export const rolePreviewRoutes: RoutePlugin<{ database: Database; records: RecordService; liveApps: LiveAppCache }> = async (
  app,
  { database, records, liveApps },
) => {
  app.post(
    '/api/apps/:appId/roles/preview',
    {
      schema: {
        tags,
        summary: "A list and a record of a published object as a person would see them holding only a draft's role (admins; nothing is written)",
        params: { type: 'object', properties: { appId: identifier }, required: ['appId'] },
        body: {
          type: 'object',
          properties: {
            role: { type: 'object', description: "A role as the draft has it (checked like publish checks it, against the live app's objects)" },
            objectId: identifier,
            userId: { ...uuid, description: "Whose rows and department count as 'own' and 'department'; default: the admin asking" },
            recordId: { ...uuid, description: 'Also show this record as that person would see it' },
            limit: { type: 'integer', minimum: 1, maximum: 100 },
          },
          required: ['role', 'objectId'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            additionalProperties: false,
            required: ['viewer', 'access', 'items', 'total', 'record', 'published'],
            properties: {
              published: { type: 'boolean', description: 'False for an object only the draft has: its access as drafted, and no rows (it has no table yet)' },
              viewer: { type: 'object', additionalProperties: false, properties: { id: uuid, name: { type: 'string' } }, required: ['id', 'name'] },
              access: {
                type: 'object',
                additionalProperties: false,
                properties: { actions: fieldIds, hiddenFields: fieldIds, readOnlyFields: fieldIds },
                required: ['actions', 'hiddenFields', 'readOnlyFields'],
              },
              items: { type: 'array', items: listedRecord },
              total: { type: ['integer', 'null'] },
              record: { anyOf: [record, { type: 'null' }], description: 'The record asked for, or null when this role may not read it' },
            },
          },
        },
      },
    },
    async (request) => {
      const admin = requireAdmin(request);
      const { appId } = request.params;
      const { objectId, userId, recordId, limit } = request.body;
      const live = await liveApps.get(appId);
      // The checks publish runs, on the live app with this role as its only one (less what only the draft has).
      const verdict = validateDocument({ ...live.document, roles: [roleForLiveApp(request.body.role, live.document)] });
      if (!verdict.ok) throw new MetaError('meta.invalid', 422, verdict.issues, { count: verdict.issues.length });
      const role = verdict.document.roles?.[0] as RoleDefinition;
      const person = await loadPersonForAccess(database.db, userId ?? admin.userId);
      if (!person) throw new IdentityError('identity.user_not_found');
      const policy = rolePreviewPolicy(live.document, role, person);
      const access = objectAccess(policy, objectId);
      const viewer = { id: person.userId, name: person.name };
      if (!live.objects.has(objectId))
        return { viewer, access: draftedAccess(request.body.role, objectId), items: [], total: 0, record: null, published: false };
      if (!access.actions.includes('read')) return { viewer, access, items: [], total: 0, record: null, published: true };
      const list = await records.list(appId, objectId, policy, { limit: limit ?? 20, count: true });
      const shown = recordId
        ? await records.get(appId, objectId, policy, recordId).catch((error: unknown) => {
            if (error instanceof RecordError && (error.code === 'record.not_found' || error.code === 'record.forbidden')) return null;
            throw error;
          })
        : null;
      return { viewer, access, items: list.items, total: list.total ?? null, record: shown, published: true };
    },
  );
};
