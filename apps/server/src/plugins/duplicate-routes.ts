import type { Database } from '@tessera/db';
import { appendAudit } from '@tessera/identity';
import type { RecordService } from '@tessera/records';
import { policyFor } from '../authentication';
import { identifier, objectParams, type RoutePlugin, recordParams, uuid } from '../route-schemas';

const tags = ['duplicates'];
const score = { type: 'number', minimum: 0, maximum: 1 } as const;
const candidate = {
  type: 'object',
  properties: { visible: { type: 'boolean' }, id: uuid, display: { type: ['string', 'null'] }, rule: { type: 'string' }, score },
  required: ['visible', 'rule', 'score'],
  additionalProperties: false,
  description: 'A record the values would duplicate; one outside the reader’s scope carries no id and no values',
} as const;
const group = {
  type: 'object',
  properties: {
    score,
    rules: { type: 'array', items: { type: 'string' } },
    records: {
      type: 'array',
      items: { type: 'object', properties: { id: uuid, display: { type: ['string', 'null'] } }, required: ['id', 'display'], additionalProperties: false },
    },
  },
  required: ['score', 'rules', 'records'],
  additionalProperties: false,
} as const;
const merge = {
  type: 'object',
  properties: { id: uuid, survivorId: uuid, loserId: uuid, createdBy: { type: ['string', 'null'] }, at: { type: 'string' }, undone: { type: 'boolean' } },
  additionalProperties: false,
} as const;
const mergeParams = {
  type: 'object',
  properties: { appId: identifier, objectId: identifier, mergeId: uuid },
  required: ['appId', 'objectId', 'mergeId'],
} as const;

/**
 * Duplicate detection and merge (issue 16): the check a form makes before saving, the batch scan,
 * merge and its undo. Everything goes through the record service with the request's access
 * policy; a merge and its undo are audited in their own transaction.
 */
export const duplicateRoutes: RoutePlugin<{ records: RecordService; database: Database }> = async (app, { records }) => {
  const base = '/api/apps/:appId/objects/:objectId';

  app.post(
    `${base}/duplicates/check`,
    {
      schema: {
        tags,
        summary: 'The records these values would duplicate under the object’s match rules, best first (at most 5)',
        params: objectParams,
        body: {
          type: 'object',
          properties: { values: { type: 'object', additionalProperties: true }, excludeId: uuid },
          required: ['values'],
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { candidates: { type: 'array', items: candidate } }, additionalProperties: false } },
      },
    },
    async (request) => {
      const { appId, objectId } = request.params;
      return { candidates: await records.duplicates.check(appId, objectId, policyFor(request, appId), request.body) };
    },
  );

  app.get(
    `${base}/duplicates`,
    {
      schema: {
        tags,
        summary: 'Scan the records the reader may see for duplicate groups, strongest first',
        params: objectParams,
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000 } }, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: { groups: { type: 'array', items: group }, total: { type: 'integer' }, skippedBlocks: { type: 'integer' } },
            additionalProperties: false,
          },
        },
      },
    },
    async (request) => {
      const { appId, objectId } = request.params;
      return records.duplicates.scan(appId, objectId, policyFor(request, appId), { limit: request.query.limit ?? 200 });
    },
  );

  app.post(
    `${base}/merges`,
    {
      schema: {
        tags,
        summary: 'Merge the loser into the survivor: the survivor takes the fields listed in `take`, references move, the loser goes to the recycle bin',
        params: objectParams,
        body: {
          type: 'object',
          properties: { survivorId: uuid, loserId: uuid, take: { type: 'array', items: identifier, uniqueItems: true, maxItems: 500 } },
          required: ['survivorId', 'loserId', 'take'],
          additionalProperties: false,
        },
        response: {
          201: {
            type: 'object',
            properties: { mergeId: uuid, survivorId: uuid, loserId: uuid, repointed: { type: 'integer' } },
            additionalProperties: false,
          },
        },
      },
    },
    async (request, reply) => {
      const { appId, objectId } = request.params;
      const result = await records.transaction(async (inside, tx) => {
        const done = await inside.merge(appId, objectId, policyFor(request, appId), request.body);
        await appendAudit(tx, {
          actorId: request.user?.userId ?? null,
          action: 'record.merge',
          appId,
          objectId,
          recordId: done.survivorId,
          ip: request.ip,
          detail: { mergeId: done.mergeId, loserId: done.loserId, take: request.body.take, repointed: done.repointed },
        });
        return done;
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    `${base}/merges/:mergeId/undo`,
    {
      schema: {
        tags,
        summary: 'Undo a merge exactly: the loser back, its references back, the survivor’s values back (409 once the survivor changed since)',
        params: mergeParams,
        response: { 200: { type: 'object', properties: { survivorId: uuid, loserId: uuid }, additionalProperties: false } },
      },
    },
    async (request) => {
      const { appId, objectId, mergeId } = request.params;
      return records.transaction(async (inside, tx) => {
        const done = await inside.undoMerge(appId, objectId, policyFor(request, appId), mergeId);
        await appendAudit(tx, {
          actorId: request.user?.userId ?? null,
          action: 'record.merge_undo',
          appId,
          objectId,
          recordId: done.survivorId,
          ip: request.ip,
          detail: { mergeId, loserId: done.loserId },
        });
        return done;
      });
    },
  );

  app.get(
    `${base}/records/:recordId/merges`,
    {
      schema: {
        tags,
        summary: 'The merges a record survived or was merged away in (its losers’ histories are read by their ids, deleted included)',
        params: recordParams,
        response: { 200: { type: 'array', items: merge } },
      },
    },
    async (request) => {
      const { appId, objectId, recordId } = request.params;
      return records.merges(appId, objectId, policyFor(request, appId), recordId);
    },
  );
};
