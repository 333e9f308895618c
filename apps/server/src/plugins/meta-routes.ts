import type { Database } from '@tessera/db';
import { appendAudit } from '@tessera/identity';
import { createMetadataStore, localizeIssues, type PublishHooks, purgeRetired } from '@tessera/meta';
import type { LiveAppCache, RecordService } from '@tessera/records';
import { policyFor, requireAdmin, requireUser } from '../authentication';
import { localeOf } from '../problem';
import { appDocument, appParams, dateTime, identifier, type RoutePlugin, versionNumber } from '../route-schemas';
import { countRuleBreaks } from '../rule-break-counts';
import { typeChangeSchema } from './type-preview-routes';

const localizedText = { type: 'object', additionalProperties: { type: 'string' } } as const;
const planSchema = { type: 'array', items: { type: 'object', additionalProperties: true, description: 'A DDL step: `kind` and what it names' } } as const;
const tags = ['metadata'];
const publishResult = { type: 'object', properties: { version: { type: 'integer' }, plan: planSchema }, additionalProperties: false } as const;
const issues = {
  type: 'array',
  items: {
    type: 'object',
    properties: { pointer: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
    required: ['pointer', 'code', 'message'],
    additionalProperties: false,
  },
} as const;

/**
 * Admin metadata API: apps, drafts, validation, diff, publish, versions, rollback, purge.
 * Bodies are checked for shape here; the document itself by the metadata store's validator,
 * whose errors point into the document and are translated.
 */
export const metaRoutes: RoutePlugin<{ database: Database; liveApps: LiveAppCache; hooks: PublishHooks; records: RecordService }> = async (
  app,
  { database, liveApps, hooks, records },
) => {
  const store = createMetadataStore(database.db, hooks);
  // Designing apps is for administrators; end users read the app list only (and the live document, live-app-routes.ts).
  app.addHook('preHandler', async (request) => {
    const path = request.routeOptions.url ?? '';
    if (request.method === 'GET' && path === '/api/apps') requireUser(request);
    else requireAdmin(request);
  });
  const audit = (request: { user: { userId: string } | null; ip: string }, action: string, appId: string, detail: Record<string, unknown>) =>
    appendAudit(database.db, { actorId: request.user?.userId ?? null, action, appId, detail, ip: request.ip });

  app.get(
    '/api/apps',
    {
      schema: {
        tags,
        summary: 'List apps',
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                label: localizedText,
                icon: { type: ['string', 'null'], description: "The app's icon name (the document's `icon`)" },
                liveVersion: { type: ['integer', 'null'] },
                draftRevision: { type: 'integer' },
                updatedAt: dateTime,
              },
              additionalProperties: false,
            },
          },
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const apps = await store.listApps();
      return user.isAdmin ? apps : apps.filter((a) => a.liveVersion !== null && (user.roles[a.id]?.length ?? 0) > 0);
    },
  );

  app.post(
    '/api/apps',
    {
      schema: {
        tags,
        summary: 'Create an app from a document (as its first draft)',
        body: { type: 'object', properties: { document: appDocument }, required: ['document'], additionalProperties: false },
        response: {
          201: {
            type: 'object',
            properties: { id: { type: 'string' }, draftRevision: { type: 'integer' } },
            required: ['id', 'draftRevision'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request, reply) => {
      const created = await store.createApp(request.body.document);
      await audit(request, 'meta.create_app', created.id, {});
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/apps/:appId',
    {
      schema: {
        tags,
        summary: 'An app with its draft',
        params: appParams,
        response: {
          200: {
            type: 'object',
            properties: { id: { type: 'string' }, draft: appDocument, draftRevision: { type: 'integer' }, liveVersion: { type: ['integer', 'null'] } },
            required: ['id', 'draft', 'draftRevision', 'liveVersion'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => store.getApp(request.params.appId),
  );

  app.put(
    '/api/apps/:appId/draft',
    {
      schema: {
        tags,
        summary: 'Save the draft, valid or not (optimistic concurrency on `revision`); its problems come back with the new revision',
        params: appParams,
        body: {
          type: 'object',
          properties: { document: appDocument, revision: versionNumber },
          required: ['document', 'revision'],
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: { draftRevision: { type: 'integer' }, valid: { type: 'boolean' }, errors: issues },
            required: ['draftRevision', 'valid', 'errors'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => {
      const saved = await store.saveDraft(request.params.appId, request.body.document, request.body.revision);
      await audit(request, 'meta.save_draft', request.params.appId, { draftRevision: saved.draftRevision, issues: saved.issues.length });
      return { draftRevision: saved.draftRevision, valid: saved.issues.length === 0, errors: localizeIssues(saved.issues, localeOf(request)) };
    },
  );

  app.post(
    '/api/apps/:appId/validate',
    {
      schema: {
        tags,
        summary: 'Validate the draft without publishing',
        params: appParams,
        response: {
          200: { type: 'object', properties: { valid: { type: 'boolean' }, errors: issues }, required: ['valid', 'errors'], additionalProperties: false },
        },
      },
    },
    async (request) => {
      const verdict = await store.validateDraft(request.params.appId);
      return { valid: verdict.valid, errors: localizeIssues(verdict.issues, localeOf(request)) };
    },
  );

  app.get(
    '/api/apps/:appId/diff',
    {
      schema: {
        tags,
        summary: 'What publishing the draft would change, and the DDL it would run',
        params: appParams,
        response: {
          200: {
            type: 'object',
            properties: {
              changes: {
                type: 'array',
                items: { type: 'object', additionalProperties: true, description: 'A change: `kind` and the object, field or section it names' },
              },
              plan: planSchema,
              ruleBreaks: {
                type: 'array',
                description:
                  'Per field newly required or given a (new) format: how many live rows the caller can see break it, and the list filtered to exactly them. Publish is not blocked; the rows stay readable; writing one again must meet the rule.',
                items: {
                  type: 'object',
                  properties: {
                    object: { type: 'string' },
                    field: { type: 'string' },
                    rule: { type: 'string', enum: ['required', 'format'] },
                    format: { type: 'string' },
                    count: { type: ['integer', 'null'], description: 'null: an encrypted field this server holds no key for' },
                    countIsEstimate: { type: 'boolean', description: "true: the planner's estimate (past 100,000 rows), as the list labels it" },
                    list: { type: 'string', description: 'The runtime list page of the object, filtered to the rows that break the rule (`?f=`)' },
                  },
                  required: ['object', 'field', 'rule', 'count', 'countIsEstimate', 'list'],
                  additionalProperties: false,
                },
              },
              typeChanges: {
                type: 'array',
                description:
                  'Per column whose type changes: how many stored rows convert, become blank or would not convert (publish is refused while any would not)',
                items: typeChangeSchema,
              },
            },
            required: ['changes', 'plan', 'ruleBreaks', 'typeChanges'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => {
      const { appId } = request.params;
      const review = await store.diffDraft(appId);
      return { ...review, ruleBreaks: await countRuleBreaks(records, appId, policyFor(request, appId), review.ruleBreaks) };
    },
  );

  app.post(
    '/api/apps/:appId/publish',
    {
      schema: {
        tags,
        summary: 'Publish the draft as a new immutable version (one transaction)',
        params: appParams,
        body: {
          type: 'object',
          properties: { revision: versionNumber, comment: { type: 'string', maxLength: 2000 } },
          additionalProperties: false,
        },
        response: { 200: publishResult },
      },
    },
    async (request) => {
      const result = await store.publish(request.params.appId, {
        revision: request.body?.revision,
        comment: request.body?.comment,
        actor: request.user?.userId ?? null,
      });
      liveApps.invalidate(request.params.appId);
      await audit(request, 'meta.publish', request.params.appId, {
        version: result.version,
        comment: request.body?.comment ?? null,
        steps: result.plan.length,
      });
      return result;
    },
  );

  app.get(
    '/api/apps/:appId/versions',
    {
      schema: {
        tags,
        summary: 'Published versions, newest first',
        params: appParams,
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                version: { type: 'integer' },
                publishedAt: dateTime,
                publishedBy: { type: ['string', 'null'] },
                comment: { type: ['string', 'null'] },
                rolledBackFrom: { type: ['integer', 'null'] },
              },
              required: ['version', 'publishedAt', 'publishedBy', 'comment', 'rolledBackFrom'],
              additionalProperties: false,
            },
          },
        },
      },
    },
    async (request) => store.listVersions(request.params.appId),
  );

  app.get(
    '/api/apps/:appId/versions/:version',
    {
      schema: {
        tags,
        summary: 'One published version',
        params: { type: 'object', properties: { ...appParams.properties, version: versionNumber }, required: ['appId', 'version'] },
        response: {
          200: {
            type: 'object',
            properties: { version: { type: 'integer' }, document: appDocument },
            required: ['version', 'document'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => store.getVersion(request.params.appId, request.params.version),
  );

  app.post(
    '/api/apps/:appId/rollback',
    {
      schema: {
        tags,
        summary: 'Publish an older version again (becomes the new version and the draft)',
        params: appParams,
        body: {
          type: 'object',
          properties: { version: versionNumber, comment: { type: 'string', maxLength: 2000 } },
          required: ['version'],
          additionalProperties: false,
        },
        response: { 200: publishResult },
      },
    },
    async (request) => {
      const result = await store.rollback(request.params.appId, request.body.version, { comment: request.body.comment, actor: request.user?.userId ?? null });
      liveApps.invalidate(request.params.appId);
      await audit(request, 'meta.rollback', request.params.appId, { version: result.version, to: request.body.version });
      return result;
    },
  );

  app.post(
    '/api/apps/:appId/purge',
    {
      schema: {
        tags,
        summary: 'Drop a removed field or object and its data for good',
        params: appParams,
        body: { type: 'object', properties: { object: identifier, field: identifier }, required: ['object'], additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: { purged: { type: 'string', description: '`object` or `object.field`' } },
            required: ['purged'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => {
      const purged = await purgeRetired(database.db, request.params.appId, request.body);
      await audit(request, 'meta.purge', request.params.appId, purged);
      return purged;
    },
  );
};
